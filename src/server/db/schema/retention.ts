import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { LetterRetentionRule, RetentionRunKind } from '#shared/contracts/retention.ts'
import { people } from './identity.ts'

/**
 * The school's retention rule for graduates' records (FERPA leaves the period to the school):
 * one row. Kept until `years` full calendar years after the year of graduation; letters per
 * `letters`; the scheduled run applies only when `scheduled` is on (decision 038).
 */
export const retentionSettings = pgTable(
  'retention_settings',
  {
    id: integer('id').primaryKey().default(1),
    years: integer('years').notNull().default(6),
    letters: text('letters').$type<LetterRetentionRule>().notNull().default('remove-content'),
    scheduled: boolean('scheduled').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('retention_settings_one_row', sql`${t.id} = 1`),
    check('retention_settings_years_check', sql`${t.years} between 1 and 100`),
    check('retention_settings_letters_check', sql`${t.letters} in ('remove-content', 'keep')`),
  ],
)

/**
 * Each dry run and each application: who ran it (null: the scheduled run), the rule it used and
 * what it found per table. An applied run's report holds counts and person ids only, never names,
 * so this table does not undo the anonymisation it records.
 */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').$type<RetentionRunKind>().notNull(),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
    ranBy: uuid('ran_by').references(() => people.id, { onDelete: 'set null' }),
    years: integer('years').notNull(),
    letters: text('letters').$type<LetterRetentionRule>().notNull(),
    people: integer('people').notNull(),
    /** Per table the treatment and how many rows, and the person ids treated (or, for a dry run, to treat). */
    report: jsonb('report').notNull(),
  },
  (t) => [index('retention_runs_ran_at_idx').on(t.ranAt), check('retention_runs_kind_check', sql`${t.kind} in ('dry-run', 'apply', 'scheduled')`)],
)

/** The graduates already anonymised, so a later run passes over them. */
export const retentionAnonymised = pgTable('retention_anonymised', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  runId: uuid('run_id')
    .notNull()
    .references(() => retentionRuns.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true }).notNull(),
})
