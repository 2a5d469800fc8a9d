import { and, eq } from 'drizzle-orm'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventSlotBookings, events, outbox } from '#server/db/schema/index.ts'
import type { ClassYear } from '#shared/enums.ts'
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '#shared/time.ts'
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

async function student(classYear: ClassYear = 'M4'): Promise<Account> {
  const person = await t.insertAccount(['student'], { student: { classYear } })
  return { person, cookie: await t.sessionCookie(person.id) }
}

/** A headshot session a week ahead, 14:00–15:00 UTC, for M4s. */
async function headshots(overrides: Record<string, unknown> = {}) {
  const start = new Date(t.clock.now().getTime() + 7 * MS_PER_DAY)
  const created = await t.request('POST', '/api/events', {
    cookie: advisor.cookie,
    body: {
      title: 'Professional headshots',
      kind: 'headshot-session',
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + MS_PER_HOUR).toISOString(),
      room: 'Atrium',
      host: 'Office of Student Affairs',
      classYears: ['M4'],
      rsvpClosesAt: new Date(start.getTime() - MS_PER_DAY).toISOString(),
      ...overrides,
    },
  })
  expect(created.status, created.text).toBe(201)
  return { id: created.json.id as string, start }
}

const addSlots = (id: string, body: Record<string, unknown>, cookie = advisor.cookie) => t.request('POST', `/api/events/${id}/slots`, { cookie, body })
const book = (s: Account, id: string, slotId: string) => t.request('POST', `/api/events/${id}/slots/${slotId}/book`, { cookie: s.cookie })
const giveUp = (s: Account, id: string) => t.request('POST', `/api/events/${id}/slots/cancel`, { cookie: s.cookie })

describe('generating slots', () => {
  it('makes ten-minute slots until the end, or a number of them with a label', async () => {
    const { id, start } = await headshots()
    const all = await addSlots(id, { startAt: start.toISOString(), lengthMinutes: 10 })
    expect(all.status, all.text).toBe(201)
    expect(all.json.slots).toHaveLength(6)
    expect(all.json.slots.every((s: { booked: boolean }) => !s.booked)).toBe(true)

    const other = await headshots({ kind: 'residency-information-session', title: 'Residency information session' })
    const labelled = await addSlots(other.id, { startAt: other.start.toISOString(), lengthMinutes: 20, count: 2, label: 'Internal Medicine — City Hospital' })
    expect(labelled.json.slots.map((s: { label: string }) => s.label)).toEqual(['Internal Medicine — City Hospital', 'Internal Medicine — City Hospital'])
  })

  it.each([
    ['a slot overlapping another of the event', 'startAt', 5, 2, /overlaps the slot/],
    ['a run past the end', 'startAt', 0, 7, /within the event/],
    ['a length that does not fit', 'lengthMinutes', 0, null, /fits/],
  ])('refuses %s with 400 naming %s, and writes nothing', async (_what, field, offsetMinutes, count, message) => {
    const { id, start } = await headshots()
    expect((await addSlots(id, { startAt: start.toISOString(), lengthMinutes: 10, count: 1 })).status).toBe(201)
    const body = {
      startAt: new Date(start.getTime() + offsetMinutes * MS_PER_MINUTE).toISOString(),
      lengthMinutes: field === 'lengthMinutes' ? 120 : 10,
      count,
    }
    const refused = await addSlots(id, body)
    expect(refused.status, refused.text).toBe(400)
    expect(refused.json.error.fields[field]).toMatch(message)
    const listed = await t.request('GET', `/api/events/${id}/slots`, { cookie: advisor.cookie })
    expect(listed.json.slots).toHaveLength(1)
  })

  it('refuses bad input by field (no length, a label on two lines)', async () => {
    const { id, start } = await headshots()
    const refused = await addSlots(id, { startAt: start.toISOString(), lengthMinutes: 2, label: 'a\nb' })
    expect(refused.status).toBe(400)
    expect(Object.keys(refused.json.error.fields)).toEqual(expect.arrayContaining(['lengthMinutes', 'label']))
  })
})

