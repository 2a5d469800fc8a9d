import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { eventAttendance, eventCheckInPasses, eventFeedback } from '#server/db/schema/index.ts'
import type { CheckInMethod } from '#shared/contracts/event-attendance.ts'

export type AttendanceRow = typeof eventAttendance.$inferSelect
export type FeedbackRow = typeof eventFeedback.$inferSelect

/** Check-in passes, attendance and feedback: the SQL of check-in (decision 035). */
export function createAttendanceRepository(db: Database) {
  return {
    async findPass(eventId: string, studentId: string, tx: Tx = db): Promise<string | null> {
      const [row] = await tx
        .select({ code: eventCheckInPasses.code })
        .from(eventCheckInPasses)
        .where(and(eq(eventCheckInPasses.eventId, eventId), eq(eventCheckInPasses.studentId, studentId)))
      return row?.code ?? null
    },

    /** Writes the pass unless one exists (or the code is taken within the event); returns whether it was written. */
    async insertPass(eventId: string, studentId: string, code: string, now: Date): Promise<boolean> {
      const rows = await db
        .insert(eventCheckInPasses)
        .values({ eventId, studentId, code, createdAt: now })
        .onConflictDoNothing()
        .returning({ code: eventCheckInPasses.code })
      return rows.length > 0
    },

    async findStudentByCode(eventId: string, code: string, tx: Tx = db): Promise<string | null> {
      const [row] = await tx
        .select({ studentId: eventCheckInPasses.studentId })
        .from(eventCheckInPasses)
        .where(and(eq(eventCheckInPasses.eventId, eventId), eq(eventCheckInPasses.code, code)))
      return row?.studentId ?? null
    },

    async listAttendance(eventIds: readonly string[], tx: Tx = db): Promise<AttendanceRow[]> {
      if (eventIds.length === 0) return []
      return tx
        .select()
        .from(eventAttendance)
        .where(inArray(eventAttendance.eventId, [...eventIds]))
        .orderBy(asc(eventAttendance.checkedInAt))
    },

    async findAttendance(eventId: string, studentId: string, tx: Tx = db): Promise<AttendanceRow | null> {
      const [row] = await tx
        .select()
        .from(eventAttendance)
        .where(and(eq(eventAttendance.eventId, eventId), eq(eventAttendance.studentId, studentId)))
      return row ?? null
    },

    /** Records a check-in; a second one for the same student keeps the first (returns null). */
    async insertAttendance(
      values: { eventId: string; studentId: string; method: CheckInMethod; checkedInAt: Date; checkedInById: string },
      tx: Tx,
    ): Promise<AttendanceRow | null> {
      const [row] = await tx.insert(eventAttendance).values(values).onConflictDoNothing().returning()
      return row ?? null
    },

    async deleteAttendance(eventId: string, studentId: string, tx: Tx): Promise<boolean> {
      const rows = await tx
        .delete(eventAttendance)
        .where(and(eq(eventAttendance.eventId, eventId), eq(eventAttendance.studentId, studentId)))
        .returning({ id: eventAttendance.id })
      return rows.length > 0
    },

    /** Which of these events have anyone checked in (the others keep the place-counts rule). */
    async listEventsWithAttendance(eventIds: readonly string[]): Promise<Set<string>> {
      if (eventIds.length === 0) return new Set()
      const rows = await db
        .selectDistinct({ eventId: eventAttendance.eventId })
        .from(eventAttendance)
        .where(inArray(eventAttendance.eventId, [...eventIds]))
      return new Set(rows.map((r) => r.eventId))
    },

    async listFeedback(eventId: string): Promise<FeedbackRow[]> {
      return db.select().from(eventFeedback).where(eq(eventFeedback.eventId, eventId))
    },

    async findFeedback(eventId: string, studentId: string): Promise<FeedbackRow | null> {
      const [row] = await db
        .select()
        .from(eventFeedback)
        .where(and(eq(eventFeedback.eventId, eventId), eq(eventFeedback.studentId, studentId)))
      return row ?? null
    },

    /** One row per student and event: a second save edits the first. */
    async saveFeedback(eventId: string, studentId: string, rating: number, comment: string, now: Date, tx: Tx): Promise<FeedbackRow> {
      const [row] = await tx
        .insert(eventFeedback)
        .values({ eventId, studentId, rating, comment, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: [eventFeedback.eventId, eventFeedback.studentId], set: { rating, comment, updatedAt: sql`excluded.updated_at` } })
        .returning()
      if (!row) throw new Error('The feedback was not written.')
      return row
    },

    /** A student's attendance and feedback everywhere, for their records export. */
    async listOfStudent(studentId: string) {
      const [attended, feedback] = await Promise.all([
        db.select().from(eventAttendance).where(eq(eventAttendance.studentId, studentId)).orderBy(asc(eventAttendance.checkedInAt)),
        db.select().from(eventFeedback).where(eq(eventFeedback.studentId, studentId)).orderBy(asc(eventFeedback.createdAt)),
      ])
      return { attended, feedback }
    },
  }
}

export type AttendanceRepository = ReturnType<typeof createAttendanceRepository>
