import { z } from '@hono/zod-openapi'
import { OkResponse } from '#shared/contracts/common.ts'
import {
  ClassProgressResponse,
  CURRICULUM_YEARS,
  MilestoneInput,
  MilestoneList,
  MilestoneView,
  NudgeInput,
  NudgePreview,
  NudgeResult,
  TimelineResponse,
} from '#shared/contracts/curriculum.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** The career curriculum: the office writes milestones; a student reads their timeline and ticks milestones on it. */

const MilestoneIdParams = z.object({
  milestoneId: z
    .uuid('Not a valid milestone id.')
    .openapi({ param: { name: 'milestoneId', in: 'path', required: true }, example: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' }),
})
const ClassParams = z.object({
  year: z
    .enum(CURRICULUM_YEARS, 'Choose a year: year-1, year-2, year-3, research or year-4.')
    .openapi({ param: { name: 'year', in: 'path', required: true }, example: 'year-3' }),
})
const STAFF = ['advisor', 'admin'] as const
const timeline = jsonResponse(TimelineResponse, 'The student’s timeline: due now, next, and every year’s milestones with their state.')

export function curriculumRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(STAFF, {
      method: 'get',
      path: '/api/curriculum/milestones',
      tags: ['curriculum'],
      summary: 'Every milestone of the curriculum, by year and due month',
      responses: { 200: jsonResponse(MilestoneList, 'The milestones.') },
    }),
    async (c) => c.json(await c.var.services.curriculum.listMilestones(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'post',
      path: '/api/curriculum/milestones',
      tags: ['curriculum'],
      summary: 'Add a milestone to the curriculum',
      request: { body: jsonBody(MilestoneInput) },
      responses: { 201: jsonResponse(MilestoneView, 'The new milestone.') },
    }),
    async (c) => c.json(await c.var.services.curriculum.createMilestone(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'put',
      path: '/api/curriculum/milestones/{milestoneId}',
      tags: ['curriculum'],
      summary: 'Change a milestone',
      request: { params: MilestoneIdParams, body: jsonBody(MilestoneInput) },
      responses: { 200: jsonResponse(MilestoneView, 'The milestone as saved.') },
    }),
    async (c) =>
      c.json(await c.var.services.curriculum.updateMilestone(actorOf(c), c.req.valid('param').milestoneId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'delete',
      path: '/api/curriculum/milestones/{milestoneId}',
      tags: ['curriculum'],
      summary: 'Remove a milestone (and every student’s tick of it)',
      request: { params: MilestoneIdParams },
      responses: { 200: jsonResponse(OkResponse, 'Removed.') },
    }),
    async (c) => {
      await c.var.services.curriculum.deleteMilestone(actorOf(c), c.req.valid('param').milestoneId, requestMeta(c))
      return c.json({ ok: true as const }, 200)
    },
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/curriculum/timeline',
      tags: ['curriculum'],
      summary: 'The signed-in student’s curriculum timeline',
      responses: { 200: timeline },
    }),
    async (c) => c.json(await c.var.services.curriculum.getMyTimeline(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/curriculum/milestones/{milestoneId}/done',
      tags: ['curriculum'],
      summary: 'Tick a milestone as done',
      request: { params: MilestoneIdParams },
      responses: { 200: timeline },
    }),
    async (c) => c.json(await c.var.services.curriculum.tickMilestone(actorOf(c), c.req.valid('param').milestoneId), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'delete',
      path: '/api/curriculum/milestones/{milestoneId}/done',
      tags: ['curriculum'],
      summary: 'Take back a tick',
      request: { params: MilestoneIdParams },
      responses: { 200: timeline },
    }),
    async (c) => c.json(await c.var.services.curriculum.untickMilestone(actorOf(c), c.req.valid('param').milestoneId), 200),
  )

  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/curriculum/classes/{year}',
      tags: ['curriculum'],
      summary: 'A class’s progress through a curriculum year: each milestone’s figures, and who is behind',
      request: { params: ClassParams },
      responses: { 200: jsonResponse(ClassProgressResponse, 'The class’s figures and the students behind, by name.') },
    }),
    async (c) => c.json(await c.var.services.curriculum.getClassProgress(actorOf(c), c.req.valid('param').year, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['advisor'], {
      method: 'post',
      path: '/api/curriculum/milestones/{milestoneId}/nudges/preview',
      tags: ['curriculum'],
      summary: 'Preview a nudge: the exact e-mail one student would receive, and who would be skipped',
      request: { params: MilestoneIdParams, body: jsonBody(NudgeInput) },
      responses: { 200: jsonResponse(NudgePreview, 'The e-mail and who would be nudged or skipped; nothing is sent.') },
    }),
    async (c) => c.json(await c.var.services.curriculum.previewNudge(actorOf(c), c.req.valid('param').milestoneId, c.req.valid('json')), 200),
  )

  router.openapi(
    guardedRoute(['advisor'], {
      method: 'post',
      path: '/api/curriculum/milestones/{milestoneId}/nudges',
      tags: ['curriculum'],
      summary: 'E-mail a nudge about a milestone to the chosen students (skipping those nudged about it in the last week)',
      request: { params: MilestoneIdParams, body: jsonBody(NudgeInput) },
      responses: { 200: jsonResponse(NudgeResult, 'Who was nudged, and who was skipped and why.') },
    }),
    async (c) => c.json(await c.var.services.curriculum.sendNudges(actorOf(c), c.req.valid('param').milestoneId, c.req.valid('json'), requestMeta(c)), 200),
  )

  return router
}
