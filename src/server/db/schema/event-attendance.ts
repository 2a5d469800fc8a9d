import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { CheckInMethod } from '#shared/contracts/event-attendance.ts'
import { events } from './events.ts'
import { people } from './identity.ts'

/**
 * Check-in, attendance and feedback (the events module, decision 035). Kept apart from `events`
 * and `event_rsvps`: a place is what a student asked for, attendance is what staff saw at the door.
 */

/** Each student's check-in code for an event they have a place at: the QR code carries it. Made when first shown. */
export const eventCheckInPasses = pgTable(
  'event_check_in_passes',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** Six letters and digits without look-alikes (no 0/O, 1/I/L), unique within the event: typed at the door when a scan fails. */
    code: text('code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.studentId] }), uniqueIndex('event_check_in_passes_code_idx').on(t.eventId, t.code)],
)

/** Who came: one row per student and event, with who checked them in, when and how. */
export const eventAttendance = pgTable(
  'event_attendance',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** `pass` (scanned or typed code), `roster` (ticked from the list), `walk-in` (no place beforehand). */
    method: text('method').$type<CheckInMethod>().notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    checkedInById: uuid('checked_in_by_id').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('event_attendance_event_student_idx').on(t.eventId, t.studentId), index('event_attendance_student_idx').on(t.studentId)],
)

/** A student's rating (1–5) and comment on an event they attended: one per student, edited in place. */
export const eventFeedback = pgTable(
  'event_feedback',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('event_feedback_event_student_idx').on(t.eventId, t.studentId), check('event_feedback_rating_range', sql`${t.rating} between 1 and 5`)],
)
