import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { people } from './identity.ts'

/**
 * One row per year-end rollover (decision 020): the academic year it closed is the key, so a
 * second rollover in the same academic year cannot be written, whatever two admins do at once.
 */
export const classRollovers = pgTable('class_rollovers', {
  /** The academic year the rollover closed, e.g. `2025-2026` (July to June). */
  academicYear: text('academic_year').primaryKey(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
  ranById: uuid('ran_by_id').references(() => people.id, { onDelete: 'set null' }),
  promoted: integer('promoted').notNull(),
  graduated: integer('graduated').notNull(),
  keptInPlace: integer('kept_in_place').notNull(),
})

/**
 * The advisory dean of each roster house (decision 030): a roster applied assigns every student of
 * the house this advisor through the advising module, keeping a dean an admin chose by hand.
 */
export const houseAdvisors = pgTable('house_advisors', {
  /** The house as the roster spells it, compared without regard to case. */
  house: text('house').primaryKey(),
  advisorId: uuid('advisor_id')
    .notNull()
    .references(() => people.id, { onDelete: 'cascade' }),
  setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  setById: uuid('set_by_id').references(() => people.id, { onDelete: 'set null' }),
})
