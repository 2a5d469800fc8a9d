import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { interestGroupMembers, outbox, people } from '#server/db/schema/index.ts'
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'
import type { ClassYear } from '#shared/enums.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let advisor: Account
let mentor: Account
let leaderA: Account
let leaderB: Account
let groupA = ''
let groupB = ''

async function student(classYear: ClassYear = 'M2', specialtyInterests: string[] = []): Promise<Account> {
  const person = await t.insertAccount(['student'], { student: { classYear, specialtyInterests } })
  return { person, cookie: await t.sessionCookie(person.id) }
}

function eventBody(overrides: Record<string, unknown> = {}) {
  const start = new Date(t.clock.now().getTime() + 7 * MS_PER_DAY)
  return {
    title: 'Suturing workshop',
    kind: 'interest-group-meeting',
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + MS_PER_HOUR).toISOString(),
    room: 'Skills lab',
    host: 'Emergency Medicine Interest Group',
    capacity: 20,
    rsvpClosesAt: start.toISOString(),
    ...overrides,
  }
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  advisor = await t.signedInAs(['advisor'])
  mentor = await t.signedInAs(['mentor'])
  leaderA = await student('M2')
  leaderB = await student('M3')
  const a = await t.request('POST', '/api/interest-groups', {
    cookie: advisor.cookie,
    body: {
      name: 'Emergency Medicine Interest Group',
      specialtyId: 'emergency-medicine',
      leaderEmails: [leaderA.person.email],
      facultyAdvisorEmail: mentor.person.email,
    },
  })
  expect(a.status, a.text).toBe(201)
  groupA = a.json.id
  const b = await t.request('POST', '/api/interest-groups', {
    cookie: advisor.cookie,
    body: { name: 'Pediatrics Interest Group', specialtyId: 'pediatrics', leaderEmails: [leaderB.person.email] },
  })
  expect(b.status, b.text).toBe(201)
  groupB = b.json.id
}, 60_000)
afterAll(async () => {
  await t?.close()
})

