import { and, eq } from 'drizzle-orm'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventRsvps, outbox } from '#server/db/schema/index.ts'
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'
import type { ClassYear } from '#shared/enums.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let advisor: Account
let mentor: Account
const DATABASE = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  advisor = await t.signedInAs(['advisor'])
  mentor = await t.signedInAs(['mentor'])
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function student(classYear: ClassYear = 'M3'): Promise<Account> {
  const person = await t.insertAccount(['student'], { student: { classYear } })
  return { person, cookie: await t.sessionCookie(person.id) }
}

function eventBody(overrides: Record<string, unknown> = {}) {
  const start = new Date(t.clock.now().getTime() + 7 * MS_PER_DAY)
  return {
    title: 'Emergency Medicine panel',
    kind: 'panel',
    description: 'Three residents on their first year.',
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + MS_PER_HOUR).toISOString(),
    room: 'Room 2.14',
    site: 'Health Sciences Building',
    onlineLink: 'https://zoom.us/j/5551234',
    host: 'Office of Student Affairs',
    classYears: ['M3'],
    capacity: 2,
    rsvpClosesAt: new Date(start.getTime() - MS_PER_DAY).toISOString(),
    ...overrides,
  }
}

async function createEvent(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await t.request('POST', '/api/events', { cookie: advisor.cookie, body: eventBody(overrides) })
  expect(created.status, created.text).toBe(201)
  return created.json.id as string
}

const rsvp = (s: Account, id: string) => t.request('POST', `/api/events/${id}/rsvp`, { cookie: s.cookie })
const cancel = (s: Account, id: string) => t.request('POST', `/api/events/${id}/rsvp/cancel`, { cookie: s.cookie })

async function statuses(eventId: string) {
  const rows = await t.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, eventId))
  return new Map(rows.map((r) => [r.studentId, r.status]))
}

async function mailTo(email: string) {
  return t.db.select().from(outbox).where(eq(outbox.toAddress, email))
}

describe('creating events: field errors', () => {
  it.each([
    ['endAt', (b: ReturnType<typeof eventBody>) => ({ endAt: new Date(Date.parse(b.startAt) - MS_PER_HOUR).toISOString() })],
    ['rsvpClosesAt', (b: ReturnType<typeof eventBody>) => ({ rsvpClosesAt: new Date(Date.parse(b.startAt) + MS_PER_HOUR).toISOString() })],
    ['onlineLink', () => ({ onlineLink: 'http://zoom.us/j/1' })],
    ['onlineLink', () => ({ onlineLink: 'https://zoom.us/j/1 passcode 5' })],
    ['room', () => ({ room: '', site: '', onlineLink: '' })],
    ['capacity', () => ({ capacity: 0 })],
  ])('refuses a bad %s with 400 naming it, and writes nothing', async (field, change) => {
    const body = { ...eventBody(), ...change(eventBody()), title: `Refused ${field}` }
    const response = await t.request('POST', '/api/events', { cookie: advisor.cookie, body })
    expect(response.status, response.text).toBe(400)
    expect(Object.keys(response.json.error.fields)).toContain(field)
    const list = await t.request('GET', '/api/events', { cookie: advisor.cookie })
    expect(list.json.upcoming.map((e: { title: string }) => e.title)).not.toContain(`Refused ${field}`)
  })

  it('refuses a capacity below the students already confirmed', async () => {
    const id = await createEvent({ capacity: 3 })
    for (let i = 0; i < 3; i++) expect((await rsvp(await student(), id)).json.myRsvp.status).toBe('confirmed')
    const response = await t.request('PUT', `/api/events/${id}`, { cookie: advisor.cookie, body: eventBody({ capacity: 2 }) })
    expect(response.status, response.text).toBe(400)
    expect(response.json.error.fields.capacity).toContain('3 students')
  })
})