describe('booking a slot', () => {
  it('books one slot per student, with a calendar invite for the slot’s time; giving it up sends a CANCEL with a higher SEQUENCE', async () => {
    const { id, start } = await headshots()
    const slots = (await addSlots(id, { startAt: start.toISOString(), lengthMinutes: 10, count: 3 })).json.slots as { id: string }[]
    const ana = await student()
    const booked = await book(ana, id, slots[1]!.id)
    expect(booked.status, booked.text).toBe(200)
    expect(booked.json.slots[1]).toMatchObject({ booked: true, mine: true, bookedBy: null })
    // A second slot at the same event is refused; the same slot again is fine.
    expect((await book(ana, id, slots[2]!.id)).status).toBe(409)
    expect((await book(ana, id, slots[1]!.id)).status).toBe(200)
    // Another student sees it taken, not by whom.
    const ben = await student()
    const seen = (await t.request('GET', `/api/events/${id}/slots`, { cookie: ben.cookie })).json
    expect(seen.slots[1]).toMatchObject({ booked: true, mine: false, bookedBy: null })
    expect(JSON.stringify(seen)).not.toContain(ana.person.email)
    expect((await book(ben, id, slots[1]!.id)).status).toBe(409)
    // Staff see who.
    const staff = (await t.request('GET', `/api/events/${id}/slots`, { cookie: advisor.cookie })).json
    expect(staff.slots[1].bookedBy.name).toBe(ana.person.name)

    const [invite] = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, ana.person.email), eq(outbox.kind, 'event.slot-booked')))
    const ics = invite!.attachments![0]!.content
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!
    expect(vevent.getFirstPropertyValue('dtstart')!.toString()).toContain(new Date(start.getTime() + 10 * MS_PER_MINUTE).toISOString().slice(0, 16))
    expect(vevent.getFirstPropertyValue('sequence')).toBe(1)

    expect((await giveUp(ana, id)).status).toBe(200)
    const [cancel] = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, ana.person.email), eq(outbox.kind, 'event.slot-cancelled')))
    const cancelled = new ICAL.Component(ICAL.parse(cancel!.attachments![0]!.content))
    expect(cancelled.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(cancelled.getFirstSubcomponent('vevent')!.getFirstPropertyValue('sequence')).toBe(2)
    expect(cancelled.getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid')).toBe(vevent.getFirstPropertyValue('uid'))
    // The freed slot can be taken, and a booked slot cannot be removed.
    expect((await book(ben, id, slots[1]!.id)).status).toBe(200)
    expect((await t.request('DELETE', `/api/events/${id}/slots/${slots[1]!.id}`, { cookie: advisor.cookie })).status).toBe(409)
    expect((await t.request('DELETE', `/api/events/${id}/slots/${slots[0]!.id}`, { cookie: advisor.cookie })).json.slots).toHaveLength(2)
  })

  it('the events list tells a slotted event from an RSVP one: its slots, how many are free, and the student’s own', async () => {
    const { id, start } = await headshots()
    const slots = (await addSlots(id, { startAt: start.toISOString(), lengthMinutes: 10, count: 3 })).json.slots as { id: string; startAt: string }[]
    const plain = await headshots({ title: 'Panel without slots' })
    const [ana, ben] = [await student(), await student()]
    expect((await book(ana, id, slots[2]!.id)).status).toBe(200)
    const listed = async (s: Account) => {
      const list = (await t.request('GET', '/api/events', { cookie: s.cookie })).json.upcoming as { id: string; slots: unknown }[]
      return (eventId: string) => list.find((e) => e.id === eventId)?.slots
    }
    const anasView = await listed(ana)
    expect(anasView(id)).toEqual({ total: 3, free: 2, mineStartAt: slots[2]!.startAt })
    expect(anasView(plain.id)).toBeNull()
    expect((await listed(ben))(id)).toEqual({ total: 3, free: 2, mineStartAt: null })
    // Staff see the counts; nobody's slot is "theirs".
    expect((await listed(advisor))(id)).toEqual({ total: 3, free: 2, mineStartAt: null })
  })

  it('when the office cancels the event, each student holding a slot gets a CANCEL for it with a higher SEQUENCE', async () => {
    const { id, start } = await headshots()
    const slots = (await addSlots(id, { startAt: start.toISOString(), lengthMinutes: 10, count: 2 })).json.slots as { id: string }[]
    const [ana, ben] = [await student(), await student()]
    expect((await book(ana, id, slots[0]!.id)).status).toBe(200)
    expect((await book(ben, id, slots[1]!.id)).status).toBe(200)
    expect((await giveUp(ben, id)).status).toBe(200)

    expect((await t.request('POST', `/api/events/${id}/cancel`, { cookie: advisor.cookie })).status).toBe(200)
    const sent = async (s: Account) =>
      t.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.toAddress, s.person.email), eq(outbox.kind, 'event.slot-event-cancelled')))
    const [cancel] = await sent(ana)
    expect(cancel?.subject).toMatch(/^Cancelled: Professional headshots, /)
    const calendar = new ICAL.Component(ICAL.parse(cancel!.attachments![0]!.content))
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('sequence')).toBe(2)
    // Ben had given his slot up, and his calendar already had its CANCEL.
    expect(await sent(ben)).toHaveLength(0)
  })

  it('is closed after the cut-off and for a cancelled event; a student outside the audience gets 404, a mentor 403', async () => {
    const { id, start } = await headshots({ rsvpClosesAt: new Date(t.clock.now().getTime() + MS_PER_HOUR).toISOString() })
    const [slot] = (await addSlots(id, { startAt: start.toISOString(), lengthMinutes: 10, count: 1 })).json.slots as { id: string }[]
    const m1 = await student('M1')
    expect((await book(m1, id, slot!.id)).status).toBe(404)
    expect((await t.request('GET', `/api/events/${id}/slots`, { cookie: m1.cookie })).status).toBe(404)
    expect((await t.request('POST', `/api/events/${id}/slots/${slot!.id}/book`, { cookie: mentor.cookie })).status).toBe(403)
    // A slot of another event is not this event's.
    const other = await headshots()
    expect((await book(await student(), other.id, slot!.id)).status).toBe(404)
    t.clock.advance(2 * MS_PER_HOUR)
    try {
      const late = await book(await student(), id, slot!.id)
      expect(late.status).toBe(409)
      expect(late.json.error.message).toMatch(/closed/)
    } finally {
      t.clock.advance(-2 * MS_PER_HOUR)
    }
  })
})

