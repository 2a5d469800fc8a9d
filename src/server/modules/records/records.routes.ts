import { z } from '@hono/zod-openapi'
import {
  AmendmentDecisionInput,
  AmendmentList,
  AmendmentRequestInput,
  AmendmentStatementInput,
  AmendmentView,
  DirectoryHoldInput,
  DirectoryHoldView,
  RecordAccessLog,
  RecordsExport,
} from '#shared/contracts/records.ts'
import { ErrorResponse } from '#shared/contracts/common.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'
import { renderRecordsHtml } from './domain/render-records-html.ts'

const AmendmentIdParams = z.object({
  amendmentId: z
    .uuid('Not a valid request id.')
    .openapi({ param: { name: 'amendmentId', in: 'path', required: true }, example: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e12' }),
})
const amendment = jsonResponse(AmendmentView, 'The request, with its decision and statement.')

/** A student's FERPA rights: directory hold, inspection and download, access record, amendment. */
export function recordsRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/records/directory-hold',
      tags: ['records'],
      summary: 'Whether the caller’s directory information is held from other students and mentors',
      responses: { 200: jsonResponse(DirectoryHoldView, 'The hold and when it last changed.') },
    }),
    async (c) => c.json(await c.var.services.records.directoryHold.getMyDirectoryHold(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'put',
      path: '/api/records/directory-hold',
      tags: ['records'],
      summary: 'Opt out of (or back into) the directory: hidden from every list other students and mentors see',
      request: { body: jsonBody(DirectoryHoldInput) },
      responses: { 200: jsonResponse(DirectoryHoldView, 'The hold as now set.') },
    }),
    async (c) => c.json(await c.var.services.records.directoryHold.setMyDirectoryHold(actorOf(c), c.req.valid('json').hold, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/records/mine',
      tags: ['records'],
      summary: 'Everything the school holds about the caller (FERPA §99.10), part by part, and what is left out and why',
      responses: { 200: jsonResponse(RecordsExport, 'The caller’s records. A letter whose access they waived is named, never shown.') },
    }),
    async (c) => c.json(await c.var.services.records.exports.exportMine(actorOf(c), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/records/mine.json',
      tags: ['records'],
      summary: 'The same records as a JSON file to keep',
      responses: { 200: { description: 'A JSON file (attachment).', content: { 'application/json': { schema: RecordsExport } } } },
    }),
    async (c) => {
      const records = await c.var.services.records.exports.exportMine(actorOf(c), requestMeta(c))
      return c.json(records, 200, { 'content-disposition': 'attachment; filename="my-records.json"' })
    },
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/records/mine.html',
      tags: ['records'],
      summary: 'The same records as a document to read, print or save as PDF',
      responses: { 200: { description: 'A self-contained HTML page (attachment).', content: { 'text/html': { schema: z.string() } } } },
    }),
    async (c) => {
      const records = await c.var.services.records.exports.exportMine(actorOf(c), requestMeta(c))
      return c.body(renderRecordsHtml(records), 200, {
        'content-type': 'text/html; charset=utf-8',
        'content-disposition': 'attachment; filename="my-records.html"',
      })
    },
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/records/access',
      tags: ['records'],
      summary: 'Who other than the caller read or sent on their records, when, and what (FERPA §99.32)',
      responses: { 200: jsonResponse(RecordAccessLog, 'Newest first, from the audit log; never content.') },
    }),
    async (c) => c.json(await c.var.services.records.access.listMyAccess(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/records/amendments',
      tags: ['records'],
      summary: 'Ask the school to correct a record (FERPA §99.20): which record, what is wrong, the correction',
      request: { body: jsonBody(AmendmentRequestInput) },
      responses: { 201: amendment },
    }),
    async (c) => c.json(await c.var.services.records.amendments.requestAmendment(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/records/amendments/mine',
      tags: ['records'],
      summary: 'The caller’s requests to correct a record, newest first',
      responses: { 200: jsonResponse(AmendmentList, 'The requests.') },
    }),
    async (c) => c.json(await c.var.services.records.amendments.listMine(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/records/amendments',
      tags: ['records'],
      summary: 'Every request to correct a record, newest first, for the office to decide',
      responses: { 200: jsonResponse(AmendmentList, 'The requests.') },
    }),
    async (c) => c.json(await c.var.services.records.amendments.listForOffice(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/records/amendments/{amendmentId}/decision',
      tags: ['records'],
      summary: 'Amend the record or refuse, with a reason (FERPA §99.21); the student is e-mailed',
      request: { params: AmendmentIdParams, body: jsonBody(AmendmentDecisionInput) },
      responses: { 200: amendment, 409: jsonResponse(ErrorResponse, 'Decided already.') },
    }),
    async (c) => c.json(await c.var.services.records.amendments.decide(actorOf(c), c.req.valid('param').amendmentId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/records/amendments/{amendmentId}/statement',
      tags: ['records'],
      summary: 'After a refusal, add a statement kept with the record and shown with it (FERPA §99.21(b)(2))',
      request: { params: AmendmentIdParams, body: jsonBody(AmendmentStatementInput) },
      responses: { 200: amendment, 409: jsonResponse(ErrorResponse, 'The request is not refused.') },
    }),
    async (c) =>
      c.json(
        await c.var.services.records.amendments.addStatement(actorOf(c), c.req.valid('param').amendmentId, c.req.valid('json').statement, requestMeta(c)),
        200,
      ),
  )

  return router
}
