import { z } from '@hono/zod-openapi'
import { EventInput, EventView } from '#shared/contracts/events.ts'
import { AnnouncementInput, InterestGroupInput, InterestGroupList, InterestGroupView } from '#shared/contracts/interest-groups.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'

/** Interest groups: the office creates them; students join and leave; leaders (and the office) announce and run the group's events. */

const groupId = z
  .uuid('Not a valid group id.')
  .openapi({ param: { name: 'groupId', in: 'path', required: true }, example: '2b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' })
const GroupParams = z.object({ groupId })
const GroupEventParams = z.object({
  groupId,
  eventId: z.uuid('Not a valid event id.').openapi({ param: { name: 'eventId', in: 'path', required: true }, example: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' }),
})
const GroupMemberParams = z.object({
  groupId,
  personId: z
    .uuid('Not a valid person id.')
    .openapi({ param: { name: 'personId', in: 'path', required: true }, example: '1b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' }),
})
const group = jsonResponse(InterestGroupView, 'The group as the caller may see it: members on a directory hold are listed to the office and themselves only.')
const event = jsonResponse(EventView, 'The group’s event.')
const STAFF = ['advisor', 'admin'] as const
/** Leaders are students; the service checks that the caller leads this group. */
const RUNNERS = ['student', 'advisor', 'admin'] as const

export function interestGroupsRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/interest-groups',
      tags: ['interest-groups'],
      summary: 'Every interest group, with the caller’s place in each',
      responses: { 200: jsonResponse(InterestGroupList, 'The groups by name.') },
    }),
    async (c) => c.json(await c.var.services.interestGroups.listGroups(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'post',
      path: '/api/interest-groups',
      tags: ['interest-groups'],
      summary: 'Create a group and name its student leaders and faculty advisor',
      request: { body: jsonBody(InterestGroupInput) },
      responses: { 201: group },
    }),
    async (c) => c.json(await c.var.services.interestGroups.createGroup(actorOf(c), c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/interest-groups/{groupId}',
      tags: ['interest-groups'],
      summary: 'One group: leaders, advisor, members, announcements, events',
      request: { params: GroupParams },
      responses: { 200: group },
    }),
    async (c) => c.json(await c.var.services.interestGroups.getGroup(actorOf(c), c.req.valid('param').groupId), 200),
  )

  router.openapi(
    guardedRoute(STAFF, {
      method: 'put',
      path: '/api/interest-groups/{groupId}',
      tags: ['interest-groups'],
      summary: 'Change a group; leaders no longer named stay on as members',
      request: { params: GroupParams, body: jsonBody(InterestGroupInput) },
      responses: { 200: group },
    }),
    async (c) => c.json(await c.var.services.interestGroups.updateGroup(actorOf(c), c.req.valid('param').groupId, c.req.valid('json'), requestMeta(c)), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/interest-groups/{groupId}/join',
      tags: ['interest-groups'],
      summary: 'Join a group',
      request: { params: GroupParams },
      responses: { 200: group },
    }),
    async (c) => c.json(await c.var.services.interestGroups.join(actorOf(c), c.req.valid('param').groupId), 200),
  )

  router.openapi(
    guardedRoute(['student'], {
      method: 'post',
      path: '/api/interest-groups/{groupId}/leave',
      tags: ['interest-groups'],
      summary: 'Leave a group',
      request: { params: GroupParams },
      responses: { 200: group },
    }),
    async (c) => c.json(await c.var.services.interestGroups.leave(actorOf(c), c.req.valid('param').groupId), 200),
  )

  router.openapi(
    guardedRoute(RUNNERS, {
      method: 'delete',
      path: '/api/interest-groups/{groupId}/members/{personId}',
      tags: ['interest-groups'],
      summary: 'Take a member off the group (its leaders or the office)',
      request: { params: GroupMemberParams },
      responses: { 200: group },
    }),
    async (c) => {
      const { groupId: id, personId } = c.req.valid('param')
      return c.json(await c.var.services.interestGroups.removeMember(actorOf(c), id, personId, requestMeta(c)), 200)
    },
  )

  router.openapi(
    guardedRoute(RUNNERS, {
      method: 'post',
      path: '/api/interest-groups/{groupId}/announcements',
      tags: ['interest-groups'],
      summary: 'Write to the group’s members (its leaders or the office); each is e-mailed',
      request: { params: GroupParams, body: jsonBody(AnnouncementInput) },
      responses: { 201: group },
    }),
    async (c) => c.json(await c.var.services.interestGroups.announce(actorOf(c), c.req.valid('param').groupId, c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute(RUNNERS, {
      method: 'post',
      path: '/api/interest-groups/{groupId}/events',
      tags: ['interest-groups'],
      summary: 'Create one of the group’s events (its leaders or the office)',
      request: { params: GroupParams, body: jsonBody(EventInput) },
      responses: { 201: event },
    }),
    async (c) =>
      c.json(await c.var.services.interestGroups.createGroupEvent(actorOf(c), c.req.valid('param').groupId, c.req.valid('json'), requestMeta(c)), 201),
  )

  router.openapi(
    guardedRoute(RUNNERS, {
      method: 'put',
      path: '/api/interest-groups/{groupId}/events/{eventId}',
      tags: ['interest-groups'],
      summary: 'Change one of the group’s events; confirmed attendees get the updated invite',
      request: { params: GroupEventParams, body: jsonBody(EventInput) },
      responses: { 200: event },
    }),
    async (c) => {
      const { groupId: id, eventId } = c.req.valid('param')
      return c.json(await c.var.services.interestGroups.updateGroupEvent(actorOf(c), id, eventId, c.req.valid('json'), requestMeta(c)), 200)
    },
  )

  router.openapi(
    guardedRoute(RUNNERS, {
      method: 'post',
      path: '/api/interest-groups/{groupId}/events/{eventId}/cancel',
      tags: ['interest-groups'],
      summary: 'Cancel one of the group’s events; confirmed attendees get a calendar cancel',
      request: { params: GroupEventParams },
      responses: { 200: event },
    }),
    async (c) => {
      const { groupId: id, eventId } = c.req.valid('param')
      return c.json(await c.var.services.interestGroups.cancelGroupEvent(actorOf(c), id, eventId, requestMeta(c)), 200)
    },
  )

  return router
}
