import { z } from '@hono/zod-openapi'
import {
  EmailPreferences,
  EmailPreferencesInput,
  NotificationListQuery,
  NotificationPage,
  NotificationView,
  UnreadCount,
} from '#shared/contracts/notifications.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute } from '../../http/route.ts'

/** A signed-in person's own notifications and e-mail choices; nobody reads another person's. */

const NotificationIdParams = z.object({
  notificationId: z
    .uuid('Not a valid notification id.')
    .openapi({ param: { name: 'notificationId', in: 'path', required: true }, example: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' }),
})
const TAGS = ['notifications']
const preferences = jsonResponse(EmailPreferences, 'Each group of e-mails, on or off, and the e-mails that are always sent.')

export function notificationCentreRoutes() {
  const router = createRouter()

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/notifications/unread-count',
      tags: TAGS,
      summary: 'How many of my notifications are unread (the header polls this)',
      responses: { 200: jsonResponse(UnreadCount, 'The unread count.') },
    }),
    async (c) => c.json(await c.var.services.notificationCentre.countUnread(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/notifications',
      tags: TAGS,
      summary: 'My notifications, newest first, a page at a time',
      request: { query: NotificationListQuery },
      responses: { 200: jsonResponse(NotificationPage, 'One page of notifications and the unread count.') },
    }),
    async (c) => c.json(await c.var.services.notificationCentre.listMine(actorOf(c), c.req.valid('query').before), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/notifications/{notificationId}/read',
      tags: TAGS,
      summary: 'Mark one of my notifications read',
      request: { params: NotificationIdParams },
      responses: { 200: jsonResponse(NotificationView, 'The notification, read.') },
    }),
    async (c) => c.json(await c.var.services.notificationCentre.markRead(actorOf(c), c.req.valid('param').notificationId), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/notifications/read-all',
      tags: TAGS,
      summary: 'Mark all my notifications read',
      responses: { 200: jsonResponse(z.object({ marked: z.number().int() }), 'How many were marked read.') },
    }),
    async (c) => c.json(await c.var.services.notificationCentre.markAllRead(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/notifications/email-preferences',
      tags: TAGS,
      summary: 'Which groups of e-mails I receive',
      responses: { 200: preferences },
    }),
    async (c) => c.json(await c.var.services.notificationCentre.getEmailPreferences(actorOf(c)), 200),
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'put',
      path: '/api/notifications/email-preferences',
      tags: TAGS,
      summary: 'Turn the e-mail of groups on or off (the notifications in the app stay)',
      request: { body: jsonBody(EmailPreferencesInput) },
      responses: { 200: preferences },
    }),
    async (c) => c.json(await c.var.services.notificationCentre.setEmailPreferences(actorOf(c), c.req.valid('json')), 200),
  )

  return router
}
