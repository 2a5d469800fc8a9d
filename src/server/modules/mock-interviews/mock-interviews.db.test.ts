import { and, eq, sql } from 'drizzle-orm'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_RUBRIC } from '#server/db/seed/content/mock-interview-rubric.ts'
import { auditLog, mentorProfiles, mockInterviewBookings, outbox, studentAdvisors } from '#server/db/schema/index.ts'
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

type Account = { person: { id: string; email: string; name: string }; cookie: string }
let t: TestApp
let interviewer: Account
let admin: Account
const DATABASE = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'
const START = new Date('2026-10-05T14:00:00Z')

beforeAll(async () => {
  t = await createTestApp({ now: START })
  admin = await t.signedInAs(['admin'])
  interviewer = await mockInterviewer()
  const saved = await t.request('PUT', '/api/mock-interviews/school', { cookie: admin.cookie, body: { bookingsPerSeason: 2, competencies: DEMO_RUBRIC } })
  expect(saved.status, saved.text).toBe(200)
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function mockInterviewer(): Promise<Account> {
  const person = await t.insertAccount(['mentor'])
  await t.db
    .update(mentorProfiles)
    .set({ offers: sql`array_append(${mentorProfiles.offers}, 'mock-interviews')` })
    .where(eq(mentorProfiles.personId, person.id))
  return { person, cookie: await t.sessionCookie(person.id) }
}

async function student(): Promise<Account> {
  const person = await t.insertAccount(['student'])
  return { person, cookie: await t.sessionCookie(person.id) }
}

/** Fresh cookies after the clock moves (sessions idle out after an hour). */
async function again(account: Account): Promise<Account> {
  return { ...account, cookie: await t.sessionCookie(account.person.id) }
}

let nextDay = 2
function slotBody(overrides: Record<string, unknown> = {}) {
  const start = new Date(t.clock.now().getTime() + nextDay++ * MS_PER_DAY)
  return {
    specialtyId: 'dermatology',
    kind: 'behavioural',
    startAt: start.toISOString(),
    durationMinutes: 30,
    place: 'in-person',
    room: 'Clinic B, room 4',
    ...overrides,
  }
}

async function publish(by: Account = interviewer, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await t.request('POST', '/api/mock-interviews/slots', { cookie: (await again(by)).cookie, body: slotBody(overrides) })
  expect(created.status, created.text).toBe(201)
  return created.json.id as string
}

const book = async (s: Account, slotId: string) => t.request('POST', `/api/mock-interviews/slots/${slotId}/book`, { cookie: (await again(s)).cookie })
const mailTo = (email: string) => t.db.select().from(outbox).where(eq(outbox.toAddress, email))

function calendarOf(ics: string) {
  const vcalendar = new ICAL.Component(ICAL.parse(ics))
  const vevent = vcalendar.getFirstSubcomponent('vevent')
  return { method: vcalendar.getFirstPropertyValue('method'), uid: vevent?.getFirstPropertyValue('uid'), sequence: vevent?.getFirstPropertyValue('sequence') }
}

describe('publishing slots', () => {
  it('refuses a slot in the past, an overlap with one’s own slot, and an online slot without a clean link, each on its field', async () => {
    const past = await t.request('POST', '/api/mock-interviews/slots', { cookie: interviewer.cookie, body: slotBody({ startAt: '2026-10-01T14:00:00Z' }) })
    expect(past.status).toBe(400)
    expect(past.json.error.fields.startAt).toMatch(/passed/)

    const first = slotBody()
    await t.request('POST', '/api/mock-interviews/slots', { cookie: interviewer.cookie, body: first })
    const clash = await t.request('POST', '/api/mock-interviews/slots', {
      cookie: (await again(interviewer)).cookie,
      body: { ...first, startAt: new Date(Date.parse(first.startAt) + 15 * 60_000).toISOString() },
    })
    expect(clash.status).toBe(400)
    expect(clash.json.error.fields.startAt).toMatch(/overlaps your slot/)

    const noLink = await t.request('POST', '/api/mock-interviews/slots', { cookie: interviewer.cookie, body: slotBody({ place: 'online', room: '' }) })
    expect(noLink.json.error.fields.onlineLink).toMatch(/link/)
    const spaced = await t.request('POST', '/api/mock-interviews/slots', {
      cookie: interviewer.cookie,
      body: slotBody({ place: 'online', onlineLink: 'https://zoom.us/j/123 (passcode 555)' }),
    })
    expect(spaced.json.error.fields.onlineLink).toMatch(/without spaces/)
    const inPersonNoRoom = await t.request('POST', '/api/mock-interviews/slots', { cookie: interviewer.cookie, body: slotBody({ room: '' }) })
    expect(inPersonNoRoom.json.error.fields.room).toBeTruthy()
  })

  it('lets only mentors who offer mock interviews (and specialty advisors) publish', async () => {
    const plain = await t.signedInAs(['mentor'])
    await t.db
      .update(mentorProfiles)
      .set({ offers: ['research'] })
      .where(eq(mentorProfiles.personId, plain.person.id))
    const refused = await t.request('POST', '/api/mock-interviews/slots', { cookie: plain.cookie, body: slotBody() })
    expect(refused.status).toBe(403)
  })
})

describe('booking', () => {
  it('e-mails both sides an invite, holds the limit per season with a field error, and a cancel frees a place with a CANCEL of the same UID', async () => {
    const s = await student()
    const [a, b, c] = [await publish(), await publish(), await publish()]
    const first = await book(s, a)
    expect(first.status, first.text).toBe(201)
    expect(first.json.viewer).toBe('student')

    const studentInvite = (await mailTo(s.person.email)).find((m) => m.kind === 'mock-interview.booked')
    const interviewerInvite = (await mailTo(interviewer.person.email)).find((m) => m.kind === 'mock-interview.booked' && m.textBody.includes(s.person.name))
    expect(studentInvite?.textBody).toContain(`/mock-interviews/bookings/${first.json.id}`)
    expect(interviewerInvite?.textBody).toContain('score it against the school')
    const invite = calendarOf(studentInvite?.attachments[0]?.content ?? '')
    expect(invite).toMatchObject({ method: 'REQUEST', sequence: 0 })

    expect((await book(s, b)).status).toBe(201)
    const over = await book(s, c)
    expect(over.status).toBe(400)
    expect(over.json.error.fields.slotId).toMatch(/booked 2 of the 2 mock interviews .* 2026–27 season/)

    const cancelled = await t.request('POST', `/api/mock-interviews/bookings/${first.json.id}/cancel`, { cookie: (await again(s)).cookie })
    expect(cancelled.json.status).toBe('cancelled')
    const cancelMail = (await mailTo(s.person.email)).find((m) => m.kind === 'mock-interview.cancelled-by-student')
    const cancel = calendarOf(cancelMail?.attachments[0]?.content ?? '')
    expect(cancel).toMatchObject({ method: 'CANCEL', sequence: 1, uid: invite.uid })
    expect((await book(s, c)).status).toBe(201)
  })

  it('refuses a taken slot (409) and one that has begun (400 on slotId)', async () => {
    const slot = await publish()
    expect((await book(await student(), slot)).status).toBe(201)
    expect((await book(await student(), slot)).status).toBe(409)

    const soon = await publish(interviewer, { startAt: new Date(t.clock.now().getTime() + MS_PER_HOUR).toISOString() })
    t.clock.advance(2 * MS_PER_HOUR)
    const late = await book(await student(), soon)
    expect(late.status).toBe(400)
    expect(late.json.error.fields.slotId).toMatch(/begun or passed/)
  })
})

describe('the day-before reminder', () => {
  it('goes once to a student whose mock starts within a day, whatever the number of sweeps, and not for a cancelled one', async () => {
    const [kept, dropped] = [await student(), await student()]
    const tomorrow = new Date(t.clock.now().getTime() + 20 * MS_PER_HOUR).toISOString()
    const slotA = await publish(interviewer, { startAt: tomorrow })
    const slotB = await publish(await mockInterviewer(), { startAt: tomorrow })
    await book(kept, slotA)
    const other = await book(dropped, slotB)
    await t.request('POST', `/api/mock-interviews/bookings/${other.json.id}/cancel`, { cookie: (await again(dropped)).cookie })
    const sweeps = await Promise.all([1, 2, 3].map(() => t.services.mockInterviews.sweepMockInterviewReminders()))
    expect(sweeps.reduce((n, s) => n + s.reminded, 0)).toBe(1)
    const reminders = (await mailTo(kept.person.email)).filter((m) => m.kind === 'mock-interview.reminder')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]?.textBody).toContain(`/mock-interviews/bookings/`)
    expect((await mailTo(dropped.person.email)).filter((m) => m.kind === 'mock-interview.reminder')).toHaveLength(0)
  })
})

