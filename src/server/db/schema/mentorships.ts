import { sql } from 'drizzle-orm'
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type {
  DeclineReason,
  MeetingLocationKind,
  MeetingStatus,
  MentorOffering,
  MentorshipClosureReason,
  MentorshipKind,
  MentorshipRequestStatus,
  MentorshipStatus,
} from '#shared/enums.ts'
import { people } from './identity.ts'

/**
 * Mentorships (decision 010): requests, the mentorships they become, goals, action items,
 * notes, meetings, availability and calendar feeds. Capacity is counted from `mentorships`
 * under a row lock on the mentor's profile, never stored as a counter.
 */

/** Settings an admin may change; a missing key means the default of `MENTORSHIP_SETTING_DEFAULTS`. */
export const mentorshipSettings = pgTable('mentorship_settings', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by'),
})

export const mentorshipRequests = pgTable(
  'mentorship_requests',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** Who asked: the student (a request) or the mentor (an offer). The other side answers. */
    initiatedBy: text('initiated_by').$type<'student' | 'mentor'>().notNull(),
    kind: text('kind').$type<MentorshipKind>().notNull(),
    message: text('message').notNull(),
    goals: text('goals').notNull().default(''),
    helpWanted: text('help_wanted').array().$type<MentorOffering[]>().notNull().default([]),
    status: text('status').$type<MentorshipRequestStatus>().notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull(),
    declineReason: text('decline_reason').$type<DeclineReason>(),
    declineNote: text('decline_note'),
    invalidatedBecause: text('invalidated_because'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    viewedAt: timestamp('viewed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('mentorship_requests_student_idx').on(t.studentId, t.status),
    index('mentorship_requests_mentor_idx').on(t.mentorId, t.status),
    index('mentorship_requests_open_expiry_idx').on(t.expiresAt).where(sql`status in ('requested', 'viewed')`),
    // One open request between the same two people at a time.
    uniqueIndex('mentorship_requests_one_open_idx').on(t.studentId, t.mentorId).where(sql`status in ('requested', 'viewed')`),
  ],
)

/** Automatic notices about a request (reminder, expiry); the key makes a second send impossible. */
export const mentorshipRequestNotices = pgTable(
  'mentorship_request_notices',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => mentorshipRequests.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'reminder' | 'expired'>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.kind] })],
)

/** A mentor paused for letting requests expire; `undone` when they set accepting again. */
export const mentorPauses = pgTable(
  'mentor_pauses',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    pausedAt: timestamp('paused_at', { withTimezone: true }).notNull(),
    expiredCount: integer('expired_count').notNull(),
  },
  (t) => [index('mentor_pauses_mentor_idx').on(t.mentorId, t.pausedAt)],
)

export const mentorships = pgTable(
  'mentorships',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    requestId: uuid('request_id')
      .notNull()
      .unique()
      .references(() => mentorshipRequests.id),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<MentorshipKind>().notNull(),
    status: text('status').$type<MentorshipStatus>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    closureReason: text('closure_reason').$type<MentorshipClosureReason>(),
    thankYouNote: text('thank_you_note'),
  },
  (t) => [index('mentorships_mentor_idx').on(t.mentorId, t.status), index('mentorships_student_idx').on(t.studentId, t.status)],
)

export const mentorshipGoals = pgTable(
  'mentorship_goals',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => mentorships.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    progress: integer('progress').notNull().default(0),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mentorship_goals_mentorship_idx').on(t.mentorshipId), check('mentorship_goals_progress_check', sql`${t.progress} between 0 and 100`)],
)

export const mentorshipActionItems = pgTable(
  'mentorship_action_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => mentorships.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mentorship_action_items_mentorship_idx').on(t.mentorshipId)],
)

/** Notes both sides read. */
export const mentorshipNotes = pgTable(
  'mentorship_notes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => mentorships.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mentorship_notes_mentorship_idx').on(t.mentorshipId)],
)

/**
 * Notes private to their writer, in their own table so that no query building a view of the
 * mentorship can join them by accident; read only by `findPrivateNotesByAuthor` and the audited
 * admin access.
 */
export const mentorshipPrivateNotes = pgTable(
  'mentorship_private_notes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => mentorships.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mentorship_private_notes_idx').on(t.mentorshipId, t.authorId)],
)

/** A mentor's weekly availability is read in this IANA time zone. */
export const mentorAvailability = pgTable('mentor_availability', {
  mentorId: uuid('mentor_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  timeZone: text('time_zone').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})

/** A weekly recurring slot: ISO weekday (1 = Monday) and local start time in the mentor's zone. */
export const availabilitySlots = pgTable(
  'availability_slots',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    weekday: integer('weekday').notNull(),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    locationKind: text('location_kind').$type<MeetingLocationKind>().notNull(),
    locationDetail: text('location_detail').notNull().default(''),
  },
  (t) => [index('availability_slots_mentor_idx').on(t.mentorId)],
)

/** A local date on which the mentor's weekly slots do not apply. */
export const availabilityExceptions = pgTable(
  'availability_exceptions',
  {
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.mentorId, t.date] })],
)

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => mentorships.id, { onDelete: 'cascade' }),
    /** Copied from the mentorship so one index can refuse two meetings in one slot. */
    mentorId: uuid('mentor_id').notNull(),
    /** The iCalendar UID: stable across reschedules and the cancel. */
    uid: text('uid').notNull().unique(),
    sequence: integer('sequence').notNull().default(0),
    status: text('status').$type<MeetingStatus>().notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    locationKind: text('location_kind').$type<MeetingLocationKind>().notNull(),
    locationDetail: text('location_detail').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('meetings_mentorship_idx').on(t.mentorshipId, t.startAt),
    uniqueIndex('meetings_mentor_start_idx').on(t.mentorId, t.startAt).where(sql`status <> 'cancelled'`),
  ],
)

/** Private feedback to the program after a meeting; never shown to the other side. */
export const meetingFeedback = pgTable(
  'meeting_feedback',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    rating: integer('rating').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
)

/** A person's calendar feed: only the hash of the secret in its URL is stored. */
export const calendarFeeds = pgTable('calendar_feeds', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
})

/** "Stay in touch" nudges sent, one per mentorship per quiet spell (keyed by its start). */
export const mentorshipNudges = pgTable(
  'mentorship_nudges',
  {
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => mentorships.id, { onDelete: 'cascade' }),
    quietSince: timestamp('quiet_since', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.mentorshipId, t.quietSince] })],
)

/**
 * An admin's reasoned access to a mentorship's private notes. The audit row (action
 * `mentorship.private-notes.read`) points here, so the reason is on record with it.
 */
export const privateNoteAccesses = pgTable(
  'private_note_accesses',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => mentorships.id, { onDelete: 'cascade' }),
    adminId: uuid('admin_id').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('private_note_accesses_mentorship_idx').on(t.mentorshipId)],
)

/** The one "how did it go?" prompt after a meeting ends (log what was discussed, give feedback). */
export const meetingFollowUps = pgTable('meeting_follow_ups', {
  meetingId: uuid('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
})
