import { z } from '@hono/zod-openapi'
import { MESSAGE_ATTACHMENT_MAX_BYTES, MESSAGE_EMAIL_FREQUENCIES, MESSAGE_MAX_CHARS, type MessageEmailFrequency } from '../message-limits.ts'
import { instant, requiredMultilineText, requiredText } from './common.ts'

export { MESSAGE_ATTACHMENT_MAX_BYTES, MESSAGE_EMAIL_FREQUENCIES, MESSAGE_MAX_CHARS, type MessageEmailFrequency }

const BASE64_MAX_CHARS = Math.ceil(MESSAGE_ATTACHMENT_MAX_BYTES / 3) * 4 + 4

const Instant = instant('2026-12-06T14:00:00Z')

export const MessageAttachmentInput = z.object({
  filename: requiredText(120).refine((name) => /\.pdf$/i.test(name), 'Attach a PDF file (its name ends in .pdf).'),
  /** The file's bytes in base64. */
  contentBase64: z
    .string()
    .max(BASE64_MAX_CHARS, `The file is larger than ${MESSAGE_ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file is not encoded in base64.')
    .meta({ contentEncoding: 'base64', contentMediaType: 'application/pdf' }),
})

export const SendMessage = z.object({
  body: requiredMultilineText(MESSAGE_MAX_CHARS),
  attachment: MessageAttachmentInput.optional(),
})
export type SendMessage = z.infer<typeof SendMessage>

export const MarkMessagesRead = z.object({
  /** The newest message the caller has seen (its `createdAt`); a later moment is taken as now. */
  upTo: Instant,
})
export type MarkMessagesRead = z.infer<typeof MarkMessagesRead>

export const MessageView = z.object({
  id: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string(),
  mine: z.boolean(),
  body: z.string(),
  createdAt: z.string(),
  attachment: z.object({ name: z.string(), sizeBytes: z.number().int() }).nullable(),
})
export type MessageView = z.infer<typeof MessageView>

export const ConversationView = z.object({
  requestId: z.uuid(),
  mentorshipId: z.uuid().nullable(),
  /** The other participant, as the caller sees them. */
  other: z.object({ id: z.uuid(), name: z.string() }),
  /** Whether the caller may write: the request is still open, or its mentorship is active. */
  canPost: z.boolean(),
  /** Why not, in words, when `canPost` is false. */
  closedBecause: z.string().nullable(),
  messages: z.array(MessageView),
  /** Messages from the other side the caller has not read. */
  unread: z.number().int(),
  /** How far the other side has read: the caller's messages up to here are "Seen". */
  otherReadUpTo: z.string().nullable(),
})
export type ConversationView = z.infer<typeof ConversationView>

export const UnreadMessages = z.object({
  total: z.number().int(),
  conversations: z.array(z.object({ requestId: z.uuid(), mentorshipId: z.uuid().nullable(), unread: z.number().int() })),
})
export type UnreadMessages = z.infer<typeof UnreadMessages>

export const MessagePreferences = z.object({
  emailFrequency: z.enum(MESSAGE_EMAIL_FREQUENCIES, 'Choose each message, a daily digest, or off.'),
})
export type MessagePreferences = z.infer<typeof MessagePreferences>
