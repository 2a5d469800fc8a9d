import ICAL from 'ical.js'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, outbox, privateNoteAccesses } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import type { InsertedPerson } from '#tests/factories/index.ts'

type Account = { person: InsertedPerson; cookie: string }
// A Monday in October, before New York's clocks go back on 1 November 2026.
const START = new Date('2026-10-19T12:00:00Z')
let t: TestApp
let student: Account
let mentor: Account
let admin: Account
let outsider: Account
let mentorshipId = ''

async function refreshCookies() {
  for (const a of [student, mentor, admin, outsider]) a.cookie = await t.sessionCookie(a.person.id)
}

beforeAll(async () => {
  t = await createTestApp({ now: START })
  student = await t.signedInAs(['student'])
  const m = await t.insertAccount(['mentor'], { mentor: { capacity: 3, accepting: true } })
  mentor = { person: m, cookie: await t.sessionCookie(m.id) }
  admin = await t.signedInAs(['admin'])
  outsider = await t.signedInAs(['mentor'])
  const asked = await t.request('POST', '/api/mentorship-requests', {
    cookie: student.cookie,
    body: { mentorId: mentor.person.id, kind: 'coffee-chat', message: 'Coffee?', helpWanted: ['career-advice'] },
  })
  const accepted = await t.request('POST', `/api/mentorship-requests/${asked.json.id}/accept`, { cookie: mentor.cookie })
  mentorshipId = accepted.json.mentorshipId
})
afterAll(async () => {
  await t?.close()
})

/** Invite e-mails to one address in the order of the changes (the fake clock stands still). */
const ORDER = ['meeting.new', 'meeting.updated', 'meeting.cancelled']
const invitesTo = async (address: string) =>
  (await t.db.select().from(outbox).where(eq(outbox.toAddress, address)))
    .filter((e) => ORDER.includes(e.kind))
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind))

function parseInvite(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component)
  return { method: calendar.getFirstPropertyValue('method'), event }
}

describe('the mentorship itself', () => {
  it('goals with progress, action items with due dates, shared notes; a coffee chat can become ongoing', async () => {
    const path = `/api/mentorships/${mentorshipId}`
    let view = (await t.request('POST', `${path}/goals`, { cookie: student.cookie, body: { title: 'Choose a specialty' } })).json
    const goalId = view.goals[0].id
    view = (await t.request('PATCH', `${path}/goals/${goalId}`, { cookie: mentor.cookie, body: { progress: 40 } })).json
    expect(view.goals[0]).toMatchObject({ title: 'Choose a specialty', progress: 40 })
    expect((await t.request('PATCH', `${path}/goals/${goalId}`, { cookie: mentor.cookie, body: { progress: 140 } })).status).toBe(400)
    view = (await t.request('POST', `${path}/action-items`, { cookie: mentor.cookie, body: { title: 'Shadow in the ED', dueDate: '2026-11-15' } })).json
    const itemId = view.actionItems[0].id
    view = (await t.request('PATCH', `${path}/action-items/${itemId}`, { cookie: student.cookie, body: { done: true } })).json
    expect(view.actionItems[0]).toMatchObject({ title: 'Shadow in the ED', dueDate: '2026-11-15', done: true })
    view = (await t.request('POST', `${path}/notes`, { cookie: student.cookie, body: { body: 'Thanks for the chat!', visibility: 'shared' } })).json
    expect(view.notes).toHaveLength(1)
    expect((await t.request('GET', path, { cookie: mentor.cookie })).json.notes.map((n: { body: string }) => n.body)).toEqual(['Thanks for the chat!'])
    expect((await t.request('POST', `${path}/goals`, { cookie: outsider.cookie, body: { title: 'x' } })).status).toBe(404)
    expect((await t.request('POST', `${path}/goals`, { cookie: admin.cookie, body: { title: 'x' } })).status).toBe(403)
    expect((await t.request('POST', `${path}/make-ongoing`, { cookie: student.cookie })).json.kind).toBe('ongoing')
    expect((await t.request('POST', `${path}/make-ongoing`, { cookie: student.cookie })).status).toBe(409)
  })

  it('an admin reads a mentorship only with an audit row; private notes need a reason, which is recorded', async () => {
    const path = `/api/mentorships/${mentorshipId}`
    await t.request('POST', `${path}/notes`, { cookie: mentor.cookie, body: { body: 'My own reflections', visibility: 'private' } })
    const asAdmin = await t.request('GET', path, { cookie: admin.cookie })
    expect(asAdmin.status).toBe(200)
    expect(asAdmin.text).not.toContain('My own reflections')
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'mentorship.read'), eq(auditLog.objectId, mentorshipId))),
    ).toHaveLength(1)
    expect((await t.request('POST', `${path}/private-notes-access`, { cookie: admin.cookie, body: { reason: 'short' } })).status).toBe(400)
    const access = await t.request('POST', `${path}/private-notes-access`, {
      cookie: admin.cookie,
      body: { reason: 'Safety concern reported to the dean, case 2026-14.' },
    })
    expect(access.status).toBe(200)
    expect(access.json.notes.map((n: { body: string }) => n.body)).toEqual(['My own reflections'])
    const [record] = await t.db.select().from(privateNoteAccesses).where(eq(privateNoteAccesses.mentorshipId, mentorshipId))
    expect(record).toMatchObject({ adminId: admin.person.id, reason: 'Safety concern reported to the dean, case 2026-14.' })
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'mentorship.private-notes.read'))
    expect(audits.map((a) => a.objectId)).toEqual([record?.id])
  })
})

