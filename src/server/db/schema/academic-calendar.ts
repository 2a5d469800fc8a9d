import { sql } from 'drizzle-orm'
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { AcademicDateKind } from '#shared/enums.ts'

/**
 * The school's academic calendar (the academic-calendar module): the first day of each
 * academic year, its breaks and its holidays, as named ranges of whole days (inclusive), in the
 * school's own dates. Series skip them; events on them warn; the timeline shows them.
 */
export const academicCalendarDates = pgTable(
  'academic_calendar_dates',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').$type<AcademicDateKind>().notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** The last day, included; the same as `startsOn` for one day. */
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('academic_calendar_dates_starts_idx').on(t.startsOn), check('academic_calendar_dates_order', sql`${t.endsOn} >= ${t.startsOn}`)],
)
