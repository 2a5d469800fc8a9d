import { sql } from 'drizzle-orm'
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { people } from './identity.ts'

/**
 * The in-app notification centre (the notifications module): one row per e-mail the school sent
 * to a person, written in the same transaction as the outbox row, holding only the e-mail's
 * subject, its first line and the page it links to. Deleted after 180 days by a sweep.
 */
export const inAppNotifications = pgTable(
  'in_app_notifications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The e-mail's kind (`mentorship.accepted`, …). */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** A page of the app (a path such as `/mentorships/…`), never a link that carries a token. */
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    // The list, newest first, and the retention sweep.
    index('in_app_notifications_person_created_idx').on(t.personId, t.createdAt, t.id),
    // The header's unread count: an index-only count over the unread rows of one person.
    index('in_app_notifications_unread_idx').on(t.personId).where(sql`${t.readAt} is null`),
    index('in_app_notifications_created_idx').on(t.createdAt),
  ],
)

/** A person's "no e-mail for this group of kinds" choices; the in-app notification still appears. */
export const emailOptOuts = pgTable(
  'email_opt_outs',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kindGroup: text('kind_group').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kindGroup] })],
)
