import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/** The office's requirements page: changing a requirement, and the queue of students' records waiting for verification. */
type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let admin: Account

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2027-01-11T14:00:00Z') })
  admin = await t.signedInAs(['admin'])
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function student(): Promise<Account> {
  const person = await t.insertAccount(['student'], { student: { classYear: 'M2' } })
  return { person, cookie: await t.sessionCookie(person.id) }
}

async function requirement(body: Record<string, unknown>): Promise<string> {
  const made = await t.request('POST', '/api/requirements', { cookie: admin.cookie, body })
  expect(made.status, made.text).toBe(201)
  return made.json.requirements.find((r: { name: string }) => r.name === body.name).id as string
}

const queue = async () => (await t.request('GET', '/api/requirements/verification-queue', { cookie: admin.cookie })).json

describe('changing a requirement', () => {
  it('changes its words and who vouches for it; a student’s record is judged by the new rule', async () => {
    const s = await student()
    const id = await requirement({ name: 'Mask fit test', verification: 'student', opportunityKind: 'shadowing' })
    await t.request('PUT', `/api/requirements/${id}/mine`, { cookie: s.cookie, body: { completedOn: '2027-01-02', expiresOn: '2028-01-02' } })
    const changed = await t.request('PUT', `/api/requirements/${id}`, {
      cookie: admin.cookie,
      body: { name: 'N95 fit test', description: 'At employee health.', verification: 'office', opportunityKind: 'shadowing' },
    })
    expect(changed.status, changed.text).toBe(200)
    expect(changed.json.requirements.find((r: { id: string }) => r.id === id)).toMatchObject({ name: 'N95 fit test', verification: 'office' })
    const mine = await t.request('GET', '/api/requirements/mine', { cookie: s.cookie })
    expect(mine.json.requirements.find((r: { id: string }) => r.id === id)).toMatchObject({ state: 'awaiting-verification' })
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, id), eq(auditLog.action, 'requirement.update')))
    expect(audited).toHaveLength(1)
  })

  it.each([
    ['name', { name: '' }],
    ['opportunityKind', { opportunityKind: null, opportunityId: null }],
    ['verification', { verification: 'nobody' }],
    ['opportunityId', { opportunityKind: null, opportunityId: '0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11' }],
  ])('refuses a bad %s with 400 naming it, and changes nothing', async (field, change) => {
    const id = await requirement({ name: `Keep ${field}`, verification: 'student', opportunityKind: 'shadowing' })
    const response = await t.request('PUT', `/api/requirements/${id}`, {
      cookie: admin.cookie,
      body: { name: `Changed ${field}`, verification: 'student', opportunityKind: 'shadowing', ...change },
    })
    expect(response.status, response.text).toBe(400)
    expect(Object.keys(response.json.error.fields)).toContain(field)
    const list = await t.request('GET', '/api/requirements', { cookie: admin.cookie })
    expect(list.json.requirements.find((r: { id: string }) => r.id === id)).toMatchObject({ name: `Keep ${field}` })
  })

  it('answers 404 for a retired requirement', async () => {
    const id = await requirement({ name: 'Old rule', verification: 'student', opportunityKind: 'shadowing' })
    await t.request('DELETE', `/api/requirements/${id}`, { cookie: admin.cookie })
    const response = await t.request('PUT', `/api/requirements/${id}`, {
      cookie: admin.cookie,
      body: { name: 'Old rule again', verification: 'student', opportunityKind: 'shadowing' },
    })
    expect(response.status).toBe(404)
  })
})

describe('the verification queue', () => {
  it('lists records waiting for the office, oldest first, with their expiry; a verified one leaves it', async () => {
    const [a, b] = [await student(), await student()]
    const flu = await requirement({ name: 'Influenza vaccine', verification: 'office', opportunityKind: 'shadowing' })
    const own = await requirement({ name: 'Handwashing module', verification: 'student', opportunityKind: 'shadowing' })
    await t.request('PUT', `/api/requirements/${flu}/mine`, { cookie: a.cookie, body: { completedOn: '2026-10-01', expiresOn: '2027-01-20' } })
    t.clock.advance(60_000)
    await t.request('PUT', `/api/requirements/${flu}/mine`, { cookie: b.cookie, body: { completedOn: '2026-01-01', expiresOn: '2027-01-01' } })
    await t.request('PUT', `/api/requirements/${own}/mine`, { cookie: b.cookie, body: { completedOn: '2026-12-01', expiresOn: null } })
    const waiting = (await queue()).items.filter((i: { requirementId: string }) => i.requirementId === flu)
    expect(waiting.map((i: { studentId: string; expiry: string }) => [i.studentId, i.expiry])).toEqual([
      [a.person.id, 'expires-soon'],
      [b.person.id, 'expired'],
    ])
    expect(waiting[0]).toMatchObject({ requirementName: 'Influenza vaccine', appliesTo: 'Shadowing', studentName: a.person.name, completedOn: '2026-10-01' })
    expect((await queue()).items.some((i: { requirementId: string }) => i.requirementId === own)).toBe(false)

    const verified = await t.request('PUT', `/api/requirements/${flu}/students/${a.person.id}/verification`, {
      cookie: admin.cookie,
      body: { completedOn: '2026-10-01', expiresOn: '2027-10-01' },
    })
    expect(verified.status, verified.text).toBe(200)
    expect((await queue()).items.filter((i: { requirementId: string }) => i.requirementId === flu).map((i: { studentId: string }) => i.studentId)).toEqual([
      b.person.id,
    ])
  })

  it.each([['student'], ['mentor'], ['advisor']] as const)('is the office’s: a %s gets 403, and may not change a requirement', async (role) => {
    const account = await t.signedInAs([role])
    const id = await requirement({ name: `Not for ${role}`, verification: 'student', opportunityKind: 'shadowing' })
    expect((await t.request('GET', '/api/requirements/verification-queue', { cookie: account.cookie })).status).toBe(403)
    const put = await t.request('PUT', `/api/requirements/${id}`, {
      cookie: account.cookie,
      body: { name: 'Changed', verification: 'student', opportunityKind: 'shadowing' },
    })
    expect(put.status).toBe(403)
  })
})
