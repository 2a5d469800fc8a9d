import { z } from '@hono/zod-openapi'
import { AttachedDocumentText } from '#shared/contracts/opportunities.ts'
import { actorOf } from '../../http/access.ts'
import { jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** The document version sent with an application, for the poster of the opportunity (decision 042). */

const ApplicationIdParams = z.object({
  applicationId: z
    .uuid('Not a valid application id.')
    .openapi({ param: { name: 'applicationId', in: 'path', required: true }, example: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' }),
})

export function applicationDocumentsRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(['mentor', 'advisor', 'admin'], {
      method: 'get',
      path: '/api/opportunity-applications/{applicationId}/document',
      tags: ['opportunities'],
      summary: 'The document version a student attached to their application to one’s opportunity (that version only; audited)',
      request: { params: ApplicationIdParams },
      responses: { 200: jsonResponse(AttachedDocumentText, 'The version as the student sent it.') },
    }),
    async (c) => c.json(await c.var.services.applicationDocuments.readForPoster(actorOf(c), c.req.valid('param').applicationId, requestMeta(c)), 200),
  )

  return router
}
