import { z } from '@hono/zod-openapi'
import { EVENT_SERIES_REPEATS } from '../enums.ts'
import { IsoDate, instant, text } from './common.ts'
import { EventInput, EventSummary } from './events.ts'

const Instant = instant('2027-03-03T14:00:00Z')

/**
 * A run of slots staff add to an event: back-to-back slots of one length from a start, either
 * a number of them or as many as fit before the event ends; the label says what they are for
 * (a program's name), empty when every slot is alike.
 */
export const SlotRunInput = z.object({
  startAt: Instant,
  lengthMinutes: z.number().int('Use a whole number of minutes.').min(5, 'At least 5 minutes.').max(480, 'At most 8 hours.'),
  /** Null: as many as fit before the event ends. */
  count: z.number().int('Use a whole number.').min(1, 'At least 1 slot.').max(200, 'At most 200 slots at once.').nullable().default(null),
  label: text(120).default(''),
})
export type SlotRunInput = z.infer<typeof SlotRunInput>

export const EventSlotView = z.object({
  id: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  label: z.string(),
  /** Whether someone holds it (anyone: a student sees only that it is taken, not by whom). */
  booked: z.boolean(),
  /** Whether it is the caller's. */
  mine: z.boolean(),
  /** Staff only (null for others): who booked it. */
  bookedBy: z.object({ studentId: z.string(), name: z.string(), email: z.string() }).nullable(),
})
export type EventSlotView = z.infer<typeof EventSlotView>

export const EventSlotsView = z.object({
  eventId: z.string(),
  timeZone: z.string(),
  /** In order of time. */
  slots: z.array(EventSlotView),
  /** Whether the caller may book or give up a slot now (a student of the audience, before the cut-off). */
  bookingOpen: z.boolean(),
})
export type EventSlotsView = z.infer<typeof EventSlotsView>

/**
 * A series: the first occurrence as an event, and how it repeats. `count` counts the dates the
 * rule gives, holidays included; one of `until` and `count` ends it.
 */
export const EventSeriesInput = z
  .object({
    event: EventInput,
    repeat: z.enum(EVENT_SERIES_REPEATS, 'Choose how the series repeats.'),
    everyWeeks: z.number().int('Use a whole number.').min(1, 'At least every week.').max(12, 'At most every 12 weeks.').default(1),
    until: IsoDate.nullable().default(null),
    count: z.number().int('Use a whole number.').min(2, 'A series has at least 2 dates.').max(60, 'At most 60 dates.').nullable().default(null),
  })
  .superRefine((input, ctx) => {
    if ((input.until === null) === (input.count === null))
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'Give either a last date or a number of times.' })
  })
export type EventSeriesInput = z.infer<typeof EventSeriesInput>

export const SkippedOccurrence = z.object({ date: z.string(), reason: z.string() })
export type SkippedOccurrence = z.infer<typeof SkippedOccurrence>

export const EventSeriesCreated = z.object({
  seriesId: z.string(),
  rule: z.string(),
  events: z.array(EventSummary),
  /** Dates the rule gave that fall on a holiday or in a break of the academic calendar: no event. */
  skipped: z.array(SkippedOccurrence),
})
export type EventSeriesCreated = z.infer<typeof EventSeriesCreated>

export const EventSeriesView = z.object({
  seriesId: z.string(),
  title: z.string(),
  rule: z.string(),
  occurrences: z.array(z.object({ eventId: z.string(), startAt: z.string(), status: z.string(), occurrence: z.number().int() })),
})
export type EventSeriesView = z.infer<typeof EventSeriesView>

/** The event's series, or null when it stands alone. */
export const EventSeriesOfEvent = z.object({ series: EventSeriesView.nullable() })
export type EventSeriesOfEvent = z.infer<typeof EventSeriesOfEvent>
