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
