import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { people } from './identity.ts'
import { departments } from './profiles.ts'

/**
 * Each clinical department's designated specialty advisor and its chair's availability for
 * residency conversations, as the office sets them (the specialties module): shown on the pages
 * of the department's specialties.
 */
export const departmentAdvising = pgTable('department_advising', {
  departmentId: text('department_id')
    .primaryKey()
    .references(() => departments.id),
  specialtyAdvisorId: uuid('specialty_advisor_id').references(() => people.id, { onDelete: 'set null' }),
  chairId: uuid('chair_id').references(() => people.id, { onDelete: 'set null' }),
  /** In the office's words: when and how to ask the chair for a conversation about residency. */
  chairAvailability: text('chair_availability').notNull().default(''),
  updatedById: uuid('updated_by_id').references(() => people.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})
