import { z } from '@hono/zod-openapi'
import { OkResponse } from '#shared/contracts/common.ts'
import {
  CreateMentorProgram,
  DraftView,
  EditPair,
  ImportConflicts,
  ImportConflictsResponse,
  MentorProgramList,
  MentorProgramView,
  MyMentorPrograms,
  PublishResponse,
  SaveRanking,
  SetContinuation,
  StudentRankingView,
  UpdateMentorProgram,
} from '#shared/contracts/mentor-programs.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'
import { PROGRAM_READERS, PROGRAM_WRITERS } from './mentor-programs.policy.ts'

/** Formal mentor programs (decision 011): admins run them, advisors read them, participants see their own part. */

const idParam = (name: string, what: string) =>
  z.uuid(`Not a valid ${what} id.`).openapi({ param: { name, in: 'path', required: true }, example: '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' })
const ProgramParams = z.object({ mentorProgramId: idParam('mentorProgramId', 'program') })
const ConflictParams = ProgramParams.extend({ conflictId: idParam('conflictId', 'conflict') })

const programView = jsonResponse(MentorProgramView, 'The program.')
const draftView = jsonResponse(DraftView, 'The draft pairs.')
const tags = ['mentor-programs']
const base = '/api/mentor-programs/{mentorProgramId}'

