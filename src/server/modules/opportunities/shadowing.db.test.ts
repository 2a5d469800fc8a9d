import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { experienceEntries, outbox, shadowingBookings } from '#server/db/schema/index.ts'
import type { ClassYear } from '#shared/enums.ts'
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let poster: Account
let otherPoster: Account
let admin: Account
const DATABASE = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'
const START = new Date('2027-01-11T14:00:00Z')

beforeAll(async () => {
  t = await createTestApp({ now: START })
  poster = await t.signedInAs(['mentor'])
  otherPoster = await t.signedInAs(['mentor'])
  admin = await t.signedInAs(['admin'])
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function student(classYear: ClassYear = 'M3'): Promise<Account> {
  const person = await t.insertAccount(['student'], { student: { classYear } })
  return { person, cookie: await t.sessionCookie(person.id) }
}

let titles = 0
async function postShadowing(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await t.request('POST', '/api/opportunities', {
    cookie: poster.cookie,
    body: {
      kind: 'shadowing',
      title: `Shadowing in the cardiac cath lab ${++titles}`,
      description: 'Observe diagnostic and interventional procedures.',
      classYears: ['M3', 'M4'],
      places: 10,
      site: 'Heart Center, 4th floor',
      dressCode: 'Business casual; scrubs provided',
      whatToBring: 'Your badge',
      ...overrides,
    },
  })
  expect(created.status, created.text).toBe(201)
  return created.json.id as string
}

const at = (daysAhead: number, hour: number) => new Date(START.getTime() + daysAhead * MS_PER_DAY + (hour - 14) * MS_PER_HOUR).toISOString()
const addSlot = (id: string, body: Record<string, unknown>, by: Account = poster) =>
  t.request('POST', `/api/opportunities/${id}/shadowing-slots`, { cookie: by.cookie, body })
const book = (s: Account, slotId: string) => t.request('POST', `/api/shadowing-slots/${slotId}/bookings`, { cookie: s.cookie })
const slotsOf = (s: Account, id: string) => t.request('GET', `/api/opportunities/${id}/shadowing-slots`, { cookie: s.cookie })
const mailTo = async (email: string) => t.db.select().from(outbox).where(eq(outbox.toAddress, email))

async function withSlot(places = 1, daysAhead = 7): Promise<{ id: string; slotId: string }> {
  const id = await postShadowing()
  const added = await addSlot(id, { startAt: at(daysAhead, 8), endAt: at(daysAhead, 16), places })
  expect(added.status, added.text).toBe(201)
  return { id, slotId: added.json.slots[0].id as string }
}

describe('shadowing slots: the poster adds and removes days', () => {
  it.each([
    ['endAt', () => ({ startAt: at(7, 16), endAt: at(7, 8) })],
    ['startAt', () => ({ startAt: at(-1, 8), endAt: at(-1, 16) })],
    ['startAt', () => ({ startAt: at(3, 12), endAt: at(3, 18) })],
    ['places', () => ({ startAt: at(9, 8), endAt: at(9, 12), places: 0 })],
  ])('refuses a bad %s with 400 naming it, and writes nothing', async (field, slot) => {
    const id = await postShadowing()
    expect((await addSlot(id, { startAt: at(3, 8), endAt: at(3, 13) })).status).toBe(201)
    const response = await addSlot(id, slot())
    expect(response.status, response.text).toBe(400)
    expect(Object.keys(response.json.error.fields)).toContain(field)
    expect((await slotsOf(poster, id)).json.slots).toHaveLength(1)
  })

  it('takes the opportunity’s site, dress code and what to bring when the day gives none; only on a shadowing opportunity; only for its poster', async () => {
    const id = await postShadowing()
    const added = await addSlot(id, { startAt: at(5, 8), endAt: at(5, 12) })
    expect(added.json.slots[0]).toMatchObject({ site: 'Heart Center, 4th floor', dressCode: 'Business casual; scrubs provided', places: 1, placesLeft: 1 })
    expect((await addSlot(id, { startAt: at(6, 8), endAt: at(6, 12) }, otherPoster)).status).toBe(404)
    const research = await postShadowing({ kind: 'research-project' })
    expect((await addSlot(research, { startAt: at(6, 8), endAt: at(6, 12) })).status).toBe(409)
  })

  it('removing a booked day cancels the booking and sends the student METHOD:CANCEL with a higher SEQUENCE', async () => {
    const { id, slotId } = await withSlot()
    const s = await student()
    expect((await book(s, slotId)).status).toBe(200)
    const removed = await t.request('DELETE', `/api/shadowing-slots/${slotId}`, { cookie: poster.cookie })
    expect(removed.status, removed.text).toBe(200)
    expect(removed.json.slots).toHaveLength(0)
    const [booking] = await t.db.select().from(shadowingBookings).where(eq(shadowingBookings.slotId, slotId))
    expect(booking).toMatchObject({ status: 'cancelled', calendarSequence: 1 })
    const mail = await mailTo(s.person.email)
    const invite = mail.find((m) => m.kind === 'shadowing.booked')?.attachments[0]?.content ?? ''
    const cancel = mail.find((m) => m.kind === 'shadowing.removed-by-poster')?.attachments[0]?.content ?? ''
    expect(invite).toContain('METHOD:REQUEST')
    expect(invite).toContain('SEQUENCE:0')
    expect(cancel).toContain('METHOD:CANCEL')
    expect(cancel).toContain('SEQUENCE:1')
    expect(cancel.match(/UID:(.*)/)?.[1]).toBe(invite.match(/UID:(.*)/)?.[1])
    expect((await slotsOf(s, id)).json.canBook).toBe(true)
  })
})

describe('shadowing slots: students book and cancel', () => {
  it('a student of its class years books one day; the poster sees who; another class year is 404; a second day is 409', async () => {
    const { id, slotId } = await withSlot(2)
    const second = await addSlot(id, { startAt: at(8, 8), endAt: at(8, 16) })
    const s = await student()
    const booked = await book(s, slotId)
    expect(booked.status, booked.text).toBe(200)
    expect(booked.json.slots[0]).toMatchObject({ placesLeft: 1, myBooking: { status: 'booked', canCancel: true } })
    expect(booked.json.canBook).toBe(false)
    const again = await book(s, second.json.slots[1].id)
    expect(again.status).toBe(409)
    expect(again.json.error.message).toContain('You have booked a day of this opportunity')
    expect((await book(await student('M1'), slotId)).status).toBe(404)
    const bookings = await t.request('GET', `/api/opportunities/${id}/shadowing-bookings`, { cookie: poster.cookie })
    expect(bookings.json.bookings.map((b: { studentName: string }) => b.studentName)).toEqual([s.person.name])
    expect((await t.request('GET', `/api/opportunities/${id}/shadowing-bookings`, { cookie: otherPoster.cookie })).status).toBe(404)
    expect((await t.request('GET', `/api/opportunities/${id}/shadowing-bookings`, { cookie: admin.cookie })).status).toBe(404)
  })

  it('cancels until 24 hours before, with METHOD:CANCEL and SEQUENCE:1; not after', async () => {
    const { slotId } = await withSlot(1, 2)
    const s = await student()
    const booked = await book(s, slotId)
    const bookingId = booked.json.slots[0].myBooking.id as string
    const cancelled = await t.request('POST', `/api/shadowing-bookings/${bookingId}/cancel`, { cookie: s.cookie })
    expect(cancelled.status, cancelled.text).toBe(200)
    const cancel = (await mailTo(s.person.email)).find((m) => m.kind === 'shadowing.cancelled-by-student')?.attachments[0]?.content ?? ''
    expect(cancel).toContain('METHOD:CANCEL')
    expect(cancel).toContain('SEQUENCE:1')
    const rebooked = await book(s, slotId)
    const late = rebooked.json.slots[0].myBooking.id as string
    t.clock.set(new Date(START.getTime() + 20 * MS_PER_HOUR))
    try {
      // A fresh session: the one made at the start has idled out by now.
      const refused = await t.request('POST', `/api/shadowing-bookings/${late}/cancel`, { cookie: await t.sessionCookie(s.person.id) })
      expect(refused.status).toBe(409)
      expect(refused.json.error.message).toContain('less than 24 hours')
    } finally {
      t.clock.set(START)
    }
    expect((await t.request('POST', `/api/shadowing-bookings/${late}/cancel`, { cookie: (await student()).cookie })).status).toBe(404)
  })
})

describe('shadowing: the sweep', () => {
  it('reminds the day before once, however many sweeps run at once, and adds a passed day to the record for the poster to confirm', async () => {
    const { slotId } = await withSlot(1, 3)
    const s = await student()
    expect((await book(s, slotId)).status).toBe(200)
    const dayBefore = new Date(START.getTime() + 2 * MS_PER_DAY + 2 * MS_PER_HOUR)
    const sweeps = await Promise.all([0, 1, 2].map(() => t.services.shadowing.sweepShadowing(dayBefore)))
    expect(sweeps.reduce((n, r) => n + r.reminded, 0)).toBe(1)
    const reminders = (await mailTo(s.person.email)).filter((m) => m.kind === 'shadowing.reminder')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]?.textBody).toContain('Business casual')
    const after = new Date(START.getTime() + 4 * MS_PER_DAY)
    const recorded = await Promise.all([0, 1].map(() => t.services.shadowing.sweepShadowing(after)))
    expect(recorded.reduce((n, r) => n + r.recorded, 0)).toBe(1)
    const entries = await t.db.select().from(experienceEntries).where(eq(experienceEntries.studentId, s.person.id))
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ kind: 'clinical', startDate: '2027-01-14', hours: null, confirmedAt: null })
    const mine = await t.request('GET', '/api/experiences/mine', { cookie: s.cookie })
    expect(mine.json.experiences[0].opportunityId).toBeTruthy()
    const entryId = entries[0]?.id as string
    expect((await t.request('POST', `/api/experiences/${entryId}/confirm`, { cookie: otherPoster.cookie, body: { hours: 8 } })).status).toBe(404)
    const confirmed = await t.request('POST', `/api/experiences/${entryId}/confirm`, { cookie: poster.cookie, body: { hours: 8 } })
    expect(confirmed.status, confirmed.text).toBe(200)
    expect(confirmed.json.hours).toBe(8)
  })
})

