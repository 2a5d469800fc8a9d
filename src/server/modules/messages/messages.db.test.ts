import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outbox } from '#server/db/schema/index.ts'
import type { InsertedPerson } from '#tests/factories/index.ts'
import { makePdf, makePng } from '#tests/setup/pdf.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { MS_PER_MINUTE } from '#shared/time.ts'

/** Messages on a request and in its mentorship: who reads them, bad input, read marks, e-mails and their sweep. */

type Account = { person: InsertedPerson; cookie: string }
const START = new Date('2026-11-02T09:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ now: START })
})
afterAll(async () => {
  await t?.close()
})

async function account(roles: ('student' | 'mentor' | 'advisor' | 'admin')[]): Promise<Account> {
  const person = await t.insertAccount(roles, roles.includes('mentor') ? { mentor: { capacity: 3, accepting: true } } : {})
  return { person, cookie: await t.sessionCookie(person.id) }
}
async function pair(): Promise<{ student: Account; mentor: Account; requestId: string }> {
  const [student, mentor] = [await account(['student']), await account(['mentor'])]
  const asked = await t.request('POST', '/api/mentorship-requests', {
    cookie: student.cookie,
    body: { mentorId: mentor.person.id, kind: 'coffee-chat', message: 'Could we talk about surgery?', helpWanted: ['research'] },
  })
  expect(asked.status, asked.text).toBe(201)
  return { student, mentor, requestId: asked.json.id as string }
}
const post = (who: Account, path: string, body: unknown) => t.request('POST', `${path}/messages`, { cookie: who.cookie, body })
/** Signs both in again after the clock moved on (sessions time out when idle). */
async function later(at: Date, ...who: Account[]) {
  t.clock.set(at)
  for (const a of who) a.cookie = await t.sessionCookie(a.person.id)
}
const read = (who: Account, path: string) => t.request('GET', `${path}/messages`, { cookie: who.cookie })
const mailTo = async (who: Account, kind = 'mentorship.message') =>
  t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, who.person.email), eq(outbox.kind, kind)))
const minutes = (n: number) => new Date(START.getTime() + n * MS_PER_MINUTE)

describe('a conversation and who may read it', () => {
  it('the student and mentor write on the open request and carry on in the mentorship; nobody else sees it', async () => {
    t.clock.set(START)
    const { student, mentor, requestId } = await pair()
    const onRequest = `/api/mentorship-requests/${requestId}`
    expect((await post(student, onRequest, { body: 'Is a coffee chat in December fine?' })).status).toBe(201)
    const asMentor = await read(mentor, onRequest)
    expect(asMentor.status).toBe(200)
    expect(asMentor.json.unread).toBe(1)
    expect(asMentor.json.other.name).toBe(student.person.name)

    for (const roles of [['student'], ['mentor'], ['advisor'], ['admin']] as const) {
      const stranger = await account([...roles])
      expect((await read(stranger, onRequest)).status, roles.join()).toBe(404)
      expect((await post(stranger, onRequest, { body: 'Hello' })).status, roles.join()).toBe(404)
    }

    const accepted = await t.request('POST', `${onRequest}/accept`, { cookie: mentor.cookie, body: {} })
    expect(accepted.status, accepted.text).toBe(200)
    const inMentorship = `/api/mentorships/${accepted.json.mentorshipId as string}`
    t.clock.set(minutes(1))
    expect((await post(mentor, inMentorship, { body: 'Yes, December works.' })).status).toBe(201)
    const asStudent = await read(student, inMentorship)
    expect(asStudent.json.messages.map((m: { body: string }) => m.body)).toEqual(['Is a coffee chat in December fine?', 'Yes, December works.'])
    expect(asStudent.json.canPost).toBe(true)
    // The mentor wrote after reading, so the student's message is seen.
    expect(asStudent.json.otherReadUpTo).not.toBeNull()
    expect(Date.parse(asStudent.json.otherReadUpTo)).toBeGreaterThanOrEqual(Date.parse(asStudent.json.messages[0].createdAt))

    const closed = await t.request('POST', `${inMentorship}/close`, { cookie: student.cookie, body: { reason: 'one-off-done' } })
    expect(closed.status, closed.text).toBe(200)
    const late = await post(student, inMentorship, { body: 'Thanks again!' })
    expect(late.status).toBe(409)
    expect((await read(student, inMentorship)).json.canPost).toBe(false)
  })

  it('keeps text as typed and refuses empty, too long, NUL and huge bodies naming the field, never with a 5xx', async () => {
    const { student, requestId } = await pair()
    const path = `/api/mentorship-requests/${requestId}`
    const script = '<script>alert("hi")</script>\nSecond line'
    expect((await post(student, path, { body: script })).json.body).toBe(script)
    for (const body of ['', '   ', 'a'.repeat(5_001), 'nul\u0000byte', 'x'.repeat(1024 * 1024)]) {
      const answer = await post(student, path, { body })
      expect(answer.status, body.slice(0, 20)).toBeGreaterThanOrEqual(400)
      expect(answer.status, body.slice(0, 20)).toBeLessThan(500)
      expect(Object.keys(answer.json.error.fields ?? {}).join(), body.slice(0, 20)).toContain('body')
    }
    expect((await read(student, path)).json.messages).toHaveLength(1)
  })
})

