import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, mentorships, outbox, people } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import type { InsertedPerson } from '#tests/factories/index.ts'
import { MS_PER_DAY } from '#shared/time.ts'

type Account = { person: InsertedPerson; cookie: string }
let t: TestApp
let student: Account
let mentor: Account
let admin: Account
let advisor: Account
let outsider: Account

const START = new Date('2026-10-05T14:00:00Z')

async function mentorWith(capacity: number, extra: { accepting?: boolean; directoryHold?: boolean; status?: 'active' | 'disabled' } = {}): Promise<Account> {
  const person = await t.insertAccount(['mentor'], {
    mentor: { capacity, accepting: extra.accepting ?? true },
    directoryHold: extra.directoryHold ?? false,
    status: extra.status ?? 'active',
  })
  return { person, cookie: await t.sessionCookie(person.id) }
}
async function newStudent(): Promise<Account> {
  return t.signedInAs(['student'])
}

beforeAll(async () => {
  t = await createTestApp({ now: START })
  student = await newStudent()
  mentor = await mentorWith(3)
  admin = await t.signedInAs(['admin'])
  advisor = await t.signedInAs(['advisor'])
  outsider = await t.signedInAs(['student'])
})
afterAll(async () => {
  await t?.close()
})
beforeEach(async () => {
  t.clock.set(START)
})

const body = (mentorId: string, overrides: Record<string, unknown> = {}) => ({
  mentorId,
  kind: 'ongoing',
  message: 'I would love your advice on surgery.',
  goals: 'Decide on a specialty.',
  helpWanted: ['career-advice'],
  ...overrides,
})

async function ask(who: Account, mentorId: string, overrides: Record<string, unknown> = {}) {
  return t.request('POST', '/api/mentorship-requests', { cookie: who.cookie, body: body(mentorId, overrides) })
}
async function askOk(who: Account, mentorId: string) {
  const response = await ask(who, mentorId)
  expect(response.status, response.text).toBe(201)
  return response.json as { id: string; status: string; [key: string]: unknown }
}
const emailsTo = (address: string) => t.db.select().from(outbox).where(eq(outbox.toAddress, address))

