import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { meetings, mentorPauses, mentorProfiles, mentorships, outbox } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import type { InsertedPerson } from '#tests/factories/index.ts'
import { MS_PER_DAY } from '#shared/time.ts'

/** The sweeps with a fake clock: reminders, expiries, pausing a mentor, "stay in touch" nudges. */

type Account = { person: InsertedPerson; cookie: string }
const START = new Date('2026-10-05T14:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ now: START })
})
afterAll(async () => {
  await t?.close()
})

async function account(roles: ('student' | 'mentor')[], capacity = 3): Promise<Account> {
  const person = await t.insertAccount(roles, roles.includes('mentor') ? { mentor: { capacity, accepting: true } } : {})
  return { person, cookie: await t.sessionCookie(person.id) }
}
async function ask(student: Account, mentor: Account): Promise<string> {
  const response = await t.request('POST', '/api/mentorship-requests', {
    cookie: student.cookie,
    body: { mentorId: mentor.person.id, kind: 'ongoing', message: 'Hello', helpWanted: ['research'] },
  })
  expect(response.status, response.text).toBe(201)
  return response.json.id as string
}
const kindsTo = async (address: string) => (await t.db.select().from(outbox).where(eq(outbox.toAddress, address))).map((e) => e.kind)
const at = (days: number) => new Date(START.getTime() + days * MS_PER_DAY)

describe('request reminders and expiry', () => {
  it('reminds the mentor once from day 7, even when sweeps run at the same time; expires on day 14 and tells the student', async () => {
    t.clock.set(START)
    const student = await account(['student'])
    const mentor = await account(['mentor'])
    const id = await ask(student, mentor)

    await t.services.mentorships.sweepRequests(at(6.9))
    expect(await kindsTo(mentor.person.email)).toEqual(['mentorship.request-received'])

    const concurrent = await Promise.all([1, 2, 3].map(() => t.services.mentorships.sweepRequests(at(7))))
    expect(concurrent.reduce((n, r) => n + r.reminded, 0)).toBe(1)
    await t.services.mentorships.sweepRequests(at(10))
    expect((await kindsTo(mentor.person.email)).filter((k) => k === 'mentorship.request-reminder')).toHaveLength(1)

    const expiring = await Promise.all([1, 2].map(() => t.services.mentorships.sweepRequests(at(14))))
    expect(expiring.reduce((n, r) => n + r.expired, 0)).toBe(1)
    expect((await kindsTo(student.person.email)).filter((k) => k === 'mentorship.request-expired')).toHaveLength(1)
    const expiredMail = (
      await t.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.toAddress, student.person.email), eq(outbox.kind, 'mentorship.request-expired')))
    )[0]
    expect(expiredMail?.textBody).toContain('/mentors')
    t.clock.set(at(14))
    const cookie = await t.sessionCookie(student.person.id)
    expect((await t.request('GET', `/api/mentorship-requests/${id}`, { cookie })).json.status).toBe('expired')
    await t.services.mentorships.sweepRequests(at(20))
    expect((await kindsTo(student.person.email)).filter((k) => k === 'mentorship.request-expired')).toHaveLength(1)
  })

  it('a mentor who lets 3 requests expire within 90 days is paused with a notice, and can undo it', async () => {
    t.clock.set(START)
    const mentor = await account(['mentor'], 10)
    for (let i = 0; i < 2; i++) await ask(await account(['student']), mentor)
    await t.services.mentorships.sweepRequests(at(15))
    const accepting = async () =>
      (await t.db.select({ a: mentorProfiles.accepting }).from(mentorProfiles).where(eq(mentorProfiles.personId, mentor.person.id)))[0]?.a
    expect(await accepting()).toBe(true)

    t.clock.set(at(20))
    await ask(await account(['student']), mentor)
    await Promise.all([t.services.mentorships.sweepRequests(at(35)), t.services.mentorships.sweepRequests(at(35))])
    expect(await accepting()).toBe(false)
    expect(await t.db.select().from(mentorPauses).where(eq(mentorPauses.mentorId, mentor.person.id))).toHaveLength(1)
    expect((await kindsTo(mentor.person.email)).filter((k) => k === 'mentorship.mentor-paused')).toHaveLength(1)

    // Undo through the mentor profile; the same expiries do not pause them again.
    t.clock.set(at(36))
    const cookie = await t.sessionCookie(mentor.person.id)
    expect((await t.request('PATCH', '/api/profiles/me/mentor', { cookie, body: { accepting: true } })).status).toBe(200)
    await t.services.mentorships.sweepRequests(at(37))
    expect(await accepting()).toBe(true)
  })
})

describe('stay in touch', () => {
  it('nudges both sides once after 6 weeks without a meeting; advisors see the quiet list; a meeting resets it', async () => {
    t.clock.set(START)
    const student = await account(['student'])
    const mentor = await account(['mentor'])
    const id = await ask(student, mentor)
    const accepted = await t.request('POST', `/api/mentorship-requests/${id}/accept`, { cookie: mentor.cookie })
    const mentorshipId = accepted.json.mentorshipId as string

    expect(await t.services.mentorships.sweepQuietMentorships(at(41))).toBe(0)
    const both = await Promise.all([t.services.mentorships.sweepQuietMentorships(at(42)), t.services.mentorships.sweepQuietMentorships(at(42))])
    expect(both[0] + both[1]).toBe(1)
    expect(await t.services.mentorships.sweepQuietMentorships(at(50))).toBe(0)
    expect(await kindsTo(student.person.email)).toContain('mentorship.stay-in-touch')
    expect(await kindsTo(mentor.person.email)).toContain('mentorship.stay-in-touch')

    t.clock.set(at(43))
    const advisor = await t.signedInAs(['advisor'])
    const quiet = await t.request('GET', '/api/mentorships/quiet', { cookie: advisor.cookie })
    expect(quiet.status).toBe(200)
    const item = (quiet.json.items as { id: string; weeksQuiet: number; quietSince: string }[]).find((i) => i.id === mentorshipId)
    expect(item).toMatchObject({ weeksQuiet: 6, quietSince: START.toISOString() })
    expect(JSON.stringify(quiet.json)).not.toContain('@')

    // A meeting on day 44 starts a new quiet spell: the next nudge is 6 weeks after it.
    const [row] = await t.db.select().from(mentorships).where(eq(mentorships.id, mentorshipId))
    await t.db.insert(meetings).values({
      mentorshipId,
      mentorId: row!.mentorId,
      uid: 'sweep-test@preceptor',
      status: 'confirmed',
      proposedBy: student.person.id,
      startAt: at(44),
      endAt: at(44.02),
      locationKind: 'phone',
      createdAt: at(43),
      updatedAt: at(43),
    })
    expect(await t.services.mentorships.sweepQuietMentorships(at(85))).toBe(0)
    expect(await t.services.mentorships.sweepQuietMentorships(at(86))).toBe(1)
  })
})
