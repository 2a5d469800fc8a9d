import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { savedOpportunities } from '#server/db/schema/index.ts'
import type { ClassYear } from '#shared/enums.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let poster: Account

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2027-01-11T14:00:00Z') })
  poster = await t.signedInAs(['mentor'])
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function student(classYear: ClassYear = 'M2'): Promise<Account> {
  const person = await t.insertAccount(['student'], { student: { classYear } })
  return { person, cookie: await t.sessionCookie(person.id) }
}

async function post(overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await t.request('POST', '/api/opportunities', {
    cookie: poster.cookie,
    body: {
      kind: 'research-project',
      title: 'Sepsis bundle audit',
      description: 'Which steps of the bundle are missed on the wards.',
      classYears: ['M2'],
      places: 2,
      applyBy: new Date(t.clock.now().getTime() + 10 * MS_PER_DAY).toISOString(),
      ...overrides,
    },
  })
  expect(created.status, created.text).toBe(201)
  return created.json.id as string
}

const save = (s: Account, id: string) => t.request('PUT', `/api/saved-opportunities/${id}`, { cookie: s.cookie })
const unsave = (s: Account, id: string) => t.request('DELETE', `/api/saved-opportunities/${id}`, { cookie: s.cookie })
const listOf = async (s: Account) => {
  const response = await t.request('GET', '/api/saved-opportunities', { cookie: s.cookie })
  expect(response.status, response.text).toBe(200)
  return response.json.saved as { id: string; open: boolean; applyBy: string | null; title: string }[]
}

describe('saving an opportunity', () => {
  it('saves once however often asked, lists it, and unsaves it', async () => {
    const id = await post()
    const s = await student()
    for (let i = 0; i < 2; i++) {
      const saved = await save(s, id)
      expect(saved.status, saved.text).toBe(200)
      expect(saved.json).toEqual({ opportunityId: id, saved: true })
    }
    expect((await listOf(s)).map((o) => o.id)).toEqual([id])
    expect((await unsave(s, id)).json).toEqual({ opportunityId: id, saved: false })
    expect(await listOf(s)).toEqual([])
    // Unsaving what is not saved is no error: the button may be pressed twice.
    expect((await unsave(s, id)).status).toBe(200)
  })

  it('lists open ones by nearest deadline (open until filled after), then closed ones, each marked', async () => {
    const s = await student()
    const later = await post({ title: 'Later deadline', applyBy: new Date(t.clock.now().getTime() + 20 * MS_PER_DAY).toISOString() })
    const sooner = await post({ title: 'Sooner deadline', applyBy: new Date(t.clock.now().getTime() + 3 * MS_PER_DAY).toISOString() })
    const untilFilled = await post({ title: 'Until filled', applyBy: null })
    const closing = await post({ title: 'Closing soon', applyBy: new Date(t.clock.now().getTime() + 1 * MS_PER_DAY).toISOString() })
    for (const id of [later, sooner, untilFilled, closing]) expect((await save(s, id)).status).toBe(200)
    t.clock.advance(2 * MS_PER_DAY)
    try {
      // Two days on, the student signs in again.
      const list = await listOf({ ...s, cookie: await t.sessionCookie(s.person.id) })
      expect(list.map((o) => [o.title, o.open])).toEqual([
        ['Sooner deadline', true],
        ['Later deadline', true],
        ['Until filled', true],
        ['Closing soon', false],
      ])
    } finally {
      t.clock.advance(-2 * MS_PER_DAY)
    }
  })

  it('refuses, as not found, one the student may not see (another class year, a draft), and writes nothing', async () => {
    const s = await student('M2')
    const forM1 = await post({ classYears: ['M1'] })
    const draft = await post({ status: 'draft' })
    for (const id of [forM1, draft, '00000000-0000-4000-8000-00000000ffff']) {
      const response = await save(s, id)
      expect(response.status, response.text).toBe(404)
      expect(response.json.error.code).toBe('NOT_FOUND')
      expect((await unsave(s, id)).status).toBe(404)
    }
    expect(await t.db.select().from(savedOpportunities).where(eq(savedOpportunities.studentId, s.person.id))).toEqual([])
  })

  it('leaves out of the list one unpublished since, but still lets the student unsave it', async () => {
    const s = await student()
    const id = await post({ title: 'Back to draft' })
    expect((await save(s, id)).status).toBe(200)
    const back = await t.request('GET', `/api/opportunities/${id}`, { cookie: poster.cookie })
    const { id: _id, ...view } = back.json
    const input = {
      kind: view.kind,
      title: view.title,
      description: view.description,
      classYears: view.classYears,
      places: view.places,
      applyBy: view.applyBy,
      status: 'draft',
    }
    expect((await t.request('PUT', `/api/opportunities/${id}`, { cookie: poster.cookie, body: input })).status).toBe(200)
    expect(await listOf(s)).toEqual([])
    expect((await unsave(s, id)).status).toBe(200)
    expect(await t.db.select().from(savedOpportunities).where(eq(savedOpportunities.studentId, s.person.id))).toEqual([])
  })

  it('refuses mentors, advisors and admins (403) on every route: only students save', async () => {
    const id = await post()
    for (const roles of [['mentor'], ['advisor'], ['admin']] as const) {
      const other = await t.signedInAs([...roles])
      for (const [method, path] of [
        ['GET', '/api/saved-opportunities'],
        ['PUT', `/api/saved-opportunities/${id}`],
        ['DELETE', `/api/saved-opportunities/${id}`],
      ] as const) {
        const response = await t.request(method, path, { cookie: other.cookie })
        expect(response.status, `${roles[0]} ${method} ${path}`).toBe(403)
      }
    }
    expect((await t.request('GET', '/api/saved-opportunities', {})).status).toBe(401)
  })

  it('keeps each student’s list their own: another’s saves never show, and unsaving touches only one’s own row', async () => {
    const id = await post()
    const [a, b] = [await student(), await student()]
    expect((await save(a, id)).status).toBe(200)
    expect((await save(b, id)).status).toBe(200)
    const onlyB = await post({ title: 'Only B saved this' })
    expect((await save(b, onlyB)).status).toBe(200)
    expect((await listOf(a)).map((o) => o.id)).toEqual([id])
    expect((await unsave(a, onlyB)).status).toBe(200)
    expect((await unsave(a, id)).status).toBe(200)
    const rowsOfB = await t.db.select().from(savedOpportunities).where(eq(savedOpportunities.studentId, b.person.id))
    expect(rowsOfB.map((r) => r.opportunityId).sort()).toEqual([id, onlyB].sort())
    expect(
      await t.db
        .select()
        .from(savedOpportunities)
        .where(and(eq(savedOpportunities.studentId, a.person.id))),
    ).toEqual([])
  })
})