describe('audience', () => {
  it('shows a class event to its class and staff, not to other classes or mentors; an all-student event to mentors too', async () => {
    const classEvent = await createEvent({ title: 'Year 3 class meeting', classYears: ['M3'] })
    const allEvent = await createEvent({ title: 'Alumni session', classYears: [] })
    const m3 = await student('M3')
    const m1 = await student('M1')
    const titles = async (a: Account) => (await t.request('GET', '/api/events', { cookie: a.cookie })).json.upcoming.map((e: { id: string }) => e.id)
    expect(await titles(m3)).toEqual(expect.arrayContaining([classEvent, allEvent]))
    expect(await titles(m1)).toContain(allEvent)
    expect(await titles(m1)).not.toContain(classEvent)
    expect(await titles(mentor)).toContain(allEvent)
    expect(await titles(mentor)).not.toContain(classEvent)
    expect((await t.request('GET', `/api/events/${classEvent}`, { cookie: m1.cookie })).status).toBe(404)
    expect((await rsvp(m1, classEvent)).status).toBe(404)
    const staffView = await t.request('GET', `/api/events/${classEvent}`, { cookie: advisor.cookie })
    expect(staffView.json.attendees).toEqual([])
    const studentView = await t.request('GET', `/api/events/${classEvent}`, { cookie: m3.cookie })
    expect(studentView.json.attendees).toBeNull()
  })
})

