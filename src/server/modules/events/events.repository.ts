import { and, asc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { eventRsvps, events } from '#server/db/schema/index.ts'
import type { EventRsvpStatus } from '#shared/enums.ts'

export type EventRow = typeof events.$inferSelect
export type NewEvent = Omit<typeof events.$inferInsert, 'id'>
export type RsvpRow = typeof eventRsvps.$inferSelect
export type SeatCounts = { confirmed: number; waitlisted: number }

/** Events and RSVPs: this module's reads and writes. Only this file writes SQL. */
export function createEventsRepository(db: Database) {
  return {
    async insertEvent(values: NewEvent, tx: Tx = db): Promise<EventRow> {
      const [row] = await tx.insert(events).values(values).returning()
      if (!row) throw new Error('The new event was not written.')
      return row
    },

    async updateEvent(id: string, values: Partial<NewEvent>, tx: Tx = db): Promise<EventRow> {
      const [row] = await tx.update(events).set(values).where(eq(events.id, id)).returning()
      if (!row) throw new Error('The event vanished.')
      return row
    },

    async findEventById(id: string, tx: Tx = db): Promise<EventRow | null> {
      const [row] = await tx.select().from(events).where(eq(events.id, id))
      return row ?? null
    },

    /**
     * The event, locked until the transaction ends: every change to its seats (RSVP, cancel,
     * a new capacity) takes this lock first, so they take turns and a count read after it holds.
     */
    async lockEvent(id: string, tx: Tx): Promise<EventRow | null> {
      const [row] = await tx.select().from(events).where(eq(events.id, id)).for('update')
      return row ?? null
    },

    async listEvents(): Promise<EventRow[]> {
      return db.select().from(events).orderBy(asc(events.startAt), asc(events.id))
    },

    async countSeats(eventIds: readonly string[], tx: Tx = db): Promise<Map<string, SeatCounts>> {
      const counts = new Map<string, SeatCounts>()
      if (eventIds.length === 0) return counts
      const rows = await tx
        .select({
          eventId: eventRsvps.eventId,
          confirmed: sql<number>`count(*) filter (where ${eventRsvps.status} = 'confirmed')::int`,
          waitlisted: sql<number>`count(*) filter (where ${eventRsvps.status} = 'waitlisted')::int`,
        })
        .from(eventRsvps)
        .where(inArray(eventRsvps.eventId, [...eventIds]))
        .groupBy(eventRsvps.eventId)
      for (const row of rows) counts.set(row.eventId, { confirmed: row.confirmed, waitlisted: row.waitlisted })
      return counts
    },

    async findRsvp(eventId: string, studentId: string, tx: Tx = db): Promise<RsvpRow | null> {
      const [row] = await tx
        .select()
        .from(eventRsvps)
        .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.studentId, studentId)))
      return row ?? null
    },

    /** The events a student has a place at, with that place (for their calendar feed). */
    async listConfirmedOfStudent(studentId: string) {
      return db
        .select({ rsvp: eventRsvps, event: events })
        .from(eventRsvps)
        .innerJoin(events, eq(events.id, eventRsvps.eventId))
        .where(and(eq(eventRsvps.studentId, studentId), eq(eventRsvps.status, 'confirmed')))
        .orderBy(asc(events.startAt))
    },

    /** A student's RSVPs (any status) to these events. */
    async listRsvpsOfStudent(studentId: string, eventIds: readonly string[]): Promise<RsvpRow[]> {
      if (eventIds.length === 0) return []
      return db
        .select()
        .from(eventRsvps)
        .where(and(eq(eventRsvps.studentId, studentId), inArray(eventRsvps.eventId, [...eventIds])))
    },

    /** The confirmed or waitlisted RSVPs of these events, each list in the order of asking. */
    async listActiveRsvps(eventIds: readonly string[], status: Exclude<EventRsvpStatus, 'cancelled'>, tx: Tx = db): Promise<RsvpRow[]> {
      if (eventIds.length === 0) return []
      return tx
        .select()
        .from(eventRsvps)
        .where(and(inArray(eventRsvps.eventId, [...eventIds]), eq(eventRsvps.status, status)))
        .orderBy(asc(eventRsvps.queueNumber))
    },

    /** A new RSVP, or one given up before asked for again: it joins the back of the line. Call it holding the event's lock. */
    async saveRsvp(eventId: string, studentId: string, status: EventRsvpStatus, now: Date, tx: Tx): Promise<RsvpRow> {
      const [last] = await tx
        .select({ n: sql<number>`coalesce(max(${eventRsvps.queueNumber}), 0)::int` })
        .from(eventRsvps)
        .where(eq(eventRsvps.eventId, eventId))
      const queueNumber = (last?.n ?? 0) + 1
      const [row] = await tx
        .insert(eventRsvps)
        .values({ eventId, studentId, status, queuedAt: now, queueNumber, updatedAt: now })
        .onConflictDoUpdate({ target: [eventRsvps.eventId, eventRsvps.studentId], set: { status, queuedAt: now, queueNumber, updatedAt: now } })
        .returning()
      if (!row) throw new Error('The RSVP was not written.')
      return row
    },

    async setRsvpStatus(id: string, status: EventRsvpStatus, now: Date, tx: Tx): Promise<RsvpRow> {
      const [row] = await tx.update(eventRsvps).set({ status, updatedAt: now }).where(eq(eventRsvps.id, id)).returning()
      if (!row) throw new Error('The RSVP vanished.')
      return row
    },

    /** Raises the attendee's calendar SEQUENCE for the invite about to be sent; returns the new value. */
    /** Places at scheduled events starting in (now, until] whose day-before reminder has not gone out. */
    async listRemindersDue(now: Date, until: Date) {
      return db
        .select({ rsvp: eventRsvps, event: events })
        .from(eventRsvps)
        .innerJoin(events, eq(events.id, eventRsvps.eventId))
        .where(
          and(
            eq(eventRsvps.status, 'confirmed'),
            isNull(eventRsvps.remindedAt),
            eq(events.status, 'scheduled'),
            gt(events.startAt, now),
            lte(events.startAt, until),
          ),
        )
        .orderBy(asc(events.startAt))
    },

    /** Claims an attendee's one reminder: false when another sweep did, or the place was given up meanwhile. */
    async claimReminder(id: string, at: Date, tx: Tx): Promise<boolean> {
      const rows = await tx
        .update(eventRsvps)
        .set({ remindedAt: at })
        .where(and(eq(eventRsvps.id, id), eq(eventRsvps.status, 'confirmed'), isNull(eventRsvps.remindedAt)))
        .returning({ id: eventRsvps.id })
      return rows.length > 0
    },

    async nextCalendarSequence(id: string, tx: Tx): Promise<number> {
      const [row] = await tx
        .update(eventRsvps)
        .set({ calendarSequence: sql`${eventRsvps.calendarSequence} + 1` })
        .where(eq(eventRsvps.id, id))
        .returning({ sequence: eventRsvps.calendarSequence })
      if (!row) throw new Error('The RSVP vanished.')
      return row.sequence
    },
  }
}

export type EventsRepository = ReturnType<typeof createEventsRepository>
