import { z } from '@hono/zod-openapi'
import { CLASS_YEARS, EVENT_KINDS, EVENT_RSVP_STATUSES, EVENT_STATUSES } from '../enums.ts'
import { SPECIALTY_IDS } from '../reference/specialties.ts'
import { instant, multilineText, requiredText, text } from './common.ts'
import { locationLinkProblem } from './mentorships.ts'

const Instant = instant('2026-11-30T17:00:00Z')

/** The zone events are written in when the form names none: the school's. */
export const SCHOOL_TIME_ZONE = 'America/New_York'

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** An online link: one https address, checked as meetings' video links are. */
const OnlineLink = text(500).superRefine((link, ctx) => {
  if (!link) return
  const problem = locationLinkProblem(link) ?? (/^https:\/\//i.test(link) ? null : 'Use a full link that starts with https://.')
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

/**
 * The rules between an event's fields, by field: the form shows them with the others (an object
 * refinement alone runs only once every field parses). Unparseable times are left to their own
 * field's message.
 */
export function eventInputProblems(input: {
  startAt: string
  endAt: string
  rsvpClosesAt: string
  room: string
  site: string
  onlineLink: string
}): Record<string, string> {
  const problems: Record<string, string> = {}
  const start = Date.parse(input.startAt)
  if (Date.parse(input.endAt) <= start) problems.endAt = 'The event must end after it starts.'
  if (Date.parse(input.rsvpClosesAt) > start) problems.rsvpClosesAt = 'RSVPs must close no later than the start.'
  if (!input.room.trim() && !input.site.trim() && !input.onlineLink.trim()) problems.room = 'Give a room or site, an online link, or both.'
  return problems
}

/**
 * An event as staff write it. Times are instants (UTC on the wire); `timeZone` is the zone they
 * are shown in on pages and e-mails. In person (a room or site), online (a link), or both.
 */
export const EventInput = z
  .object({
    title: requiredText(200),
    kind: z.enum(EVENT_KINDS, 'Choose a kind of event from the list.'),
    description: multilineText(5000).default(''),
    startAt: Instant,
    endAt: Instant,
    timeZone: text(64)
      .default(SCHOOL_TIME_ZONE)
      .refine((zone) => zone === '' || isTimeZone(zone), 'Use a time zone such as America/New_York.'),
    room: text(200).default(''),
    site: text(200).default(''),
    onlineLink: OnlineLink.default(''),
    host: requiredText(200),
    /** Empty: every student. */
    classYears: z.array(z.enum(CLASS_YEARS, 'Choose class years from the list.')).max(CLASS_YEARS.length).default([]),
    /** Empty: no limit by interest. Students interested in one of these, or members of a group below, are invited (decision 037). */
    specialtyIds: z
      .array(z.enum(SPECIALTY_IDS as [string, ...string[]], 'Choose specialties from the list.'))
      .max(SPECIALTY_IDS.length)
      .default([]),
    /** Empty: no limit by group. */
    interestGroupIds: z.array(z.uuid('Choose interest groups from the list.')).max(50, 'At most 50 groups.').default([]),
    capacity: z
      .number()
      .int('Use a whole number.')
      .min(1, 'At least 1 place, or leave it empty for no limit.')
      .max(10_000, 'At most 10,000.')
      .nullable()
      .default(null),
    rsvpClosesAt: Instant,
  })
  .superRefine((input, ctx) => {
    for (const [field, message] of Object.entries(eventInputProblems(input))) ctx.addIssue({ code: 'custom', path: [field], message })
  })
export type EventInput = z.infer<typeof EventInput>

export const EventRsvpView = z.object({
  status: z.enum(EVENT_RSVP_STATUSES),
  /** On the waitlist: 1 for the first in line; otherwise null. */
  waitlistPosition: z.number().int().nullable(),
})
export type EventRsvpView = z.infer<typeof EventRsvpView>

export const EventSummary = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  startAt: z.string(),
  endAt: z.string(),
  timeZone: z.string(),
  room: z.string(),
  site: z.string(),
  onlineLink: z.string(),
  host: z.string(),
  classYears: z.array(z.enum(CLASS_YEARS)),
  specialtyIds: z.array(z.string()),
  interestGroupIds: z.array(z.string()),
  capacity: z.number().int().nullable(),
  rsvpClosesAt: z.string(),
  status: z.enum(EVENT_STATUSES),
  confirmedCount: z.number().int(),
  waitlistCount: z.number().int(),
  /** Whether the caller may RSVP or cancel now (a student of its audience, before the cut-off). */
  rsvpOpen: z.boolean(),
  myRsvp: EventRsvpView.nullable(),
  /**
   * An event split into time slots (headshots, a program each): booked by slot, not by RSVP.
   * How many slots, how many are free, and when the caller's own slot starts (null: none);
   * null for an event without slots.
   */
  slots: z.object({ total: z.number().int(), free: z.number().int(), mineStartAt: z.string().nullable() }).nullable(),
})
export type EventSummary = z.infer<typeof EventSummary>

export const EventAttendee = z.object({ studentId: z.string(), name: z.string(), email: z.string(), queuedAt: z.string() })
export type EventAttendee = z.infer<typeof EventAttendee>

export const EventView = EventSummary.extend({
  description: z.string(),
  /** Staff only (null for others): who has a seat, and the waitlist in order. */
  attendees: z.array(EventAttendee).nullable(),
  waitlist: z.array(EventAttendee).nullable(),
})
export type EventView = z.infer<typeof EventView>

export const EventList = z.object({ upcoming: z.array(EventSummary), past: z.array(EventSummary) })
export type EventList = z.infer<typeof EventList>
