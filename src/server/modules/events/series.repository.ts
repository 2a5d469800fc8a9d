import { asc, eq } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { eventSeries, eventSeriesOccurrences, events } from '#server/db/schema/index.ts'

export type SeriesRow = typeof eventSeries.$inferSelect

/** Series of events: SQL on `event_series` and `event_series_occurrences` (read with their events). */
export function createSeriesRepository(db: Database) {
  return {
    async insertSeries(
      values: Omit<typeof eventSeries.$inferInsert, 'id'>,
      occurrences: readonly { eventId: string; occurrence: number }[],
      tx: Tx,
    ): Promise<SeriesRow> {
      const [row] = await tx.insert(eventSeries).values(values).returning()
      if (!row) throw new Error('The series was not written.')
      if (occurrences.length > 0) await tx.insert(eventSeriesOccurrences).values(occurrences.map((o) => ({ ...o, seriesId: row.id })))
      return row
    },

    async findSeriesIdOfEvent(eventId: string): Promise<string | null> {
      const [row] = await db
        .select({ seriesId: eventSeriesOccurrences.seriesId })
        .from(eventSeriesOccurrences)
        .where(eq(eventSeriesOccurrences.eventId, eventId))
      return row?.seriesId ?? null
    },

    async findSeries(id: string): Promise<SeriesRow | null> {
      const [row] = await db.select().from(eventSeries).where(eq(eventSeries.id, id))
      return row ?? null
    },

    /** The series' events in order, whatever their status. */
    async listOccurrences(seriesId: string) {
      return db
        .select({ eventId: events.id, startAt: events.startAt, status: events.status, occurrence: eventSeriesOccurrences.occurrence })
        .from(eventSeriesOccurrences)
        .innerJoin(events, eq(events.id, eventSeriesOccurrences.eventId))
        .where(eq(eventSeriesOccurrences.seriesId, seriesId))
        .orderBy(asc(events.startAt))
    },
  }
}

export type SeriesRepository = ReturnType<typeof createSeriesRepository>
