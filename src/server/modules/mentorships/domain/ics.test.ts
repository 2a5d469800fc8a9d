import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { calendarFeed, meetingInvite, type CalendarMeeting } from './ics.ts'

const meeting: CalendarMeeting = {
  uid: '8c1f0e7a-3b1d-4c55-9a0e-6f1d2b3c4d5e@preceptor',
  sequence: 0,
  startAt: new Date('2026-07-07T13:00:00Z'),
  endAt: new Date('2026-07-07T13:30:00Z'),
  title: 'Mentoring: Dr. Ana Ruiz and Sam Lee',
  description: 'A mentoring conversation, booked in Preceptor.\nAgenda: residency, research; "what next".',
  locationKind: 'video',
  locationDetail: 'https://video.example/room/ruiz',
  organizer: { name: 'Dr. Ana Ruiz', email: 'ana.ruiz@med.example.edu' },
  attendee: { name: 'Sam Lee', email: 'sam.lee@students.example.edu' },
  stampedAt: new Date('2026-06-30T10:00:00Z'),
  cancelled: false,
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))
  return { calendar, events }
}

describe('meeting invites', () => {
  it('a new meeting: METHOD:REQUEST with organizer, attendee, stable UID and SEQUENCE 0 (golden file, parsed back)', async () => {
    const text = meetingInvite(meeting)
    await expect(text).toMatchFileSnapshot('./__golden__/invite-request.ics')
    const { calendar, events } = parse(text)
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
    const event = events[0] as ICAL.Event
    expect(event.uid).toBe(meeting.uid)
    expect(event.sequence).toBe(0)
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-07-07T13:00:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-07-07T13:30:00.000Z')
    expect(event.summary).toBe(meeting.title)
    expect(event.description).toBe(meeting.description)
    expect(event.location).toBe('Video call: https://video.example/room/ruiz')
    expect(String(event.organizer).toLowerCase()).toBe('mailto:ana.ruiz@med.example.edu')
    expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(['mailto:sam.lee@students.example.edu'])
    expect(event.attendees[0]?.getParameter('rsvp')).toBe('TRUE')
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
  })

  it('a rescheduled meeting keeps its UID and raises SEQUENCE (golden file)', async () => {
    const text = meetingInvite({
      ...meeting,
      sequence: 1,
      startAt: new Date('2026-07-14T13:00:00Z'),
      endAt: new Date('2026-07-14T13:30:00Z'),
      locationKind: 'in-person',
      locationDetail: 'Clinic B, room 4',
    })
    await expect(text).toMatchFileSnapshot('./__golden__/invite-reschedule.ics')
    const event = parse(text).events[0] as ICAL.Event
    expect(event.uid).toBe(meeting.uid)
    expect(event.sequence).toBe(1)
    expect(event.location).toBe('In person: Clinic B, room 4')
  })

  it('a cancelled meeting: METHOD:CANCEL, STATUS:CANCELLED, same UID (golden file)', async () => {
    const text = meetingInvite({ ...meeting, sequence: 2, cancelled: true })
    await expect(text).toMatchFileSnapshot('./__golden__/invite-cancel.ics')
    const { calendar, events } = parse(text)
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(events[0]?.uid).toBe(meeting.uid)
    expect(events[0]?.sequence).toBe(2)
    expect(events[0]?.component.getFirstPropertyValue('status')).toBe('CANCELLED')
  })

  it('a feed holds every meeting and parses back; an empty feed is still a calendar', () => {
    const other = {
      ...meeting,
      uid: 'other@preceptor',
      startAt: new Date('2026-08-01T15:00:00Z'),
      endAt: new Date('2026-08-01T16:00:00Z'),
      locationKind: 'phone' as const,
      locationDetail: '+1 555 0100',
    }
    const { calendar, events } = parse(calendarFeed('Preceptor — Sam Lee', [meeting, other]))
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(events.map((e) => e.uid)).toEqual([meeting.uid, 'other@preceptor'])
    expect(parse(calendarFeed('Empty', [])).events).toEqual([])
  })
})

describe('values a person typed never break or rewrite an invite', () => {
  const hostile = 'Maya":mailto:attacker@evil.example;X-A="'

  it('a double quote in a display name cannot replace the attendee or organizer address (parsed back with ical.js)', () => {
    const tricked = { ...meeting, organizer: { name: hostile, email: meeting.organizer.email }, attendee: { name: hostile, email: meeting.attendee.email } }
    for (const text of [meetingInvite(tricked), calendarFeed(hostile, [tricked])]) {
      const event = parse(text).events[0] as ICAL.Event
      expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(['mailto:sam.lee@students.example.edu'])
      expect(String(event.organizer).toLowerCase()).toBe('mailto:ana.ruiz@med.example.edu')
      expect(event.attendees[0]?.getParameter('x-a')).toBeUndefined()
      expect(String(event.attendees[0]?.getParameter('cn'))).toContain('Maya')
      expect(text).not.toMatch(/evil\.example(?!;X-A)[^\r\n]*:mailto/i)
    }
  })

  it('a line break in a name or calendar name stays inside its line', () => {
    const text = calendarFeed('Sam\r\nX-INJECTED:1', [
      { ...meeting, attendee: { name: 'Sam\r\nATTENDEE:mailto:x@evil.example', email: meeting.attendee.email } },
    ])
    expect(text).not.toMatch(/^X-INJECTED/m)
    expect(parse(text).events[0]?.attendees).toHaveLength(1)
    expect(parse(calendarFeed('Sam\nX-INJECTED:1', [])).calendar.getFirstPropertyValue('x-injected')).toBeNull()
  })

  it('a stored video link with a space still gives an invite and a feed: the link stays in LOCATION, no URL property', () => {
    const spaced = { ...meeting, locationDetail: 'https://zoom.us/j/123 (passcode 555)' }
    const event = parse(meetingInvite(spaced)).events[0] as ICAL.Event
    expect(event.location).toBe('Video call: https://zoom.us/j/123 (passcode 555)')
    expect(event.component.getFirstPropertyValue('url')).toBeNull()
    expect(parse(calendarFeed('Feed', [meeting, spaced])).events).toHaveLength(2)
  })

  it('a well-formed link with capitals in the host keeps its URL property', () => {
    const event = parse(meetingInvite({ ...meeting, locationDetail: 'https://Zoom.us/j/123?pwd=abc' })).events[0] as ICAL.Event
    expect(event.component.getFirstPropertyValue('url')).toBe('https://zoom.us/j/123?pwd=abc')
  })
})
