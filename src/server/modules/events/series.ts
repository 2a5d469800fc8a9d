import type { Database } from '#server/db/client.ts'
import type { EventSeriesCreated, EventSeriesInput, EventSeriesOfEvent, SkippedOccurrence } from '#shared/contracts/event-slots.ts'
import { SCHOOL_TIME_ZONE, type EventInput } from '#shared/contracts/events.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AcademicCalendarService } from '../academic-calendar/academic-calendar.service.ts'
import { fromLocal, toLocal } from '../mentorships/calendar-invites.ts'
import { countUncapped, describeSeries, MAX_OCCURRENCES, seriesDates, type SeriesRule } from './domain/series-dates.ts'
import type { EventsService } from './events.service.ts'
import type { SeriesRepository } from './series.repository.ts'

export type EventSeriesDeps = {
  db: Database
  seriesRepo: SeriesRepository
  events: EventsService
  academicCalendar: Pick<AcademicCalendarService, 'mapClosures'>
  clock: Clock
}

/**
 * Series of events (a monthly lunch-and-learn): staff describe the first occurrence and how it
 * repeats; each date becomes an event of its own (its own RSVPs, invites and reminders), linked
 * to the series. Dates on a holiday or in a break of the academic calendar are skipped, and the
 * answer names them. One occurrence is edited as any event; "cancel the rest" cancels this
 * occurrence and every later one at once.
 */
export function createEventSeriesService(deps: EventSeriesDeps) {
  const { db, seriesRepo, events, academicCalendar, clock } = deps

  return {
    async createSeries(actor: Actor, input: EventSeriesInput, meta: RequestMeta): Promise<EventSeriesCreated> {
      const first = input.event
      const zone = first.timeZone || SCHOOL_TIME_ZONE
      const startAt = new Date(first.startAt)
      const local = toLocal(startAt, zone)
      const rule: SeriesRule = { repeat: input.repeat, everyWeeks: input.everyWeeks, until: input.until, count: input.count }
      if (rule.until !== null && rule.until < local.date)
        throw new AppError('VALIDATION_FAILED', 'The series ends before it starts.', { until: 'The last date must be on or after the first event’s date.' })
      if (countUncapped(local.date, rule) > MAX_OCCURRENCES)
        throw new AppError('VALIDATION_FAILED', 'The series is too long.', {
          until: `That makes more than ${MAX_OCCURRENCES} dates: choose an earlier last date.`,
        })

      const dates = seriesDates(local.date, rule)
      const closures = await academicCalendar.mapClosures(dates)
      const skipped: SkippedOccurrence[] = []
      const planned: { input: EventInput; occurrence: number }[] = []
      // Each occurrence keeps the first one's wall-clock time, length and cut-off.
      const length = Date.parse(first.endAt) - startAt.getTime()
      const closesBefore = startAt.getTime() - Date.parse(first.rsvpClosesAt)
      dates.forEach((date, i) => {
        const closure = closures.get(date)
        if (closure) {
          skipped.push({ date, reason: closure.name })
          return
        }
        const start =
          fromLocal(date, local.time, zone) ?? new Date(startAt.getTime() + (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${local.date}T00:00:00Z`)))
        planned.push({
          occurrence: i + 1,
          input: {
            ...first,
            timeZone: zone,
            startAt: start.toISOString(),
            endAt: new Date(start.getTime() + length).toISOString(),
            rsvpClosesAt: new Date(start.getTime() - closesBefore).toISOString(),
          },
        })
      })
      if (planned.length === 0)
        throw new AppError('VALIDATION_FAILED', 'Every date of the series falls on a holiday or in a break.', {
          until: 'Every date of this series falls on a holiday or in a break of the academic calendar: choose other dates.',
        })

      const created = await db.transaction(async (tx) => {
        const rows = await events.insertEvents(
          actor,
          planned.map((p) => p.input),
          meta,
          tx,
        )
        const series = await seriesRepo.insertSeries(
          { title: first.title, rule: describeSeries(local.date, rule), createdById: actor.personId, createdAt: clock.now() },
          rows.map((row, i) => ({ eventId: row.id, occurrence: planned[i]?.occurrence ?? i + 1 })),
          tx,
        )
        return { series, rows }
      })
      const views = await Promise.all(created.rows.map((row) => events.getEvent(actor, row.id)))
      return { seriesId: created.series.id, rule: created.series.rule, events: views, skipped }
    },

    /** The series an event belongs to, with every occurrence, for whoever may see the event; null when it stands alone. */
    async getSeriesOfEvent(actor: Actor, eventId: string): Promise<EventSeriesOfEvent> {
      await events.getEvent(actor, eventId)
      const seriesId = await seriesRepo.findSeriesIdOfEvent(eventId)
      const series = seriesId ? await seriesRepo.findSeries(seriesId) : null
      if (!series) return { series: null }
      const occurrences = await seriesRepo.listOccurrences(series.id)
      return {
        series: {
          seriesId: series.id,
          title: series.title,
          rule: series.rule,
          occurrences: occurrences.map((o) => ({ eventId: o.eventId, startAt: o.startAt.toISOString(), status: o.status, occurrence: o.occurrence })),
        },
      }
    },

    /** Cancels this occurrence and every later one still scheduled, in one transaction; attendees get calendar cancels. */
    async cancelRestOfSeries(actor: Actor, eventId: string, meta: RequestMeta): Promise<EventSeriesOfEvent> {
      const event = await events.getEvent(actor, eventId)
      const seriesId = await seriesRepo.findSeriesIdOfEvent(eventId)
      if (!seriesId) throw new AppError('CONFLICT', 'This event is not part of a series.')
      const from = Date.parse(event.startAt)
      const rest = (await seriesRepo.listOccurrences(seriesId)).filter((o) => o.startAt.getTime() >= from && o.status === 'scheduled').map((o) => o.eventId)
      await events.cancelEvents(actor, rest, meta)
      return this.getSeriesOfEvent(actor, eventId)
    },
  }
}

export type EventSeriesService = ReturnType<typeof createEventSeriesService>
