import { z } from '@hono/zod-openapi'
import {
  ApplicantList,
  ApplyInput,
  ConfirmExperienceInput,
  DecisionInput,
  ErasDraftInput,
  ErasDraftProposal,
  ErasDraftSaved,
  ExperienceInput,
  ExperienceList,
  ExperienceView,
  MyApplicationList,
  OpportunityBoard,
  OpportunityInput,
  OpportunitySearch,
  OpportunityView,
  PostedOpportunityList,
  ResearchOutputInput,
  StudentExperienceList,
} from '#shared/contracts/opportunities.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse, PersonIdParams } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** Opportunities: mentors and staff post and decide; students browse, apply and keep their experience record. */

const example = '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11'
const OpportunityIdParams = z.object({
  opportunityId: z.uuid('Not a valid opportunity id.').openapi({ param: { name: 'opportunityId', in: 'path', required: true }, example }),
})
const ApplicationIdParams = z.object({
  applicationId: z.uuid('Not a valid application id.').openapi({ param: { name: 'applicationId', in: 'path', required: true }, example }),
})
const ExperienceIdParams = z.object({
  experienceId: z.uuid('Not a valid experience id.').openapi({ param: { name: 'experienceId', in: 'path', required: true }, example }),
})
const ResearchOutputIdParams = z.object({
  outputId: z.uuid('Not a valid id.').openapi({ param: { name: 'outputId', in: 'path', required: true }, example }),
})
const POSTERS = ['mentor', 'advisor', 'admin'] as const
const opportunity = jsonResponse(OpportunityView, 'The opportunity, with the caller’s application.')
const applicants = jsonResponse(ApplicantList, 'The applicants, first received first.')

