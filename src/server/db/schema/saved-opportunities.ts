import { index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core'
import { people } from './identity.ts'
import { opportunities } from './opportunities.ts'

/**
 * The opportunities a student saved to come back to (the opportunities module, issue #20): one
 * row per student and opportunity, gone with either.
 */
export const savedOpportunities = pgTable(
  'saved_opportunities',
  {
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.studentId, t.opportunityId] }), index('saved_opportunities_opportunity_idx').on(t.opportunityId)],
)
