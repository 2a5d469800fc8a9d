import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import type {
  ClassYear,
  ExperienceKind,
  OpportunityApplicationStatus,
  OpportunityKind,
  OpportunityStatus,
  RequirementVerification,
  ResearchOutputKind,
  ShadowingBookingStatus,
} from '#shared/enums.ts'
import type { TimeCommitment } from '#shared/reference/time-commitments.ts'
import { people } from './identity.ts'

/**
 * Opportunities (the opportunities module): research projects, shadowing, summer experiences
 * and scholarly-year positions that mentors and staff post, students' applications to them, and
 * each student's record of experiences. Accepted places are counted from the applications under
 * a row lock on the opportunity, never kept as a counter.
 */
/** Numbers each write to an opportunity in order: the board's in-memory copy re-reads when the highest one moves. */
export const opportunitiesRevisionSeq = pgSequence('opportunities_revision_seq')

const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' })

export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').$type<OpportunityKind>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** A specialty of `shared/reference/specialties.ts`; null when open to any. */
    specialtyId: text('specialty_id'),
    /** Empty: every class year. */
    classYears: text('class_years').array().$type<ClassYear[]>().notNull().default(sql`'{}'::text[]`),
    remote: boolean('remote').notNull().default(false),
    places: integer('places').notNull(),
    /** Applications close at this instant; null: open until the poster closes it. */
    applyBy: timestamp('apply_by', { withTimezone: true }),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    timeCommitment: text('time_commitment').notNull().default(''),
    /** The board's time-commitment bucket; null: the kind's usual one (`shared/reference/time-commitments.ts`). */
    commitment: text('commitment').$type<TimeCommitment>(),
    // Research projects and scholarly years.
    researchQuestion: text('research_question').notNull().default(''),
    methods: text('methods').notNull().default(''),
    skillsWanted: text('skills_wanted').notNull().default(''),
    expectedOutput: text('expected_output').notNull().default(''),
    // Shadowing.
    site: text('site').notNull().default(''),
    dressCode: text('dress_code').notNull().default(''),
    whatToBring: text('what_to_bring').notNull().default(''),
    status: text('status').$type<OpportunityStatus>().notNull().default('published'),
    posterId: uuid('poster_id').references(() => people.id, { onDelete: 'set null' }),
    /** A new number from `opportunities_revision_seq` on every insert and update (two in one instant included). */
    revision: bigint('revision', { mode: 'number' }).notNull().default(sql`nextval('opportunities_revision_seq')`),
    /** The words of the title and description, stemmed, kept by the database: a search ranks these instead of re-reading each text. */
    searchDocument: tsvector('search_document').generatedAlwaysAs(sql`to_tsvector('english', "title" || ' ' || "description")`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('opportunities_poster_idx').on(t.posterId),
    index('opportunities_revision_idx').on(t.revision),
    index('opportunities_status_idx').on(t.status, t.applyBy),
    // Without fastupdate: new words go straight into the index rather than a pending list that
    // only a vacuum merges. PGlite runs no autovacuum, so the pending list grew with every insert and
    // the planner scanned the whole table instead (bench:opportunities; decision 040).
    index('opportunities_search_idx').using('gin', t.searchDocument).with({ fastupdate: false }),
    check('opportunities_places_positive', sql`${t.places} > 0`),
    check('opportunities_end_after_start', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
)

export const opportunityApplications = pgTable(
  'opportunity_applications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    statement: text('statement').notNull(),
    status: text('status').$type<OpportunityApplicationStatus>().notNull().default('submitted'),
    /** The poster's words with their decision, e-mailed to the student. */
    posterMessage: text('poster_message').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('opportunity_applications_student_idx').on(t.opportunityId, t.studentId),
    index('opportunity_applications_status_idx').on(t.opportunityId, t.status),
    index('opportunity_applications_of_student_idx').on(t.studentId),
  ],
)

