import { sql } from 'drizzle-orm'
import { doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core'
import type { ClassYear } from '#shared/enums.ts'
import type { MentorProgramStatus, PairingMethod, PairSource, ProgramStudentSource } from '#shared/contracts/mentor-programs.ts'
import { people } from './identity.ts'
import { mentorships } from './mentorships.ts'

/**
 * Formal mentor programs (decision 011): a whole class paired with mentors at once. A program
 * lists its students and mentors, the students' rankings, pairs that must never be made
 * (conflicts), pairs both sides asked to keep from a previous program, and the draft pairs an
 * admin reviews before publishing turns them into mentorships.
 */
export const mentorPrograms = pgTable(
  'mentor_programs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Every active student of these class years takes part, besides those listed by hand. */
    classYears: text('class_years').array().$type<ClassYear[]>().notNull().default([]),
    pairingMethod: text('pairing_method').$type<PairingMethod>().notNull(),
    /** At most this many students per mentor, whatever a mentor's capacity. */
    maxPerMentor: integer('max_per_mentor').notNull(),
    rankingDeadline: timestamp('ranking_deadline', { withTimezone: true }),
    /** Pairs published by this earlier program may be kept when both sides ask. */
    keepFromProgramId: uuid('keep_from_program_id').references((): AnyPgColumn => mentorPrograms.id, { onDelete: 'set null' }),
    status: text('status').$type<MentorProgramStatus>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    pairedAt: timestamp('paired_at', { withTimezone: true }),
    pairedBy: uuid('paired_by'),
    /** Total fit of the pairing run and the engine's proof bound (max-fit only). */
    pairedTotalFit: doublePrecision('paired_total_fit'),
    pairedUpperBound: doublePrecision('paired_upper_bound'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
  },
  (t) => [index('mentor_programs_status_idx').on(t.status)],
)

export const mentorProgramStudents = pgTable(
  'mentor_program_students',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => mentorPrograms.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** From the program's class years, or listed by hand. */
    source: text('source').$type<ProgramStudentSource>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.studentId] }), index('mentor_program_students_student_idx').on(t.studentId)],
)

export const mentorProgramMentors = pgTable(
  'mentor_program_mentors',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => mentorPrograms.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** Students this mentor takes in this program; null: their open places. */
    capacity: integer('capacity'),
  },
  (t) => [primaryKey({ columns: [t.programId, t.mentorId] }), index('mentor_program_mentors_mentor_idx').on(t.mentorId)],
)

/** A student's ranking of the program's mentors, 1 = most wanted. */
export const mentorProgramRankings = pgTable(
  'mentor_program_rankings',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => mentorPrograms.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    rank: integer('rank').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.studentId, t.mentorId] }),
    uniqueIndex('mentor_program_rankings_rank_idx').on(t.programId, t.studentId, t.rank),
  ],
)

/** A pair that must never be made: the mentor grades the student, or another conflict. */
export const mentorProgramConflicts = pgTable(
  'mentor_program_conflicts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    programId: uuid('program_id')
      .notNull()
      .references(() => mentorPrograms.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('mentor_program_conflicts_pair_idx').on(t.programId, t.studentId, t.mentorId)],
)

/**
 * "Keep last year's pair": the student and the mentor of a pair the earlier program
 * (`keep_from_program_id`) published each opt in; only when both did is the pair kept.
 */
export const mentorProgramContinuations = pgTable(
  'mentor_program_continuations',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => mentorPrograms.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    studentOptedAt: timestamp('student_opted_at', { withTimezone: true }),
    mentorOptedAt: timestamp('mentor_opted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.programId, t.studentId, t.mentorId] })],
)

/**
 * The draft pairing, one row per student the pairing or an admin decided on; a null mentor is a
 * student an admin left unpaired. Publishing fills `mentorship_id`.
 */
export const mentorProgramPairs = pgTable(
  'mentor_program_pairs',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => mentorPrograms.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id').references(() => people.id, { onDelete: 'cascade' }),
    fit: doublePrecision('fit'),
    reasons: text('reasons').array().notNull().default([]),
    source: text('source').$type<PairSource>().notNull(),
    editedBy: uuid('edited_by'),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    editReason: text('edit_reason'),
    mentorshipId: uuid('mentorship_id').references(() => mentorships.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.programId, t.studentId] }), index('mentor_program_pairs_mentor_idx').on(t.mentorId)],
)