describe('[shadowing-capacity]', () => {
  it(`many students book the last place of a day at once: exactly one gets it, the rest 409 (${DATABASE})`, async () => {
    for (let round = 0; round < 3; round++) {
      const { slotId } = await withSlot(2, 10 + round)
      expect((await book(await student(), slotId)).status).toBe(200)
      const racers: Account[] = []
      for (let i = 0; i < 8; i++) racers.push(await student())
      const answers = await Promise.all(racers.map((s) => book(s, slotId)))
      for (const a of answers) expect([200, 409], a.text).toContain(a.status)
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
      const booked = await t.db
        .select()
        .from(shadowingBookings)
        .where(and(eq(shadowingBookings.slotId, slotId), eq(shadowingBookings.status, 'booked')))
      expect(booked).toHaveLength(2)
      const invites = await t.db.select().from(outbox).where(eq(outbox.kind, 'shadowing.booked'))
      expect(invites.filter((m) => booked.some((b) => m.attachments[0]?.content.includes(`shadowing-${b.id}`)))).toHaveLength(2)
    }
  })
})

describe('requirements', () => {
  it('an expired requirement refuses a booking and an application, naming it and its date; recording it anew lets the student book', async () => {
    const id = await postShadowing()
    const slot = await addSlot(id, { startAt: at(20, 8), endAt: at(20, 12) })
    const research = (
      await t.request('POST', '/api/opportunities', {
        cookie: poster.cookie,
        body: { kind: 'shadowing', title: 'Clinic shadowing without days', description: 'Apply to shadow.', classYears: [], places: 3 },
      })
    ).json.id as string
    const made = await t.request('POST', '/api/requirements', {
      cookie: admin.cookie,
      body: { name: 'HIPAA training', verification: 'student', opportunityKind: 'shadowing' },
    })
    expect(made.status, made.text).toBe(201)
    const hipaa = made.json.requirements.find((r: { name: string }) => r.name === 'HIPAA training').id as string
    const s = await student()
    const missing = await book(s, slot.json.slots[0].id)
    expect(missing.status).toBe(409)
    expect(missing.json.error.message).toBe('Your HIPAA training is not on record: confirm it on My requirements before booking.')
    const recorded = await t.request('PUT', `/api/requirements/${hipaa}/mine`, {
      cookie: s.cookie,
      body: { completedOn: '2025-05-03', expiresOn: '2026-05-03' },
    })
    expect(recorded.json.requirements.find((r: { id: string }) => r.id === hipaa)).toMatchObject({ state: 'expired' })
    const expired = await book(s, slot.json.slots[0].id)
    expect(expired.json.error.message).toBe('Your HIPAA training expired on 3 May 2026; renew it before booking.')
    const applied = await t.request('POST', `/api/opportunities/${research}/applications`, { cookie: s.cookie, body: { statement: 'I would like to shadow.' } })
    expect(applied.status).toBe(409)
    expect(applied.json.error.message).toBe('Your HIPAA training expired on 3 May 2026; renew it before applying.')
    const list = await slotsOf(s, id)
    expect(list.json).toMatchObject({ canBook: false, blockedBecause: 'Your HIPAA training expired on 3 May 2026; renew it before booking.' })
    await t.request('PUT', `/api/requirements/${hipaa}/mine`, { cookie: s.cookie, body: { completedOn: '2027-01-02', expiresOn: '2028-01-02' } })
    expect((await book(s, slot.json.slots[0].id)).status).toBe(200)
    // The office verifies one it must; the student's own record waits for it.
    const check = await t.request('POST', '/api/requirements', {
      cookie: admin.cookie,
      body: { name: 'background check', verification: 'office', opportunityId: research },
    })
    const checkId = check.json.requirements.find((r: { name: string }) => r.name === 'background check').id as string
    await t.request('PUT', `/api/requirements/${checkId}/mine`, { cookie: s.cookie, body: { completedOn: '2027-01-05', expiresOn: null } })
    const waiting = await t.request('POST', `/api/opportunities/${research}/applications`, { cookie: s.cookie, body: { statement: 'I would like to shadow.' } })
    expect(waiting.json.error.message).toContain('waiting for the Office of Student Affairs')
    const verified = await t.request('PUT', `/api/requirements/${checkId}/students/${s.person.id}/verification`, {
      cookie: admin.cookie,
      body: { completedOn: '2027-01-05', expiresOn: null },
    })
    expect(verified.status, verified.text).toBe(200)
    expect(verified.json.requirements.find((r: { id: string }) => r.id === checkId)).toMatchObject({ state: 'met', verifiedByName: admin.person.name })
    const ok = await t.request('POST', `/api/opportunities/${research}/applications`, { cookie: s.cookie, body: { statement: 'I would like to shadow.' } })
    expect(ok.status, ok.text).toBe(200)
    // Retired, so later tests in this file book freely again.
    await t.request('DELETE', `/api/requirements/${hipaa}`, { cookie: admin.cookie })
  })
})