describe('read marks and unread counts', () => {
  it('counts what the caller has not read, per conversation, and moves the mark forward only', async () => {
    t.clock.set(minutes(100))
    const { student, mentor, requestId } = await pair()
    const path = `/api/mentorship-requests/${requestId}`
    await post(student, path, { body: 'One' })
    t.clock.set(minutes(101))
    const second = await post(student, path, { body: 'Two' })
    const unread = await t.request('GET', '/api/messages/unread', { cookie: mentor.cookie })
    expect(unread.json.conversations).toEqual([{ requestId, mentorshipId: null, unread: 2 }])
    expect(unread.json.total).toBe(2)
    expect((await t.request('GET', '/api/messages/unread', { cookie: student.cookie })).json.total).toBe(0)

    const marked = await t.request('PUT', `${path}/messages/read`, { cookie: mentor.cookie, body: { upTo: second.json.createdAt } })
    expect(marked.status, marked.text).toBe(200)
    expect((await t.request('GET', '/api/messages/unread', { cookie: mentor.cookie })).json.total).toBe(0)
    // An older mark (another tab) does not move it back; a future one is taken as now.
    await t.request('PUT', `${path}/messages/read`, { cookie: mentor.cookie, body: { upTo: '2020-01-01T00:00:00Z' } })
    expect((await read(student, path)).json.otherReadUpTo).toBe(second.json.createdAt)
    const future = await t.request('PUT', `${path}/messages/read`, { cookie: mentor.cookie, body: { upTo: '2100-01-01T00:00:00Z' } })
    expect(future.json.readUpTo).toBe(minutes(101).toISOString())
  })
})

describe('attachments', () => {
  it('takes a real PDF, refuses anything else naming the field, and gives it to the two participants only', async () => {
    const { student, mentor, requestId } = await pair()
    const path = `/api/mentorship-requests/${requestId}`
    const pdf = Buffer.from(makePdf({ text: 'My CV' })).toString('base64')
    const sent = await post(student, path, { body: 'My CV', attachment: { filename: 'cv "final".pdf', contentBase64: pdf } })
    expect(sent.status, sent.text).toBe(201)
    expect(sent.json.attachment.name).toBe('cv "final".pdf')
    const download = await t.request('GET', `/api/messages/${sent.json.id as string}/attachment`, { cookie: mentor.cookie })
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('application/pdf')
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="cv _final_.pdf"')
    for (const roles of [['student'], ['advisor'], ['admin']] as const) {
      const stranger = await account([...roles])
      expect((await t.request('GET', `/api/messages/${sent.json.id as string}/attachment`, { cookie: stranger.cookie })).status).toBe(404)
    }
    const png = await post(student, path, { body: 'Photo', attachment: { filename: 'photo.pdf', contentBase64: Buffer.from(makePng()).toString('base64') } })
    expect(png.status).toBe(415)
    expect(png.json.error.fields.attachment).toContain('PNG')
    expect((await read(mentor, path)).json.messages).toHaveLength(1)
  })
})