describe('asking a mentor', () => {
  it('a student asks a listed mentor; the mentor is e-mailed; it is audited', async () => {
    const m = await mentorWith(2)
    const request = await askOk(student, m.person.id)
    expect(request).toMatchObject({ status: 'requested', initiatedBy: 'student', kind: 'ongoing', helpWanted: ['career-advice'], mentorshipId: null })
    expect(request.expiresAt).toBe('2026-10-19T14:00:00.000Z')
    const mail = await emailsTo(m.person.email)
    expect(mail.map((e) => e.kind)).toEqual(['mentorship.request-received'])
    expect(mail[0]?.textBody).toContain(`/mentorships?request=${request.id}`)
    // A human date with its weekday and zone, never an ISO date.
    expect(mail[0]?.textBody).toMatch(/open until Monday, October 19, 2026 at \d{1,2}:00 [AP]M [A-Z][a-z]+ Time \([A-Za-z ]+, UTC[−+]\d{1,2}\)\. /)
    expect(mail[0]?.textBody).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'mentorship.requested'), eq(auditLog.objectId, request.id)))
    expect(audits).toHaveLength(1)
  })

  it.each([
    ['not accepting', { accepting: false }],
    ['on a directory hold', { directoryHold: true }],
    ['disabled', { status: 'disabled' as const }],
  ])('refuses a mentor who is %s', async (_label, extra) => {
    const m = await mentorWith(2, extra)
    const response = await ask(student, m.person.id)
    expect(response.status).toBe(400)
    expect(response.json.error.fields.mentorId).toBeTruthy()
  })

  it('refuses someone who is not a mentor, a mentor with no open place, and a second open request to the same mentor', async () => {
    expect((await ask(student, outsider.person.id)).status).toBe(400)
    const full = await mentorWith(0)
    expect((await ask(student, full.person.id)).status).toBe(409)
    const m = await mentorWith(2)
    await askOk(student, m.person.id)
    expect((await ask(student, m.person.id)).status).toBe(409)
  })

  it('a student has at most N open requests (an admin setting)', async () => {
    const s = await newStudent()
    const patched = await t.request('PATCH', '/api/mentorships/settings', { cookie: admin.cookie, body: { maxOpenRequests: 2 } })
    expect(patched.status, patched.text).toBe(200)
    expect(patched.json.maxOpenRequests).toBe(2)
    const first = await askOk(s, (await mentorWith(2)).person.id)
    await askOk(s, (await mentorWith(2)).person.id)
    const third = await ask(s, (await mentorWith(2)).person.id)
    expect(third.status).toBe(409)
    expect(third.json.error.message).toContain('(2)')
    // Withdrawing one frees a place.
    expect((await t.request('POST', `/api/mentorship-requests/${first.id}/withdraw`, { cookie: s.cookie })).status).toBe(200)
    await askOk(s, (await mentorWith(2)).person.id)
    const mine = await t.request('GET', '/api/mentorship-requests/mine', { cookie: s.cookie })
    expect(mine.json).toMatchObject({ openSent: 2, maxOpenRequests: 2 })
    await t.request('PATCH', '/api/mentorships/settings', { cookie: admin.cookie, body: { maxOpenRequests: 5 } })
  })

  it('settings: a reminder after the expiry is refused; unknown keys are refused', async () => {
    expect((await t.request('PATCH', '/api/mentorships/settings', { cookie: admin.cookie, body: { requestReminderDay: 20 } })).status).toBe(400)
    expect((await t.request('PATCH', '/api/mentorships/settings', { cookie: admin.cookie, body: { whatever: 1 } })).status).toBe(400)
    expect((await t.request('GET', '/api/mentorships/settings', { cookie: admin.cookie })).json).toMatchObject({
      maxOpenRequests: 5,
      requestExpiryDays: 14,
      requestReminderDay: 7,
      quietWeeks: 6,
    })
  })
})

