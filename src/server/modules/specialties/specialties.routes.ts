import { z } from '@hono/zod-openapi'
import { OkResponse } from '#shared/contracts/common.ts'
import { DepartmentAdvisingInput, SpecialtyPage } from '#shared/contracts/specialties.ts'
import { DEPARTMENT_IDS, SPECIALTY_IDS } from '#shared/reference/specialties.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** Specialty pages ("Explore Emergency Medicine") for everyone signed in; the office sets each department's advisor and chair. */

const SpecialtyParams = z.object({
  specialtyId: z
    .enum(SPECIALTY_IDS as [string, ...string[]], 'No such specialty.')
    .openapi({ param: { name: 'specialtyId', in: 'path', required: true }, example: 'emergency-medicine' }),
})
const DepartmentParams = z.object({
  departmentId: z
    .enum(DEPARTMENT_IDS as [string, ...string[]], 'No such department.')
    .openapi({ param: { name: 'departmentId', in: 'path', required: true }, example: 'emergency-medicine' }),
})

export function specialtiesRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/specialties/{specialtyId}',
      tags: ['specialties'],
      summary: 'A specialty’s page: what it is, training, interest groups, advisor and chair, events, mentors, past matches',
      request: { params: SpecialtyParams },
      responses: { 200: jsonResponse(SpecialtyPage, 'The page, as the caller may see it.') },
    }),
    async (c) => c.json(await c.var.services.specialties.getSpecialtyPage(actorOf(c), c.req.valid('param').specialtyId), 200),
  )

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'put',
      path: '/api/departments/{departmentId}/advising',
      tags: ['specialties'],
      summary: 'Name a clinical department’s specialty advisor and its chair’s availability for residency conversations',
      request: { params: DepartmentParams, body: jsonBody(DepartmentAdvisingInput) },
      responses: { 200: jsonResponse(OkResponse, 'Saved.') },
    }),
    async (c) =>
      c.json(await c.var.services.specialties.setDepartmentAdvising(actorOf(c), c.req.valid('param').departmentId, c.req.valid('json'), requestMeta(c)), 200),
  )

  return router
}