describe(`[booking-race] on ${DATABASE}`, () => {
  it('one student asking for four slots at once gets the limit of two, never more', async () => {
    const s = await student()
    const slots = await Promise.all([0, 1, 2, 3].map(() => publish(interviewer, {})))
    const answers = await Promise.all(slots.map((id) => book(s, id)))
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2)
    expect(answers.filter((a) => a.status === 400)).toHaveLength(2)
    const rows = await t.db
      .select()
      .from(mockInterviewBookings)
      .where(and(eq(mockInterviewBookings.studentId, s.person.id), eq(mockInterviewBookings.status, 'booked')))
    expect(rows).toHaveLength(2)
  })

  it('five students asking for one slot at once: one gets it', async () => {
    const slot = await publish()
    const crowd = await Promise.all([0, 1, 2, 3, 4].map(() => student()))
    const answers = await Promise.all(crowd.map((s) => book(s, slot)))
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
    expect(answers.filter((a) => a.status === 409)).toHaveLength(4)
  })
})

describe('scoring and who reads the feedback', () => {
  it('scores once begun, names each missing level, and shows feedback to the student, the interviewer and the student’s advisor only', async () => {
    const s = await student()
    const slot = await publish()
    const booked = await book(s, slot)
    const id = booked.json.id as string
    const full = Object.fromEntries(DEMO_RUBRIC.map((c) => [c.id, 3]))
    const early = await t.request('PUT', `/api/mock-interviews/bookings/${id}/scores`, {
      cookie: (await again(interviewer)).cookie,
      body: { scores: full, feedback: 'Good.' },
    })
    expect(early.status).toBe(409)

    t.clock.set(new Date(Date.parse(booked.json.slot.startAt) + 10 * 60_000))
    const [me, them] = [await again(interviewer), await again(s)]
    const partial = await t.request('PUT', `/api/mock-interviews/bookings/${id}/scores`, {
      cookie: me.cookie,
      body: { scores: { communication: 9 }, feedback: 'Good.' },
    })
    expect(partial.status).toBe(400)
    expect(partial.json.error.fields['scores.communication']).toMatch(/one of its levels/)
    expect(partial.json.error.fields['scores.professionalism']).toMatch(/Choose a level/)

    const canary = 'FEEDBACK-CANARY-7f3a'
    const scored = await t.request('PUT', `/api/mock-interviews/bookings/${id}/scores`, {
      cookie: me.cookie,
      body: { scores: full, feedback: `Open with Mrs. Alvarez. ${canary}` },
    })
    expect(scored.status, scored.text).toBe(200)
    expect(scored.json.calibrated.raw).toBe(3)

    const read = await t.request('GET', `/api/mock-interviews/bookings/${id}`, { cookie: them.cookie })
    expect(read.json.feedback).toContain(canary)
    expect(read.json.calibrated.words).toMatch(/sure/)
    const mine = await t.request('GET', '/api/mock-interviews/mine', { cookie: them.cookie })
    expect(mine.json.past[0].scores).toHaveLength(DEMO_RUBRIC.length)

    // The student's assigned advisor reads it, audited; another student, another mentor and an admin do not.
    const advisor = await t.signedInAs(['advisor'])
    await t.db.insert(studentAdvisors).values({ studentId: s.person.id, advisorId: advisor.person.id, assignedAt: t.clock.now() })
    const byAdvisor = await t.request('GET', `/api/mock-interviews/bookings/${id}`, { cookie: advisor.cookie })
    expect(byAdvisor.status, byAdvisor.text).toBe(200)
    expect(byAdvisor.json.viewer).toBe('staff')
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, advisor.person.id), eq(auditLog.action, 'student-record.read.mock-interview')))
    expect(audited).toHaveLength(1)
    for (const stranger of [await student(), await mockInterviewer(), await t.signedInAs(['admin']), await t.signedInAs(['advisor'])]) {
      const refused = await t.request('GET', `/api/mock-interviews/bookings/${id}`, { cookie: stranger.cookie })
      expect(refused.status).toBe(404)
      expect(refused.text).not.toContain(canary)
    }
    // No e-mail carries feedback.
    expect((await t.db.select().from(outbox)).some((m) => m.textBody.includes(canary))).toBe(false)
  })
})
