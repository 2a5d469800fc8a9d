import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makePdf } from '#tests/setup/pdf.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/** Record of access (34 CFR §99.32): the student sees who read or sent on their records, when and what; never content. */

const CANARY = 'CANARY-record-access-waived-41c7'
type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let student: Account
let advisor: Account
let admin: Account
let writer: Account
let log: { entries: { at: string; who: { id: string | null; name: string; role: string }; what: string }[]; total: number }

beforeAll(async () => {
  t = await createTestApp()
  student = await t.signedInAs(['student'])
  advisor = await t.signedInAs(['advisor'])
  admin = await t.signedInAs(['admin'])
  writer = await t.signedInAs(['mentor'])
  const assigned = await t.request('PUT', '/api/admin/student-advisors', {
    cookie: admin.cookie,
    body: { studentId: student.person.id, advisorIds: [advisor.person.id] },
  })
  expect(assigned.status, assigned.text).toBe(200)
  const created = await t.request('POST', '/api/letter-requests', {
    cookie: student.cookie,
    body: {
      writerPersonId: writer.person.id,
      purpose: 'general',
      letterType: 'standard',
      dueDate: '2026-12-01',
      talkingPoints: 'Research',
      waivedRightOfAccess: true,
    },
  })
  const id = created.json.request.id as string
  await t.request('POST', `/api/letter-requests/${id}/accept`, { cookie: writer.cookie, body: {} })
  await t.request('PUT', `/api/letter-requests/${id}/letter`, {
    cookie: writer.cookie,
    rawBody: makePdf({ text: CANARY }) as BodyInit,
    headers: { 'content-type': 'application/pdf' },
  })
  // The office reads the letter and sends it; the advisor reads the student's letters and application profile.
  expect((await t.request('GET', `/api/letter-requests/${id}/letter`, { cookie: admin.cookie })).text).toContain(CANARY)
  expect((await t.request('POST', `/api/letter-requests/${id}/deliver`, { cookie: admin.cookie })).status).toBe(200)
  expect((await t.request('GET', `/api/letters/students/${student.person.id}`, { cookie: advisor.cookie })).status).toBe(200)
  await t.request('GET', `/api/list-builder/students/${student.person.id}/profile`, { cookie: advisor.cookie })
  // The student's own reads are not someone else's access.
  await t.request('GET', '/api/letters/mine', { cookie: student.cookie })
  const response = await t.request('GET', '/api/records/access', { cookie: student.cookie })
  expect(response.status, response.text).toBe(200)
  log = response.json as typeof log
}, 60_000)
afterAll(async () => {
  await t?.close()
})

describe('who has seen a student’s records', () => {
  it('lists the advisor’s reads, by name and role, with what they read', () => {
    const byAdvisor = log.entries.filter((e) => e.who.id === advisor.person.id)
    expect(byAdvisor.map((e) => e.what)).toEqual(expect.arrayContaining(['Read your letter requests', 'Read your residency application profile']))
    expect(byAdvisor[0]?.who).toEqual({ id: advisor.person.id, name: advisor.person.name, role: 'Advisor, Office of Student Affairs' })
  })

  it('lists the office reading and sending a waived letter, and nothing of the letter', () => {
    const byAdmin = log.entries.filter((e) => e.who.id === admin.person.id).map((e) => e.what)
    expect(byAdmin).toEqual(
      expect.arrayContaining([
        'Read a confidential letter written for you (you waived the right to read it, so it is not shown here)',
        'Sent a letter of recommendation on your behalf',
      ]),
    )
    expect(JSON.stringify(log)).not.toContain(CANARY)
  })

  it('leaves out the student’s own actions, newest first', () => {
    expect(log.entries.every((e) => e.who.id !== student.person.id)).toBe(true)
    const times = log.entries.map((e) => e.at)
    expect([...times].sort().reverse()).toEqual(times)
    expect(log.total).toBe(log.entries.length)
  })

  it('is the caller’s own: another student sees none of it', async () => {
    const other = await t.signedInAs(['student'])
    const theirs = await t.request('GET', '/api/records/access', { cookie: other.cookie })
    expect(theirs.status).toBe(200)
    expect(theirs.json.entries).toEqual([])
  })

  it('is in the download too', async () => {
    const records = await t.request('GET', '/api/records/mine', { cookie: student.cookie })
    const access = records.json.sections.find((s: { key: string }) => s.key === 'access')
    expect(access.items.map((e: { what: string }) => e.what)).toContain('Read your letter requests')
  })
})
