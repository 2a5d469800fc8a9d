import { DirectoryHoldInput, DirectoryHoldView } from '#shared/contracts/records.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

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

  return router
}
