import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import {
  mockInterviewAllowances,
  mockInterviewBookings,
  mockInterviewCompetencies,
  mockInterviewQuestions,
  mockInterviewScores,
  mockInterviewSettings,
  mockInterviewSlots,
} from '#server/db/schema/index.ts'
import type { RubricCompetency } from '#shared/contracts/mock-interviews.ts'
import type { MockInterviewKind } from '#shared/enums.ts'

export type SlotRow = typeof mockInterviewSlots.$inferSelect
export type NewSlot = Omit<typeof mockInterviewSlots.$inferInsert, 'id'>
export type BookingRow = typeof mockInterviewBookings.$inferSelect
export type ScoreRow = { bookingId: string; competencyId: string; score: number }
export type QuestionRow = typeof mockInterviewQuestions.$inferSelect
export type NewQuestion = Omit<typeof mockInterviewQuestions.$inferInsert, 'id'>
/** One score with who gave it and to whom: the severity model's input. */
export type ScoreFact = { bookingId: string; studentId: string; raterId: string; competencyId: string; score: number }

/** The default limit when the school has not set one. */
export const DEFAULT_BOOKINGS_PER_SEASON = 2

/** Mock interviews' reads and writes. Only this file writes SQL, and only on this module's tables. */
export function createMockInterviewsRepository(db: Database) {
  return {
    async findBookingsPerSeason(tx: Tx = db): Promise<number> {
      const [row] = await tx.select({ limit: mockInterviewSettings.bookingsPerSeason }).from(mockInterviewSettings).where(eq(mockInterviewSettings.id, 1))
      return row?.limit ?? DEFAULT_BOOKINGS_PER_SEASON
    },

    async saveBookingsPerSeason(limit: number, now: Date, tx: Tx): Promise<void> {
      await tx
        .insert(mockInterviewSettings)
        .values({ id: 1, bookingsPerSeason: limit, updatedAt: now })
        .onConflictDoUpdate({ target: mockInterviewSettings.id, set: { bookingsPerSeason: limit, updatedAt: now } })
    },

    /** The rubric in force (active competencies in order). */
    async listRubric(tx: Tx = db): Promise<RubricCompetency[]> {
      const rows = await tx
        .select()
        .from(mockInterviewCompetencies)
        .where(eq(mockInterviewCompetencies.active, true))
        .orderBy(asc(mockInterviewCompetencies.position))
      return rows.map((r) => ({ id: r.id, name: r.name, description: r.description, levels: r.levels }))
    },

    /** Every competency ever used, retired ones too (a past mock shows its scores under their names). */
    async listAllCompetencies(tx: Tx = db): Promise<RubricCompetency[]> {
      const rows = await tx.select().from(mockInterviewCompetencies).orderBy(asc(mockInterviewCompetencies.position))
      return rows.map((r) => ({ id: r.id, name: r.name, description: r.description, levels: r.levels }))
    },

    /** The levels past mocks gave on each competency, with how many scores: what the rubric may no longer drop. */
    async listScoresUsed(tx: Tx = db): Promise<Map<string, { scores: number[]; count: number }>> {
      const rows = await tx
        .select({ competencyId: mockInterviewScores.competencyId, score: mockInterviewScores.score, n: sql<number>`count(*)::int` })
        .from(mockInterviewScores)
        .groupBy(mockInterviewScores.competencyId, mockInterviewScores.score)
        .orderBy(asc(mockInterviewScores.score))
      const used = new Map<string, { scores: number[]; count: number }>()
      for (const r of rows) {
        const entry = used.get(r.competencyId) ?? { scores: [], count: 0 }
        entry.scores.push(r.score)
        entry.count += r.n
        used.set(r.competencyId, entry)
      }
      return used
    },

    /**
     * The rubric replaced: these competencies active in this order; every other one retired if
     * past mocks scored it (their scores keep its name), deleted if none did.
     */
    async replaceRubric(competencies: readonly RubricCompetency[], tx: Tx): Promise<void> {
      await tx.update(mockInterviewCompetencies).set({ active: false })
      for (const [position, c] of competencies.entries()) {
        const values = { name: c.name, description: c.description, levels: c.levels, position, active: true }
        await tx
          .insert(mockInterviewCompetencies)
          .values({ id: c.id, ...values })
          .onConflictDoUpdate({ target: mockInterviewCompetencies.id, set: values })
      }
      await tx
        .delete(mockInterviewCompetencies)
        .where(
          and(
            eq(mockInterviewCompetencies.active, false),
            sql`not exists (select 1 from ${mockInterviewScores} where ${mockInterviewScores.competencyId} = ${mockInterviewCompetencies.id})`,
          ),
        )
    },

    /** Every competency with whether it is in force, in order (retired ones after, as they were). */
    async listCompetenciesForEditor(tx: Tx = db): Promise<(RubricCompetency & { active: boolean })[]> {
      const rows = await tx.select().from(mockInterviewCompetencies).orderBy(desc(mockInterviewCompetencies.active), asc(mockInterviewCompetencies.position))
      return rows.map((r) => ({ id: r.id, name: r.name, description: r.description, levels: r.levels, active: r.active }))
    },

    async insertSlot(values: NewSlot, tx: Tx = db): Promise<SlotRow> {
      const [row] = await tx.insert(mockInterviewSlots).values(values).returning()
      if (!row) throw new Error('The new slot was not written.')
      return row
    },

    async findSlotById(id: string, tx: Tx = db): Promise<SlotRow | null> {
      const [row] = await tx.select().from(mockInterviewSlots).where(eq(mockInterviewSlots.id, id))
      return row ?? null
    },

    /** The slot, locked until the transaction ends: booking, cancelling and withdrawing it take turns. */
    async lockSlot(id: string, tx: Tx): Promise<SlotRow | null> {
      const [row] = await tx.select().from(mockInterviewSlots).where(eq(mockInterviewSlots.id, id)).for('update')
      return row ?? null
    },

    async setSlotStatus(id: string, status: SlotRow['status'], tx: Tx): Promise<void> {
      await tx.update(mockInterviewSlots).set({ status }).where(eq(mockInterviewSlots.id, id))
    },

    /**
     * Publishes by one interviewer take turns until the transaction ends: the overlap check and
     * the insert then see each other's slots (`[mock-slot-overlap]`). A transaction-scoped
     * advisory lock on the interviewer, because the slot that would clash does not exist yet to
     * be locked, and the interviewer's row is another module's.
     */
    async lockInterviewerSlots(interviewerId: string, tx: Tx): Promise<void> {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mock-slots:${interviewerId}`}))`)
    },

    /** An interviewer's open slots that share time with [startAt, endAt). */
    async listOverlappingSlots(interviewerId: string, startAt: Date, endAt: Date, tx: Tx = db): Promise<SlotRow[]> {
      return tx
        .select()
        .from(mockInterviewSlots)
        .where(
          and(
            eq(mockInterviewSlots.interviewerId, interviewerId),
            eq(mockInterviewSlots.status, 'open'),
            sql`${mockInterviewSlots.startAt} < ${endAt}`,
            sql`${mockInterviewSlots.endAt} > ${startAt}`,
          ),
        )
    },

    /** Open slots starting after `now` with no booking, soonest first, for a specialty and kind when given. */
    async listFreeSlots(now: Date, filter: { specialtyId?: string | undefined; kind?: MockInterviewKind | undefined }): Promise<SlotRow[]> {
      const rows = await db
        .select({ slot: mockInterviewSlots })
        .from(mockInterviewSlots)
        .leftJoin(mockInterviewBookings, and(eq(mockInterviewBookings.slotId, mockInterviewSlots.id), eq(mockInterviewBookings.status, 'booked')))
        .where(
          and(
            eq(mockInterviewSlots.status, 'open'),
            gt(mockInterviewSlots.startAt, now),
            isNull(mockInterviewBookings.id),
            filter.specialtyId ? eq(mockInterviewSlots.specialtyId, filter.specialtyId) : undefined,
            filter.kind ? eq(mockInterviewSlots.kind, filter.kind) : undefined,
          ),
        )
        .orderBy(asc(mockInterviewSlots.startAt), asc(mockInterviewSlots.id))
        .limit(200)
      return rows.map((r) => r.slot)
    },

    async listSlotsOfInterviewer(interviewerId: string): Promise<SlotRow[]> {
      return db.select().from(mockInterviewSlots).where(eq(mockInterviewSlots.interviewerId, interviewerId)).orderBy(desc(mockInterviewSlots.startAt))
    },

    /** Locks the student's row for a season (writing it the first time): bookings of one student take turns. */
    async lockAllowance(studentId: string, season: string, tx: Tx): Promise<void> {
      await tx.insert(mockInterviewAllowances).values({ studentId, season }).onConflictDoNothing()
      await tx
        .select()
        .from(mockInterviewAllowances)
        .where(and(eq(mockInterviewAllowances.studentId, studentId), eq(mockInterviewAllowances.season, season)))
        .for('update')
    },

    async countBookedInSeason(studentId: string, season: string, tx: Tx = db): Promise<number> {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(mockInterviewBookings)
        .where(and(eq(mockInterviewBookings.studentId, studentId), eq(mockInterviewBookings.season, season), eq(mockInterviewBookings.status, 'booked')))
      return row?.n ?? 0
    },

    async insertBooking(values: { slotId: string; studentId: string; season: string; bookedAt: Date }, tx: Tx): Promise<BookingRow> {
      const [row] = await tx.insert(mockInterviewBookings).values(values).returning()
      if (!row) throw new Error('The booking was not written.')
      return row
    },

    async findBookingById(id: string, tx: Tx = db): Promise<BookingRow | null> {
      const [row] = await tx.select().from(mockInterviewBookings).where(eq(mockInterviewBookings.id, id))
      return row ?? null
    },

    async findActiveBookingOfSlot(slotId: string, tx: Tx = db): Promise<BookingRow | null> {
      const [row] = await tx
        .select()
        .from(mockInterviewBookings)
        .where(and(eq(mockInterviewBookings.slotId, slotId), eq(mockInterviewBookings.status, 'booked')))
      return row ?? null
    },

    /** The booking cancelled and its calendar SEQUENCE raised, in one statement. */
    async cancelBooking(id: string, now: Date, tx: Tx): Promise<BookingRow> {
      const [row] = await tx
        .update(mockInterviewBookings)
        .set({ status: 'cancelled', cancelledAt: now, calendarSequence: sql`${mockInterviewBookings.calendarSequence} + 1` })
        .where(eq(mockInterviewBookings.id, id))
        .returning()
      if (!row) throw new Error('The booking vanished.')
      return row
    },

    /** A student's bookings (cancelled ones too) with their slots, latest slot first. */
    async listBookingsOfStudent(studentId: string): Promise<{ booking: BookingRow; slot: SlotRow }[]> {
      return db
        .select({ booking: mockInterviewBookings, slot: mockInterviewSlots })
        .from(mockInterviewBookings)
        .innerJoin(mockInterviewSlots, eq(mockInterviewSlots.id, mockInterviewBookings.slotId))
        .where(eq(mockInterviewBookings.studentId, studentId))
        .orderBy(desc(mockInterviewSlots.startAt))
    },

    /** Booked (not cancelled) bookings of these slots. */
    async listActiveBookingsOfSlots(slotIds: readonly string[]): Promise<BookingRow[]> {
      if (slotIds.length === 0) return []
      return db
        .select()
        .from(mockInterviewBookings)
        .where(and(inArray(mockInterviewBookings.slotId, [...slotIds]), eq(mockInterviewBookings.status, 'booked')))
    },

    /** A student's other booked mocks that share time with [startAt, endAt). */
    async listStudentBookingsOverlapping(studentId: string, startAt: Date, endAt: Date, tx: Tx): Promise<BookingRow[]> {
      const rows = await tx
        .select({ booking: mockInterviewBookings })
        .from(mockInterviewBookings)
        .innerJoin(mockInterviewSlots, eq(mockInterviewSlots.id, mockInterviewBookings.slotId))
        .where(
          and(
            eq(mockInterviewBookings.studentId, studentId),
            eq(mockInterviewBookings.status, 'booked'),
            sql`${mockInterviewSlots.startAt} < ${endAt}`,
            sql`${mockInterviewSlots.endAt} > ${startAt}`,
          ),
        )
      return rows.map((r) => r.booking)
    },

    async listScores(bookingIds: readonly string[]): Promise<ScoreRow[]> {
      if (bookingIds.length === 0) return []
      return db
        .select({ bookingId: mockInterviewScores.bookingId, competencyId: mockInterviewScores.competencyId, score: mockInterviewScores.score })
        .from(mockInterviewScores)
        .where(inArray(mockInterviewScores.bookingId, [...bookingIds]))
    },

    /** The scores and feedback of a mock replaced in one go. */
    async saveScores(bookingId: string, scores: Readonly<Record<string, number>>, feedback: string, now: Date, tx: Tx): Promise<void> {
      await tx.delete(mockInterviewScores).where(eq(mockInterviewScores.bookingId, bookingId))
      const rows = Object.entries(scores).map(([competencyId, score]) => ({ bookingId, competencyId, score }))
      if (rows.length) await tx.insert(mockInterviewScores).values(rows)
      await tx.update(mockInterviewBookings).set({ feedback, scoredAt: now }).where(eq(mockInterviewBookings.id, bookingId))
    },

    /** Every score of every booked mock, with student and interviewer: the severity model's data. */
    async listAllScoreFacts(): Promise<ScoreFact[]> {
      return db
        .select({
          bookingId: mockInterviewScores.bookingId,
          studentId: mockInterviewBookings.studentId,
          raterId: mockInterviewSlots.interviewerId,
          competencyId: mockInterviewScores.competencyId,
          score: mockInterviewScores.score,
        })
        .from(mockInterviewScores)
        .innerJoin(mockInterviewBookings, eq(mockInterviewBookings.id, mockInterviewScores.bookingId))
        .innerJoin(mockInterviewSlots, eq(mockInterviewSlots.id, mockInterviewBookings.slotId))
        .where(eq(mockInterviewBookings.status, 'booked'))
    },

    /** Booked mocks of open slots starting in (now, until] whose student has not been reminded. */
    async listRemindersDue(now: Date, until: Date): Promise<{ booking: BookingRow; slot: SlotRow }[]> {
      return db
        .select({ booking: mockInterviewBookings, slot: mockInterviewSlots })
        .from(mockInterviewBookings)
        .innerJoin(mockInterviewSlots, eq(mockInterviewSlots.id, mockInterviewBookings.slotId))
        .where(
          and(
            eq(mockInterviewBookings.status, 'booked'),
            isNull(mockInterviewBookings.remindedAt),
            eq(mockInterviewSlots.status, 'open'),
            gt(mockInterviewSlots.startAt, now),
            lte(mockInterviewSlots.startAt, until),
          ),
        )
        .orderBy(asc(mockInterviewSlots.startAt))
    },

    /** Claims a booking's reminder: true for the one sweep that sets `reminded_at` on a booking still booked. */
    async claimReminder(id: string, at: Date, tx: Tx): Promise<boolean> {
      const rows = await tx
        .update(mockInterviewBookings)
        .set({ remindedAt: at })
        .where(and(eq(mockInterviewBookings.id, id), eq(mockInterviewBookings.status, 'booked'), isNull(mockInterviewBookings.remindedAt)))
        .returning({ id: mockInterviewBookings.id })
      return rows.length > 0
    },

    /** Questions in use of a specialty and those for every specialty (retired ones left out). */
    async listQuestions(specialtyId: string | null): Promise<QuestionRow[]> {
      return db
        .select()
        .from(mockInterviewQuestions)
        .where(
          and(
            isNull(mockInterviewQuestions.retiredAt),
            specialtyId
              ? or(eq(mockInterviewQuestions.specialtyId, specialtyId), isNull(mockInterviewQuestions.specialtyId))
              : isNull(mockInterviewQuestions.specialtyId),
          ),
        )
        .orderBy(sql`${mockInterviewQuestions.specialtyId} is null`, asc(mockInterviewQuestions.createdAt), asc(mockInterviewQuestions.id))
    },

    /** Every question, retired ones last, for the office's editor. */
    async listAllQuestions(): Promise<QuestionRow[]> {
      return db
        .select()
        .from(mockInterviewQuestions)
        .orderBy(
          sql`${mockInterviewQuestions.retiredAt} is not null`,
          asc(mockInterviewQuestions.specialtyId),
          asc(mockInterviewQuestions.createdAt),
          asc(mockInterviewQuestions.id),
        )
    },

    async insertQuestions(rows: readonly NewQuestion[], tx: Tx = db): Promise<QuestionRow[]> {
      if (rows.length === 0) return []
      return tx
        .insert(mockInterviewQuestions)
        .values([...rows])
        .returning()
    },

    async updateQuestion(id: string, values: Omit<NewQuestion, 'createdAt'>, tx: Tx): Promise<QuestionRow | null> {
      const [row] = await tx.update(mockInterviewQuestions).set(values).where(eq(mockInterviewQuestions.id, id)).returning()
      return row ?? null
    },

    async findQuestionById(id: string, tx: Tx = db): Promise<QuestionRow | null> {
      const [row] = await tx.select().from(mockInterviewQuestions).where(eq(mockInterviewQuestions.id, id))
      return row ?? null
    },
  }
}

export type MockInterviewsRepository = ReturnType<typeof createMockInterviewsRepository>
