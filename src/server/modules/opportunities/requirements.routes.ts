import { z } from '@hono/zod-openapi'
import {
  RequirementInput,
  RequirementList,
  RequirementRecordInput,
  RequirementStanding,
  RequirementStandingList,
  VerificationQueue,
} from '#shared/contracts/shadowing.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse, PersonIdParams } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** Requirements: the office sets them and verifies students' records; students record their own. */

const example = '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11'
const RequirementIdParams = z.object({
  requirementId: z.uuid('Not a valid requirement id.').openapi({ param: { name: 'requirementId', in: 'path', required: true }, example }),
})
const OpportunityIdParams = z.object({
  opportunityId: z.uuid('Not a valid opportunity id.').openapi({ param: { name: 'opportunityId', in: 'path', required: true }, example }),
})
const standings = jsonResponse(
  RequirementStandingList,
  'Every requirement in force with the student’s standing (met, missing, awaiting verification, expired).',
)
const list = jsonResponse(RequirementList, 'The requirements in force.')

export function requirementsRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'get',
      path: '/api/requirements',
      tags: ['opportunities'],
      summary: 'The requirements in force, by kind of opportunity or for one opportunity',
      responses: { 200: list },
    }),
    async (c) => c.json(await c.var.services.requirements.listRequirements(), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/requirements',
      tags: ['opportunities'],
      summary: 'Set a requirement for every opportunity of a kind, or for one opportunity',
      request: { body: jsonBody(RequirementInput) },
      responses: { 201: list },
    }),
    async (c) => c.json(await c.var.services.requirements.createRequirement(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'put',
      path: '/api/requirements/{requirementId}',
      tags: ['opportunities'],
      summary: 'Change a requirement in force (its name, words, who vouches for it, what it applies to)',
      request: { params: RequirementIdParams, body: jsonBody(RequirementInput) },
      responses: { 200: list },
    }),
    async (c) =>
      c.json(await c.var.services.requirements.updateRequirement(actorOf(c), c.req.valid('param').requirementId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/requirements/verification-queue',
      tags: ['opportunities'],
      summary: 'Students’ records waiting for the office to verify them, the longest waiting first, with their expiry (audited)',
      responses: { 200: jsonResponse(VerificationQueue, 'Up to 100, oldest first.') },
    }),
    async (c) => c.json(await c.var.services.requirements.verificationQueue(actorOf(c), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'delete',
      path: '/api/requirements/{requirementId}',
      tags: ['opportunities'],
      summary: 'Stop asking for a requirement (students’ records of it stay)',
      request: { params: RequirementIdParams },
      responses: { 200: list },
    }),
    async (c) => c.json(await c.var.services.requirements.retireRequirement(actorOf(c), c.req.valid('param').requirementId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/requirements/mine',
      tags: ['opportunities'],
      summary: 'The caller’s standing on every requirement',
      responses: { 200: standings },
    }),
    async (c) => c.json(await c.var.services.requirements.listMine(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'put',
      path: '/api/requirements/{requirementId}/mine',
      tags: ['opportunities'],
      summary: 'Record a requirement: when one completed it and when it expires (one the office verifies waits for it)',
      request: { params: RequirementIdParams, body: jsonBody(RequirementRecordInput) },
      responses: { 200: standings },
    }),
    async (c) => c.json(await c.var.services.requirements.recordMine(actorOf(c), c.req.valid('param').requirementId, c.req.valid('json')), 200),
  )

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'get',
      path: '/api/requirements/students/{personId}',
      tags: ['opportunities'],
      summary: 'A student’s standing on every requirement, for their assigned advisors and the office (audited)',
      request: { params: PersonIdParams },
      responses: { 200: standings },
    }),
    async (c) => c.json(await c.var.services.requirements.listOfStudent(actorOf(c), c.req.valid('param').personId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'put',
      path: '/api/requirements/{requirementId}/students/{personId}/verification',
      tags: ['opportunities'],
      summary: 'Record and verify a student’s requirement, for their assigned advisors and the office',
      request: { params: RequirementIdParams.extend(PersonIdParams.shape), body: jsonBody(RequirementRecordInput) },
      responses: { 200: standings },
    }),
    async (c) => {
      const { requirementId, personId } = c.req.valid('param')
      return c.json(await c.var.services.requirements.verifyForStudent(actorOf(c), requirementId, personId, c.req.valid('json'), requestMeta(c)), 200)
    },
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/opportunities/{opportunityId}/requirements',
      tags: ['opportunities'],
      summary: 'What an opportunity demands, with the caller’s standing on each if they are a student',
      request: { params: OpportunityIdParams },
      responses: { 200: jsonResponse(z.object({ requirements: z.array(RequirementStanding) }), 'In the order the office set them.') },
    }),
    async (c) => {
      const actor = actorOf(c)
      const opportunity = await c.var.services.opportunities.getOpportunity(actor, c.req.valid('param').opportunityId)
      return c.json({ requirements: await c.var.services.requirements.standingsFor(actor, opportunity, 'booking') }, 200)
    },
  )

  return router
}
