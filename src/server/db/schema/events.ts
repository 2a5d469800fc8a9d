import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { ClassYear, EventKind, EventRsvpStatus, EventStatus } from '#shared/enums.ts'
import { people } from './identity.ts'

/**
 * Events (the events module): what the office and departments hold, and students' places at
 * them. Seats are counted from `event_rsvps` under a row lock on the event, never stored as a
 * counter, so concurrent RSVPs and cancels take turns per event.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    title: text('title').notNull(),
    kind: text('kind').$type<EventKind>().notNull(),
    description: text('description').notNull().default(''),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    /** The IANA zone the event's times are written in (the school's), for e-mails and pages. */
    timeZone: text('time_zone').notNull(),
    room: text('room').notNull().default(''),
    site: text('site').notNull().default(''),
    /** An https link for those who join online; empty when in person only. */
    onlineLink: text('online_link').notNull().default(''),
    host: text('host').notNull(),
    /** Empty: every student; otherwise the class years invited. */
    classYears: text('class_years').array().$type<ClassYear[]>().notNull().default(sql`'{}'::text[]`),
    /** Empty: no limit by interest; otherwise students interested in one of these specialties (or in a group below) are invited. */
    specialtyIds: text('specialty_ids').array().notNull().default(sql`'{}'::text[]`),
    /** Empty: no limit by group; otherwise members of one of these interest groups (or interested in a specialty above). */
    interestGroupIds: uuid('interest_group_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Null: no limit on seats. */
    capacity: integer('capacity'),
    rsvpClosesAt: timestamp('rsvp_closes_at', { withTimezone: true }).notNull(),
    status: text('status').$type<EventStatus>().notNull().default('scheduled'),
    /** The iCalendar SEQUENCE: raised by every change attendees are told about. */
    sequence: integer('sequence').notNull().default(0),
    createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('events_start_idx').on(t.startAt),
    check('events_end_after_start', sql`${t.endAt} > ${t.startAt}`),
    check('events_capacity_positive', sql`${t.capacity} is null or ${t.capacity} > 0`),
  ],
)

export const eventRsvps = pgTable(
  'event_rsvps',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    status: text('status').$type<EventRsvpStatus>().notNull(),
    /** When the student last asked for a place: the waitlist's order (first come, first served). */
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    /** The order of asking within the event (1, 2, …), given under the event's row lock: two RSVPs in one instant still queue in turn. */
    queueNumber: integer('queue_number').notNull(),
    /** The iCalendar SEQUENCE of this attendee's copy: raised by every invite or cancel sent to them. */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    /** When the day-before reminder went to this attendee; null until then (there is one). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('event_rsvps_event_student_idx').on(t.eventId, t.studentId), index('event_rsvps_queue_idx').on(t.eventId, t.status, t.queueNumber)],
)