export function opportunitiesRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/opportunities',
      tags: ['opportunities'],
      summary: 'The board: open opportunities the caller may see, searched (title and description) and filtered, with facet counts',
      request: { query: OpportunitySearch },
      responses: { 200: jsonResponse(OpportunityBoard, 'Matches (best first, or nearest deadline first) and counts per facet value.') },
    }),
    async (c) => c.json(await c.var.services.opportunities.searchBoard(actorOf(c), c.req.valid('query')), 200),
  )

  router.openapi(
    guardedRoute(POSTERS, {
      method: 'post',
      path: '/api/opportunities',
      tags: ['opportunities'],
      summary: 'Post an opportunity',
      request: { body: jsonBody(OpportunityInput) },
      responses: { 201: opportunity },
    }),
    async (c) => c.json(await c.var.services.opportunities.createOpportunity(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute(POSTERS, {
      method: 'get',
      path: '/api/opportunities/posted',
      tags: ['opportunities'],
      summary: 'The opportunities the caller posted, with their applications counted',
      responses: { 200: jsonResponse(PostedOpportunityList, 'Newest first.') },
    }),
    async (c) => c.json(await c.var.services.opportunities.listPosted(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/opportunities/{opportunityId}',
      tags: ['opportunities'],
      summary: 'One opportunity, if it is open to the caller',
      request: { params: OpportunityIdParams },
      responses: { 200: opportunity },
    }),
    async (c) => c.json(await c.var.services.opportunities.getOpportunity(actorOf(c), c.req.valid('param').opportunityId), 200),
  )

  router.openapi(
    guardedRoute(POSTERS, {
      method: 'put',
      path: '/api/opportunities/{opportunityId}',
      tags: ['opportunities'],
      summary: 'Change one’s opportunity (publish, close, more or fewer places)',
      request: { params: OpportunityIdParams, body: jsonBody(OpportunityInput) },
      responses: { 200: opportunity },
    }),
    async (c) =>
      c.json(await c.var.services.opportunities.updateOpportunity(actorOf(c), c.req.valid('param').opportunityId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(POSTERS, {
      method: 'get',
      path: '/api/opportunities/{opportunityId}/applications',
      tags: ['opportunities'],
      summary: 'The applicants to one’s opportunity',
      request: { params: OpportunityIdParams },
      responses: { 200: applicants },
    }),
    async (c) => c.json(await c.var.services.opportunities.listApplicants(actorOf(c), c.req.valid('param').opportunityId), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/opportunities/{opportunityId}/applications',
      tags: ['opportunities'],
      summary: 'Apply with a short statement',
      request: { params: OpportunityIdParams, body: jsonBody(ApplyInput) },
      responses: { 200: opportunity },
    }),
    async (c) => c.json(await c.var.services.opportunities.apply(actorOf(c), c.req.valid('param').opportunityId, c.req.valid('json')), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/opportunity-applications/mine',
      tags: ['opportunities'],
      summary: 'The caller’s applications',
      responses: { 200: jsonResponse(MyApplicationList, 'Newest first.') },
    }),
    async (c) => c.json(await c.var.services.opportunities.listMyApplications(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(POSTERS, {
      method: 'post',
      path: '/api/opportunity-applications/{applicationId}/decision',
      tags: ['opportunities'],
      summary: 'Shortlist, accept or decline an application to one’s opportunity, with a message; accepting beyond the places is refused (409)',
      request: { params: ApplicationIdParams, body: jsonBody(DecisionInput) },
      responses: { 200: applicants },
    }),
    async (c) => c.json(await c.var.services.opportunities.decide(actorOf(c), c.req.valid('param').applicationId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/opportunity-applications/{applicationId}/withdraw',
      tags: ['opportunities'],
      summary: 'Withdraw one’s application before the poster decides',
      request: { params: ApplicationIdParams },
      responses: { 200: opportunity },
    }),
    async (c) => c.json(await c.var.services.opportunities.withdraw(actorOf(c), c.req.valid('param').applicationId), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/experiences/mine',
      tags: ['opportunities'],
      summary: 'The caller’s experience record',
      responses: { 200: jsonResponse(ExperienceList, 'Latest first.') },
    }),
    async (c) => c.json(await c.var.services.experiences.listMine(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/experiences/mine/eras-draft',
      tags: ['opportunities'],
      summary:
        'A draft of the ERAS experiences section from the caller’s record: up to 10 proposed, each with its ERAS type and a description within 750 characters',
      responses: { 200: jsonResponse(ErasDraftProposal, 'Every entry of the record, the proposed ones first.') },
    }),
    async (c) => c.json(await c.var.services.experiences.proposeErasDraft(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/experiences/mine/eras-draft',
      tags: ['opportunities'],
      summary: 'Save the chosen ERAS experiences as the caller’s materials documents (one per experience; a new version of one saved before)',
      request: { body: jsonBody(ErasDraftInput) },
      responses: { 201: jsonResponse(ErasDraftSaved, 'The documents written, in the order chosen.') },
    }),
    async (c) => c.json(await c.var.services.experiences.saveErasDraft(actorOf(c), c.req.valid('json')), 201),
  )

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'get',
      path: '/api/experiences/students/{personId}',
      tags: ['opportunities'],
      summary: 'A student’s experience record, for their assigned advisors and the office',
      request: { params: PersonIdParams },
      responses: { 200: jsonResponse(StudentExperienceList, 'Latest first, with whose record it is.') },
    }),
    async (c) => c.json(await c.var.services.experiences.listOfStudent(actorOf(c), c.req.valid('param').personId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/experiences',
      tags: ['opportunities'],
      summary: 'Add an experience from elsewhere to one’s record',
      request: { body: jsonBody(ExperienceInput) },
      responses: { 201: jsonResponse(ExperienceView, 'The new entry.') },
    }),
    async (c) => c.json(await c.var.services.experiences.addMine(actorOf(c), c.req.valid('json')), 201),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/experiences/{experienceId}/outputs',
      tags: ['opportunities'],
      summary: 'Add an abstract, poster, presentation or publication to an entry of one’s record',
      request: { params: ExperienceIdParams, body: jsonBody(ResearchOutputInput) },
      responses: { 201: jsonResponse(ExperienceView, 'The entry with its outputs.') },
    }),
    async (c) => c.json(await c.var.services.experiences.addOutput(actorOf(c), c.req.valid('param').experienceId, c.req.valid('json')), 201),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'delete',
      path: '/api/research-outputs/{outputId}',
      tags: ['opportunities'],
      summary: 'Remove an abstract, poster, presentation or publication from one’s record',
      request: { params: ResearchOutputIdParams },
      responses: { 200: jsonResponse(ExperienceView, 'The entry it belonged to.') },
    }),
    async (c) => c.json(await c.var.services.experiences.removeOutput(actorOf(c), c.req.valid('param').outputId), 200),
  )

  router.openapi(
    guardedRoute(POSTERS, {
      method: 'post',
      path: '/api/experiences/{experienceId}/confirm',
      tags: ['opportunities'],
      summary: 'Confirm, as the poster of the opportunity, a student’s experience and its hours',
      request: { params: ExperienceIdParams, body: jsonBody(ConfirmExperienceInput) },
      responses: { 200: jsonResponse(ExperienceView, 'The confirmed entry.') },
    }),
    async (c) => c.json(await c.var.services.experiences.confirm(actorOf(c), c.req.valid('param').experienceId, c.req.valid('json'), requestMeta(c)), 200),
  )

  return router
}