describe('e-mails about new messages', () => {
  it('"each": one e-mail per conversation per 15 minutes; the sweep tells of what came inside the window, once', async () => {
    t.clock.set(minutes(200))
    const { student, mentor, requestId } = await pair()
    const path = `/api/mentorship-requests/${requestId}`
    await post(student, path, { body: 'First' })
    t.clock.set(minutes(201))
    await Promise.all([post(student, path, { body: 'Second' }), post(student, path, { body: 'Third' })])
    const first = await mailTo(mentor)
    expect(first).toHaveLength(1)
    expect(first[0]?.subject).toBe(`New message from ${student.person.name}`)
    expect(first[0]?.textBody).toContain(`/mentorships?request=${requestId}`)
    expect(first[0]?.textBody).not.toContain('First')

    expect((await t.services.messages.sweepMessageEmails(minutes(214))).followUps).toBe(0)
    const sweeps = await Promise.all([1, 2, 3].map(() => t.services.messages.sweepMessageEmails(minutes(216))))
    expect(sweeps.reduce((n, s) => n + s.followUps, 0)).toBe(1)
    const all = await mailTo(mentor)
    expect(all.map((m) => m.subject)).toContain(`2 new messages from ${student.person.name}`)
    expect((await t.services.messages.sweepMessageEmails(minutes(240))).followUps).toBe(0)
  })

  it('"each": nothing follows when the messages were read within the window', async () => {
    t.clock.set(minutes(300))
    const { student, mentor, requestId } = await pair()
    const path = `/api/mentorship-requests/${requestId}`
    await post(student, path, { body: 'First' })
    t.clock.set(minutes(302))
    const second = await post(student, path, { body: 'Second' })
    await t.request('PUT', `${path}/messages/read`, { cookie: mentor.cookie, body: { upTo: second.json.createdAt } })
    await t.services.messages.sweepMessageEmails(minutes(320))
    expect(await mailTo(mentor)).toHaveLength(1)
  })

  it('"daily": one digest after the digest hour, whatever the number of sweeps; "off": none', async () => {
    t.clock.set(new Date('2026-11-10T09:00:00Z'))
    const { student, mentor, requestId } = await pair()
    expect((await t.request('PUT', '/api/messages/preferences', { cookie: mentor.cookie, body: { emailFrequency: 'daily' } })).status).toBe(200)
    expect((await t.request('PUT', '/api/messages/preferences', { cookie: student.cookie, body: { emailFrequency: 'off' } })).status).toBe(200)
    expect(
      (await t.request('PUT', '/api/messages/preferences', { cookie: student.cookie, body: { emailFrequency: 'hourly' } })).json.error.fields,
    ).toHaveProperty('emailFrequency')
    const path = `/api/mentorship-requests/${requestId}`
    await later(new Date('2026-11-10T10:00:00Z'), student, mentor)
    expect((await post(student, path, { body: 'Hello' })).status).toBe(201)
    expect((await post(mentor, path, { body: 'Hello back' })).status).toBe(201)
    expect(await mailTo(mentor)).toHaveLength(0)
    expect(await mailTo(student)).toHaveLength(0)

    const sweeps = await Promise.all([1, 2].map(() => t.services.messages.sweepMessageEmails(new Date('2026-11-10T13:05:00Z'))))
    expect(sweeps.reduce((n, s) => n + s.digests, 0)).toBe(0) // the mentor replied, so they read it
    await later(new Date('2026-11-10T15:00:00Z'), student)
    expect((await post(student, path, { body: 'One more thing' })).status).toBe(201)
    await t.services.messages.sweepMessageEmails(new Date('2026-11-11T12:59:00Z'))
    expect(await mailTo(mentor, 'mentorship.message-digest')).toHaveLength(0)
    const next = await Promise.all([1, 2, 3].map(() => t.services.messages.sweepMessageEmails(new Date('2026-11-11T13:01:00Z'))))
    expect(next.reduce((n, s) => n + s.digests, 0)).toBe(1)
    const digest = await mailTo(mentor, 'mentorship.message-digest')
    expect(digest).toHaveLength(1)
    expect(digest[0]?.textBody).toContain(`1 message from ${student.person.name}`)
    expect(await mailTo(mentor)).toHaveLength(0)
    expect(await mailTo(student)).toHaveLength(0)
  })
})