/** A student's record of what they did: made on acceptance (and confirmed by the poster), or added by the student. */
export const experienceEntries = pgTable(
  'experience_entries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ExperienceKind>().notNull(),
    title: text('title').notNull(),
    organization: text('organization').notNull().default(''),
    description: text('description').notNull().default(''),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    hours: integer('hours'),
    /** The accepted application this entry came from; null for an entry the student added. */
    applicationId: uuid('application_id').references(() => opportunityApplications.id, { onDelete: 'set null' }),
    /** The shadowing day this entry came from, once it has passed; its opportunity's poster confirms it. */
    shadowingBookingId: uuid('shadowing_booking_id').references((): AnyPgColumn => shadowingBookings.id, { onDelete: 'set null' }),
    /** Who vouches for it (the poster); null until confirmed, and always for the student's own entries. */
    confirmedById: uuid('confirmed_by_id').references(() => people.id, { onDelete: 'set null' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('experience_entries_student_idx').on(t.studentId),
    uniqueIndex('experience_entries_application_idx').on(t.applicationId),
    uniqueIndex('experience_entries_shadowing_booking_idx').on(t.shadowingBookingId),
    check('experience_entries_end_after_start', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
    check('experience_entries_hours', sql`${t.hours} is null or ${t.hours} >= 0`),
  ],
)

/**
 * What came of an experience: an abstract, a poster, a presentation or a publication, with its
 * citation as the student would write it on ERAS. The student's own account (nobody confirms
 * it); the list builder's count of research items is read from these.
 */
export const researchOutputs = pgTable(
  'research_outputs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    experienceId: uuid('experience_id')
      .notNull()
      .references(() => experienceEntries.id, { onDelete: 'cascade' }),
    /** The experience's student, kept here so the owner check and the counts need no join. */
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ResearchOutputKind>().notNull(),
    citation: text('citation').notNull(),
    /** When it was presented or published, if the student gives it. */
    date: date('date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('research_outputs_experience_idx').on(t.experienceId), index('research_outputs_student_idx').on(t.studentId)],
)

/**
 * A dated day (or half day) of a shadowing opportunity: a clinic, a service or an OR day, with
 * its own site, dress code and what to bring, and its places (usually 1). A removed slot is
 * kept (its bookings and their calendar SEQUENCE stay readable) and marked `removed_at`.
 */
export const shadowingSlots = pgTable(
  'shadowing_slots',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    site: text('site').notNull().default(''),
    dressCode: text('dress_code').notNull().default(''),
    whatToBring: text('what_to_bring').notNull().default(''),
    places: integer('places').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    index('shadowing_slots_opportunity_idx').on(t.opportunityId, t.startAt),
    check('shadowing_slots_places_positive', sql`${t.places} > 0`),
    check('shadowing_slots_end_after_start', sql`${t.endAt} > ${t.startAt}`),
  ],
)

/**
 * A student's booking of a shadowing slot. Places are counted from the booked rows under the
 * opportunity's row lock, never kept as a counter; one booked slot per student per opportunity.
 */
export const shadowingBookings = pgTable(
  'shadowing_bookings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => shadowingSlots.id, { onDelete: 'cascade' }),
    /** The slot's opportunity, kept here so "one day per student" is an index. */
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    status: text('status').$type<ShadowingBookingStatus>().notNull().default('booked'),
    /** The invite's SEQUENCE: grows with each change so calendars update the event in place. */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** When the day-before reminder went out (claimed by one sweep). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** When the passed day was added to the student's experience record (claimed by one sweep). */
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [
    index('shadowing_bookings_slot_idx').on(t.slotId, t.status),
    index('shadowing_bookings_student_idx').on(t.studentId),
    uniqueIndex('shadowing_bookings_one_per_student_idx').on(t.opportunityId, t.studentId).where(sql`${t.status} = 'booked'`),
  ],
)

/**
 * What a student must hold before applying to or booking an opportunity (HIPAA training, an
 * immunisation, a background check for some sites): set by the office for every opportunity of
 * a kind, or for one opportunity. Either the student confirms it themselves or the office
 * verifies it. A retired requirement stops being asked for; the students' records of it stay.
 */
export const requirements = pgTable(
  'requirements',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    verification: text('verification').$type<RequirementVerification>().notNull(),
    opportunityKind: text('opportunity_kind').$type<OpportunityKind>(),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id, { onDelete: 'cascade' }),
    createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    index('requirements_opportunity_idx').on(t.opportunityId),
    check('requirements_one_scope', sql`(${t.opportunityKind} is null) <> (${t.opportunityId} is null)`),
  ],
)

/**
 * A student's record of a requirement: when they completed it and when it expires. Whether it
 * is met, awaiting the office or expired is computed from these dates and today, never stored.
 */
export const requirementRecords = pgTable(
  'requirement_records',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    /** The first day it no longer counts; null: it does not expire. */
    expiresOn: date('expires_on', { mode: 'string' }),
    /** Who at the office verified it, for requirements the office verifies; cleared when the student records it anew. */
    verifiedById: uuid('verified_by_id').references(() => people.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('requirement_records_student_idx').on(t.studentId, t.requirementId),
    check('requirement_records_expiry_after_completion', sql`${t.expiresOn} is null or ${t.expiresOn} > ${t.completedOn}`),
  ],
)
