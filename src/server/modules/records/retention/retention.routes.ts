import { ErrorResponse } from '#shared/contracts/common.ts'
import { RetentionApplyInput, RetentionOverview, RetentionReport, RetentionSettingsInput, RetentionSettingsView } from '#shared/contracts/retention.ts'
import { actorOf } from '../../../http/access.ts'
import { jsonBody, jsonResponse } from '../../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../../http/route.ts'

/** Retention of graduates' records (decision 038): admins only, every step audited. */
export function retentionRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/records/retention',
      tags: ['records'],
      summary: 'The school’s retention rule for graduates’ records and the latest runs',
      responses: { 200: jsonResponse(RetentionOverview, 'The rule and the 20 latest dry runs and applications.') },
    }),
    async (c) => c.json(await c.var.services.records.retention.getOverview(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'put',
      path: '/api/records/retention/settings',
      tags: ['records'],
      summary: 'Set how many years after graduation records are kept, what happens to letters, and whether the scheduled run applies the rule',
      request: { body: jsonBody(RetentionSettingsInput) },
      responses: { 200: jsonResponse(RetentionSettingsView, 'The rule as now set.') },
    }),
    async (c) => c.json(await c.var.services.records.retention.updateSettings(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/records/retention/dry-runs',
      tags: ['records'],
      summary: 'A dry run: who is past the period and what each table would lose, changing nothing',
      responses: { 201: jsonResponse(RetentionReport, 'The report, kept as a run to apply.') },
    }),
    async (c) => c.json(await c.var.services.records.retention.dryRun(actorOf(c), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/records/retention/apply',
      tags: ['records'],
      summary: 'Apply a dry run read today: anonymise and delete as it said, in one transaction',
      request: { body: jsonBody(RetentionApplyInput) },
      responses: {
        200: jsonResponse(RetentionReport, 'What was anonymised and deleted.'),
        404: jsonResponse(ErrorResponse, 'No such dry run.'),
        409: jsonResponse(ErrorResponse, 'The dry run is old, or the rule or the graduates past the period have changed since.'),
      },
    }),
    async (c) => c.json(await c.var.services.records.retention.apply(actorOf(c), c.req.valid('json').dryRunId, requestMeta(c)), 200),
  )

  return router
}
