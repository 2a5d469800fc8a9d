import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { events } from './events.ts'
import { people } from './identity.ts'

/**
 * Sessions with time slots (the events module): an event split into slots (a headshot every
 * ten minutes; a residency information session by program), each booked by at most one
 * student, one slot per student per event. Every change takes the event's row lock first
 * (`lockEvent`); the partial unique index is the last word if a path ever forgot it.
 */
export const eventSlots = pgTable(
  'event_slots',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    /** What the slot is for, when the slots differ (a program's name); empty otherwise. */
    label: text('label').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('event_slots_event_idx').on(t.eventId, t.startAt), check('event_slots_end_after_start', sql`${t.endAt} > ${t.startAt}`)],
)

export const eventSlotBookings = pgTable(
  'event_slot_bookings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** The slot booked; a student who cancels and books another keeps this row (and its calendar entry). */
    slotId: uuid('slot_id')
      .notNull()
      .references(() => eventSlots.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    status: text('status').$type<'booked' | 'cancelled'>().notNull(),
    /** The iCalendar SEQUENCE of this student's slot entry: raised by every invite or cancel sent. */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('event_slot_bookings_event_student_idx').on(t.eventId, t.studentId),
    uniqueIndex('event_slot_bookings_one_per_slot_idx').on(t.slotId).where(sql`${t.status} = 'booked'`),
  ],
)

/**
 * A series of events (a monthly lunch-and-learn): each occurrence is an event of its own, with
 * its own RSVPs, linked here to the series it was made from. The rule is kept so the page can
 * say how it repeats.
 */
export const eventSeries = pgTable('event_series', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  title: text('title').notNull(),
  /** Written out for people: "Every month on the second Tuesday, 8 times". */
  rule: text('rule').notNull(),
  createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
})

export const eventSeriesOccurrences = pgTable(
  'event_series_occurrences',
  {
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => events.id, { onDelete: 'cascade' }),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => eventSeries.id, { onDelete: 'cascade' }),
    /** 1 for the first occurrence, counting those skipped for a holiday. */
    occurrence: integer('occurrence').notNull(),
  },
  (t) => [index('event_series_occurrences_series_idx').on(t.seriesId, t.occurrence)],
)
