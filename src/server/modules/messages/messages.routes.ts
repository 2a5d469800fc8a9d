import { z } from '@hono/zod-openapi'
import { ConversationView, MarkMessagesRead, MessagePreferences, MessageView, SendMessage, UnreadMessages } from '#shared/contracts/messages.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute } from '../../http/route.ts'

/**
 * Messages between a student and a mentor (decision 021), on a request while it is open and in
 * the mentorship it becomes. Every route is open to anyone signed in; the service answers 404
 * to all but the two people of the conversation.
 */

const idParam = (name: string, what: string) =>
  z.uuid(`Not a valid ${what} id.`).openapi({ param: { name, in: 'path', required: true }, example: '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' })
const MentorshipIdParams = z.object({ mentorshipId: idParam('mentorshipId', 'mentorship') })
const RequestIdParams = z.object({ mentorshipRequestId: idParam('mentorshipRequestId', 'request') })
const MessageIdParams = z.object({ messageId: idParam('messageId', 'message') })

const conversation = jsonResponse(
  ConversationView,
  'The conversation, newest message last, with what the caller has not read and how far the other side has read.',
)
const sent = jsonResponse(MessageView, 'The message as written.')
const readMark = jsonResponse(z.object({ readUpTo: z.string() }), 'How far the caller has now read.')
const pdfResponse = { description: 'The PDF.', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }

/** A name safe inside a quoted Content-Disposition parameter: no quotes, controls or non-ASCII. */
function safeFilename(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 120)
  return /\.pdf$/i.test(cleaned) ? cleaned : `${cleaned}.pdf`
}

export function messagesRoutes() {
  const router = createRouter()

  for (const [scope, params, keyOf] of [
    ['mentorships/{mentorshipId}', MentorshipIdParams, (p: Record<string, string>) => ({ mentorshipId: p.mentorshipId ?? '' })],
    ['mentorship-requests/{mentorshipRequestId}', RequestIdParams, (p: Record<string, string>) => ({ requestId: p.mentorshipRequestId ?? '' })],
  ] as const) {
    const what = scope.startsWith('mentorships') ? 'a mentorship' : 'a mentorship request'
    router.openapi(
      guardedRoute('signed-in', {
        method: 'get',
        path: `/api/${scope}/messages`,
        tags: ['messages'],
        summary: `The messages of ${what} (its student and mentor only)`,
        request: { params },
        responses: { 200: conversation },
      }),
      async (c) => c.json(await c.var.services.messages.getConversation(actorOf(c), keyOf(c.req.valid('param'))), 200),
    )
    router.openapi(
      guardedRoute('signed-in', {
        method: 'post',
        path: `/api/${scope}/messages`,
        tags: ['messages'],
        summary: `Write to the other person of ${what}, optionally with a PDF`,
        request: { params, body: jsonBody(SendMessage) },
        responses: { 201: sent },
      }),
      async (c) => c.json(await c.var.services.messages.sendMessage(actorOf(c), keyOf(c.req.valid('param')), c.req.valid('json')), 201),
    )
    router.openapi(
      guardedRoute('signed-in', {
        method: 'put',
        path: `/api/${scope}/messages/read`,
        tags: ['messages'],
        summary: `Mark the messages of ${what} read up to a moment`,
        request: { params, body: jsonBody(MarkMessagesRead) },
        responses: { 200: readMark },
      }),
      async (c) => c.json(await c.var.services.messages.markRead(actorOf(c), keyOf(c.req.valid('param')), new Date(c.req.valid('json').upTo)), 200),
    )
  }

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/messages/{messageId}/attachment',
      tags: ['messages'],
      summary: 'Download the PDF attached to a message (its two participants only)',
      request: { params: MessageIdParams },
      responses: { 200: pdfResponse },
    }),
    async (c) => {
      const file = await c.var.services.messages.getAttachment(actorOf(c), c.req.valid('param').messageId)
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${safeFilename(file.name)}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      })
    },
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/messages/unread',
      tags: ['messages'],
      summary: 'The caller’s unread messages, per conversation that has any',
      responses: { 200: jsonResponse(UnreadMessages, 'Unread counts.') },
    }),
    async (c) => c.json(await c.var.services.messages.unreadCounts(actorOf(c)), 200),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'get',
      path: '/api/messages/preferences',
      tags: ['messages'],
      summary: 'How the caller hears of new messages by e-mail',
      responses: { 200: jsonResponse(MessagePreferences, 'The caller’s choice (each message by default).') },
    }),
    async (c) => c.json(await c.var.services.messages.getPreferences(actorOf(c)), 200),
  )
  router.openapi(
    guardedRoute('signed-in', {
      method: 'put',
      path: '/api/messages/preferences',
      tags: ['messages'],
      summary: 'Choose e-mails for each message, a daily digest, or none',
      request: { body: jsonBody(MessagePreferences) },
      responses: { 200: jsonResponse(MessagePreferences, 'The choice as saved.') },
    }),
    async (c) => c.json(await c.var.services.messages.savePreferences(actorOf(c), c.req.valid('json')), 200),
  )

  return router
}
