import { sql } from 'drizzle-orm'
import { bigint, boolean, check, customType, date, index, integer, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { ClassYear, ExperienceKind, OpportunityApplicationStatus, OpportunityKind, OpportunityStatus, ResearchOutputKind } from '#shared/enums.ts'
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
    index('opportunities_search_idx').using('gin', t.searchDocument),
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
    /** Who vouches for it (the poster); null until confirmed, and always for the student's own entries. */
    confirmedById: uuid('confirmed_by_id').references(() => people.id, { onDelete: 'set null' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('experience_entries_student_idx').on(t.studentId),
    uniqueIndex('experience_entries_application_idx').on(t.applicationId),
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