describe('[slot-race]', () => {
  it(`many students booking the last slot at once: exactly one wins (${DATABASE})`, async () => {
    for (let round = 0; round < 3; round++) {
      const { id, start } = await headshots()
      const [last] = (await addSlots(id, { startAt: start.toISOString(), lengthMinutes: 10, count: 1 })).json.slots as { id: string }[]
      const crowd: Account[] = []
      for (let i = 0; i < 12; i++) crowd.push(await student())
      const answers = await Promise.all(crowd.map((s) => book(s, id, last!.id)))
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
      for (const a of answers.filter((x) => x.status !== 200)) {
        expect(a.status, a.text).toBe(409)
        expect(a.json.error.message).toMatch(/just booked/)
      }
      const held = await t.db
        .select()
        .from(eventSlotBookings)
        .where(and(eq(eventSlotBookings.eventId, id), eq(eventSlotBookings.status, 'booked')))
      expect(held).toHaveLength(1)
    }
  })
})

describe('series and the academic calendar', () => {
  const calendar = {
    dates: [
      { kind: 'year-start', name: 'Academic year 2026–27', startsOn: '2026-07-01', endsOn: '2026-07-01' },
      { kind: 'break', name: 'Winter break', startsOn: '2026-12-19', endsOn: '2027-01-03' },
      { kind: 'holiday', name: 'Veterans Day', startsOn: '2026-11-10', endsOn: '2026-11-10' },
    ],
  }

  it('the office saves the calendar; everyone reads it; a bad row is refused by field and nothing changes', async () => {
    const saved = await t.request('PUT', '/api/academic-calendar', { cookie: advisor.cookie, body: calendar })
    expect(saved.status, saved.text).toBe(200)
    expect(saved.json.dates.map((d: { name: string }) => d.name)).toEqual(['Academic year 2026–27', 'Veterans Day', 'Winter break'])
    const s = await student()
    expect((await t.request('GET', '/api/academic-calendar', { cookie: s.cookie })).json.dates).toHaveLength(3)
    expect((await t.request('PUT', '/api/academic-calendar', { cookie: s.cookie, body: calendar })).status).toBe(403)
    const bad = await t.request('PUT', '/api/academic-calendar', {
      cookie: advisor.cookie,
      body: { dates: [...calendar.dates, { kind: 'break', name: 'Spring break', startsOn: '2027-03-20', endsOn: '2027-03-13' }] },
    })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.json.error.fields)).toContain('dates.3.endsOn')
    expect((await t.request('GET', '/api/academic-calendar', { cookie: s.cookie })).json.dates).toHaveLength(3)
  })

  function lunch(overrides: Record<string, unknown> = {}) {
    // Tuesday 13 October 2026, 12:00 in New York (16:00 UTC, daylight time).
    return {
      event: {
        title: 'Lunch and learn',
        kind: 'lunch-and-learn',
        startAt: '2026-10-13T16:00:00Z',
        endAt: '2026-10-13T17:00:00Z',
        timeZone: 'America/New_York',
        room: 'Room 1',
        host: 'Office of Student Affairs',
        capacity: 30,
        rsvpClosesAt: '2026-10-12T16:00:00Z',
      },
      repeat: 'monthly-weekday',
      count: 4,
      ...overrides,
    }
  }

  it('makes one event per date at the same local time, skips holidays and breaks and says which', async () => {
    await t.request('PUT', '/api/academic-calendar', { cookie: advisor.cookie, body: calendar })
    const made = await t.request('POST', '/api/event-series', { cookie: advisor.cookie, body: lunch() })
    expect(made.status, made.text).toBe(201)
    // Second Tuesdays: 13 Oct, 10 Nov (Veterans Day), 8 Dec, 12 Jan 2027.
    expect(made.json.skipped).toEqual([{ date: '2026-11-10', reason: 'Veterans Day' }])
    expect(made.json.rule).toBe('Every month on the second Tuesday, 4 times')
    // 12:00 in New York whatever the season: 16:00 UTC in October, 17:00 UTC in winter.
    expect(made.json.events.map((e: { startAt: string }) => e.startAt)).toEqual([
      '2026-10-13T16:00:00.000Z',
      '2026-12-08T17:00:00.000Z',
      '2027-01-12T17:00:00.000Z',
    ])
    expect(made.json.events.map((e: { rsvpClosesAt: string }) => e.rsvpClosesAt)[1]).toBe('2026-12-07T17:00:00.000Z')

    // Each occurrence is its own event with its own RSVPs; one is edited alone.
    const [first, second, third] = made.json.events as { id: string }[]
    const s = await student()
    expect((await t.request('POST', `/api/events/${second!.id}/rsvp`, { cookie: s.cookie })).json.myRsvp.status).toBe('confirmed')
    expect((await t.request('GET', `/api/events/${first!.id}`, { cookie: s.cookie })).json.myRsvp).toBeNull()
    const ofEvent = (await t.request('GET', `/api/events/${first!.id}/series`, { cookie: s.cookie })).json
    expect(ofEvent.series.occurrences.map((o: { occurrence: number }) => o.occurrence)).toEqual([1, 3, 4])

    // Cancelling the rest from the second: the second and third are cancelled, the first stays; the attendee gets a CANCEL.
    const rest = await t.request('POST', `/api/events/${second!.id}/series/cancel-rest`, { cookie: advisor.cookie })
    expect(rest.status, rest.text).toBe(200)
    const rows = await t.db.select({ id: events.id, status: events.status }).from(events)
    const status = new Map(rows.map((r) => [r.id, r.status]))
    expect([status.get(first!.id), status.get(second!.id), status.get(third!.id)]).toEqual(['scheduled', 'cancelled', 'cancelled'])
    expect(
      await t.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.toAddress, s.person.email), eq(outbox.kind, 'event.event-cancelled'))),
    ).toHaveLength(1)
  })

  it('every N weeks until a date; refuses a series without an end, one ending before it starts, and one too long, by field', async () => {
    const weekly = await t.request('POST', '/api/event-series', {
      cookie: advisor.cookie,
      body: lunch({ repeat: 'weekly', everyWeeks: 2, count: null, until: '2026-11-24' }),
    })
    expect(weekly.status, weekly.text).toBe(201)
    // 13 Oct, 27 Oct, 10 Nov (Veterans Day, skipped), 24 Nov.
    expect(weekly.json.events).toHaveLength(3)
    for (const [change, field] of [
      [{ count: null }, 'until'],
      [{ count: null, until: '2026-10-01' }, 'until'],
      [{ repeat: 'weekly', count: null, until: '2029-12-31' }, 'until'],
      [{ count: 1 }, 'count'],
      [{ repeat: 'fortnightly' }, 'repeat'],
    ] as const) {
      const refused = await t.request('POST', '/api/event-series', { cookie: advisor.cookie, body: lunch(change) })
      expect(refused.status, JSON.stringify(change)).toBe(400)
      expect(Object.keys(refused.json.error.fields), JSON.stringify(change)).toContain(field)
    }
    // A bad first event is named inside the event.
    const bad = await t.request('POST', '/api/event-series', {
      cookie: advisor.cookie,
      body: lunch({ event: { ...lunch().event, endAt: '2026-10-13T15:00:00Z' } }),
    })
    expect(Object.keys(bad.json.error.fields)).toContain('event.endAt')
  })

  it('a student may not make a series nor cancel one', async () => {
    const s = await student()
    expect((await t.request('POST', '/api/event-series', { cookie: s.cookie, body: lunch() })).status).toBe(403)
  })
})