export function mentorProgramsRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(PROGRAM_READERS, {
      method: 'get',
      path: '/api/mentor-programs',
      tags,
      summary: 'Every mentor program',
      responses: { 200: jsonResponse(MentorProgramList, 'The programs, newest first.') },
    }),
    async (c) => c.json(await c.var.services.mentorPrograms.listPrograms(), 200),
  )
  router.openapi(
    guardedRoute(PROGRAM_WRITERS, {
      method: 'post',
      path: '/api/mentor-programs',
      tags,
      summary: 'Create a mentor program',
      request: { body: jsonBody(CreateMentorProgram) },
      responses: { 201: programView },
    }),
    async (c) => c.json(await c.var.services.mentorPrograms.createProgram(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )
  router.openapi(
    guardedRoute(['student', 'mentor'], {
      method: 'get',
      path: '/api/mentor-programs/mine',
      tags,
      summary: 'Programs I take part in',
      responses: { 200: jsonResponse(MyMentorPrograms, 'My programs.') },
    }),
    async (c) => c.json(await c.var.services.mentorPrograms.listMine(actorOf(c)), 200),
  )
  router.openapi(
    guardedRoute(PROGRAM_READERS, {
      method: 'get',
      path: base,
      tags,
      summary: 'One program with its participants and conflicts',
      request: { params: ProgramParams },
      responses: { 200: programView },
    }),
    async (c) => c.json(await c.var.services.mentorPrograms.getProgram(actorOf(c), c.req.valid('param').mentorProgramId), 200),
  )
  router.openapi(
    guardedRoute(PROGRAM_WRITERS, {
      method: 'patch',
      path: base,
      tags,
      summary: 'Change a program before it is published (a program in review goes back and loses its draft)',
      request: { params: ProgramParams, body: jsonBody(UpdateMentorProgram) },
      responses: { 200: programView },
    }),
    async (c) =>
      c.json(await c.var.services.mentorPrograms.updateProgram(actorOf(c), c.req.valid('param').mentorProgramId, c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(PROGRAM_WRITERS, {
      method: 'post',
      path: `${base}/conflicts`,
      tags,
      summary: 'Add pairs that must never be made, one "student e-mail, mentor e-mail, reason" a line; each rejected line is reported',
      request: { params: ProgramParams, body: jsonBody(ImportConflicts) },
      responses: { 200: jsonResponse(ImportConflictsResponse, 'How many were added, and the lines refused.') },
    }),
    async (c) =>
      c.json(await c.var.services.mentorPrograms.importConflicts(actorOf(c), c.req.valid('param').mentorProgramId, c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(PROGRAM_WRITERS, {
      method: 'delete',
      path: `${base}/conflicts/{conflictId}`,
      tags,
      summary: 'Remove a conflict',
      request: { params: ConflictParams },
      responses: { 200: programView },
    }),
    async (c) => {
      const { mentorProgramId, conflictId } = c.req.valid('param')
      return c.json(await c.var.services.mentorPrograms.deleteConflict(actorOf(c), mentorProgramId, conflictId, requestMeta(c)), 200)
    },
  )
  router.openapi(
    guardedRoute(PROGRAM_WRITERS, {
      method: 'post',
      path: `${base}/open-ranking`,
      tags,
      summary: 'Open the ranking to the students (e-mails each)',
      request: { params: ProgramParams },
      responses: { 200: programView },
    }),
    async (c) => c.json(await c.var.services.mentorPrograms.openRanking(actorOf(c), c.req.valid('param').mentorProgramId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(PROGRAM_WRITERS, {
      method: 'post',
      path: `${base}/run`,
      tags,
      summary: 'Run the pairing; the result replaces the draft',
      request: { params: ProgramParams },
      responses: { 200: draftView },
    }),
    async (c) => c.json(await c.var.services.mentorPrograms.runPairing(actorOf(c), c.req.valid('param').mentorProgramId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(PROGRAM_READERS, {
      method: 'get',
      path: `${base}/draft`,
      tags,
      summary: 'The draft pairs with fit and reasons; unpaired students with why',
      request: { params: ProgramParams },
      responses: { 200: draftView },
    }),
    async (c) => c.json(await c.var.services.mentorPrograms.getDraft(actorOf(c), c.req.valid('param').mentorProgramId), 200),
  )
  router.openapi(
    guardedRoute(PROGRAM_WRITERS, {
      method: 'post',
      path: `${base}/pairs`,
      tags,
      summary: 'Pair a student with another mentor, or none; refused with a field error when it breaks a rule',
      request: { params: ProgramParams, body: jsonBody(EditPair) },
      responses: { 200: draftView },
    }),
    async (c) =>
      c.json(await c.var.services.mentorPrograms.editPair(actorOf(c), c.req.valid('param').mentorProgramId, c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(PROGRAM_WRITERS, {
      method: 'post',
      path: `${base}/publish`,
      tags,
      summary: 'Publish: every pair becomes an active mentorship and both sides are e-mailed; once only',
      request: { params: ProgramParams },
      responses: { 200: jsonResponse(PublishResponse, 'Published.') },
    }),
    async (c) => c.json(await c.var.services.mentorPrograms.publish(actorOf(c), c.req.valid('param').mentorProgramId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(PROGRAM_WRITERS, {
      method: 'post',
      path: `${base}/archive`,
      tags,
      summary: 'Archive a program',
      request: { params: ProgramParams },
      responses: { 200: programView },
    }),
    async (c) => c.json(await c.var.services.mentorPrograms.archive(actorOf(c), c.req.valid('param').mentorProgramId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: `${base}/ranking`,
      tags,
      summary: 'My ranking page in a program I take part in',
      request: { params: ProgramParams },
      responses: { 200: jsonResponse(StudentRankingView, 'My ranking.') },
    }),
    async (c) => c.json(await c.var.services.mentorPrograms.getMyRanking(actorOf(c), c.req.valid('param').mentorProgramId), 200),
  )
  router.openapi(
    guardedRoute(['student'], {
      method: 'put',
      path: `${base}/ranking`,
      tags,
      summary: 'Save my ranking of the program’s mentors, first choice first',
      request: { params: ProgramParams, body: jsonBody(SaveRanking) },
      responses: { 200: jsonResponse(StudentRankingView, 'My ranking.') },
    }),
    async (c) =>
      c.json(await c.var.services.mentorPrograms.saveRanking(actorOf(c), c.req.valid('param').mentorProgramId, c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['student', 'mentor'], {
      method: 'put',
      path: `${base}/continuation`,
      tags,
      summary: 'Ask to keep last program’s pair (both sides must ask), or withdraw that',
      request: { params: ProgramParams, body: jsonBody(SetContinuation) },
      responses: { 200: jsonResponse(OkResponse, 'Saved.') },
    }),
    async (c) =>
      c.json(await c.var.services.mentorPrograms.setContinuation(actorOf(c), c.req.valid('param').mentorProgramId, c.req.valid('json'), requestMeta(c)), 200),
  )

  return router
}
