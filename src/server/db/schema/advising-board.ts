import { sql } from 'drizzle-orm'
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { AssignableSlot } from '#shared/contracts/advising.ts'
import { people } from './identity.ts'
import { specialties } from './profiles.ts'

/**
 * Slots of a student's advising board that an advisor or admin filled by hand (decision 012).
 * Active mentorships and the Office's advisor assignments (`student_advisors`) fill slots on
 * their own; these rows are the explicit ones, with who made them and when. A specialty-advisor
 * row names the specialty it was made for: when the student declares another specialty the row
 * stays (the board shows "was your Dermatology advisor") but no longer fills the slot. The person
 * assigned is asked first: the row waits for their agreement (`agreedAt`).
 */
export const advisingBoardAssignments = pgTable(
  'advising_board_assignments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    slot: text('slot').$type<AssignableSlot>().notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The specialty a specialty-advisor assignment was made for; null for other slots. */
    specialtyId: text('specialty_id').references(() => specialties.id),
    note: text('note').notNull().default(''),
    assignedBy: uuid('assigned_by').references(() => people.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    /**
     * When the person agreed to take the slot on; null while the request waits for them. Only an
     * agreed assignment is shown to the student; a declined one is deleted and its assigner told.
     */
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    /** When the person was reminded of a request still waiting (once, a week on); null until then. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('advising_board_assignments_unique').on(t.studentId, t.slot, t.personId), index('advising_board_assignments_person_idx').on(t.personId)],
)
