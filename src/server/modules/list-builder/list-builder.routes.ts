import { z } from '@hono/zod-openapi'
import {
  AddProgramsResponse,
  AddProgramsToList,
  ApplicationProfileInput,
  ApplicationProfileView,
  ListBuilderQuery,
  ListBuilderResponse,
  ProgramChances,
  ProgramId,
  ProgramListResponse,
  UpdateProgramListItem,
} from '#shared/contracts/list-builder.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse, PersonIdParams } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/**
 * The application profile, the list builder and the program list (issue 7). A student reads
 * and changes their own; an assigned advisor reads a student's (each read audited); nobody else.
 */

const ProgramIdParams = z.object({
  programId: ProgramId.openapi({ param: { name: 'programId', in: 'path', required: true }, example: '1400140C0' }),
})
const BuilderQuery = ListBuilderQuery.extend({
  specialty: ListBuilderQuery.shape.specialty.openapi({ param: { name: 'specialty', in: 'query' }, example: 'internal-medicine' }),
  target: ListBuilderQuery.shape.target.openapi({ param: { name: 'target', in: 'query' }, example: 0.9 }),
})

const profileResponse = jsonResponse(ApplicationProfileView, 'The application profile (defaults until first saved).')
const builderResponse = jsonResponse(
  ListBuilderResponse,
  'Every program with its chances, the recommended count and curve, signals, backup plan, and how sure the figures are.',
)
const listResponse = jsonResponse(ProgramListResponse, 'The program list with statuses and signals.')

export function listBuilderRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/list-builder/profile',
      tags: ['list-builder'],
      summary: 'My application profile',
      responses: { 200: profileResponse },
    }),
    async (c) => c.json(await c.var.services.listBuilder.getMyProfile(actorOf(c), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['student'], {
      method: 'put',
      path: '/api/list-builder/profile',
      tags: ['list-builder'],
      summary: 'Save my application profile (every field; field errors name what is wrong)',
      request: { body: jsonBody(ApplicationProfileInput) },
      responses: { 200: profileResponse },
    }),
    async (c) => c.json(await c.var.services.listBuilder.updateMyProfile(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/list-builder/students/{personId}/profile',
      tags: ['list-builder'],
      summary: "A student's application profile (assigned advisors only; audited)",
      request: { params: PersonIdParams },
      responses: { 200: profileResponse },
    }),
    async (c) => c.json(await c.var.services.listBuilder.getStudentProfile(actorOf(c), c.req.valid('param').personId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/list-builder/chances',
      tags: ['list-builder'],
      summary: 'The list builder for me: chances at every program of a specialty, how many to apply to, signals, backup plan',
      request: { query: BuilderQuery },
      responses: { 200: builderResponse },
    }),
    async (c) => {
      const actor = actorOf(c)
      return c.json(await c.var.services.listBuilder.getBuilder(actor, actor.personId, c.req.valid('query'), requestMeta(c)), 200)
    },
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/list-builder/students/{personId}/chances',
      tags: ['list-builder'],
      summary: 'The list builder as a student sees it (assigned advisors only; audited)',
      request: { params: PersonIdParams, query: BuilderQuery },
      responses: { 200: builderResponse },
    }),
    async (c) => c.json(await c.var.services.listBuilder.getBuilder(actorOf(c), c.req.valid('param').personId, c.req.valid('query'), requestMeta(c)), 200),
  )

  const chancesOfOne = jsonResponse(ProgramChances, "One program's chances with the factors behind them.")
  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/list-builder/chances/{programId}',
      tags: ['list-builder'],
      summary: 'My chances at one program, with the factors behind them in plain words',
      request: { params: ProgramIdParams },
      responses: { 200: chancesOfOne },
    }),
    async (c) => {
      const actor = actorOf(c)
      return c.json(await c.var.services.listBuilder.getProgramChances(actor, actor.personId, c.req.valid('param').programId, requestMeta(c)), 200)
    },
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/list-builder/students/{personId}/chances/{programId}',
      tags: ['list-builder'],
      summary: "A student's chances at one program with their factors (assigned advisors only; audited)",
      request: { params: PersonIdParams.extend(ProgramIdParams.shape) },
      responses: { 200: chancesOfOne },
    }),
    async (c) => {
      const { personId, programId } = c.req.valid('param')
      return c.json(await c.var.services.listBuilder.getProgramChances(actorOf(c), personId, programId, requestMeta(c)), 200)
    },
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/list-builder/my-programs',
      tags: ['list-builder'],
      summary: 'My program list with statuses and signals',
      responses: { 200: listResponse },
    }),
    async (c) => {
      const actor = actorOf(c)
      return c.json(await c.var.services.listBuilder.getProgramList(actor, actor.personId, requestMeta(c)), 200)
    },
  )
  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/list-builder/my-programs',
      tags: ['list-builder'],
      summary: 'Add programs to my list (e.g. the recommended ones); programs already on it are left as they are',
      request: { body: jsonBody(AddProgramsToList) },
      responses: { 200: jsonResponse(AddProgramsResponse, 'How many were added, and the list.') },
    }),
    async (c) => c.json(await c.var.services.listBuilder.addProgramsToList(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['student'], {
      method: 'patch',
      path: '/api/list-builder/my-programs/{programId}',
      tags: ['list-builder'],
      summary: "Change a program's status, signal or note on my list (never more signals than I have)",
      request: { params: ProgramIdParams, body: jsonBody(UpdateProgramListItem) },
      responses: { 200: listResponse },
    }),
    async (c) =>
      c.json(await c.var.services.listBuilder.updateProgramListItem(actorOf(c), c.req.valid('param').programId, c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/list-builder/students/{personId}/programs',
      tags: ['list-builder'],
      summary: "A student's program list (assigned advisors only; audited)",
      request: { params: PersonIdParams },
      responses: { 200: listResponse },
    }),
    async (c) => c.json(await c.var.services.listBuilder.getProgramList(actorOf(c), c.req.valid('param').personId, requestMeta(c)), 200),
  )

  return router
}
