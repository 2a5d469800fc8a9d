import { z } from '@hono/zod-openapi'
import { OkResponse } from '#shared/contracts/common.ts'
import {
  AvailabilityView,
  CalendarFeedResponse,
  CloseMentorship,
  CreateActionItem,
  CreateGoal,
  CreateMeeting,
  CreateMentorshipOffer,
  CreateMentorshipRequest,
  CreateNote,
  DeclineMentorshipRequest,
  FreeSlotsQuery,
  FreeSlotsResponse,
  MeetingFeedback,
  MeetingView,
  MentorshipRequestView,
  MentorshipSettingsView,
  MentorshipView,
  MyMentorshipRequestsResponse,
  MyMentorshipsResponse,
  PrivateNotesAccess,
  PrivateNotesAccessResponse,
  QuietMentorshipsResponse,
  RescheduleMeeting,
  UpdateActionItem,
  UpdateAvailability,
  UpdateGoal,
  UpdateMentorshipSettings,
} from '#shared/contracts/mentorships.ts'
import { AppError } from '#shared/errors.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** Mentorships (decision 010): requests, mentorships, meetings, availability and calendar feeds. */

const idParam = (name: string, what: string) =>
  z.uuid(`Not a valid ${what} id.`).openapi({ param: { name, in: 'path', required: true }, example: '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' })
