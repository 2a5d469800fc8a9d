import { asc, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { academicCalendarDates } from '#server/db/schema/index.ts'
import type { AcademicDateInput } from '#shared/contracts/academic-calendar.ts'

export type AcademicDateRow = typeof academicCalendarDates.$inferSelect

/** The academic calendar's one table. Only this file writes its SQL. */
export function createAcademicCalendarRepository(db: Database) {
  return {
    async listDates(tx: Tx | Database = db): Promise<AcademicDateRow[]> {
      return tx.select().from(academicCalendarDates).orderBy(asc(academicCalendarDates.startsOn), asc(academicCalendarDates.name))
    },

    /**
     * Replaces the calendar with `dates`, holding a transaction-scoped lock so two offices
     * saving at once end with one of the two lists, never a mix.
     */
    async replaceDates(dates: readonly AcademicDateInput[], now: Date, tx: Tx): Promise<void> {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('academic-calendar'))`)
      await tx.delete(academicCalendarDates)
      if (dates.length > 0) await tx.insert(academicCalendarDates).values(dates.map((d) => ({ ...d, updatedAt: now })))
    },
  }
}

export type AcademicCalendarRepository = ReturnType<typeof createAcademicCalendarRepository>