describe('availability and meetings', () => {
  it('a mentor publishes weekly slots in their zone; free slots keep 9:00 local across the change to winter time', async () => {
    const put = await t.request('PUT', '/api/availability/me', {
      cookie: mentor.cookie,
      body: {
        timeZone: 'America/New_York',
        slots: [{ weekday: 2, startTime: '09:00', durationMinutes: 30, locationKind: 'video', locationDetail: 'https://video.example/room' }],
        exceptions: ['2026-11-10'],
      },
    })
    expect(put.status, put.text).toBe(200)
    expect((await t.request('PUT', '/api/availability/me', { cookie: mentor.cookie, body: { timeZone: 'Mars/Base', slots: [] } })).status).toBe(400)
    const free = await t.request('GET', `/api/mentorships/${mentorshipId}/free-slots?days=30`, { cookie: student.cookie })
    expect(free.json.timeZone).toBe('America/New_York')
    expect(free.json.slots.map((s: { startAt: string }) => s.startAt)).toEqual([
      '2026-10-20T13:00:00.000Z',
      '2026-10-27T13:00:00.000Z',
      '2026-11-03T14:00:00.000Z',
      '2026-11-17T14:00:00.000Z',
    ])
  })

  it('booking a slot e-mails both an invite (REQUEST, SEQUENCE 0); rescheduling keeps the UID and raises SEQUENCE; cancelling sends CANCEL', async () => {
    // The mentor reads times on a 24-hour clock in London: their invite says so; the student, who saved nothing, reads the mentor's zone.
    const clock = await t.request('PUT', '/api/auth/clock', { cookie: mentor.cookie, body: { timeZone: 'Europe/London', hourCycle: '24h' } })
    expect(clock.status, clock.text).toBe(200)
    const booked = await t.request('POST', `/api/mentorships/${mentorshipId}/meetings`, {
      cookie: student.cookie,
      body: { mode: 'book', startAt: '2026-11-03T14:00:00Z' },
    })
    expect(booked.status, booked.text).toBe(201)
    expect(booked.json).toMatchObject({ status: 'confirmed', endAt: '2026-11-03T14:30:00.000Z', locationKind: 'video', sequence: 0 })
    const meetingId = booked.json.id as string
    // The slot is taken now; a slot that is not in the availability cannot be booked.
    expect(
      (
        await t.request('POST', `/api/mentorships/${mentorshipId}/meetings`, {
          cookie: student.cookie,
          body: { mode: 'book', startAt: '2026-11-03T14:00:00Z' },
        })
      ).status,
    ).toBe(409)
    expect(
      (
        await t.request('POST', `/api/mentorships/${mentorshipId}/meetings`, {
          cookie: student.cookie,
          body: { mode: 'book', startAt: '2026-11-03T15:00:00Z' },
        })
      ).status,
    ).toBe(409)
    expect(
      (await t.request('POST', `/api/mentorships/${mentorshipId}/meetings`, { cookie: mentor.cookie, body: { mode: 'book', startAt: '2026-10-27T13:00:00Z' } }))
        .status,
    ).toBe(403)

    const [toStudent] = await invitesTo(student.person.email)
    const [toMentor] = await invitesTo(mentor.person.email)
    expect(toStudent?.subject).toContain('Tuesday, November 3, 2026 at 9:00 AM Eastern Time (New York, UTC−5)')
    expect(toMentor?.subject).toMatch(/Tuesday, November 3, 2026 at 14:00 .*London/)
    expect(toMentor?.subject).not.toMatch(/AM|PM|Eastern/)
    await t.request('PUT', '/api/auth/clock', { cookie: mentor.cookie, body: { timeZone: null, hourCycle: null } })
    expect(`${toStudent?.subject} ${toStudent?.textBody}`).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    const attachment = toStudent?.attachments[0]
    expect(attachment?.contentType).toContain('method=REQUEST')
    const first = parseInvite(attachment?.content ?? '')
    expect(first.method).toBe('REQUEST')
    expect(first.event.sequence).toBe(0)
    expect(first.event.startDate.toJSDate().toISOString()).toBe('2026-11-03T14:00:00.000Z')
    expect(String(first.event.organizer).toLowerCase()).toBe(`mailto:${mentor.person.email}`)
    expect(first.event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([`mailto:${student.person.email}`])
    expect(parseInvite(toMentor?.attachments[0]?.content ?? '').event.uid).toBe(first.event.uid)

    const moved = await t.request('POST', `/api/meetings/${meetingId}/reschedule`, {
      cookie: mentor.cookie,
      body: { startAt: '2026-11-04T16:00:00Z', locationKind: 'in-person', locationDetail: 'Clinic B' },
    })
    expect(moved.json).toMatchObject({ sequence: 1, startAt: '2026-11-04T16:00:00.000Z', locationKind: 'in-person' })
    const second = parseInvite((await invitesTo(student.person.email))[1]?.attachments[0]?.content ?? '')
    expect(second.method).toBe('REQUEST')
    expect(second.event.uid).toBe(first.event.uid)
    expect(second.event.sequence).toBe(1)
    expect(second.event.location).toBe('In person: Clinic B')

    const cancelled = await t.request('POST', `/api/meetings/${meetingId}/cancel`, { cookie: student.cookie })
    expect(cancelled.json).toMatchObject({ status: 'cancelled', sequence: 2 })
    const third = (await invitesTo(student.person.email))[2]
    expect(third?.kind).toBe('meeting.cancelled')
    const parsed = parseInvite(third?.attachments[0]?.content ?? '')
    expect(parsed.method).toBe('CANCEL')
    expect(parsed.event.uid).toBe(first.event.uid)
    expect(parsed.event.sequence).toBe(2)
    expect((await t.request('POST', `/api/meetings/${meetingId}/cancel`, { cookie: student.cookie })).status).toBe(409)
    expect((await t.request('POST', `/api/meetings/${meetingId}/cancel`, { cookie: outsider.cookie })).status).toBe(404)
  })

  it('either side proposes a time, the other confirms; the proposer cannot confirm their own', async () => {
    const proposed = await t.request('POST', `/api/mentorships/${mentorshipId}/meetings`, {
      cookie: mentor.cookie,
      body: { mode: 'propose', startAt: '2026-10-22T18:00:00Z', durationMinutes: 45, locationKind: 'phone', locationDetail: '+1 555 0100' },
    })
    expect(proposed.json).toMatchObject({ status: 'proposed', endAt: '2026-10-22T18:45:00.000Z' })
    expect((await t.request('POST', `/api/meetings/${proposed.json.id}/confirm`, { cookie: mentor.cookie })).status).toBe(403)
    const confirmed = await t.request('POST', `/api/meetings/${proposed.json.id}/confirm`, { cookie: student.cookie })
    expect(confirmed.json).toMatchObject({ status: 'confirmed', sequence: 1 })
    expect(
      (
        await t.request('POST', `/api/mentorships/${mentorshipId}/meetings`, {
          cookie: mentor.cookie,
          body: { mode: 'propose', startAt: '2026-10-01T18:00:00Z' },
        })
      ).status,
    ).toBe(400)
  })

  it('after the meeting: private feedback to the program, once; hours for the mentor as CSV; closure with a thank-you', async () => {
    t.clock.set(new Date('2026-10-23T12:00:00Z'))
    await refreshCookies()
    const view = (await t.request('GET', `/api/mentorships/${mentorshipId}`, { cookie: student.cookie })).json
    const held = view.meetings.find((m: { status: string }) => m.status === 'confirmed')
    expect(view.mentoringMinutes).toBe(45)
    // One "how did it go?" prompt to each side, however many sweeps run.
    const prompts = await Promise.all([t.services.meetings.sendMeetingFollowUps(), t.services.meetings.sendMeetingFollowUps()])
    expect(prompts[0] + prompts[1]).toBe(1)
    expect(await t.services.meetings.sendMeetingFollowUps()).toBe(0)
    for (const a of [student, mentor]) {
      const followUps = (await t.db.select().from(outbox).where(eq(outbox.toAddress, a.person.email))).filter((e) => e.kind === 'meeting.follow-up')
      expect(followUps).toHaveLength(1)
    }
    expect(
      (await t.request('POST', `/api/meetings/${held.id}/feedback`, { cookie: student.cookie, body: { rating: 5, comment: 'Very helpful' } })).status,
    ).toBe(200)
    expect((await t.request('POST', `/api/meetings/${held.id}/feedback`, { cookie: student.cookie, body: { rating: 4 } })).status).toBe(409)
    expect((await t.request('GET', `/api/mentorships/${mentorshipId}`, { cookie: mentor.cookie })).text).not.toContain('Very helpful')
    const program = await t.request('GET', '/api/mentorships/feedback', { cookie: admin.cookie })
    expect(program.json.items[0]).toMatchObject({ rating: 5, comment: 'Very helpful' })

    const csv = await t.request('GET', '/api/mentorships/hours.csv', { cookie: mentor.cookie })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(csv.text).toBe(
      'date,start_utc,mentee,mentorship_kind,location,minutes,hours\r\n2026-10-22,2026-10-22T18:00:00.000Z,Mentee 1,ongoing,phone,45,0.75\r\nTotal,,1 mentee,,,45,0.75\r\n',
    )
    expect(csv.text).not.toContain(student.person.name)

    const closed = await t.request('POST', `/api/mentorships/${mentorshipId}/close`, {
      cookie: student.cookie,
      body: { reason: 'goals-met', thankYouNote: 'Thank you for everything.' },
    })
    expect(closed.json).toMatchObject({ status: 'closed', closureReason: 'goals-met', thankYouNote: 'Thank you for everything.' })
    const mail = (
      await t.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.toAddress, mentor.person.email), eq(outbox.kind, 'mentorship.closed')))
    )[0]
    expect(mail?.textBody).toContain('Thank you for everything.')
    expect(
      (await t.request('POST', `/api/mentorships/${mentorshipId}/notes`, { cookie: student.cookie, body: { body: 'late', visibility: 'shared' } })).status,
    ).toBe(409)
    expect(await t.services.mentorships.openPlaces(mentor.person.id)).toBe(3)
  })
})

describe('calendar feed', () => {
  it('a secret URL per person, hashed, regenerable; the old one stops working', async () => {
    const first = await t.request('POST', '/api/calendar/feed', { cookie: student.cookie })
    const url = new URL(first.json.url as string)
    expect(url.pathname).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)
    const feed = await t.request('GET', url.pathname)
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toContain('text/calendar')
    const calendar = new ICAL.Component(ICAL.parse(feed.text))
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))
    expect(events.length).toBe(2)
    expect(events.map((e) => e.component.getFirstPropertyValue('status')).sort()).toEqual(['CANCELLED', 'CONFIRMED'])
    const second = await t.request('POST', '/api/calendar/feed', { cookie: student.cookie })
    expect((await t.request('GET', url.pathname)).status).toBe(404)
    expect((await t.request('GET', new URL(second.json.url as string).pathname)).status).toBe(200)
    expect(feed.text).not.toContain('My own reflections')
  })
})
