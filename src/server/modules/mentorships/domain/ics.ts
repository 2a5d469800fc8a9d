import { createEvent, createEvents, type EventAttributes } from 'ics'
import type { MeetingLocationKind } from '#shared/enums.ts'

/**
 * iCalendar (RFC 5545 / iTIP RFC 5546) for meetings, written with the `ics` package. An invite
 * is METHOD:REQUEST with the organizer (the mentor) and the attendee (the student); the UID
 * stays the same for the life of a meeting and SEQUENCE grows with every change, so calendars
 * update the event in place; a cancellation is METHOD:CANCEL with STATUS:CANCELLED.
 */

export const PRODUCT_ID = '-//Preceptor//Mentorships//EN'

export type CalendarPerson = { name: string; email: string }
export type CalendarMeeting = {
  uid: string
  sequence: number
  startAt: Date
  endAt: Date
  title: string
  description: string
  locationKind: MeetingLocationKind
  locationDetail: string
  organizer: CalendarPerson
  attendee: CalendarPerson
  /** DTSTAMP: when this version of the meeting was written. */
  stampedAt: Date
  cancelled: boolean
  tentative?: boolean
}

export function locationText(kind: MeetingLocationKind, detail: string): string {
  const label = kind === 'in-person' ? 'In person' : kind === 'video' ? 'Video call' : 'Phone'
  return detail ? `${label}: ${detail}` : label
}

/**
 * A parameter value (CN) per RFC 5545 §3.1: a quoted-string may hold any character except
 * controls and DQUOTE, and the `ics` package quotes but does not escape. A name such as
 * `Maya":mailto:attacker@evil.example;X-A="` would otherwise close the quote and hand a parser
 * another address, so quotes become typographic ones and controls go.
 */
export function parameterValue(value: string): string {
  return value
    .replace(/"/g, '\u201D')
    .replace(/\p{Cc}/gu, ' ')
    .trim()
}

/**
 * The URL property only for a well-formed https link. A stored value that is not one (typed
 * before links were checked, or "https://zoom.us/j/123 (passcode 555)") stays readable in
 * LOCATION and never makes the writer fail for every meeting of that mentor.
 */
export function calendarUrl(detail: string): string | null {
  if (!/^https:\/\/\S+$/i.test(detail)) return null
  try {
    // The normalised form: a lower-case host, as the package's own URL check expects.
    return new URL(detail).href
  } catch {
    return null
  }
}

/** A one-line TEXT value (RFC 5545 §3.3.11): backslash, comma and semicolon escaped, no line breaks. */
function textValue(value: string): string {
  return value.replace(/\p{Cc}/gu, ' ').replace(/[\\,;]/g, (c) => `\\${c}`)
}

function attributes(meeting: CalendarMeeting): EventAttributes & { timestamp: number } {
  const url = meeting.locationKind === 'video' ? calendarUrl(meeting.locationDetail) : null
  const utc = { startInputType: 'utc', startOutputType: 'utc', endInputType: 'utc', endOutputType: 'utc' } as const
  return {
    ...utc,
    start: meeting.startAt.getTime(),
    end: meeting.endAt.getTime(),
    uid: meeting.uid,
    sequence: meeting.sequence,
    title: meeting.title,
    description: meeting.description,
    location: locationText(meeting.locationKind, meeting.locationDetail),
    ...(url ? { url } : {}),
    status: meeting.cancelled ? 'CANCELLED' : meeting.tentative ? 'TENTATIVE' : 'CONFIRMED',
    organizer: { name: parameterValue(meeting.organizer.name), email: meeting.organizer.email },
    attendees: [{ name: parameterValue(meeting.attendee.name), email: meeting.attendee.email, rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }],
    productId: PRODUCT_ID,
    timestamp: meeting.stampedAt.getTime(),
  }
}

function unwrap(result: { error: Error | null; value: string | null }): string {
  if (result.error || result.value === null) throw new Error(`Could not write the calendar invite: ${result.error?.message ?? 'no output'}`)
  return result.value
}

/** The invite e-mailed for a meeting: REQUEST while it stands, CANCEL once cancelled. */
export function meetingInvite(meeting: CalendarMeeting): string {
  return unwrap(createEvent({ ...attributes(meeting), method: meeting.cancelled ? 'CANCEL' : 'REQUEST' }))
}

/** One meeting as a file to open or import (METHOD:PUBLISH: it adds the event, it asks no reply). */
export function meetingFile(meeting: CalendarMeeting): string {
  return unwrap(createEvent({ ...attributes(meeting), method: 'PUBLISH' }))
}

/** A person's feed: every meeting of theirs as a published calendar (METHOD:PUBLISH); cancelled ones stay, marked CANCELLED, so subscribed calendars drop them. */
export function calendarFeed(calendarName: string, meetings: readonly CalendarMeeting[]): string {
  calendarName = textValue(calendarName)
  if (meetings.length === 0) {
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', `PRODID:${PRODUCT_ID}`, `X-WR-CALNAME:${calendarName}`, 'END:VCALENDAR', ''].join('\r\n')
  }
  return unwrap(createEvents(meetings.map(attributes), { productId: PRODUCT_ID, calName: calendarName }))
}
