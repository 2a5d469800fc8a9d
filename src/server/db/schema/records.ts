import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { AmendmentStatus } from '#shared/contracts/records.ts'
import { people } from './identity.ts'

/**
 * A student's request to amend a record (FERPA, 34 CFR §99.20–99.22): which record, what is
 * wrong, the correction; the office's decision with its reason; and, after a refusal, the
 * student's statement, kept with the request and shown wherever the request is.
 */
export const recordAmendments = pgTable(
  'record_amendments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    record: text('record').notNull(),
    problem: text('problem').notNull(),
    correction: text('correction').notNull(),
    status: text('status').$type<AmendmentStatus>().notNull().default('requested'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedById: uuid('decided_by_id').references(() => people.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    statement: text('statement'),
    statementAt: timestamp('statement_at', { withTimezone: true }),
  },
  (t) => [
    index('record_amendments_student_idx').on(t.studentId),
    index('record_amendments_status_idx').on(t.status, t.requestedAt),
    check('record_amendments_status_check', sql`${t.status} in ('requested', 'amended', 'refused')`),
    // A statement answers a refusal; a decision carries its reason.
    check('record_amendments_statement_check', sql`${t.statement} is null or ${t.status} = 'refused'`),
    check('record_amendments_decision_check', sql`(${t.status} = 'requested') = (${t.decidedAt} is null)`),
  ],
)
