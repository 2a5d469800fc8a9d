import { sql } from 'drizzle-orm'
import { check, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { MessageEmailFrequency } from '#shared/contracts/messages.ts'
import { people } from './identity.ts'
import { mentorshipRequests } from './mentorships.ts'

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })

/**
 * Messages between a student and a mentor (decision 021). A conversation is keyed by the
 * mentorship request it began with: while the request is open the two may clarify it, and once
 * accepted the mentorship (which keeps its request's id) carries on the same conversation.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    requestId: uuid('request_id')
      .notNull()
      .references(() => mentorshipRequests.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The attached PDF's name and size; its bytes are in `message_attachments`. */
    attachmentName: text('attachment_name'),
    attachmentBytes: integer('attachment_bytes'),
  },
  (t) => [index('messages_request_idx').on(t.requestId, t.createdAt), check('messages_body_length', sql`char_length(${t.body}) between 1 and 5000`)],
)

/** An attached PDF, apart from the message so that lists never read its bytes. */
export const messageAttachments = pgTable('message_attachments', {
  messageId: uuid('message_id')
    .primaryKey()
    .references(() => messages.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
})

/** How far each participant has read a conversation: every message up to `read_up_to`. */
export const messageReads = pgTable(
  'message_reads',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => mentorshipRequests.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    readUpTo: timestamp('read_up_to', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.personId] })],
)

/**
 * The last e-mail about a conversation to one participant ("each message" setting): when it was
 * sent and the newest message it covered. At most one per 15 minutes; the sweep tells of messages
 * that came inside the window once it has passed.
 */
export const messageEmailMarks = pgTable(
  'message_email_marks',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => mentorshipRequests.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }).notNull(),
    emailedThrough: timestamp('emailed_through', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.personId] })],
)

/** A person's choice of message e-mails; no row means "each". `digest_through`: the last daily digest's cut-off. */
export const messagePreferences = pgTable('message_preferences', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  emailFrequency: text('email_frequency').$type<MessageEmailFrequency>().notNull(),
  digestThrough: timestamp('digest_through', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})