describe('RSVP, waitlist and promotion', () => {
  it('waitlists in order once full; a cancel promotes the first in line and e-mails them a link to the event', async () => {
    const id = await createEvent({ capacity: 1 })
    const [a, b, c] = [await student(), await student(), await student()]
    expect((await rsvp(a, id)).json.myRsvp).toEqual({ status: 'confirmed', waitlistPosition: null })
    expect((await rsvp(b, id)).json.myRsvp).toEqual({ status: 'waitlisted', waitlistPosition: 1 })
    expect((await rsvp(c, id)).json.myRsvp).toEqual({ status: 'waitlisted', waitlistPosition: 2 })
    // Asking again keeps one's place.
    expect((await rsvp(c, id)).json.myRsvp.waitlistPosition).toBe(2)

    const invite = (await mailTo(a.person.email)).find((m) => m.kind === 'event.confirmed')
    expect(invite?.attachments[0]?.content).toContain('METHOD:REQUEST')

    expect((await cancel(a, id)).json.myRsvp).toBeNull()
    const after = await statuses(id)
    expect(after.get(b.person.id)).toBe('confirmed')
    expect(after.get(c.person.id)).toBe('waitlisted')
    const promoted = (await mailTo(b.person.email)).filter((m) => m.kind === 'event.promoted')
    expect(promoted).toHaveLength(1)
    expect(promoted[0]?.textBody).toContain(`/events/${id}`)
    expect((await mailTo(c.person.email)).filter((m) => m.kind === 'event.promoted')).toHaveLength(0)

    // The cancel of the first student's copy: same UID, a higher SEQUENCE, METHOD:CANCEL.
    const mails = await mailTo(a.person.email)
    const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!
    const request = parse(mails.find((m) => m.kind === 'event.confirmed')!.attachments[0]!.content)
    const cancelMail = mails.find((m) => m.kind === 'event.rsvp-cancelled')!.attachments[0]!.content
    expect(cancelMail).toContain('METHOD:CANCEL')
    const cancelled = parse(cancelMail)
    expect(cancelled.getFirstPropertyValue('uid')).toBe(request.getFirstPropertyValue('uid'))
    expect(Number(cancelled.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(request.getFirstPropertyValue('sequence')))
    expect(String(request.getFirstPropertyValue('attendee'))).toContain(a.person.email)
    expect((await t.request('GET', `/api/events/${id}`, { cookie: c.cookie })).json.myRsvp.waitlistPosition).toBe(1)
  })

  it('reminds each student with a place the day before, once, whatever sweeps run at once; never the waitlist or a cancelled event', async () => {
    const start = Date.parse(new Date(t.clock.now().getTime() + 7 * MS_PER_DAY).toISOString())
    const id = await createEvent({ title: 'Mock interview evening', capacity: 1 })
    const called = await createEvent({ title: 'Called-off lunch' })
    const [seated, waiting, lunch] = [await student(), await student(), await student()]
    await rsvp(seated, id)
    await rsvp(waiting, id)
    await rsvp(lunch, called)
    await t.request('POST', `/api/events/${called}/cancel`, { cookie: advisor.cookie, body: {} })
    const reminders = async (s: Account) => (await mailTo(s.person.email)).filter((m) => m.kind === 'event.reminder')

    await t.services.events.sweepEventReminders(new Date(start - 25 * MS_PER_HOUR))
    expect(await reminders(seated)).toHaveLength(0)
    const day = new Date(start - 23 * MS_PER_HOUR)
    await Promise.all([1, 2, 3].map(() => t.services.events.sweepEventReminders(day)))
    const sent = await reminders(seated)
    expect(sent).toHaveLength(1)
    expect(sent[0]?.subject).toMatch(/^Tomorrow: Mock interview evening, /)
    expect(sent[0]?.textBody).toContain(`/events/${id}`)
    expect(await reminders(waiting)).toHaveLength(0)
    expect(await reminders(lunch)).toHaveLength(0)
    await t.services.events.sweepEventReminders(new Date(start - MS_PER_HOUR))
    expect(await reminders(seated)).toHaveLength(1)
  })

  it('puts the events a student has a place at in their calendar feed: a cancelled one marked cancelled, a place given up gone', async () => {
    const [kept, called, given] = [
      await createEvent({ title: 'Feed: kept' }),
      await createEvent({ title: 'Feed: called off' }),
      await createEvent({ title: 'Feed: given up' }),
    ]
    const s = await student()
    for (const id of [kept, called, given]) await rsvp(s, id)
    await cancel(s, given)
    await t.request('POST', `/api/events/${called}/cancel`, { cookie: advisor.cookie, body: {} })
    const url = new URL((await t.request('POST', '/api/calendar/feed', { cookie: s.cookie })).json.url as string)
    const feed = await t.request('GET', url.pathname)
    expect(feed.status).toBe(200)
    const entries = new ICAL.Component(ICAL.parse(feed.text))
      .getAllSubcomponents('vevent')
      .map((c) => [c.getFirstPropertyValue('summary'), c.getFirstPropertyValue('status')])
    expect(entries).toEqual(
      expect.arrayContaining([
        ['Feed: kept', 'CONFIRMED'],
        ['Feed: called off', 'CANCELLED'],
      ]),
    )
    expect(entries.map(([summary]) => summary)).not.toContain('Feed: given up')
  })

  it('offers an event as a calendar file to whoever may see it, with the UID and sequence of the invites sent', async () => {
    const id = await createEvent({ title: 'Residency application workshop', classYears: ['M3'] })
    const [m3, m1] = [await student('M3'), await student('M1')]
    await rsvp(m3, id)
    const file = await t.request('GET', `/api/events/${id}/calendar.ics`, { cookie: m3.cookie })
    expect(file.status, file.text).toBe(200)
    expect(file.headers.get('content-type')).toContain('text/calendar')
    expect(file.headers.get('content-disposition')).toContain('attachment')
    expect(file.text).toContain('METHOD:PUBLISH')
    const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!
    const invite = parse((await mailTo(m3.person.email)).find((m) => m.kind === 'event.confirmed')!.attachments[0]!.content)
    const published = parse(file.text)
    expect(published.getFirstPropertyValue('uid')).toBe(invite.getFirstPropertyValue('uid'))
    expect(published.getFirstPropertyValue('sequence')).toBe(invite.getFirstPropertyValue('sequence'))
    expect(published.getFirstPropertyValue('summary')).toBe('Residency application workshop')
    // Another class's student cannot have it; staff can.
    expect((await t.request('GET', `/api/events/${id}/calendar.ics`, { cookie: m1.cookie })).status).toBe(404)
    expect((await t.request('GET', `/api/events/${id}/calendar.ics`, { cookie: advisor.cookie })).status).toBe(200)
  })

  it('raising the capacity promotes the waitlist; cancelling the event sends each attendee a CANCEL and stops RSVPs', async () => {
    const id = await createEvent({ capacity: 1 })
    const [a, b] = [await student(), await student()]
    await rsvp(a, id)
    await rsvp(b, id)
    const raised = await t.request('PUT', `/api/events/${id}`, { cookie: advisor.cookie, body: eventBody({ capacity: 2 }) })
    expect(raised.status, raised.text).toBe(200)
    expect(raised.json.attendees.map((x: { studentId: string }) => x.studentId)).toEqual([a.person.id, b.person.id])
    // More places are no news to the student already coming; a new room is.
    expect((await mailTo(a.person.email)).filter((m) => m.kind === 'event.updated')).toHaveLength(0)
    const moved = await t.request('PUT', `/api/events/${id}`, { cookie: advisor.cookie, body: eventBody({ capacity: 2, room: 'Room 3.01' }) })
    expect(moved.status, moved.text).toBe(200)
    for (const s of [a, b]) expect((await mailTo(s.person.email)).filter((m) => m.kind === 'event.updated' && m.textBody.includes('Room 3.01'))).toHaveLength(1)
    expect((await t.request('POST', `/api/events/${id}/cancel`, { cookie: advisor.cookie })).json.status).toBe('cancelled')
    for (const s of [a, b])
      expect((await mailTo(s.person.email)).some((m) => m.kind === 'event.event-cancelled' && m.attachments[0]?.content.includes('METHOD:CANCEL'))).toBe(true)
    expect((await rsvp(await student(), id)).status).toBe(409)
  })

  it('takes no RSVP or cancel after the cut-off', async () => {
    const id = await createEvent({ capacity: 5 })
    const a = await student()
    await rsvp(a, id)
    const start = t.clock.now()
    t.clock.set(new Date(start.getTime() + 6 * MS_PER_DAY + MS_PER_HOUR))
    try {
      const late = { ...a, cookie: await t.sessionCookie(a.person.id) }
      expect((await cancel(late, id)).status).toBe(409)
      expect((await rsvp(await student(), id)).status).toBe(409)
    } finally {
      t.clock.set(start)
    }
  })
})

describe('[rsvp-race]', () => {
  it(`many students RSVP at once for the last places: never more confirmed than capacity, the rest waitlisted in order (${DATABASE})`, async () => {
    for (let round = 0; round < 3; round++) {
      const id = await createEvent({ capacity: 5 })
      const early = [await student(), await student(), await student()]
      for (const s of early) await rsvp(s, id)
      const crowd: Account[] = []
      for (let i = 0; i < 12; i++) crowd.push(await student())
      const answers = await Promise.all(crowd.map((s) => rsvp(s, id)))
      for (const a of answers) expect(a.status, a.text).toBe(200)
      const confirmed = await t.db
        .select()
        .from(eventRsvps)
        .where(and(eq(eventRsvps.eventId, id), eq(eventRsvps.status, 'confirmed')))
      expect(confirmed).toHaveLength(5)
      const staff = (await t.request('GET', `/api/events/${id}`, { cookie: advisor.cookie })).json
      expect(staff.attendees).toHaveLength(5)
      expect(staff.waitlist).toHaveLength(10)
      // The waitlist is in the order places were asked for, and each sees their own number.
      const waiting = answers.filter((a) => a.json.myRsvp.status === 'waitlisted')
      const positions = waiting.map((a) => a.json.myRsvp.waitlistPosition as number)
      expect([...positions].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      const byPosition = [...waiting].sort((x, y) => x.json.myRsvp.waitlistPosition - y.json.myRsvp.waitlistPosition)
      expect(staff.waitlist.map((w: { studentId: string }) => w.studentId)).toEqual(byPosition.map((a) => crowd[answers.indexOf(a)]!.person.id))

      // Concurrent cancels promote exactly one each, first in line first.
      const leaving = staff.attendees.slice(0, 3).map((x: { studentId: string }) => [...early, ...crowd].find((s) => s.person.id === x.studentId)!)
      const line = staff.waitlist.map((w: { studentId: string }) => w.studentId)
      const cancels = await Promise.all(leaving.map((s: Account) => cancel(s, id)))
      for (const c of cancels) expect(c.status, c.text).toBe(200)
      const final = await statuses(id)
      expect([...final.values()].filter((s) => s === 'confirmed')).toHaveLength(5)
      for (const promotedId of line.slice(0, 3)) expect(final.get(promotedId)).toBe('confirmed')
      for (const waitingId of line.slice(3)) expect(final.get(waitingId)).toBe('waitlisted')
      const promotedMail = await t.db.select().from(outbox).where(eq(outbox.kind, 'event.promoted'))
      expect(promotedMail.filter((m) => m.textBody.includes(id))).toHaveLength(3)
    }
  })
})
