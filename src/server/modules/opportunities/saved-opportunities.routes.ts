import { z } from '@hono/zod-openapi'
import { SavedOpportunityList, SavedState } from '#shared/contracts/saved-opportunities.ts'
import { actorOf } from '../../http/access.ts'
import { jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute } from '../../http/route.ts'

/** A student's saved opportunities: their own list, and saving or unsaving one. Students only. */

const OpportunityIdParams = z.object({
  opportunityId: z
    .uuid('Not a valid opportunity id.')
    .openapi({ param: { name: 'opportunityId', in: 'path', required: true }, example: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' }),
})
const state = jsonResponse(SavedState, 'Whether the caller has it saved now.')

export function savedOpportunitiesRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/saved-opportunities',
      tags: ['opportunities'],
      summary: 'The opportunities the caller saved: those still open by nearest deadline, then those closed',
      responses: { 200: jsonResponse(SavedOpportunityList, 'The caller’s own saved opportunities they may still see.') },
    }),
    async (c) => c.json(await c.var.services.savedOpportunities.listMine(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'put',
      path: '/api/saved-opportunities/{opportunityId}',
      tags: ['opportunities'],
      summary: 'Save an opportunity the caller may see (saving again changes nothing)',
      request: { params: OpportunityIdParams },
      responses: { 200: state },
    }),
    async (c) => c.json(await c.var.services.savedOpportunities.save(actorOf(c), c.req.valid('param').opportunityId), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'delete',
      path: '/api/saved-opportunities/{opportunityId}',
      tags: ['opportunities'],
      summary: 'Unsave an opportunity',
      request: { params: OpportunityIdParams },
      responses: { 200: state },
    }),
    async (c) => c.json(await c.var.services.savedOpportunities.unsave(actorOf(c), c.req.valid('param').opportunityId), 200),
  )

  return router
}