describe('answering', () => {
  it('the mentor opening it marks it viewed; only the two sides (and admins, audited) see it', async () => {
    const m = await mentorWith(2)
    const request = await askOk(student, m.person.id)
    expect((await t.request('GET', `/api/mentorship-requests/${request.id}`, { cookie: student.cookie })).json.status).toBe('requested')
    const seen = await t.request('GET', `/api/mentorship-requests/${request.id}`, { cookie: m.cookie })
    expect(seen.json).toMatchObject({ status: 'viewed' })
    expect(seen.json.viewedAt).toBe(START.toISOString())
    for (const other of [outsider, mentor, advisor])
      expect((await t.request('GET', `/api/mentorship-requests/${request.id}`, { cookie: other.cookie })).status).toBe(404)
    expect((await t.request('GET', `/api/mentorship-requests/${request.id}`, { cookie: admin.cookie })).status).toBe(200)
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'mentorship-request.read'), eq(auditLog.objectId, request.id))),
    ).toHaveLength(1)
  })

  it('declining takes a reason from the list and a note; the student is told, with other mentors', async () => {
    const s = await newStudent()
    const m = await mentorWith(2)
    const request = await askOk(s, m.person.id)
    expect((await t.request('POST', `/api/mentorship-requests/${request.id}/decline`, { cookie: m.cookie, body: { reason: 'busy' } })).status).toBe(400)
    expect((await t.request('POST', `/api/mentorship-requests/${request.id}/decline`, { cookie: s.cookie, body: { reason: 'schedule' } })).status).toBe(403)
    const declined = await t.request('POST', `/api/mentorship-requests/${request.id}/decline`, {
      cookie: m.cookie,
      body: { reason: 'schedule', note: 'Try Dr. Park in the spring.' },
    })
    expect(declined.json).toMatchObject({ status: 'declined', declineReason: 'schedule', declineNote: 'Try Dr. Park in the spring.' })
    const mail = (await emailsTo(s.person.email)).find((e) => e.kind === 'mentorship.declined')
    expect(mail?.textBody).toContain('My schedule does not allow it')
    expect(mail?.textBody).toContain('/mentors')
    expect((await t.request('POST', `/api/mentorship-requests/${request.id}/accept`, { cookie: m.cookie })).status).toBe(409)
  })

  it('only the side that asked withdraws; only the side asked accepts', async () => {
    const s = await newStudent()
    const m = await mentorWith(2)
    const request = (await ask(s, m.person.id, { goals: '- Decide on a specialty\n- Find a research project' })).json as { id: string }
    expect((await t.request('POST', `/api/mentorship-requests/${request.id}/withdraw`, { cookie: m.cookie })).status).toBe(403)
    expect((await t.request('POST', `/api/mentorship-requests/${request.id}/accept`, { cookie: s.cookie })).status).toBe(403)
    const accepted = await t.request('POST', `/api/mentorship-requests/${request.id}/accept`, { cookie: m.cookie })
    expect(accepted.status, accepted.text).toBe(200)
    expect(accepted.json.status).toBe('accepted')
    expect(accepted.json.mentorshipId).toBeTruthy()
    // The goals the student wrote are the mentorship's first goals, for both sides.
    const mentorship = await t.request('GET', `/api/mentorships/${accepted.json.mentorshipId}`, { cookie: m.cookie })
    expect(mentorship.json.goals.map((g: { title: string; progress: number }) => [g.title, g.progress])).toEqual([
      ['Decide on a specialty', 0],
      ['Find a research project', 0],
    ])
    expect((await emailsTo(s.person.email)).map((e) => e.kind)).toContain('mentorship.accepted')
    expect((await t.request('POST', `/api/mentorship-requests/${request.id}/withdraw`, { cookie: s.cookie })).status).toBe(409)
    // An active mentorship between them blocks another request.
    expect((await ask(s, m.person.id)).status).toBe(409)
    expect(await t.services.mentorships.openPlaces(m.person.id)).toBe(1)
  })

  it('a mentor offers; the student accepts', async () => {
    const s = await newStudent()
    const m = await mentorWith(1)
    const offer = await t.request('POST', '/api/mentorship-offers', {
      cookie: m.cookie,
      body: { studentId: s.person.id, kind: 'coffee-chat', message: 'Coffee to talk about EM?' },
    })
    expect(offer.status, offer.text).toBe(201)
    expect(offer.json).toMatchObject({ initiatedBy: 'mentor', kind: 'coffee-chat' })
    expect((await emailsTo(s.person.email)).map((e) => e.kind)).toContain('mentorship.offer-received')
    expect(
      (await t.request('POST', `/api/mentorship-offers`, { cookie: m.cookie, body: { studentId: m.person.id, kind: 'ongoing', message: 'me' } })).status,
    ).toBe(400)
    const accepted = await t.request('POST', `/api/mentorship-requests/${offer.json.id}/accept`, { cookie: s.cookie })
    expect(accepted.json.status).toBe('accepted')
    const mine = await t.request('GET', '/api/mentorships/mine', { cookie: s.cookie })
    expect(mine.json.asStudent).toHaveLength(1)
    expect(mine.json.asStudent[0]).toMatchObject({ kind: 'coffee-chat', status: 'active' })
  })

  it('capacity: the accept that would exceed it is refused', async () => {
    const m = await mentorWith(1)
    const a = await askOk(await newStudent(), m.person.id)
    const b = await askOk(await newStudent(), m.person.id)
    expect((await t.request('POST', `/api/mentorship-requests/${a.id}/accept`, { cookie: m.cookie })).status).toBe(200)
    const refused = await t.request('POST', `/api/mentorship-requests/${b.id}/accept`, { cookie: m.cookie })
    expect(refused.status).toBe(409)
    expect(refused.json.error.message).toContain('capacity 1')
    expect((await t.request('GET', `/api/mentorship-requests/${b.id}`, { cookie: m.cookie })).json.status).toBe('viewed')
  })
})

