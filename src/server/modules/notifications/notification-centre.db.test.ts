import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inAppNotifications, outbox } from '#server/db/schema/index.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * The notification centre through its routes: an e-mail to a person becomes their in-app
 * notification in the same transaction; only they read and mark it; a group turned off stops the
 * e-mail and keeps the notification; the sweep deletes what is past 180 days.
 */

let t: TestApp
type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let student: Account
let otherStudent: Account
let mentor: Account

const ask = (who: Account) =>
  t.request('POST', '/api/mentorship-requests', {
    cookie: who.cookie,
    body: { mentorId: mentor.person.id, kind: 'ongoing', message: 'Could we talk about surgery?', helpWanted: ['research'] },
  })
const unread = async (who: Account) => (await t.request('GET', '/api/notifications/unread-count', { cookie: who.cookie })).json.unread as number
const outboxTo = (email: string, kind: string) =>
  t.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), eq(outbox.kind, kind)))

beforeAll(async () => {
  t = await createTestApp()
  student = await t.signedInAs(['student'])
  otherStudent = await t.signedInAs(['student'])
  const mentorPerson = await t.insertAccount(['mentor'], { mentor: { capacity: 5, accepting: true } })
  mentor = { person: mentorPerson, cookie: await t.sessionCookie(mentorPerson.id) }
}, 60_000)
afterAll(async () => {
  await t?.close()
})

