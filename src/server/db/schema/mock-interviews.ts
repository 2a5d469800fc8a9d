import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { MockBookingStatus, MockInterviewKind, MockInterviewPlace, MockQuestionKind, MockSlotStatus } from '#shared/enums.ts'
import type { RubricLevel } from '#shared/contracts/mock-interviews.ts'
import { people } from './identity.ts'

/**
 * Mock interviews (the mock-interviews module): the school's rubric and booking limit,
 * interviewers' slots, students' bookings with their scores and feedback, the question bank,
 * and one row per student and season that a booking locks so the limit holds under concurrency.
 */

/** One row (id 1): the school's limit on bookings per season. */
export const mockInterviewSettings = pgTable(
  'mock_interview_settings',
  {
    id: integer('id').primaryKey().default(1),
    bookingsPerSeason: integer('bookings_per_season').notNull().default(2),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('mock_interview_settings_one_row', sql`${t.id} = 1`), check('mock_interview_settings_limit', sql`${t.bookingsPerSeason} > 0`)],
)

/** The rubric: competencies in order, each with its anchored levels. A retired one keeps its scores. */
export const mockInterviewCompetencies = pgTable('mock_interview_competencies', {
  id: text('id').primaryKey(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  levels: jsonb('levels').$type<RubricLevel[]>().notNull(),
  /** False once the school drops it from the rubric; past scores on it stay. */
  active: boolean('active').notNull().default(true),
})

export const mockInterviewSlots = pgTable(
  'mock_interview_slots',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    interviewerId: uuid('interviewer_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    specialtyId: text('specialty_id').notNull(),
    kind: text('kind').$type<MockInterviewKind>().notNull(),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    place: text('place').$type<MockInterviewPlace>().notNull(),
    room: text('room').notNull().default(''),
    onlineLink: text('online_link').notNull().default(''),
    status: text('status').$type<MockSlotStatus>().notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('mock_interview_slots_start_idx').on(t.startAt),
    index('mock_interview_slots_interviewer_idx').on(t.interviewerId, t.startAt),
    check('mock_interview_slots_end_after_start', sql`${t.endAt} > ${t.startAt}`),
  ],
)

export const mockInterviewBookings = pgTable(
  'mock_interview_bookings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => mockInterviewSlots.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    status: text('status').$type<MockBookingStatus>().notNull().default('booked'),
    /** The season the booking counts against ("2026-27": July to June). */
    season: text('season').notNull(),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** The iCalendar SEQUENCE of this booking's invite: raised by every invite or cancel sent. */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    feedback: text('feedback').notNull().default(''),
    scoredAt: timestamp('scored_at', { withTimezone: true }),
    /** When the day-before reminder went to the student; null until then (there is one). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    // One student per slot: a second booking of a booked slot fails even past the row lock.
    uniqueIndex('mock_interview_bookings_one_per_slot').on(t.slotId).where(sql`${t.status} = 'booked'`),
    index('mock_interview_bookings_student_idx').on(t.studentId, t.season),
  ],
)

export const mockInterviewScores = pgTable(
  'mock_interview_scores',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => mockInterviewBookings.id, { onDelete: 'cascade' }),
    competencyId: text('competency_id')
      .notNull()
      .references(() => mockInterviewCompetencies.id),
    score: integer('score').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.competencyId] })],
)

/** A student's row for a season: every booking locks it first, so two bookings at once count in turn. */
export const mockInterviewAllowances = pgTable(
  'mock_interview_allowances',
  {
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    season: text('season').notNull(),
  },
  (t) => [primaryKey({ columns: [t.studentId, t.season] })],
)

/** The school's own questions, tagged; no specialty means every specialty. */
export const mockInterviewQuestions = pgTable(
  'mock_interview_questions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    specialtyId: text('specialty_id'),
    text: text('text').notNull(),
    /** The kind of interview it practises (traditional, behavioural, multiple-mini-interview station). */
    kind: text('kind').$type<MockQuestionKind>().notNull().default('traditional'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Set when the office retires it: gone from students' bank, kept in the editor to restore. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [index('mock_interview_questions_specialty_idx').on(t.specialtyId)],
)
