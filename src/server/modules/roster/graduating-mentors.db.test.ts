import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mentorProfiles, mentorshipRequests, mentorships } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/** A graduating near-peer mentor (decision 030): paused at the rollover, alumni only by their own yes, mentorships kept. */
let t: TestApp
let admin = ''
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-06-01T12:00:00Z') })
  admin = (await t.signedInAs(['admin'])).cookie
}, 60_000)
afterAll(async () => {
  await t?.close()
})

describe('a graduating near-peer mentor', () => {
  it('takes no new students after the rollover, keeps the mentorship (its student told), and becomes alumni by saying yes', async () => {
    const mentor = await t.insertAccount(['student', 'mentor'], {
      name: 'Nora Nearpeer',
      student: { classYear: 'M4', graduationYear: 2026 },
      mentor: { kind: 'near-peer' },
    })
    const mentee = await t.insertAccount(['student'], { name: 'Milo Mentee', email: 'milo@school.example.edu', student: { classYear: 'M1' } })
    const now = t.clock.now()
    const [request] = await t.db
      .insert(mentorshipRequests)
      .values({
        studentId: mentee.id,
        mentorId: mentor.id,
        initiatedBy: 'student',
        kind: 'ongoing',
        message: 'Hello',
        status: 'accepted',
        statusChangedAt: now,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 14 * 86_400_000),
      })
      .returning({ id: mentorshipRequests.id })
    const [mentorship] = await t.db
      .insert(mentorships)
      .values({ requestId: request?.id as string, studentId: mentee.id, mentorId: mentor.id, kind: 'ongoing', status: 'active', startedAt: now })
      .returning({ id: mentorships.id })

    const run = await t.request('POST', '/api/admin/roster/rollover', { cookie: admin, body: { academicYear: '2025-2026' } })
    expect(run.status, run.text).toBe(200)

    const [profile] = await t.db.select().from(mentorProfiles).where(eq(mentorProfiles.personId, mentor.id))
    expect(profile).toMatchObject({ kind: 'near-peer', accepting: false })
    const [kept] = await t.db
      .select()
      .from(mentorships)
      .where(eq(mentorships.id, mentorship?.id as string))
    expect(kept?.status).toBe('active')
    const outbox = await t.request('GET', '/api/admin/outbox?q=milo@school', { cookie: admin })
    expect(outbox.json.items.map((m: { subject: string }) => m.subject)).toEqual(['Nora Nearpeer has graduated; your mentorship goes on'])
    expect(outbox.json.items[0].text).toContain(`/mentorships/${mentorship?.id}`)
    const audit = await t.request('GET', `/api/admin/audit-log?subject=${mentor.id}&action=roster.rollover`, { cookie: admin })
    expect(audit.json.items.map((e: { action: string }) => e.action).sort()).toEqual(['roster.rollover.graduated', 'roster.rollover.near-peer-mentor-paused'])

    // On their home, the graduate is asked, like any graduate; nothing changes until they answer.
    const cookie = await t.sessionCookie(mentor.id)
    expect((await t.request('GET', '/api/roster/alumni-mentoring', { cookie })).json).toEqual({ graduate: true, mentor: false })
    const yes = await t.request('POST', '/api/roster/alumni-mentoring', { cookie, body: { mentor: true } })
    expect(yes.status, yes.text).toBe(200)
    expect(yes.json).toEqual({ graduate: true, mentor: true })
    const [after] = await t.db.select().from(mentorProfiles).where(eq(mentorProfiles.personId, mentor.id))
    expect(after).toMatchObject({ kind: 'alumni', graduationYear: 2026 })
    expect((await t.request('GET', '/api/roster/alumni-mentoring', { cookie })).json).toEqual({ graduate: true, mentor: true })
    expect(
      (
        await t.db
          .select()
          .from(mentorships)
          .where(eq(mentorships.id, mentorship?.id as string))
      )[0]?.status,
    ).toBe('active')
  })
})
