import { z } from '@hono/zod-openapi'
import { MyShadowingBookingList, ShadowingBookingList, ShadowingSlotInput, ShadowingSlotList } from '#shared/contracts/shadowing.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** Shadowing days: posters add and remove them; students book and cancel; posters see who booked. */

const example = '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11'
const OpportunityIdParams = z.object({
  opportunityId: z.uuid('Not a valid opportunity id.').openapi({ param: { name: 'opportunityId', in: 'path', required: true }, example }),
})
const SlotIdParams = z.object({
  shadowingSlotId: z.uuid('Not a valid id.').openapi({ param: { name: 'shadowingSlotId', in: 'path', required: true }, example }),
})
const BookingIdParams = z.object({
  shadowingBookingId: z.uuid('Not a valid id.').openapi({ param: { name: 'shadowingBookingId', in: 'path', required: true }, example }),
})
const POSTERS = ['mentor', 'advisor', 'admin'] as const
const slots = jsonResponse(ShadowingSlotList, 'The opportunity’s days with places left, the caller’s booking, and whether they may book.')

export function shadowingRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/opportunities/{opportunityId}/shadowing-slots',
      tags: ['opportunities'],
      summary: 'The days of a shadowing opportunity open to the caller, with places left',
      request: { params: OpportunityIdParams },
      responses: { 200: slots },
    }),
    async (c) => c.json(await c.var.services.shadowing.listSlots(actorOf(c), c.req.valid('param').opportunityId), 200),
  )

  router.openapi(
    guardedRoute(POSTERS, {
      method: 'post',
      path: '/api/opportunities/{opportunityId}/shadowing-slots',
      tags: ['opportunities'],
      summary: 'Add a day to one’s shadowing opportunity (ahead, not overlapping another)',
      request: { params: OpportunityIdParams, body: jsonBody(ShadowingSlotInput) },
      responses: { 201: slots },
    }),
    async (c) => c.json(await c.var.services.shadowing.addSlot(actorOf(c), c.req.valid('param').opportunityId, c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute(POSTERS, {
      method: 'delete',
      path: '/api/shadowing-slots/{shadowingSlotId}',
      tags: ['opportunities'],
      summary: 'Remove a day of one’s shadowing opportunity; its bookings are cancelled and the students told',
      request: { params: SlotIdParams },
      responses: { 200: slots },
    }),
    async (c) => c.json(await c.var.services.shadowing.removeSlot(actorOf(c), c.req.valid('param').shadowingSlotId, requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/shadowing-slots/{shadowingSlotId}/bookings',
      tags: ['opportunities'],
      summary: 'Book a shadowing day (409 when full, already booked, or a requirement is missing or expired)',
      request: { params: SlotIdParams },
      responses: { 200: slots },
    }),
    async (c) => c.json(await c.var.services.shadowing.book(actorOf(c), c.req.valid('param').shadowingSlotId), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/shadowing-bookings/{shadowingBookingId}/cancel',
      tags: ['opportunities'],
      summary: 'Cancel one’s shadowing day, until 24 hours before it',
      request: { params: BookingIdParams },
      responses: { 200: slots },
    }),
    async (c) => c.json(await c.var.services.shadowing.cancel(actorOf(c), c.req.valid('param').shadowingBookingId), 200),
  )

  router.openapi(
    guardedRoute(POSTERS, {
      method: 'get',
      path: '/api/opportunities/{opportunityId}/shadowing-bookings',
      tags: ['opportunities'],
      summary: 'Who booked each day of one’s shadowing opportunity',
      request: { params: OpportunityIdParams },
      responses: { 200: jsonResponse(ShadowingBookingList, 'By day, first booked first.') },
    }),
    async (c) => c.json(await c.var.services.shadowing.listBookings(actorOf(c), c.req.valid('param').opportunityId), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'get',
      path: '/api/shadowing-bookings/mine',
      tags: ['opportunities'],
      summary: 'The caller’s shadowing days',
      responses: { 200: jsonResponse(MyShadowingBookingList, 'The latest day first.') },
    }),
    async (c) => c.json(await c.var.services.shadowing.listMine(actorOf(c)), 200),
  )

  return router
}