describe('the notification centre', () => {
  it('a mentorship request reaches the mentor in the app, linked to the request, as the e-mail says it', async () => {
    expect(await unread(mentor)).toBe(0)
    const asked = await ask(student)
    expect(asked.status).toBe(201)
    expect(await unread(mentor)).toBe(1)
    expect(await unread(student)).toBe(0)

    const list = await t.request('GET', '/api/notifications', { cookie: mentor.cookie })
    expect(list.status).toBe(200)
    const [item] = list.json.items
    expect(item).toMatchObject({ kind: 'mentorship.request-received', readAt: null, link: `/mentorships?request=${asked.json.id}` })
    expect(item.title).toBe(`${student.person.name} asks you to be their mentor`)
    expect(item.summary).toContain(`${student.person.name} asks you for an`)
    expect(list.json.unread).toBe(1)
  })

  it('only its person reads or marks a notification: anyone else gets 404', async () => {
    const [item] = (await t.request('GET', '/api/notifications', { cookie: mentor.cookie })).json.items
    const foreign = await t.request('POST', `/api/notifications/${item.id}/read`, { cookie: student.cookie, body: {} })
    expect(foreign.status).toBe(404)
    expect(foreign.json.error.code).toBe('NOT_FOUND')
    expect((await t.request('GET', `/api/notifications?before=${item.id}`, { cookie: student.cookie })).status).toBe(404)
    expect(await unread(mentor)).toBe(1)

    const read = await t.request('POST', `/api/notifications/${item.id}/read`, { cookie: mentor.cookie, body: {} })
    expect(read.status).toBe(200)
    expect(read.json.readAt).toBe(t.clock.now().toISOString())
    expect(await unread(mentor)).toBe(0)
  })

  it('a group turned off stops its e-mail; the notification still appears; "mark all" clears the count', async () => {
    const before = await t.request('GET', '/api/notifications/email-preferences', { cookie: mentor.cookie })
    expect(before.json.groups.every((g: { email: boolean }) => g.email)).toBe(true)
    expect(before.json.alwaysSent.length).toBeGreaterThan(0)

    const off = await t.request('PUT', '/api/notifications/email-preferences', { cookie: mentor.cookie, body: { groups: { mentorships: false } } })
    expect(off.status).toBe(200)
    expect(off.json.groups.find((g: { group: string }) => g.group === 'mentorships').email).toBe(false)

    const mailsBefore = (await outboxTo(mentor.person.email, 'mentorship.request-received')).length
    expect((await ask(otherStudent)).status).toBe(201)
    expect((await outboxTo(mentor.person.email, 'mentorship.request-received')).length).toBe(mailsBefore)
    expect(await unread(mentor)).toBe(1)

    const all = await t.request('POST', '/api/notifications/read-all', { cookie: mentor.cookie, body: {} })
    expect(all.json.marked).toBe(1)
    expect(await unread(mentor)).toBe(0)

    const on = await t.request('PUT', '/api/notifications/email-preferences', { cookie: mentor.cookie, body: { groups: { mentorships: true } } })
    expect(on.json.groups.every((g: { email: boolean }) => g.email)).toBe(true)
  })

  it('a writer’s answer to a letter request opens the request’s page, though its e-mail links nowhere', async () => {
    const due = new Date(t.clock.now().getTime() + 60 * MS_PER_DAY).toISOString().slice(0, 10)
    const asked = await t.request('POST', '/api/letter-requests', {
      cookie: student.cookie,
      body: { writerPersonId: mentor.person.id, purpose: 'general', letterType: 'standard', dueDate: due, waivedRightOfAccess: true },
    })
    expect(asked.status).toBe(201)
    const requestId = (asked.json.request?.id ?? asked.json.id) as string
    expect((await t.request('POST', `/api/letter-requests/${requestId}/accept`, { cookie: mentor.cookie, body: {} })).status).toBe(200)
    const [newest] = (await t.request('GET', '/api/notifications', { cookie: student.cookie })).json.items
    expect(newest).toMatchObject({ kind: 'letter.accepted', link: `/letters/${requestId}` })
  })

  it('refuses a group that does not exist, naming the field', async () => {
    const bad = await t.request('PUT', '/api/notifications/email-preferences', { cookie: mentor.cookie, body: { groups: { 'sign-in': false } } })
    expect(bad.status).toBe(400)
    expect(bad.json.error.code).toBe('VALIDATION_FAILED')
  })

  it('the sweep deletes notifications past 180 days and keeps the rest', async () => {
    const now = t.clock.now().getTime()
    const [old] = await t.db
      .insert(inAppNotifications)
      .values({ personId: student.person.id, kind: 'test.old', title: 'Old', summary: '', createdAt: new Date(now - 181 * MS_PER_DAY) })
      .returning({ id: inAppNotifications.id })
    const [recent] = await t.db
      .insert(inAppNotifications)
      .values({ personId: student.person.id, kind: 'test.recent', title: 'Recent', summary: '', createdAt: new Date(now - 179 * MS_PER_DAY) })
      .returning({ id: inAppNotifications.id })
    expect(await t.services.notificationCentre.sweepOldNotifications()).toBe(1)
    const left = await t.db.select({ id: inAppNotifications.id }).from(inAppNotifications).where(eq(inAppNotifications.personId, student.person.id))
    expect(left.map((r) => r.id)).toContain(recent?.id)
    expect(left.map((r) => r.id)).not.toContain(old?.id)
  })

  it('pages newest first without repeating a row', async () => {
    for (let i = 0; i < 32; i++) {
      t.clock.advance(1_000)
      await t.services.notifications.enqueue({ to: otherStudent.person.email, subject: `Update ${i}`, text: `Hello,\n\nUpdate ${i}.\n`, kind: 'test.update' })
    }
    const first = await t.request('GET', '/api/notifications', { cookie: otherStudent.cookie })
    expect(first.json.items).toHaveLength(30)
    expect(first.json.items[0].title).toBe('Update 31')
    const second = await t.request('GET', `/api/notifications?before=${first.json.nextBefore}`, { cookie: otherStudent.cookie })
    const titles = [...first.json.items, ...second.json.items].map((n: { title: string }) => n.title)
    expect(new Set(titles).size).toBe(titles.length)
    expect(titles).toContain('Update 0')
    expect(second.json.nextBefore).toBeNull()
  })
})
