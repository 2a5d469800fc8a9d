import {
  AlumniMentoringRequest,
  AlumniMentoringStatus,
  HouseAdvisorsResponse,
  ImportRosterRequest,
  RolloverPreview,
  RolloverResult,
  RosterImportReport,
  RunRolloverRequest,
  SetHouseAdvisorRequest,
} from '#shared/contracts/roster.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** The class roster and the year-end rollover (admins), and a graduate's choice to mentor. */
export function rosterRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/admin/roster/import',
      tags: ['roster'],
      summary: 'Check (dryRun) or apply a class roster CSV, keyed on school id or e-mail',
      description:
        'A check writes nothing and reports every problem by row and column, the people it would invite, the fields it would change and the students on record the file leaves out (never removed). An apply with any problem writes nothing and answers 400.',
      request: { body: jsonBody(ImportRosterRequest) },
      responses: { 200: jsonResponse(RosterImportReport, 'What the roster would do, or did.') },
    }),
    async (c) => c.json(await c.var.services.roster.importRoster(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/admin/roster/houses',
      tags: ['roster'],
      summary: 'The roster’s houses, how many students each has, and each house’s advisory dean',
      responses: { 200: jsonResponse(HouseAdvisorsResponse, 'The houses and the advisors who may be their dean.') },
    }),
    async (c) => c.json(await c.var.services.roster.listHouseAdvisors(), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'put',
      path: '/api/admin/roster/houses',
      tags: ['roster'],
      summary: 'Name a house’s advisory dean (or take them away); the next roster applied assigns its students',
      description: 'A student with a dean an admin chose by hand keeps them; one the house gave is reassigned when the house’s dean changes.',
      request: { body: jsonBody(SetHouseAdvisorRequest) },
      responses: { 200: jsonResponse(HouseAdvisorsResponse, 'The houses after the change.') },
    }),
    async (c) => c.json(await c.var.services.roster.setHouseAdvisor(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/admin/roster/rollover',
      tags: ['roster'],
      summary: 'Preview the year-end rollover: every class moved up, Year 4 graduated, leave and research years kept',
      responses: { 200: jsonResponse(RolloverPreview, 'The preview.') },
    }),
    async (c) => c.json(await c.var.services.roster.previewRollover(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/admin/roster/rollover',
      tags: ['roster'],
      summary: 'Run the year-end rollover for the academic year the preview showed (once per academic year)',
      request: { body: jsonBody(RunRolloverRequest) },
      responses: { 200: jsonResponse(RolloverResult, 'Done.') },
    }),
    async (c) => c.json(await c.var.services.roster.runRollover(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/roster/alumni-mentoring',
      tags: ['roster'],
      summary: 'Whether the caller is a graduate of the school, and whether they mentor',
      responses: { 200: jsonResponse(AlumniMentoringStatus, 'The status.') },
    }),
    async (c) => c.json(await c.var.services.roster.getAlumniMentoring(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/roster/alumni-mentoring',
      tags: ['roster'],
      summary: 'A graduate agrees to stay on as an alumni mentor (their own choice only)',
      request: { body: jsonBody(AlumniMentoringRequest) },
      responses: { 200: jsonResponse(AlumniMentoringStatus, 'The status.') },
    }),
    async (c) => c.json(await c.var.services.roster.becomeAlumniMentor(actorOf(c), requestMeta(c)), 200),
  )

  return router
}