describe('interest groups', () => {
  it('the office creates a group with its leader and faculty advisor; a student cannot create one', async () => {
    const view = await t.request('GET', `/api/interest-groups/${groupA}`, { cookie: leaderA.cookie })
    expect(view.json.leaders).toEqual([{ id: leaderA.person.id, name: leaderA.person.name }])
    expect(view.json.facultyAdvisor?.id).toBe(mentor.person.id)
    expect(view.json.myRole).toBe('leader')
    expect(view.json.canManage).toBe(true)
    const refused = await t.request('POST', '/api/interest-groups', { cookie: leaderA.cookie, body: { name: 'Mine', leaderEmails: [leaderA.person.email] } })
    expect(refused.status).toBe(403)
  })

  it('refuses a leader who is not a student, with the field', async () => {
    const r = await t.request('POST', '/api/interest-groups', {
      cookie: advisor.cookie,
      body: { name: 'Wilderness Medicine', leaderEmails: [mentor.person.email] },
    })
    expect(r.status).toBe(400)
    expect(r.json.error.fields.leaderEmails).toMatch(/No current student/)
    const none = await t.request('POST', '/api/interest-groups', { cookie: advisor.cookie, body: { name: 'Wilderness Medicine', leaderEmails: [] } })
    expect(none.status).toBe(400)
    expect(none.json.error.fields.leaderEmails).toBeTruthy()
  })

  it('a student joins and leaves; the count follows', async () => {
    const s = await student()
    const joined = await t.request('POST', `/api/interest-groups/${groupA}/join`, { cookie: s.cookie })
    expect(joined.status, joined.text).toBe(200)
    expect(joined.json.myRole).toBe('member')
    const again = await t.request('POST', `/api/interest-groups/${groupA}/join`, { cookie: s.cookie })
    expect(again.json.memberCount).toBe(joined.json.memberCount)
    const left = await t.request('POST', `/api/interest-groups/${groupA}/leave`, { cookie: s.cookie })
    expect(left.json.myRole).toBeNull()
    expect(left.json.memberCount).toBe(joined.json.memberCount - 1)
  })

  it('a member on a directory hold is listed to the office and themself, not to other students or the leader', async () => {
    const held = await student()
    await t.db.update(people).set({ directoryHold: true }).where(eq(people.id, held.person.id))
    await t.request('POST', `/api/interest-groups/${groupA}/join`, { cookie: held.cookie })
    const other = await student()
    for (const viewer of [other, leaderA, mentor]) {
      const r = await t.request('GET', `/api/interest-groups/${groupA}`, { cookie: viewer.cookie })
      expect(r.text).not.toContain(held.person.name)
      expect(r.text).not.toContain(held.person.id)
      expect(r.json.privateMemberCount).toBeGreaterThanOrEqual(1)
    }
    for (const viewer of [advisor, held]) {
      const r = await t.request('GET', `/api/interest-groups/${groupA}`, { cookie: viewer.cookie })
      expect(r.json.members.map((m: { id: string }) => m.id)).toContain(held.person.id)
    }
  })

  it('a leader’s announcement is kept and e-mailed to each member, with a link to the group’s page', async () => {
    const s = await student()
    await t.request('POST', `/api/interest-groups/${groupA}/join`, { cookie: s.cookie })
    const r = await t.request('POST', `/api/interest-groups/${groupA}/announcements`, {
      cookie: leaderA.cookie,
      body: { subject: 'Suturing night', body: 'Bring your own gloves.' },
    })
    expect(r.status, r.text).toBe(201)
    expect(r.json.announcements[0].subject).toBe('Suturing night')
    const mail = await t.db.select().from(outbox).where(eq(outbox.toAddress, s.person.email))
    const mine = mail.find((m) => m.subject === 'Emergency Medicine Interest Group: Suturing night')
    expect(mine?.textBody).toContain(`/interest-groups/${groupA}`)
    const bad = await t.request('POST', `/api/interest-groups/${groupA}/announcements`, { cookie: leaderA.cookie, body: { subject: '', body: '' } })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.json.error.fields)).toEqual(expect.arrayContaining(['subject', 'body']))
  })

  it('a leader of group A cannot write to, or hold events for, group B; a member who is not a leader cannot either', async () => {
    const member = await student()
    await t.request('POST', `/api/interest-groups/${groupB}/join`, { cookie: member.cookie })
    for (const caller of [leaderA, member]) {
      const a = await t.request('POST', `/api/interest-groups/${groupB}/announcements`, {
        cookie: caller.cookie,
        body: { subject: 'Hi', body: 'From outside.' },
      })
      expect(a.status).toBe(403)
      const e = await t.request('POST', `/api/interest-groups/${groupB}/events`, { cookie: caller.cookie, body: eventBody() })
      expect(e.status).toBe(403)
    }
  })

  it('a leader creates, changes and cancels their group’s event, for the group’s members; not for another group', async () => {
    const created = await t.request('POST', `/api/interest-groups/${groupA}/events`, {
      cookie: leaderA.cookie,
      body: eventBody({ interestGroupIds: [groupA] }),
    })
    expect(created.status, created.text).toBe(201)
    const eventId = created.json.id
    expect(created.json.attendees).toEqual([])
    // A member of the group sees it and RSVPs; a student outside it does not see it.
    const member = await student('M1')
    await t.request('POST', `/api/interest-groups/${groupA}/join`, { cookie: member.cookie })
    expect((await t.request('POST', `/api/events/${eventId}/rsvp`, { cookie: member.cookie })).json.myRsvp.status).toBe('confirmed')
    const outsider = await student('M1')
    expect((await t.request('GET', `/api/events/${eventId}`, { cookie: outsider.cookie })).status).toBe(404)
    // Interested in the specialty is not enough when the audience is the group.
    const group = await t.request('GET', `/api/interest-groups/${groupA}`, { cookie: member.cookie })
    expect(group.json.upcomingEvents.map((e: { id: string }) => e.id)).toContain(eventId)

    const changed = await t.request('PUT', `/api/interest-groups/${groupA}/events/${eventId}`, {
      cookie: leaderA.cookie,
      body: eventBody({ title: 'Suturing workshop (moved)', interestGroupIds: [groupA] }),
    })
    expect(changed.status, changed.text).toBe(200)
    expect(changed.json.attendees.map((a: { studentId: string }) => a.studentId)).toEqual([member.person.id])
    // Leader B may not touch it, even through their own group's path.
    expect((await t.request('PUT', `/api/interest-groups/${groupA}/events/${eventId}`, { cookie: leaderB.cookie, body: eventBody() })).status).toBe(403)
    expect((await t.request('POST', `/api/interest-groups/${groupB}/events/${eventId}/cancel`, { cookie: leaderB.cookie })).status).toBe(404)
    // The office's own events stay the office's.
    expect((await t.request('PUT', `/api/events/${eventId}`, { cookie: leaderA.cookie, body: eventBody() })).status).toBe(403)
    const cancelled = await t.request('POST', `/api/interest-groups/${groupA}/events/${eventId}/cancel`, { cookie: leaderA.cookie })
    expect(cancelled.json.status).toBe('cancelled')
  })

  it('an event for a specialty’s interested students reaches them, and not others', async () => {
    const staffEvent = await t.request('POST', '/api/events', {
      cookie: advisor.cookie,
      body: eventBody({ host: 'Department of Emergency Medicine', specialtyIds: ['emergency-medicine'] }),
    })
    expect(staffEvent.status, staffEvent.text).toBe(201)
    const interested = await student('M1', ['emergency-medicine'])
    const notInterested = await student('M1', ['pediatrics'])
    expect((await t.request('GET', `/api/events/${staffEvent.json.id}`, { cookie: interested.cookie })).status).toBe(200)
    expect((await t.request('GET', `/api/events/${staffEvent.json.id}`, { cookie: notInterested.cookie })).status).toBe(404)
    const badGroup = await t.request('POST', '/api/events', {
      cookie: advisor.cookie,
      body: eventBody({ interestGroupIds: ['00000000-0000-4000-8000-000000000123'] }),
    })
    expect(badGroup.status).toBe(400)
    expect(badGroup.json.error.fields.interestGroupIds).toBeTruthy()
  })

  it('a leader may take a member off the list, not another leader; the office names leaders', async () => {
    const s = await student()
    await t.request('POST', `/api/interest-groups/${groupA}/join`, { cookie: s.cookie })
    const removed = await t.request('DELETE', `/api/interest-groups/${groupA}/members/${s.person.id}`, { cookie: leaderA.cookie })
    expect(removed.status, removed.text).toBe(200)
    const rows = await t.db.select().from(interestGroupMembers).where(eq(interestGroupMembers.personId, s.person.id))
    expect(rows).toEqual([])
    const coLeader = await student()
    const edited = await t.request('PUT', `/api/interest-groups/${groupA}`, {
      cookie: advisor.cookie,
      body: { name: 'Emergency Medicine Interest Group', specialtyId: 'emergency-medicine', leaderEmails: [leaderA.person.email, coLeader.person.email] },
    })
    expect(edited.status, edited.text).toBe(200)
    expect((await t.request('DELETE', `/api/interest-groups/${groupA}/members/${coLeader.person.id}`, { cookie: leaderA.cookie })).status).toBe(403)
  })

  it('the specialty page brings the groups, the advisor and chair the office set, events and mentors together', async () => {
    const chair = await t.signedInAs(['mentor'])
    const set = await t.request('PUT', '/api/departments/emergency-medicine/advising', {
      cookie: advisor.cookie,
      body: { specialtyAdvisorEmail: advisor.person.email, chairEmail: chair.person.email, chairAvailability: 'Thursdays 4–5 pm' },
    })
    expect(set.status, set.text).toBe(200)
    const s = await student('M1', ['emergency-medicine'])
    const page = await t.request('GET', '/api/specialties/emergency-medicine', { cookie: s.cookie })
    expect(page.status, page.text).toBe(200)
    expect(page.json.training.text).toMatch(/^3 or 4 years/)
    expect(page.json.training.source).toMatch(/ACGME/)
    expect(page.json.interestGroups.map((g: { id: string }) => g.id)).toContain(groupA)
    expect(page.json.specialtyAdvisor.id).toBe(advisor.person.id)
    expect(page.json.chair).toEqual({ id: chair.person.id, name: chair.person.name, availability: 'Thursdays 4–5 pm' })
    expect(page.json.programsHref).toBe('/residency/programs?specialty=emergency-medicine')
    expect(page.json.advisingSettings).toBeNull()
    expect(page.json.upcomingEvents.length).toBeGreaterThan(0)
    const refused = await t.request('PUT', '/api/departments/emergency-medicine/advising', { cookie: s.cookie, body: {} })
    expect(refused.status).toBe(403)
    const bad = await t.request('PUT', '/api/departments/emergency-medicine/advising', {
      cookie: advisor.cookie,
      body: { specialtyAdvisorEmail: s.person.email, chairEmail: null, chairAvailability: '' },
    })
    expect(bad.status).toBe(400)
    expect(bad.json.error.fields.specialtyAdvisorEmail).toBeTruthy()
    expect((await t.request('GET', '/api/specialties/no-such-specialty', { cookie: s.cookie })).status).toBe(400)
  })
})
