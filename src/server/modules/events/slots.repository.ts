import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { eventSlotBookings, eventSlots, events } from '#server/db/schema/index.ts'

export type SlotRow = typeof eventSlots.$inferSelect
export type SlotBookingRow = typeof eventSlotBookings.$inferSelect

/**
 * Slots and their bookings: SQL on `event_slots` and `event_slot_bookings` only. Every write
 * is made holding the event's row lock (`EventsRepository.lockEvent`), so bookings of one
 * event take turns.
 */
export function createSlotsRepository(db: Database) {
  return {
    async listSlots(eventId: string, tx: Tx | Database = db): Promise<SlotRow[]> {
      return tx.select().from(eventSlots).where(eq(eventSlots.eventId, eventId)).orderBy(asc(eventSlots.startAt), asc(eventSlots.label))
    },

    async findSlot(id: string, tx: Tx | Database = db): Promise<SlotRow | null> {
      const [row] = await tx.select().from(eventSlots).where(eq(eventSlots.id, id))
      return row ?? null
    },

    async insertSlots(eventId: string, slots: readonly { startAt: Date; endAt: Date; label: string }[], now: Date, tx: Tx): Promise<SlotRow[]> {
      if (slots.length === 0) return []
      return tx
        .insert(eventSlots)
        .values(slots.map((s) => ({ ...s, eventId, createdAt: now })))
        .returning()
    },

    async deleteSlot(id: string, tx: Tx): Promise<void> {
      await tx.delete(eventSlots).where(eq(eventSlots.id, id))
    },

    /**
     * For the events list: per event with slots, how many it has, how many are free, and when the
     * student's own booked slot starts (null: none). One grouped query; events without slots are absent.
     */
    async countSlotsOfEvents(
      eventIds: readonly string[],
      studentId: string | null,
      tx: Tx | Database = db,
    ): Promise<Map<string, { total: number; free: number; mineStartAt: Date | null }>> {
      if (eventIds.length === 0) return new Map()
      const rows = await tx
        .select({
          eventId: eventSlots.eventId,
          total: sql<number>`count(*)::int`,
          booked: sql<number>`count(${eventSlotBookings.id})::int`,
          mineStartAt: studentId
            ? sql<Date | string | null>`min(case when ${eventSlotBookings.studentId} = ${studentId} then ${eventSlots.startAt} end)`
            : sql<null>`null`,
        })
        .from(eventSlots)
        .leftJoin(eventSlotBookings, and(eq(eventSlotBookings.slotId, eventSlots.id), eq(eventSlotBookings.status, 'booked')))
        .where(inArray(eventSlots.eventId, [...eventIds]))
        .groupBy(eventSlots.eventId)
      // An aggregate over a timestamptz comes back as text from some drivers: made a Date here.
      return new Map(
        rows.map((r) => [r.eventId, { total: r.total, free: r.total - r.booked, mineStartAt: r.mineStartAt === null ? null : new Date(r.mineStartAt) }]),
      )
    },

    /** The bookings that hold a slot now, of these events. */
    async listActiveBookings(eventIds: readonly string[], tx: Tx | Database = db): Promise<SlotBookingRow[]> {
      if (eventIds.length === 0) return []
      return tx
        .select()
        .from(eventSlotBookings)
        .where(and(inArray(eventSlotBookings.eventId, [...eventIds]), eq(eventSlotBookings.status, 'booked')))
    },

    /** A student's booking at an event (held or given up); one row per student per event. */
    async findBooking(eventId: string, studentId: string, tx: Tx | Database = db): Promise<SlotBookingRow | null> {
      const [row] = await tx
        .select()
        .from(eventSlotBookings)
        .where(and(eq(eventSlotBookings.eventId, eventId), eq(eventSlotBookings.studentId, studentId)))
      return row ?? null
    },

    /** Books `slotId` for the student: a new row, or the one they gave up, pointed at the new slot. Call it holding the event's lock. */
    async saveBooking(eventId: string, slotId: string, studentId: string, now: Date, tx: Tx): Promise<SlotBookingRow> {
      const [row] = await tx
        .insert(eventSlotBookings)
        .values({ eventId, slotId, studentId, status: 'booked', bookedAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: [eventSlotBookings.eventId, eventSlotBookings.studentId],
          set: { slotId, status: 'booked', bookedAt: now, updatedAt: now },
        })
        .returning()
      if (!row) throw new Error('The booking was not written.')
      return row
    },

    async cancelBooking(id: string, now: Date, tx: Tx): Promise<SlotBookingRow> {
      const [row] = await tx.update(eventSlotBookings).set({ status: 'cancelled', updatedAt: now }).where(eq(eventSlotBookings.id, id)).returning()
      if (!row) throw new Error('The booking vanished.')
      return row
    },

    /** Raises the student's calendar SEQUENCE for the invite about to be sent; returns the new value. */
    async nextCalendarSequence(id: string, tx: Tx): Promise<number> {
      const [row] = await tx
        .update(eventSlotBookings)
        .set({ calendarSequence: sql`${eventSlotBookings.calendarSequence} + 1` })
        .where(eq(eventSlotBookings.id, id))
        .returning({ sequence: eventSlotBookings.calendarSequence })
      if (!row) throw new Error('The booking vanished.')
      return row.sequence
    },

    /** The slots a student holds, with their events (for the calendar feed and the records export). */
    async listBookingsOfStudent(studentId: string) {
      return db
        .select({ booking: eventSlotBookings, slot: eventSlots, event: events })
        .from(eventSlotBookings)
        .innerJoin(eventSlots, eq(eventSlots.id, eventSlotBookings.slotId))
        .innerJoin(events, eq(events.id, eventSlotBookings.eventId))
        .where(eq(eventSlotBookings.studentId, studentId))
        .orderBy(asc(eventSlots.startAt))
    },
  }
}

export type SlotsRepository = ReturnType<typeof createSlotsRepository>
