import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { CimPhase, CompletionRule, CurriculumYear } from '#shared/contracts/curriculum.ts'
import { people } from './identity.ts'

/**
 * The career curriculum (the curriculum module): the school's milestones per curriculum year,
 * and the milestones each student ticked. Done by an attended event or by a rule is computed
 * when read, from the owners of those facts, never stored here.
 */
export const curriculumMilestones = pgTable(
  'curriculum_milestones',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    title: text('title').notNull(),
    year: text('year').$type<CurriculumYear>().notNull(),
    phase: text('phase').$type<CimPhase>().notNull(),
    /** Due by the end of this month (1–12) of `year`, dated per class from its graduation year. */
    dueMonth: integer('due_month').notNull(),
    required: boolean('required').notNull().default(true),
    why: text('why').notNull().default(''),
    links: text('links').array().notNull().default(sql`'{}'::text[]`),
    /** Events (the events module's) whose attendance completes the milestone. */
    eventIds: uuid('event_ids').array().notNull().default(sql`'{}'::uuid[]`),
    rule: text('rule').$type<CompletionRule>(),
    /** The order of milestones due in the same month. */
    position: integer('position').notNull().default(0),
    createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('curriculum_milestones_year_idx').on(t.year, t.dueMonth), check('curriculum_milestones_month', sql`${t.dueMonth} between 1 and 12`)],
)

export const curriculumCompletions = pgTable(
  'curriculum_completions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => curriculumMilestones.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('curriculum_completions_student_milestone_idx').on(t.studentId, t.milestoneId)],
)

/**
 * Each e-mail nudge an advisor sent a student about a milestone: who, when, by whom. A student
 * nudged about the same milestone within the last week is skipped (the service reads these).
 */
export const curriculumNudges = pgTable(
  'curriculum_nudges',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => curriculumMilestones.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    sentById: uuid('sent_by_id').references(() => people.id, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('curriculum_nudges_milestone_student_idx').on(t.milestoneId, t.studentId, t.sentAt)],
)
