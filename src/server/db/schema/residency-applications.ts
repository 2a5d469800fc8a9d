import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { ApplicantType, ProgramSetting, Region } from '#engines/smart-pick/index.ts'
import { people } from './identity.ts'
import { specialties } from './profiles.ts'
import { residencyPrograms } from './residency.ts'

/**
 * A student's residency application profile: what the list builder reads. Visible to the
 * student and their assigned advisors only (`modules/advising/student-records.ts`).
 */
export const applicationProfiles = pgTable('application_profiles', {
  studentId: uuid('student_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  applicantType: text('applicant_type').$type<ApplicantType>().notNull().default('us-md'),
  step2: integer('step2'),
  /** `pass`, `fail`, or a three-digit score as text. */
  step1: text('step1'),
  researchItems: integer('research_items').notNull().default(0),
  alphaOmegaAlpha: boolean('alpha_omega_alpha').notNull().default(false),
  goldHumanism: boolean('gold_humanism').notNull().default(false),
  clerkshipHonors: integer('clerkship_honors').notNull().default(0),
  experiences: integer('experiences').notNull().default(0),
  awayRotationProgramIds: text('away_rotation_program_ids').array().notNull().default([]),
  preferredSpecialtyId: text('preferred_specialty_id').references(() => specialties.id),
  backupSpecialtyId: text('backup_specialty_id').references(() => specialties.id),
  preferredStates: text('preferred_states').array().notNull().default([]),
  preferredRegions: text('preferred_regions').array().$type<Region[]>().notNull().default([]),
  tieStates: text('tie_states').array().notNull().default([]),
  tieRegions: text('tie_regions').array().$type<Region[]>().notNull().default([]),
  settingPreferences: text('setting_preferences').array().$type<ProgramSetting[]>().notNull().default([]),
  needsVisa: boolean('needs_visa').notNull().default(false),
  signalsAvailable: integer('signals_available').notNull().default(0),
  /** The chance of matching the student aims for when choosing how many programs to apply to. */
  targetChance: real('target_chance').notNull().default(0.9),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

export const PROGRAM_LIST_STATUSES = ['considering', 'applying', 'applied', 'interview-offered', 'interviewed', 'withdrawn', 'rejected'] as const
export type ProgramListStatus = (typeof PROGRAM_LIST_STATUSES)[number]

/**
 * The programs a student keeps: saved from the explorer, chosen in the list builder, applied
 * to, interviewed at. The rank order list is built from the `interviewed` ones.
 */
export const studentProgramLists = pgTable(
  'student_program_lists',
  {
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    programId: text('program_id')
      .notNull()
      .references(() => residencyPrograms.id, { onDelete: 'cascade' }),
    status: text('status').$type<ProgramListStatus>().notNull().default('considering'),
    signalled: boolean('signalled').notNull().default(false),
    note: text('note').notNull().default(''),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.studentId, t.programId] }), index('student_program_lists_program_idx').on(t.programId)],
)

export const RANK_LIST_STATUSES = ['draft', 'submitted', 'signed-off'] as const
export type RankListStatus = (typeof RANK_LIST_STATUSES)[number]

/**
 * A student's rank order list as a whole: its review state. `version` grows with every change
 * to the entries; a sign-off holds the version it signed, so a later edit shows as unsigned.
 */
export const rankLists = pgTable('rank_lists', {
  studentId: uuid('student_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(0),
  status: text('status').$type<RankListStatus>().notNull().default('draft'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  signedOffBy: uuid('signed_off_by').references(() => people.id, { onDelete: 'set null' }),
  signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
  signedOffVersion: integer('signed_off_version'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * One line of a rank order list. `listKey` is `primary`, or `supplemental:<advanced program
 * id>` for the PGY-1 list attached to an advanced program. `programId` is null only on a
 * coupled applicant's primary list, where it means "No Match" for that partner on that line.
 */
export const rankListEntries = pgTable(
  'rank_list_entries',
  {
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    listKey: text('list_key').notNull(),
    rank: integer('rank').notNull(),
    programId: text('program_id').references(() => residencyPrograms.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.studentId, t.listKey, t.rank] }), check('rank_list_entries_rank_check', sql`${t.rank} >= 1`)],
)

/** A couple in the match: two students whose primary lists are read pair by pair. */
export const rankListCouples = pgTable(
  'rank_list_couples',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rank_list_couples_requested_idx').on(t.requestedBy), index('rank_list_couples_partner_idx').on(t.partnerId)],
)

export const rankListComments = pgTable(
  'rank_list_comments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    /** The list version the comment was written against. */
    listVersion: integer('list_version').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rank_list_comments_student_idx').on(t.studentId, t.createdAt)],
)

export const SIMULATION_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const
export type SimulationStatus = (typeof SIMULATION_STATUSES)[number]

/**
 * A class simulation an advisor started: the students' rank lists run through the match engine
 * inside a simulated national market, many times. Runs in the background; the page polls
 * `progress`. `result` holds per-student figures and the distribution, never list contents.
 */
export const classSimulations = pgTable(
  'class_simulations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status').$type<SimulationStatus>().notNull().default('queued'),
    runs: integer('runs').notNull(),
    completedRuns: integer('completed_runs').notNull().default(0),
    seed: integer('seed').notNull(),
    /** Which students, and the market settings. */
    params: jsonb('params').notNull(),
    result: jsonb('result'),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The server process running (or queueing) it, which renews the lease while it works. */
    leaseOwner: text('lease_owner'),
    /** Past this, no process is working on it any more: any process may mark it failed. */
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
  },
  (t) => [index('class_simulations_created_idx').on(t.createdBy, t.createdAt)],
)
