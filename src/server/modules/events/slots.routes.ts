import { z } from '@hono/zod-openapi'
import { EventSeriesCreated, EventSeriesInput, EventSeriesOfEvent, EventSlotsView, SlotRunInput } from '#shared/contracts/event-slots.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** Sessions with time slots and series of events: staff add slots and series; students of the audience book a slot. */

const pathId = (name: string, message: string) =>
  z.uuid(message).openapi({ param: { name, in: 'path', required: true }, example: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' })
const EventIdParams = z.object({ eventId: pathId('eventId', 'Not a valid event id.') })
const SlotParams = z.object({ eventId: pathId('eventId', 'Not a valid event id.'), slotId: pathId('slotId', 'Not a valid slot id.') })
const slots = jsonResponse(EventSlotsView, 'The event’s slots in order: which are taken, which is the caller’s (and, for staff, by whom).')
const seriesOfEvent = jsonResponse(EventSeriesOfEvent, 'The event’s series with every occurrence, or null when it stands alone.')
const STAFF = ['advisor', 'admin'] as const

export function eventSlotsRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/events/{eventId}/slots',
      tags: ['events'],
      summary: 'The slots of an event, if it is open to the caller',
      request: { params: EventIdParams },
      responses: { 200: slots },
    }),
    async (c) => c.json(await c.var.services.eventSlots.listSlots(actorOf(c), c.req.valid('param').eventId), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'post',
      path: '/api/events/{eventId}/slots',
      tags: ['events'],
      summary: 'Add back-to-back slots to an event (a number of them, or until it ends); none may overlap another',
      request: { params: EventIdParams, body: jsonBody(SlotRunInput) },
      responses: { 201: slots },
    }),
    async (c) => c.json(await c.var.services.eventSlots.addSlots(actorOf(c), c.req.valid('param').eventId, c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'delete',
      path: '/api/events/{eventId}/slots/{slotId}',
      tags: ['events'],
      summary: 'Remove a slot no one has booked',
      request: { params: SlotParams },
      responses: { 200: slots },
    }),
    async (c) => {
      const { eventId, slotId } = c.req.valid('param')
      return c.json(await c.var.services.eventSlots.removeSlot(actorOf(c), eventId, slotId, requestMeta(c)), 200)
    },
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/events/{eventId}/slots/{slotId}/book',
      tags: ['events'],
      summary: 'Book a free slot (one per student per event); the calendar invite comes by e-mail',
      request: { params: SlotParams },
      responses: { 200: slots },
    }),
    async (c) => {
      const { eventId, slotId } = c.req.valid('param')
      return c.json(await c.var.services.eventSlots.bookSlot(actorOf(c), eventId, slotId), 200)
    },
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/events/{eventId}/slots/cancel',
      tags: ['events'],
      summary: 'Give up one’s slot before the cut-off',
      request: { params: EventIdParams },
      responses: { 200: slots },
    }),
    async (c) => c.json(await c.var.services.eventSlots.cancelSlot(actorOf(c), c.req.valid('param').eventId), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'post',
      path: '/api/event-series',
      tags: ['events'],
      summary: 'Create a series of events; dates on a holiday or in a break are skipped and named',
      request: { body: jsonBody(EventSeriesInput) },
      responses: { 201: jsonResponse(EventSeriesCreated, 'The events made, and the dates skipped with the holiday or break of each.') },
    }),
    async (c) => c.json(await c.var.services.eventSeries.createSeries(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/events/{eventId}/series',
      tags: ['events'],
      summary: 'The series an event belongs to, if it is open to the caller',
      request: { params: EventIdParams },
      responses: { 200: seriesOfEvent },
    }),
    async (c) => c.json(await c.var.services.eventSeries.getSeriesOfEvent(actorOf(c), c.req.valid('param').eventId), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'post',
      path: '/api/events/{eventId}/series/cancel-rest',
      tags: ['events'],
      summary: 'Cancel this occurrence and every later one of its series; attendees get calendar cancels',
      request: { params: EventIdParams },
      responses: { 200: seriesOfEvent },
    }),
    async (c) => c.json(await c.var.services.eventSeries.cancelRestOfSeries(actorOf(c), c.req.valid('param').eventId, requestMeta(c)), 200),
  )

  return router
}
