import { z } from '@hono/zod-openapi'
import {
  AdvisedRankListsResponse,
  CoupleResponse,
  CreateRankListComment,
  InviteCouplePartner,
  RankListProgramSearchQuery,
  RankListProgramSearchResponse,
  RankListView,
  ReplaceRankList,
  SignOffRankList,
  SubmitRankList,
} from '#shared/contracts/rank-lists.ts'
import { ErrorResponse } from '#shared/contracts/common.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/**
 * Rank order lists: the student's own list (`/me`), couples, and the review of a student's list
 * by their assigned advisor (`/students/{studentId}`: the student may use it for their own).
 */

const StudentIdParams = z.object({
  studentId: z
    .uuid('Not a valid student id.')
    .openapi({ param: { name: 'studentId', in: 'path', required: true }, example: '0b8a5a0e-6f55-4a55-9d4e-2f1b0c6f1c11' }),
})

const listView = jsonResponse(RankListView, 'The rank order list, as the caller may see it.')
const coupleView = jsonResponse(CoupleResponse, 'The couple, or null.')
const tags = ['rank-lists']

export function rankListsRoutes() {
  const router = createRouter()

  // ── the student's own list ──
  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/rank-lists/me',
      tags,
      summary: 'My rank order list, supplemental lists, couple, comments and interviews',
      responses: { 200: listView },
    }),
    async (c) => c.json(await c.var.services.rankLists.getMine(actorOf(c)), 200),
  )
  router.openapi(
    guardedRoute(['student'], {
      method: 'put',
      path: '/api/rank-lists/me',
      tags,
      summary: 'Replace my whole list (optimistic concurrency: a stale expectedVersion is a 409)',
      request: { body: jsonBody(ReplaceRankList) },
      responses: { 200: listView, 409: jsonResponse(ErrorResponse, 'The list changed since the version sent.') },
    }),
    async (c) => c.json(await c.var.services.rankLists.replaceMine(actorOf(c), c.req.valid('json')), 200),
  )
  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/rank-lists/me/submit',
      tags,
      summary: 'Ask my advisor to review my list',
      request: { body: jsonBody(SubmitRankList) },
      responses: { 200: listView },
    }),
    async (c) => c.json(await c.var.services.rankLists.submitMine(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/rank-lists/programs',
      tags,
      summary: 'Find a program to rank that my program list does not mark as interviewed',
      request: { query: RankListProgramSearchQuery },
      responses: { 200: jsonResponse(RankListProgramSearchResponse, 'Up to 25 programs.') },
    }),
    async (c) => c.json(await c.var.services.rankLists.searchPrograms(c.req.valid('query').q), 200),
  )

  // ── couples ──
  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/rank-lists/me/couple',
      tags,
      summary: 'My couple or open invitation',
      responses: { 200: coupleView },
    }),
    async (c) => c.json(await c.var.services.rankLists.getMyCouple(actorOf(c)), 200),
  )
  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/rank-lists/me/couple',
      tags,
      summary: 'Invite another student to link lists as a couple',
      request: { body: jsonBody(InviteCouplePartner) },
      responses: { 200: coupleView },
    }),
    async (c) => c.json(await c.var.services.rankLists.invitePartner(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/rank-lists/me/couple/confirm',
      tags,
      summary: 'Confirm the couple invitation I received',
      responses: { 200: coupleView },
    }),
    async (c) => c.json(await c.var.services.rankLists.confirmCouple(actorOf(c), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['student'], {
      method: 'delete',
      path: '/api/rank-lists/me/couple',
      tags,
      summary: 'Unlink our lists, decline an invitation, or withdraw mine',
      responses: { 200: coupleView },
    }),
    async (c) => c.json(await c.var.services.rankLists.unlinkCouple(actorOf(c), requestMeta(c)), 200),
  )

  // ── review ──
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/rank-lists/students',
      tags,
      summary: 'My advisees’ rank lists and their review status',
      responses: { 200: jsonResponse(AdvisedRankListsResponse, 'One row per advisee.') },
    }),
    async (c) => c.json(await c.var.services.rankLists.listAdvised(actorOf(c), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['student', 'advisor'], {
      method: 'get',
      path: '/api/rank-lists/students/{studentId}',
      tags,
      summary: 'A student’s rank list (the student, or an assigned advisor: each advisor read is audited)',
      request: { params: StudentIdParams },
      responses: { 200: listView },
    }),
    async (c) => c.json(await c.var.services.rankLists.getForStudent(actorOf(c), c.req.valid('param').studentId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['student', 'advisor'], {
      method: 'get',
      path: '/api/rank-lists/students/{studentId}/export.csv',
      tags,
      summary: 'The list as it is entered in the NRMP system (CSV)',
      request: { params: StudentIdParams },
      responses: { 200: { description: 'CSV (RFC 4180).', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const csv = await c.var.services.rankLists.exportCsv(actorOf(c), c.req.valid('param').studentId, requestMeta(c))
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="rank-order-list.csv"' })
    },
  )
  router.openapi(
    guardedRoute(['student', 'advisor'], {
      method: 'post',
      path: '/api/rank-lists/students/{studentId}/comments',
      tags,
      summary: 'Comment on a rank list (the student or an assigned advisor)',
      request: { params: StudentIdParams, body: jsonBody(CreateRankListComment) },
      responses: { 200: listView },
    }),
    async (c) => c.json(await c.var.services.rankLists.comment(actorOf(c), c.req.valid('param').studentId, c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'post',
      path: '/api/rank-lists/students/{studentId}/sign-off',
      tags,
      summary: 'Sign off the version reviewed (an assigned advisor only; the student is e-mailed)',
      request: { params: StudentIdParams, body: jsonBody(SignOffRankList) },
      responses: { 200: listView },
    }),
    async (c) => c.json(await c.var.services.rankLists.signOff(actorOf(c), c.req.valid('param').studentId, c.req.valid('json'), requestMeta(c)), 200),
  )

  return router
}