describe('capacity under concurrency', () => {
  it(`[capacity-race] parallel accepts never give a mentor more mentees than capacity (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
    for (let round = 0; round < 3; round++) {
      const m = await mentorWith(2)
      const requests = []
      for (let i = 0; i < 6; i++) requests.push(await askOk(await newStudent(), m.person.id))
      const answers = await Promise.all(requests.map((r) => t.request('POST', `/api/mentorship-requests/${r.id}/accept`, { cookie: m.cookie })))
      const statuses = answers.map((a) => a.status).sort()
      expect(statuses, answers.map((a) => a.text).join('\n')).toEqual([200, 200, 409, 409, 409, 409])
      const active = await t.db
        .select()
        .from(mentorships)
        .where(and(eq(mentorships.mentorId, m.person.id), eq(mentorships.status, 'active')))
      expect(active).toHaveLength(2)
      expect(await t.services.mentorships.openPlaces(m.person.id)).toBe(0)
      expect((await t.services.mentorships.openPlacesOf([m.person.id, mentor.person.id])).get(m.person.id)).toBe(0)
    }
  })
})

describe('accepts racing the expiry sweep', () => {
  it('[capacity-race] each request ends accepted or expired, never both, never a 500, never over capacity', async () => {
    const m = await mentorWith(2)
    const requests = []
    for (let i = 0; i < 4; i++) requests.push(await askOk(await newStudent(), m.person.id))
    const expiry = new Date(START.getTime() + 14 * MS_PER_DAY)
    t.clock.set(new Date(expiry.getTime() - 1_000))
    const cookie = await t.sessionCookie(m.person.id)
    const [answers] = await Promise.all([
      Promise.all(requests.map((r) => t.request('POST', `/api/mentorship-requests/${r.id}/accept`, { cookie }))),
      t.services.mentorships.sweepRequests(expiry),
      t.services.mentorships.sweepRequests(expiry),
    ])
    for (const a of answers) expect([200, 409], a.text).toContain(a.status)
    const finals = await Promise.all(requests.map(async (r) => (await t.request('GET', `/api/mentorship-requests/${r.id}`, { cookie })).json.status as string))
    for (const status of finals) expect(['accepted', 'expired']).toContain(status)
    expect(finals.filter((s) => s === 'accepted').length).toBe(answers.filter((a) => a.status === 200).length)
    expect(finals.filter((s) => s === 'accepted').length).toBeLessThanOrEqual(2)
    const active = await t.db
      .select()
      .from(mentorships)
      .where(and(eq(mentorships.mentorId, m.person.id), eq(mentorships.status, 'active')))
    expect(active.length).toBe(finals.filter((s) => s === 'accepted').length)
    // Once the clock passes the expiry, an accept is refused even before a sweep ran.
    const lateMentor = await mentorWith(2)
    const late = await askOk(await newStudent(), lateMentor.person.id)
    t.clock.set(new Date(t.clock.now().getTime() + 15 * MS_PER_DAY))
    const refused = await t.request('POST', `/api/mentorship-requests/${late.id}/accept`, { cookie: await t.sessionCookie(lateMentor.person.id) })
    expect(refused.status).toBe(409)
    expect(refused.json.error.message).toContain('expired')
  })
})

describe('invalidation', () => {
  it('a mentor who is disabled: their open requests are invalidated by the sweep and the student told', async () => {
    const s = await newStudent()
    const m = await mentorWith(2)
    const request = await askOk(s, m.person.id)
    await t.db.update(people).set({ status: 'disabled' }).where(eq(people.id, m.person.id))
    const result = await t.services.mentorships.sweepRequests()
    expect(result.invalidated).toBeGreaterThanOrEqual(1)
    expect((await t.request('GET', `/api/mentorship-requests/${request.id}`, { cookie: s.cookie })).json.status).toBe('invalidated')
    expect((await emailsTo(s.person.email)).map((e) => e.kind)).toContain('mentorship.request-invalidated')
  })
})
