import { z } from '@hono/zod-openapi'
import {
  AdvisingBoardView,
  AdvisorsResponse,
  AgreementAnswer,
  AgreementRequestsResponse,
  DeclineAgreement,
  AssignmentResultsResponse,
  BoardAssignmentResult,
  BulkAssignAdvisor,
  CreateBoardAssignment,
  ImportAdvisorAssignments,
  MyStudentsQuery,
  MyStudentsResponse,
  SetStudentAdvisors,
  StudentAdvisorsQuery,
  StudentAdvisorsResponse,
  StudentAdvisorsRow,
} from '#shared/contracts/advising.ts'
import { OkResponse } from '#shared/contracts/common.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse, PersonIdParams } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** The advising board and the Office's advisor assignments (decision 012). */

const AssignmentParams = z.object({
  assignmentId: z
    .uuid('Not a valid assignment id.')
    .openapi({ param: { name: 'assignmentId', in: 'path', required: true }, example: '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }),
})

const boardResponse = jsonResponse(AdvisingBoardView, 'The board: every slot, who fills it and why, empty slots flagged with suggestions.')
const results = jsonResponse(AssignmentResultsResponse, 'Row by row: assigned, already assigned, or rejected and why.')

export function advisingRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/advising/board/me',
      tags: ['advising'],
      summary: 'My advising board',
      responses: { 200: boardResponse },
    }),
    async (c) => c.json(await c.var.services.advising.getMyBoard(actorOf(c)), 200),
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/advising/students',
      tags: ['advising'],
      summary: 'My students: each assigned student’s board at a glance, empty slots flagged',
      request: { query: MyStudentsQuery },
      responses: { 200: jsonResponse(MyStudentsResponse, 'My students.') },
    }),
    async (c) => c.json(await c.var.services.advising.listMyStudents(actorOf(c), c.req.valid('query'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/advising/students/{personId}/board',
      tags: ['advising'],
      summary: 'One of my students’ advising board (the read is audited)',
      request: { params: PersonIdParams },
      responses: { 200: boardResponse },
    }),
    async (c) => c.json(await c.var.services.advising.getStudentBoard(actorOf(c), c.req.valid('param').personId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'post',
      path: '/api/advising/assignments',
      tags: ['advising'],
      summary: 'Fill a slot of a student’s board by hand (advisors: their own students)',
      request: { body: jsonBody(CreateBoardAssignment) },
      responses: { 201: jsonResponse(BoardAssignmentResult, 'Assigned; the student and the person are e-mailed.') },
    }),
    async (c) => c.json(await c.var.services.advising.assignToBoard(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )
  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'delete',
      path: '/api/advising/assignments/{assignmentId}',
      tags: ['advising'],
      summary: 'Remove a hand-made assignment from a student’s board',
      request: { params: AssignmentParams },
      responses: { 200: jsonResponse(OkResponse, 'Removed.') },
    }),
    async (c) => {
      await c.var.services.advising.removeFromBoard(actorOf(c), c.req.valid('param').assignmentId, requestMeta(c))
      return c.json({ ok: true as const }, 200)
    },
  )

  // ── the person assigned agrees or declines ──
  router.openapi(
    // Admins too: they assign board slots, and see here the requests they made that still wait.
    guardedRoute(['mentor', 'advisor', 'admin'], {
      method: 'get',
      path: '/api/advising/agreements',
      tags: ['advising'],
      summary: 'Slots of students’ boards I was asked to take on and have not answered, and the requests I made that still wait',
      responses: { 200: jsonResponse(AgreementRequestsResponse, 'Waiting for my answer, and waiting on others, oldest first.') },
    }),
    async (c) => c.json(await c.var.services.advising.listMyAgreementRequests(actorOf(c)), 200),
  )
  router.openapi(
    guardedRoute(['mentor', 'advisor'], {
      method: 'post',
      path: '/api/advising/agreements/{assignmentId}/accept',
      tags: ['advising'],
      summary: 'Agree to fill the slot I was asked to take on (the student and the advisor who asked are e-mailed)',
      request: { params: AssignmentParams },
      responses: { 200: jsonResponse(AgreementAnswer, 'Agreed.') },
    }),
    async (c) => c.json(await c.var.services.advising.acceptAgreement(actorOf(c), c.req.valid('param').assignmentId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['mentor', 'advisor'], {
      method: 'post',
      path: '/api/advising/agreements/{assignmentId}/decline',
      tags: ['advising'],
      summary: 'Decline a slot I was asked to take on (the advisor who asked is e-mailed, with my reason)',
      request: { params: AssignmentParams, body: jsonBody(DeclineAgreement) },
      responses: { 200: jsonResponse(AgreementAnswer, 'Declined; off the board.') },
    }),
    async (c) =>
      c.json(await c.var.services.advising.declineAgreement(actorOf(c), c.req.valid('param').assignmentId, c.req.valid('json'), requestMeta(c)), 200),
  )

  // ── advisors of students (admins) ──
  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/admin/advisors',
      tags: ['advising'],
      summary: 'Active advisors and how many students each advises',
      responses: { 200: jsonResponse(AdvisorsResponse, 'Advisors.') },
    }),
    async (c) => c.json(await c.var.services.advising.listAdvisors(), 200),
  )
  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/admin/student-advisors',
      tags: ['advising'],
      summary: 'Active students and their assigned advisors',
      request: { query: StudentAdvisorsQuery },
      responses: { 200: jsonResponse(StudentAdvisorsResponse, 'Students and advisors.') },
    }),
    async (c) => c.json(await c.var.services.advising.listStudentAdvisors(c.req.valid('query')), 200),
  )
  router.openapi(
    guardedRoute(['admin'], {
      method: 'put',
      path: '/api/admin/student-advisors',
      tags: ['advising'],
      summary: 'Set exactly these advisors for one student',
      request: { body: jsonBody(SetStudentAdvisors) },
      responses: { 200: jsonResponse(StudentAdvisorsRow, 'The student and their advisors.') },
    }),
    async (c) => c.json(await c.var.services.advising.setStudentAdvisors(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/admin/student-advisors/bulk',
      tags: ['advising'],
      summary: 'Assign many students to one advisor',
      request: { body: jsonBody(BulkAssignAdvisor) },
      responses: { 200: results },
    }),
    async (c) => c.json(await c.var.services.advising.bulkAssignAdvisor(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/admin/student-advisors/import',
      tags: ['advising'],
      summary: 'Check (dry run, the default) or apply advisor assignments from CSV (student_email, advisor_email)',
      request: { body: jsonBody(ImportAdvisorAssignments) },
      responses: { 200: results },
    }),
    async (c) => {
      const { csv, dryRun } = c.req.valid('json')
      return c.json(await c.var.services.advising.importAdvisorAssignments(actorOf(c), csv, requestMeta(c), { dryRun }), 200)
    },
  )

  return router
}
