import { z } from '@hono/zod-openapi'
import {
  AttendanceView,
  CheckInInput,
  CheckInResult,
  FeedbackInput,
  MyAttendanceView,
  StudentChoice,
  WalkInCandidates,
  WalkInSearchQuery,
} from '#shared/contracts/event-attendance.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** Check-in, attendance and feedback: staff at the door and the host afterwards; students their pass and feedback. */

const EventIdParams = z.object({
  eventId: z.uuid('Not a valid event id.').openapi({ param: { name: 'eventId', in: 'path', required: true }, example: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' }),
})
const STAFF = ['advisor', 'admin'] as const
const attendanceView = jsonResponse(AttendanceView, 'The roster with who came, the counts and the feedback (without names).')
const checkInResult = jsonResponse(CheckInResult, 'The student as now on the roster, and whether they were already checked in.')
const myAttendance = jsonResponse(MyAttendanceView, 'The caller’s pass, check-in and feedback for this event.')

export function eventAttendanceRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute(STAFF, {
      method: 'get',
      path: '/api/events/{eventId}/attendance',
      tags: ['events'],
      summary: 'Attendance: who had a place, who was checked in, no-shows, walk-ins and feedback',
      request: { params: EventIdParams },
      responses: { 200: attendanceView },
    }),
    async (c) => c.json(await c.var.services.eventAttendance.getAttendance(actorOf(c), c.req.valid('param').eventId), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'post',
      path: '/api/events/{eventId}/check-ins',
      tags: ['events'],
      summary: 'Check in a student with a place, by the code on their pass (or its scanned link) or chosen from the roster',
      request: { params: EventIdParams, body: jsonBody(CheckInInput) },
      responses: { 200: checkInResult },
    }),
    async (c) => c.json(await c.var.services.eventAttendance.checkIn(actorOf(c), c.req.valid('param').eventId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'post',
      path: '/api/events/{eventId}/check-ins/undo',
      tags: ['events'],
      summary: 'Take back a check-in made by mistake',
      request: { params: EventIdParams, body: jsonBody(StudentChoice) },
      responses: { 200: attendanceView },
    }),
    async (c) => c.json(await c.var.services.eventAttendance.undoCheckIn(actorOf(c), c.req.valid('param').eventId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'get',
      path: '/api/events/{eventId}/walk-ins/search',
      tags: ['events'],
      summary: 'Students of the school by name, to add one who came without a place',
      request: { params: EventIdParams, query: WalkInSearchQuery },
      responses: { 200: jsonResponse(WalkInCandidates, 'Ten students at most, by name.') },
    }),
    async (c) => c.json(await c.var.services.eventAttendance.searchWalkIns(actorOf(c), c.req.valid('param').eventId, c.req.valid('query').q), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'post',
      path: '/api/events/{eventId}/walk-ins',
      tags: ['events'],
      summary: 'Add a student who came without a place, checked in',
      request: { params: EventIdParams, body: jsonBody(StudentChoice) },
      responses: { 200: checkInResult },
    }),
    async (c) => c.json(await c.var.services.eventAttendance.addWalkIn(actorOf(c), c.req.valid('param').eventId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'get',
      path: '/api/events/{eventId}/attendance.csv',
      tags: ['events'],
      summary: 'The attendance as CSV (audited)',
      request: { params: EventIdParams },
      responses: { 200: { description: 'CSV (RFC 4180), formula-safe.', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const csv = await c.var.services.eventAttendance.exportAttendanceCsv(actorOf(c), c.req.valid('param').eventId, requestMeta(c))
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="attendance.csv"' })
    },
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/events/{eventId}/my-attendance',
      tags: ['events'],
      summary: 'The caller’s check-in pass (QR code and code), whether they were checked in, and their feedback',
      request: { params: EventIdParams },
      responses: { 200: myAttendance },
    }),
    async (c) => c.json(await c.var.services.eventAttendance.getMyAttendance(actorOf(c), c.req.valid('param').eventId), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'put',
      path: '/api/events/{eventId}/feedback',
      tags: ['events'],
      summary: 'Rate an event one attended (1–5) with an optional comment; saving again changes it',
      request: { params: EventIdParams, body: jsonBody(FeedbackInput) },
      responses: { 200: myAttendance },
    }),
    async (c) => c.json(await c.var.services.eventAttendance.saveFeedback(actorOf(c), c.req.valid('param').eventId, c.req.valid('json'), requestMeta(c)), 200),
  )

  return router
}
