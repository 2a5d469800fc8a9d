import { z } from '@hono/zod-openapi'
import { EventInput, EventList, EventView } from '#shared/contracts/events.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** Events: staff create, edit and cancel; students of the audience RSVP and cancel; every signed-in person sees what is theirs to see. */

const EventIdParams = z.object({
  eventId: z.uuid('Not a valid event id.').openapi({ param: { name: 'eventId', in: 'path', required: true }, example: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' }),
})
const event = jsonResponse(EventView, 'The event, with the caller’s RSVP (and, for staff, attendees and waitlist).')
const STAFF = ['advisor', 'admin'] as const

export function eventsRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/events',
      tags: ['events'],
      summary: 'Events the caller may see: upcoming and past, with their own RSVP',
      responses: { 200: jsonResponse(EventList, 'Upcoming (soonest first) and past (latest first).') },
    }),
    async (c) => c.json(await c.var.services.events.listEvents(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'post',
      path: '/api/events',
      tags: ['events'],
      summary: 'Create an event',
      request: { body: jsonBody(EventInput) },
      responses: { 201: event },
    }),
    async (c) => c.json(await c.var.services.events.createEvent(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/events/{eventId}',
      tags: ['events'],
      summary: 'One event, if it is open to the caller',
      request: { params: EventIdParams },
      responses: { 200: event },
    }),
    async (c) => c.json(await c.var.services.events.getEvent(actorOf(c), c.req.valid('param').eventId), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/events/{eventId}/calendar.ics',
      tags: ['events'],
      summary: 'One event as an iCalendar file, to add it to any calendar by hand',
      request: { params: EventIdParams },
      responses: { 200: { description: 'iCalendar (METHOD:PUBLISH).', content: { 'text/calendar': { schema: z.string() } } } },
    }),
    async (c) => {
      const file = await c.var.services.events.eventCalendarFile(actorOf(c), c.req.valid('param').eventId)
      return c.body(file, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="event.ics"',
        'cache-control': 'private, no-store',
      })
    },
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'put',
      path: '/api/events/{eventId}',
      tags: ['events'],
      summary: 'Change an event; confirmed attendees get the updated invite, added seats go to the waitlist',
      request: { params: EventIdParams, body: jsonBody(EventInput) },
      responses: { 200: event },
    }),
    async (c) => c.json(await c.var.services.events.updateEvent(actorOf(c), c.req.valid('param').eventId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'post',
      path: '/api/events/{eventId}/cancel',
      tags: ['events'],
      summary: 'Cancel an event; confirmed attendees get a calendar cancel',
      request: { params: EventIdParams },
      responses: { 200: event },
    }),
    async (c) => c.json(await c.var.services.events.cancelEvent(actorOf(c), c.req.valid('param').eventId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/events/{eventId}/rsvp',
      tags: ['events'],
      summary: 'RSVP: a place while one is free, else the waitlist',
      request: { params: EventIdParams },
      responses: { 200: event },
    }),
    async (c) => c.json(await c.var.services.events.rsvp(actorOf(c), c.req.valid('param').eventId), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/events/{eventId}/rsvp/cancel',
      tags: ['events'],
      summary: 'Give up one’s place (or place in line) before the cut-off; the first on the waitlist moves up',
      request: { params: EventIdParams },
      responses: { 200: event },
    }),
    async (c) => c.json(await c.var.services.events.cancelRsvp(actorOf(c), c.req.valid('param').eventId), 200),
  )

  return router
}