const RequestIdParams = z.object({ mentorshipRequestId: idParam('mentorshipRequestId', 'request') })
const MentorshipIdParams = z.object({ mentorshipId: idParam('mentorshipId', 'mentorship') })
const GoalParams = MentorshipIdParams.extend({ goalId: idParam('goalId', 'goal') })
const ActionItemParams = MentorshipIdParams.extend({ actionItemId: idParam('actionItemId', 'action item') })
const MeetingIdParams = z.object({ meetingId: idParam('meetingId', 'meeting') })
const FeedParams = z.object({
  feed: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, 'Not a calendar feed.')
    .openapi({ param: { name: 'feed', in: 'path', required: true }, example: 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA.ics' }),
})

const requestView = jsonResponse(MentorshipRequestView, 'The request.')
const mentorshipView = jsonResponse(MentorshipView, 'The mentorship, as the caller may see it.')
const meetingView = jsonResponse(MeetingView, 'The meeting.')

export function mentorshipsRoutes() {
  const router = createRouter()

  // ── requests ──
  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/mentorship-requests',
      tags: ['mentorships'],
      summary: 'Ask a mentor to mentor me',
      request: { body: jsonBody(CreateMentorshipRequest) },
      responses: { 201: requestView },
    }),
    async (c) => c.json(await c.var.services.mentorships.requestMentor(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )
  router.openapi(
    guardedRoute(['mentor'], {
      method: 'post',
      path: '/api/mentorship-offers',
      tags: ['mentorships'],
      summary: 'Offer to mentor a student',
      request: { body: jsonBody(CreateMentorshipOffer) },
      responses: { 201: requestView },
    }),
    async (c) => c.json(await c.var.services.mentorships.offerMentorship(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/mentorship-requests/mine',
      tags: ['mentorships'],
      summary: 'Requests and offers I sent and received',
      responses: { 200: jsonResponse(MyMentorshipRequestsResponse, 'My requests.') },
    }),
    async (c) => c.json(await c.var.services.mentorships.listMyRequests(actorOf(c)), 200),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/mentorship-requests/{mentorshipRequestId}',
      tags: ['mentorships'],
      summary: 'One request (the side asked opening it marks it viewed; an admin read is audited)',
      request: { params: RequestIdParams },
      responses: { 200: requestView },
    }),
    async (c) => c.json(await c.var.services.mentorships.getRequest(actorOf(c), c.req.valid('param').mentorshipRequestId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['student', 'mentor'], {
      method: 'post',
      path: '/api/mentorship-requests/{mentorshipRequestId}/accept',
      tags: ['mentorships'],
      summary: 'Accept: the mentorship begins if the mentor has an open place',
      request: { params: RequestIdParams },
      responses: { 200: requestView },
    }),
    async (c) => c.json(await c.var.services.mentorships.acceptRequest(actorOf(c), c.req.valid('param').mentorshipRequestId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['student', 'mentor'], {
      method: 'post',
      path: '/api/mentorship-requests/{mentorshipRequestId}/decline',
      tags: ['mentorships'],
      summary: 'Decline with a reason from the list and an optional note',
      request: { params: RequestIdParams, body: jsonBody(DeclineMentorshipRequest) },
      responses: { 200: requestView },
    }),
    async (c) =>
      c.json(await c.var.services.mentorships.declineRequest(actorOf(c), c.req.valid('param').mentorshipRequestId, c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['student', 'mentor'], {
      method: 'post',
      path: '/api/mentorship-requests/{mentorshipRequestId}/withdraw',
      tags: ['mentorships'],
      summary: 'Withdraw a request or offer I sent',
      request: { params: RequestIdParams },
      responses: { 200: requestView },
    }),
    async (c) => c.json(await c.var.services.mentorships.withdrawRequest(actorOf(c), c.req.valid('param').mentorshipRequestId, requestMeta(c)), 200),
  )

  // ── settings, program views ──
  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/mentorships/settings',
      tags: ['mentorships'],
      summary: 'Mentorship settings',
      responses: { 200: jsonResponse(MentorshipSettingsView, 'The settings.') },
    }),
    async (c) => c.json(await c.var.services.mentorships.getSettings(), 200),
  )
  router.openapi(
    guardedRoute(['admin'], {
      method: 'patch',
      path: '/api/mentorships/settings',
      tags: ['mentorships'],
      summary: 'Change mentorship settings',
      request: { body: jsonBody(UpdateMentorshipSettings) },
      responses: { 200: jsonResponse(MentorshipSettingsView, 'The settings.') },
    }),
    async (c) => c.json(await c.var.services.mentorships.updateSettings(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'get',
      path: '/api/mentorships/quiet',
      tags: ['mentorships'],
      summary: 'Active mentorships with no meeting for a while (names and dates only)',
      responses: { 200: jsonResponse(QuietMentorshipsResponse, 'Quiet mentorships.') },
    }),
    async (c) => c.json(await c.var.services.mentorships.listQuiet(), 200),
  )
  router.openapi(
    guardedRoute(['advisor', 'admin'], {
      method: 'get',
      path: '/api/mentorships/feedback',
      tags: ['mentorships'],
      summary: 'Private feedback on meetings, for the program',
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({
                meetingId: z.string(),
                mentorshipId: z.string(),
                from: z.object({ id: z.string(), name: z.string() }),
                rating: z.number(),
                comment: z.string(),
                createdAt: z.string(),
                meetingStartAt: z.string(),
              }),
            ),
          }),
          'Feedback, newest first.',
        ),
      },
    }),
    async (c) => c.json(await c.var.services.mentorships.listFeedback(), 200),
  )
  router.openapi(
    guardedRoute(['mentor'], {
      method: 'get',
      path: '/api/mentorships/hours.csv',
      tags: ['mentorships'],
      summary: 'My mentoring hours as CSV, for a teaching portfolio',
      responses: { 200: { description: 'CSV (RFC 4180).', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const csv = await c.var.services.mentorships.mentoringHoursCsv(actorOf(c))
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="mentoring-hours.csv"' })
    },
  )

  // ── mentorships ──
  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/mentorships/mine',
      tags: ['mentorships'],
      summary: 'My mentorships, as student and as mentor',
      responses: { 200: jsonResponse(MyMentorshipsResponse, 'My mentorships.') },
    }),
    async (c) => c.json(await c.var.services.mentorships.listMyMentorships(actorOf(c)), 200),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/mentorships/{mentorshipId}',
      tags: ['mentorships'],
      summary: 'One mentorship: goals, action items, shared notes and my private notes, meetings (an admin read is audited)',
      request: { params: MentorshipIdParams },
      responses: { 200: mentorshipView },
    }),
    async (c) => c.json(await c.var.services.mentorships.getMentorship(actorOf(c), c.req.valid('param').mentorshipId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/mentorships/{mentorshipId}/goals',
      tags: ['mentorships'],
      summary: 'Add a goal',
      request: { params: MentorshipIdParams, body: jsonBody(CreateGoal) },
      responses: { 200: mentorshipView },
    }),
    async (c) =>
      c.json(await c.var.services.mentorships.addGoal(actorOf(c), c.req.valid('param').mentorshipId, c.req.valid('json').title, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'patch',
      path: '/api/mentorships/{mentorshipId}/goals/{goalId}',
      tags: ['mentorships'],
      summary: 'Rename a goal or record progress',
      request: { params: GoalParams, body: jsonBody(UpdateGoal) },
      responses: { 200: mentorshipView },
    }),
    async (c) => {
      const { mentorshipId, goalId } = c.req.valid('param')
      return c.json(await c.var.services.mentorships.updateGoal(actorOf(c), mentorshipId, goalId, c.req.valid('json'), requestMeta(c)), 200)
    },
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/mentorships/{mentorshipId}/action-items',
      tags: ['mentorships'],
      summary: 'Add an action item',
      request: { params: MentorshipIdParams, body: jsonBody(CreateActionItem) },
      responses: { 200: mentorshipView },
    }),
    async (c) =>
      c.json(await c.var.services.mentorships.addActionItem(actorOf(c), c.req.valid('param').mentorshipId, c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'patch',
      path: '/api/mentorships/{mentorshipId}/action-items/{actionItemId}',
      tags: ['mentorships'],
      summary: 'Change an action item or mark it done',
      request: { params: ActionItemParams, body: jsonBody(UpdateActionItem) },
      responses: { 200: mentorshipView },
    }),
    async (c) => {
      const { mentorshipId, actionItemId } = c.req.valid('param')
      return c.json(await c.var.services.mentorships.updateActionItem(actorOf(c), mentorshipId, actionItemId, c.req.valid('json'), requestMeta(c)), 200)
    },
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/mentorships/{mentorshipId}/notes',
      tags: ['mentorships'],
      summary: 'Write a note, shared or private to me',
      request: { params: MentorshipIdParams, body: jsonBody(CreateNote) },
      responses: { 200: mentorshipView },
    }),
    async (c) => c.json(await c.var.services.mentorships.addNote(actorOf(c), c.req.valid('param').mentorshipId, c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/mentorships/{mentorshipId}/private-notes-access',
      tags: ['mentorships'],
      summary: 'Read the private notes of a mentorship, giving a reason (recorded and audited)',
      request: { params: MentorshipIdParams, body: jsonBody(PrivateNotesAccess) },
      responses: { 200: jsonResponse(PrivateNotesAccessResponse, 'The private notes.') },
    }),
    async (c) =>
      c.json(
        await c.var.services.mentorships.readPrivateNotesAsAdmin(actorOf(c), c.req.valid('param').mentorshipId, c.req.valid('json').reason, requestMeta(c)),
        200,
      ),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/mentorships/{mentorshipId}/make-ongoing',
      tags: ['mentorships'],
      summary: 'Turn a coffee chat into an ongoing mentorship',
      request: { params: MentorshipIdParams },
      responses: { 200: mentorshipView },
    }),
    async (c) => c.json(await c.var.services.mentorships.makeOngoing(actorOf(c), c.req.valid('param').mentorshipId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/mentorships/{mentorshipId}/close',
      tags: ['mentorships'],
      summary: 'Close with a reason and a thank-you note',
      request: { params: MentorshipIdParams, body: jsonBody(CloseMentorship) },
      responses: { 200: mentorshipView },
    }),
    async (c) =>
      c.json(await c.var.services.mentorships.closeMentorship(actorOf(c), c.req.valid('param').mentorshipId, c.req.valid('json'), requestMeta(c)), 200),
  )

  // ── availability and meetings ──
  router.openapi(
    guardedRoute(['mentor'], {
      method: 'get',
      path: '/api/availability/me',
      tags: ['mentorships'],
      summary: 'My weekly availability',
      responses: { 200: jsonResponse(AvailabilityView, 'My availability.') },
    }),
    async (c) => c.json(await c.var.services.meetings.getMyAvailability(actorOf(c)), 200),
  )
  router.openapi(
    guardedRoute(['mentor'], {
      method: 'put',
      path: '/api/availability/me',
      tags: ['mentorships'],
      summary: 'Set my weekly slots, exceptions and time zone',
      request: { body: jsonBody(UpdateAvailability) },
      responses: { 200: jsonResponse(AvailabilityView, 'My availability.') },
    }),
    async (c) => c.json(await c.var.services.meetings.setMyAvailability(actorOf(c), c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/mentorships/{mentorshipId}/free-slots',
      tags: ['mentorships'],
      summary: 'The mentor’s free slots',
      request: { params: MentorshipIdParams, query: FreeSlotsQuery },
      responses: { 200: jsonResponse(FreeSlotsResponse, 'Free slots.') },
    }),
    async (c) => c.json(await c.var.services.meetings.listFreeSlots(actorOf(c), c.req.valid('param').mentorshipId, c.req.valid('query')), 200),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/mentorships/{mentorshipId}/meetings',
      tags: ['mentorships'],
      summary: 'Book a free slot, or propose a time',
      request: { params: MentorshipIdParams, body: jsonBody(CreateMeeting) },
      responses: { 201: meetingView },
    }),
    async (c) => c.json(await c.var.services.meetings.createMeeting(actorOf(c), c.req.valid('param').mentorshipId, c.req.valid('json'), requestMeta(c)), 201),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/meetings/{meetingId}/confirm',
      tags: ['mentorships'],
      summary: 'Confirm a proposed time',
      request: { params: MeetingIdParams },
      responses: { 200: meetingView },
    }),
    async (c) => c.json(await c.var.services.meetings.confirmMeeting(actorOf(c), c.req.valid('param').meetingId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/meetings/{meetingId}/reschedule',
      tags: ['mentorships'],
      summary: 'Move a meeting (updated invite, same UID)',
      request: { params: MeetingIdParams, body: jsonBody(RescheduleMeeting) },
      responses: { 200: meetingView },
    }),
    async (c) => c.json(await c.var.services.meetings.rescheduleMeeting(actorOf(c), c.req.valid('param').meetingId, c.req.valid('json'), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/meetings/{meetingId}/cancel',
      tags: ['mentorships'],
      summary: 'Cancel a meeting (METHOD:CANCEL invite)',
      request: { params: MeetingIdParams },
      responses: { 200: meetingView },
    }),
    async (c) => c.json(await c.var.services.meetings.cancelMeeting(actorOf(c), c.req.valid('param').meetingId, requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/meetings/{meetingId}/feedback',
      tags: ['mentorships'],
      summary: 'Private feedback to the program (never shown to the other side)',
      request: { params: MeetingIdParams, body: jsonBody(MeetingFeedback) },
      responses: { 200: jsonResponse(OkResponse, 'Thank you.') },
    }),
    async (c) => c.json(await c.var.services.meetings.giveFeedback(actorOf(c), c.req.valid('param').meetingId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/meetings/{meetingId}/calendar.ics',
      tags: ['mentorships'],
      summary: 'One meeting as an iCalendar file, to add it to any calendar by hand',
      request: { params: MeetingIdParams },
      responses: { 200: { description: 'iCalendar (METHOD:PUBLISH).', content: { 'text/calendar': { schema: z.string() } } } },
    }),
    async (c) => {
      const file = await c.var.services.meetings.meetingCalendarFile(actorOf(c), c.req.valid('param').meetingId)
      return c.body(file, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="meeting.ics"',
        'cache-control': 'private, no-store',
      })
    },
  )

  // ── calendar feeds ──
  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/calendar/feed',
      tags: ['mentorships'],
      summary: 'A new secret calendar feed URL (the old one stops working)',
      responses: { 200: jsonResponse(CalendarFeedResponse, 'The feed URL; shown once.') },
    }),
    async (c) => c.json(await c.var.services.meetings.regenerateCalendarFeed(actorOf(c), requestMeta(c)), 200),
  )
  router.openapi(
    guardedRoute('public', {
      method: 'get',
      path: '/api/calendar/{feed}',
      tags: ['mentorships'],
      summary: 'A person’s meetings as an iCalendar feed, at the secret URL `/api/calendar/<token>.ics`',
      request: { params: FeedParams },
      responses: { 200: { description: 'iCalendar.', content: { 'text/calendar': { schema: z.string() } } } },
    }),
    async (c) => {
      const feed = await c.var.services.meetings.calendarFeedFor(c.req.valid('param').feed.replace(/\.ics$/, ''))
      if (feed === null) throw new AppError('NOT_FOUND', 'No such calendar feed. Generate a new link in Preceptor.')
      return c.body(feed, 200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store' })
    },
  )

  return router
}
