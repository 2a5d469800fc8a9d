import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { people } from './identity.ts'

/**
 * Which advisors advise which students (the student's advisory dean and any other advisor the
 * Office assigns). "Their advisors" in access rules means these rows: an advisor sees a
 * student's application profile, scores and rank order list only when assigned here.
 */
export const studentAdvisors = pgTable(
  'student_advisors',
  {
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    advisorId: uuid('advisor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    assignedBy: uuid('assigned_by').references(() => people.id, { onDelete: 'set null' }),
    /** The roster's house this advisory dean came from (decision 030); null when an admin chose them. */
    viaHouse: text('via_house'),
  },
  (t) => [primaryKey({ columns: [t.studentId, t.advisorId] }), index('student_advisors_advisor_idx').on(t.advisorId)],
)
