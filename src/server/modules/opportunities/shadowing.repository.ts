import { and, asc, eq, gt, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { opportunities, shadowingBookings, shadowingSlots } from '#server/db/schema/index.ts'

export type ShadowingSlotRow = typeof shadowingSlots.$inferSelect
export type NewShadowingSlot = Omit<typeof shadowingSlots.$inferInsert, 'id'>
export type ShadowingBookingRow = typeof shadowingBookings.$inferSelect
type OpportunityRow = typeof opportunities.$inferSelect

/** How many bookings one sweep claims at a time. */
const SWEEP_BATCH = 100

/** Shadowing slots and bookings: SQL on `shadowing_slots` and `shadowing_bookings` only (the opportunity's lock is `lockOpportunity`). */

type ClaimedBooking = { booking: ShadowingBookingRow; slot: ShadowingSlotRow; opportunity: OpportunityRow }

/**
 * Claims up to a batch of live bookings whose `mark` is not set and whose day matches `when`,
 * setting the mark to `now` in the caller's transaction. FOR UPDATE SKIP LOCKED: a sweep in
 * another process skips the rows this one holds, so each step happens once.
 */
async function claimBookings(tx: Tx, mark: 'remindedAt' | 'recordedAt', now: Date, when: SQL | undefined): Promise<ClaimedBooking[]> {
  const rows = await tx
    .select({ booking: shadowingBookings, slot: shadowingSlots, opportunity: opportunities })
    .from(shadowingBookings)
    .innerJoin(shadowingSlots, eq(shadowingSlots.id, shadowingBookings.slotId))
    .innerJoin(opportunities, eq(opportunities.id, shadowingBookings.opportunityId))
    .where(and(eq(shadowingBookings.status, 'booked'), isNull(shadowingBookings[mark]), isNull(shadowingSlots.removedAt), when))
    .limit(SWEEP_BATCH)
    .for('update', { of: shadowingBookings, skipLocked: true })
  if (rows.length > 0)
    await tx
      .update(shadowingBookings)
      .set({ [mark]: now })
      .where(
        inArray(
          shadowingBookings.id,
          rows.map((r) => r.booking.id),
        ),
      )
  return rows
}

export function createShadowingRepository(db: Database) {
  return {
    async insertSlot(values: NewShadowingSlot, tx: Tx = db): Promise<ShadowingSlotRow> {
      const [row] = await tx.insert(shadowingSlots).values(values).returning()
      if (!row) throw new Error('The new slot was not written.')
      return row
    },

    async findSlotById(id: string, tx: Tx = db): Promise<ShadowingSlotRow | null> {
      const [row] = await tx.select().from(shadowingSlots).where(eq(shadowingSlots.id, id))
      return row ?? null
    },

    /** The opportunity's slots not removed, soonest first. */
    async listSlotsOfOpportunity(opportunityId: string, tx: Tx = db): Promise<ShadowingSlotRow[]> {
      return tx
        .select()
        .from(shadowingSlots)
        .where(and(eq(shadowingSlots.opportunityId, opportunityId), isNull(shadowingSlots.removedAt)))
        .orderBy(asc(shadowingSlots.startAt), asc(shadowingSlots.id))
    },

    async markSlotRemoved(id: string, at: Date, tx: Tx): Promise<void> {
      await tx.update(shadowingSlots).set({ removedAt: at }).where(eq(shadowingSlots.id, id))
    },

    /** Booked places per slot. */
    async countBooked(slotIds: readonly string[], tx: Tx = db): Promise<Map<string, number>> {
      if (slotIds.length === 0) return new Map()
      const rows = await tx
        .select({ slotId: shadowingBookings.slotId, n: sql<number>`count(*)::int` })
        .from(shadowingBookings)
        .where(and(inArray(shadowingBookings.slotId, [...slotIds]), eq(shadowingBookings.status, 'booked')))
        .groupBy(shadowingBookings.slotId)
      return new Map(rows.map((r) => [r.slotId, r.n]))
    },

    async insertBooking(values: { slotId: string; opportunityId: string; studentId: string; createdAt: Date }, tx: Tx): Promise<ShadowingBookingRow> {
      const [row] = await tx.insert(shadowingBookings).values(values).returning()
      if (!row) throw new Error('The booking was not written.')
      return row
    },

    async findBookingById(id: string, tx: Tx = db): Promise<ShadowingBookingRow | null> {
      const [row] = await tx.select().from(shadowingBookings).where(eq(shadowingBookings.id, id))
      return row ?? null
    },

    /** The student's booked day of an opportunity, if any. */
    async findBookedOfStudent(opportunityId: string, studentId: string, tx: Tx = db): Promise<ShadowingBookingRow | null> {
      const [row] = await tx
        .select()
        .from(shadowingBookings)
        .where(and(eq(shadowingBookings.opportunityId, opportunityId), eq(shadowingBookings.studentId, studentId), eq(shadowingBookings.status, 'booked')))
      return row ?? null
    },

    /** Cancels a booking still booked, with the next calendar SEQUENCE; null if it was not booked. */
    async cancelBooking(id: string, at: Date, tx: Tx): Promise<ShadowingBookingRow | null> {
      const [row] = await tx
        .update(shadowingBookings)
        .set({ status: 'cancelled', cancelledAt: at, calendarSequence: sql`${shadowingBookings.calendarSequence} + 1` })
        .where(and(eq(shadowingBookings.id, id), eq(shadowingBookings.status, 'booked')))
        .returning()
      return row ?? null
    },

    async listBookedOfSlot(slotId: string, tx: Tx): Promise<ShadowingBookingRow[]> {
      return tx
        .select()
        .from(shadowingBookings)
        .where(and(eq(shadowingBookings.slotId, slotId), eq(shadowingBookings.status, 'booked')))
    },

    /** Every booking of an opportunity (cancelled ones too), by the slot's day, then first made first. */
    async listBookingsOfOpportunity(opportunityId: string): Promise<ShadowingBookingRow[]> {
      return db
        .select({ booking: shadowingBookings })
        .from(shadowingBookings)
        .innerJoin(shadowingSlots, eq(shadowingSlots.id, shadowingBookings.slotId))
        .where(eq(shadowingBookings.opportunityId, opportunityId))
        .orderBy(asc(shadowingSlots.startAt), asc(shadowingBookings.createdAt))
        .then((rows) => rows.map((r) => r.booking))
    },

    /** A student's bookings with their slots, the latest day first. */
    async listBookingsOfStudent(studentId: string, opportunityId?: string): Promise<{ booking: ShadowingBookingRow; slot: ShadowingSlotRow }[]> {
      return db
        .select({ booking: shadowingBookings, slot: shadowingSlots })
        .from(shadowingBookings)
        .innerJoin(shadowingSlots, eq(shadowingSlots.id, shadowingBookings.slotId))
        .where(and(eq(shadowingBookings.studentId, studentId), opportunityId ? eq(shadowingBookings.opportunityId, opportunityId) : undefined))
        .orderBy(sql`${shadowingSlots.startAt} desc`)
    },

    /**
     * Claims the booked days starting in (now, until] whose reminder has not gone out, marking
     * each reminded in the caller's transaction. FOR UPDATE SKIP LOCKED: a sweep in another
     * process skips the rows this one holds, so each reminder is sent once.
     */
    async claimRemindersDue(now: Date, until: Date, tx: Tx): Promise<ClaimedBooking[]> {
      return claimBookings(tx, 'remindedAt', now, and(gt(shadowingSlots.startAt, now), lte(shadowingSlots.startAt, until)))
    },

    /** Claims the booked days that have ended and are not yet in the student's record, as `claimRemindersDue` does. */
    async claimPassedDays(now: Date, tx: Tx): Promise<ClaimedBooking[]> {
      return claimBookings(tx, 'recordedAt', now, lte(shadowingSlots.endAt, now))
    },
  }
}

export type ShadowingRepository = ReturnType<typeof createShadowingRepository>
