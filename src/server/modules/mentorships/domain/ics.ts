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

function attributes(meeting: CalendarMeeting): EventAttributes & { timestamp: number } {
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
    ...(meeting.locationKind === 'video' && /^https:\/\//.test(meeting.locationDetail) ? { url: meeting.locationDetail } : {}),
    status: meeting.cancelled ? 'CANCELLED' : meeting.tentative ? 'TENTATIVE' : 'CONFIRMED',
    organizer: { name: meeting.organizer.name, email: meeting.organizer.email },
    attendees: [{ name: meeting.attendee.name, email: meeting.attendee.email, rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }],
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

/** A person's feed: every meeting of theirs as a published calendar (METHOD:PUBLISH); cancelled ones stay, marked CANCELLED, so subscribed calendars drop them. */
export function calendarFeed(calendarName: string, meetings: readonly CalendarMeeting[]): string {
  if (meetings.length === 0) {
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', `PRODID:${PRODUCT_ID}`, `X-WR-CALNAME:${calendarName}`, 'END:VCALENDAR', ''].join('\r\n')
  }
  return unwrap(createEvents(meetings.map(attributes), { productId: PRODUCT_ID, calName: calendarName }))
}
