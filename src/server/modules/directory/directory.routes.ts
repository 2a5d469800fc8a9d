import { DirectoryMentorProfile, DirectorySearchQuery, DirectorySearchResponse } from '#shared/contracts/directory.ts'
import { actorOf } from '../../http/access.ts'
import { jsonResponse, PersonIdParams } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

export function directoryRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/directory/mentors',
      tags: ['directory'],
      summary: 'Search the mentor directory: full text, facets with counts, "did you mean"',
      description:
        'Repeat a facet parameter for several values (`offers=research&offers=letters`): any of them matches. Facet counts are under the search and every other facet’s filter. People on a directory hold, and identity fields not shared with the caller, never appear.',
      request: { query: DirectorySearchQuery },
      responses: { 200: jsonResponse(DirectorySearchResponse, 'A page of mentors with facet counts.') },
    }),
    async (c) => c.json(await c.var.services.directory.searchMentors(actorOf(c), c.req.valid('query'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/directory/mentors/{personId}',
      tags: ['directory'],
      summary: 'A listed mentor’s directory profile',
      request: { params: PersonIdParams },
      responses: { 200: jsonResponse(DirectoryMentorProfile, 'The mentor, as the caller may see them.') },
    }),
    async (c) => c.json(await c.var.services.directory.getMentor(actorOf(c), c.req.valid('param').personId, requestMeta(c)), 200),
  )

  return router
}
