import { z } from '@hono/zod-openapi'
import { OkResponse } from '#shared/contracts/common.ts'
import {
  BookingView,
  InterviewerReport,
  InterviewerSlots,
  MockInterviewSchool,
  OpenSlots,
  QuestionBank,
  QuestionBankEditor,
  QuestionInput,
  QuestionView,
  RubricEditor,
  QuestionQuery,
  ScoresInput,
  SlotInput,
  SlotQuery,
  SlotView,
  StudentMocks,
} from '#shared/contracts/mock-interviews.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** Mock interviews: interviewers publish and score, students book and read, the office sets the rubric and reads interviewers' severity. */

const param = (name: string, what: string) =>
  z.uuid(`Not a valid ${what} id.`).openapi({ param: { name, in: 'path', required: true }, example: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' })
const SlotParams = z.object({ mockSlotId: param('mockSlotId', 'slot') })
const BookingParams = z.object({ mockBookingId: param('mockBookingId', 'mock interview') })
const StudentParams = z.object({ personId: param('personId', 'person') })
const QuestionParams = z.object({ mockQuestionId: param('mockQuestionId', 'question') })

const booking = jsonResponse(BookingView, 'The mock interview as the caller may see it.')
const INTERVIEWERS = ['mentor', 'advisor'] as const
const TAGS = ['mock-interviews']

export function mockInterviewsRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/mock-interviews/school',
      tags: TAGS,
      summary: 'The school’s rubric (competencies with anchored levels) and its limit of mocks per student and season',
      responses: { 200: jsonResponse(MockInterviewSchool, 'The rubric in force and the limit.') },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.getSchool(), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'put',
      path: '/api/mock-interviews/school',
      tags: TAGS,
      summary: 'Replace the rubric and the limit; competencies left out are retired and keep their past scores',
      request: { body: jsonBody(MockInterviewSchool) },
      responses: { 200: jsonResponse(MockInterviewSchool, 'Saved.') },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.saveSchool(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/mock-interviews/rubric',
      tags: TAGS,
      summary: 'The rubric as the office edits it: retired competencies too, each with the scores past mocks gave it',
      responses: { 200: jsonResponse(RubricEditor, 'Competencies in force first, in order.') },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.rubricEditor(), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/mock-interviews/question-bank',
      tags: TAGS,
      summary: 'Every question of the school’s bank, retired ones too, for the office’s editor',
      responses: { 200: jsonResponse(QuestionBankEditor, 'Questions in use first.') },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.questionBankEditor(), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/mock-interviews/questions',
      tags: TAGS,
      summary: 'Add a question to the school’s bank, for a specialty or every specialty (audited)',
      request: { body: jsonBody(QuestionInput) },
      responses: { 201: jsonResponse(QuestionView, 'The new question.') },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.createQuestion(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'put',
      path: '/api/mock-interviews/questions/{mockQuestionId}',
      tags: TAGS,
      summary: 'Change a question’s words, specialty, kind or tags, or retire or restore it (audited)',
      request: { params: QuestionParams, body: jsonBody(QuestionInput) },
      responses: { 200: jsonResponse(QuestionView, 'Saved.') },
    }),
    async (c) =>
      c.json(await c.var.services.mockInterviews.updateQuestion(actorOf(c), c.req.valid('param').mockQuestionId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/mock-interviews/slots',
      tags: TAGS,
      summary: 'Free slots to book, by specialty and kind, with where the student stands against the limit',
      request: { query: SlotQuery },
      responses: { 200: jsonResponse(OpenSlots, 'Free slots, soonest first.') },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.listOpenSlots(actorOf(c), c.req.valid('query')), 200),
  )

  router.openapi(
    guardedRoute(INTERVIEWERS, {
      method: 'post',
      path: '/api/mock-interviews/slots',
      tags: TAGS,
      summary: 'Publish a slot (mentors who offer mock interviews, specialty advisors)',
      request: { body: jsonBody(SlotInput) },
      responses: { 201: jsonResponse(SlotView, 'The new slot.') },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.createSlot(actorOf(c), c.req.valid('json')), 201),
  )

  router.openapi(
    guardedRoute(INTERVIEWERS, {
      method: 'get',
      path: '/api/mock-interviews/interviewing',
      tags: TAGS,
      summary: 'The caller’s own slots, each with who booked it',
      responses: { 200: jsonResponse(InterviewerSlots, 'Latest first.') },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.interviewerSlots(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(INTERVIEWERS, {
      method: 'post',
      path: '/api/mock-interviews/slots/{mockSlotId}/cancel',
      tags: TAGS,
      summary: 'Withdraw one’s own slot; a student who booked it gets a calendar cancel',
      request: { params: SlotParams },
      responses: { 200: jsonResponse(OkResponse, 'Withdrawn.') },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.cancelSlot(actorOf(c), c.req.valid('param').mockSlotId), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/mock-interviews/slots/{mockSlotId}/book',
      tags: TAGS,
      summary: 'Book a slot within the school’s limit for its season; both sides get a calendar invite',
      request: { params: SlotParams },
      responses: { 201: booking },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.bookSlot(actorOf(c), c.req.valid('param').mockSlotId, requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/mock-interviews/mine',
      tags: TAGS,
      summary: 'The student’s mocks: coming, and past with scores, raw and adjusted for the interviewer',
      responses: { 200: jsonResponse(StudentMocks, 'The student’s mocks.') },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.myMocks(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(['advisor'], {
      method: 'get',
      path: '/api/mock-interviews/students/{personId}',
      tags: TAGS,
      summary: 'A student’s mocks, for their advisors (audited)',
      request: { params: StudentParams },
      responses: { 200: jsonResponse(StudentMocks, 'The student’s mocks.') },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.studentMocks(actorOf(c), c.req.valid('param').personId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/mock-interviews/bookings/{mockBookingId}',
      tags: TAGS,
      summary: 'One mock: its student, its interviewer, or the student’s advisors (audited)',
      request: { params: BookingParams },
      responses: { 200: booking },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.getBooking(actorOf(c), c.req.valid('param').mockBookingId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student', 'mentor', 'advisor'], {
      method: 'post',
      path: '/api/mock-interviews/bookings/{mockBookingId}/cancel',
      tags: TAGS,
      summary: 'Cancel a booking before it begins (its student or its interviewer); both get a calendar cancel',
      request: { params: BookingParams },
      responses: { 200: booking },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.cancelBooking(actorOf(c), c.req.valid('param').mockBookingId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(INTERVIEWERS, {
      method: 'put',
      path: '/api/mock-interviews/bookings/{mockBookingId}/scores',
      tags: TAGS,
      summary: 'The interviewer’s level on each competency and their feedback',
      request: { params: BookingParams, body: jsonBody(ScoresInput) },
      responses: { 200: booking },
    }),
    async (c) =>
      c.json(await c.var.services.mockInterviews.saveScores(actorOf(c), c.req.valid('param').mockBookingId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/mock-interviews/questions',
      tags: TAGS,
      summary: 'The school’s questions for a specialty (a student’s declared one by default) and for every specialty',
      request: { query: QuestionQuery },
      responses: { 200: jsonResponse(QuestionBank, 'Questions, the specialty’s first.') },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.questionBank(actorOf(c), c.req.valid('query').specialtyId), 200),
  )

  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'get',
      path: '/api/mock-interviews/interviewers',
      tags: TAGS,
      summary: 'Each interviewer’s severity and consistency, from the model fitted on every score',
      responses: { 200: jsonResponse(InterviewerReport, 'Strictest first.') },
    }),
    async (c) => c.json(await c.var.services.mockInterviews.interviewerReport(actorOf(c)), 200),
  )

  return router
}
