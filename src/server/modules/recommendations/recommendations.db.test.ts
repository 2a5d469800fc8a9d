import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_RECOMMEND_WEIGHTS } from '#engines/recommend/index.ts'
import type { RecommendationWeightsResponse, RecommendedMentorsResponse } from '#shared/contracts/recommendations.ts'
import { mentorshipRequests } from '#server/db/schema/index.ts'
import type { DirectoryMentorProfile, DirectorySearchResponse } from '#shared/contracts/directory.ts'
import { createRandom, insertMentor, insertPerson } from '#tests/factories/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'

/**
 * "Mentors for you" through HTTP on a real database: reasons, who never appears, and identity
 * used and shown only with the student's consent and the mentor's visibility.
 */

let t: TestApp
let studentCookie = ''
let adminCookie = ''
const ids: Record<string, string> = {}

const plain = {
  bio: 'Happy to talk with students.',
  researchInterests: '',
  subspecialty: '',
  languages: ['English'],
  identity: [],
  clinicalSite: '',
  state: '',
}

beforeAll(async () => {
  t = await createTestApp()
  const random = createRandom(977)
  for (let i = 0; i < 12; i++) {
    await insertMentor(t.db, {
      random,
      mentor: {
        kind: (['faculty', 'resident', 'alumni'] as const)[i % 3],
        specialtyId: 'family-medicine',
        departmentId: 'family-medicine',
        identity: [],
        offers: ['career-advice'],
      },
    })
  }
  const add = async (key: string, name: string, mentor: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    ids[key] = (await insertMentor(t.db, { random, name, mentor: { ...plain, ...mentor }, ...extra })).id
  }
  const derm = {
    kind: 'faculty',
    departmentId: 'dermatology',
    specialtyId: 'dermatology',
    offers: ['mock-interviews', 'cv-review'],
    capacity: 2,
    accepting: true,
  }
  await add('okafor', 'Adaeze Okafor', { ...derm, researchInterests: 'Melanoma screening in rural clinics' })
  await add('held', 'Hidden Holdwell', derm, { directoryHold: true })
  await add('paused', 'Paula Paused', { ...derm, accepting: false })
  await add('full', 'Zero Capacitas', { ...derm, capacity: 0 })
  await add('disabled', 'Dora Disabledson', derm, { status: 'disabled' })
  await add('invited', 'Ivan Invitedman', derm, { status: 'invited' })
  // Alike but for identity and who may see it.
  const alike = { kind: 'faculty', departmentId: 'medicine', specialtyId: 'internal-medicine', offers: ['career-advice'], capacity: 1, accepting: true }
  await add('shown', 'Grace Shown', { ...alike, identity: ['first-generation'], identityVisibility: 'everyone' })
  await add('private', 'Kai Private', { ...alike, identity: ['first-generation'], identityVisibility: 'private' })
  await add('advisorsOnly', 'Harper Advisorsonly', { ...alike, identity: ['first-generation'], identityVisibility: 'advisors' })

  const student = await t.insertAccount(['student'], {
    student: {
      classYear: 'M3',
      specialtyInterests: ['dermatology', 'internal-medicine'],
      helpWanted: ['mock-interviews', 'cv-review'],
      careerGoals: 'Melanoma prevention and rural outreach.',
      identity: ['first-generation'],
      identityVisibility: 'private',
      wantsIdentityAlignedMentor: false,
    },
  })
  ids.student = student.id
  studentCookie = await t.sessionCookie(student.id)
  adminCookie = await t.sessionCookie((await t.insertAccount(['admin'])).id)
})
afterAll(async () => {
  await t.services.recommendations.settled()
  await t?.close()
})

async function recommendations(limit = 50): Promise<RecommendedMentorsResponse> {
  const response = await t.request('GET', `/api/recommendations/mentors?limit=${limit}`, { cookie: studentCookie })
  expect(response.status, response.text).toBe(200)
  return response.json as RecommendedMentorsResponse
}

const byId = (body: RecommendedMentorsResponse, key: string) => body.results.find((r) => r.mentor.id === ids[key])

describe('GET /api/recommendations/mentors', () => {
  it('ranks the dermatologist who offers what the student asked for first, with reasons in plain words', async () => {
    const body = await recommendations()
    const first = body.results[0]
    expect(first?.mentor.id).toBe(ids.okafor)
    expect(first?.mentor.name).toBe('Adaeze Okafor')
    expect(first?.reasons).toEqual(expect.arrayContaining(['Dermatology faculty', 'offers mock interviews and CV review']))
    expect(first?.reasons.some((r) => r.includes('melanoma'))).toBe(true)
    // The score is the sum of the factors shown under "Why this order?".
    expect(first?.score).toBeCloseTo(first?.factors.reduce((sum, f) => sum + f.contribution, 0) ?? NaN, 6)
    expect(body.results.map((r) => r.rank)).toEqual(body.results.map((_, i) => i + 1))
    expect(body.missing).toEqual([])
  })

  it('returns at most `limit` mentors', async () => {
    expect((await recommendations(5)).results).toHaveLength(5)
  })

  it('never lists held, disabled, invited, not-accepting or zero-capacity mentors', async () => {
    const body = await recommendations()
    const shown = new Set(body.results.map((r) => r.mentor.id))
    for (const key of ['held', 'paused', 'full', 'disabled', 'invited']) expect(shown.has(ids[key] as string), key).toBe(false)
    expect(shown.has(ids.okafor as string)).toBe(true)
    expect(body.results.every((r) => r.mentor.openPlaces >= 1)).toBe(true)
  })

  it('neither uses nor shows identity when the student did not ask for it', async () => {
    const body = await recommendations()
    for (const result of body.results) {
      expect(result.mentor).not.toHaveProperty('identity')
      expect(result.factors.find((f) => f.factor === 'identity')?.value).toBe(0)
      expect(result.reasons.join(' ')).not.toMatch(/first in their family|you asked for that/)
    }
    // Alike but for identity: the same score, so the order is by id alone.
    expect(byId(body, 'shown')?.score).toBe(byId(body, 'private')?.score)
  })

  it('uses identity the mentor shows this student once the student asks for it, and only that', async () => {
    const consent = await t.request('PATCH', '/api/profiles/me/student', { cookie: studentCookie, body: { wantsIdentityAlignedMentor: true } })
    expect(consent.status, consent.text).toBe(200)
    try {
      const body = await recommendations()
      const shown = byId(body, 'shown')
      expect(shown?.reasons).toContain('also first in their family to attend college — you asked for that')
      expect(shown?.factors.find((f) => f.factor === 'identity')?.value).toBe(1)
      for (const key of ['private', 'advisorsOnly']) {
        const hidden = byId(body, key)
        expect(hidden?.factors.find((f) => f.factor === 'identity')?.value, key).toBe(0)
        expect(hidden?.reasons.join(' '), key).not.toMatch(/you asked for that/)
        expect(hidden?.score ?? 0).toBeLessThan(shown?.score ?? 0)
      }
      for (const result of body.results) expect(result.mentor).not.toHaveProperty('identity')
    } finally {
      await t.request('PATCH', '/api/profiles/me/student', { cookie: studentCookie, body: { wantsIdentityAlignedMentor: false } })
    }
  })

  it('refuses a limit out of range', async () => {
    const response = await t.request('GET', '/api/recommendations/mentors?limit=0', { cookie: studentCookie })
    expect(response.status).toBe(400)
    expect(response.json.error.code).toBe('VALIDATION_FAILED')
  })

  it('answers a student without a profile with an empty list and what is missing', async () => {
    const bare = await t.insertAccount(['student'])
    const { db } = t
    const { studentProfiles } = await import('#server/db/schema/index.ts')
    const { eq } = await import('drizzle-orm')
    await db.delete(studentProfiles).where(eq(studentProfiles.personId, bare.id))
    const response = await t.request('GET', '/api/recommendations/mentors', { cookie: await t.sessionCookie(bare.id) })
    expect(response.status).toBe(200)
    expect(response.json).toEqual({ results: [], missing: ['specialtyInterests', 'helpWanted', 'careerGoals'] })
  })
})

describe('response speed, declines and "sort by fit", from the mentorships tables', () => {
  async function request(studentId: string, mentorId: string, status: 'accepted' | 'declined' | 'expired', hoursToAnswer: number, daysAgo = 30) {
    const createdAt = new Date(t.clock.now().getTime() - daysAgo * MS_PER_DAY)
    await t.db.insert(mentorshipRequests).values({
      studentId,
      mentorId,
      initiatedBy: 'student',
      kind: 'ongoing',
      message: 'Hello',
      status,
      statusChangedAt: new Date(createdAt.getTime() + hoursToAnswer * MS_PER_HOUR),
      createdAt,
      expiresAt: new Date(createdAt.getTime() + 14 * MS_PER_DAY),
    })
  }

  beforeAll(async () => {
    const random = createRandom(978)
    const alike = {
      ...plain,
      kind: 'faculty' as const,
      departmentId: 'medicine',
      specialtyId: 'internal-medicine',
      offers: ['mock-interviews' as const, 'cv-review' as const],
      capacity: 3,
      accepting: true,
    }
    for (const [key, name] of [
      ['prompt', 'Pat Prompt'],
      ['silent', 'Sam Silent'],
      ['decliner', 'Dee Decliner'],
      ['newcomer', 'Nia Newcomer'],
    ] as const) {
      ids[key] = (await insertMentor(t.db, { random, name, mentor: alike })).id
    }
    const askers = await Promise.all([0, 1, 2, 3].map(() => insertPerson(t.db, { random, roles: ['student'] })))
    for (const [i, asker] of askers.entries()) {
      await request(asker.id, ids.prompt as string, i % 2 ? 'declined' : 'accepted', 3 + 2 * i) // 3, 5, 7, 9 hours: median 6
      await request(asker.id, ids.silent as string, 'expired', 14 * 24)
    }
    await request(askers[0]?.id as string, ids.silent as string, 'accepted', 200, 400) // older than 12 months: not counted
    await request(ids.student as string, ids.decliner as string, 'declined', 2)
    // Response figures are reused for a few minutes: move past that.
    t.clock.advance(10 * 60_000)
  })

  it('a mentor who declined this student is not recommended to them again; one who lets requests expire sinks', async () => {
    const body = await recommendations()
    const rank = (key: string) => body.results.findIndex((r) => r.mentor.id === ids[key])
    expect(rank('decliner')).toBe(-1)
    expect(rank('prompt')).toBeGreaterThanOrEqual(0)
    expect(rank('silent')).toBeGreaterThan(rank('prompt'))
    expect(byId(body, 'silent')?.factors.find((f) => f.factor === 'responsiveness')?.value).toBeCloseTo((4 / 7) * 0.7, 6)
    expect(byId(body, 'prompt')?.factors.find((f) => f.factor === 'responsiveness')?.value).toBe(0)
  })

  it('the directory says how fast a mentor usually answers, over the last 12 months', async () => {
    const profile = async (key: string) => {
      const response = await t.request('GET', `/api/directory/mentors/${ids[key]}`, { cookie: studentCookie })
      expect(response.status, response.text).toBe(200)
      return (response.json as DirectoryMentorProfile).responsiveness
    }
    expect(await profile('prompt')).toEqual({ requests: 4, waiting: 0, medianHours: 6, answeredShare: 1 })
    expect(await profile('silent')).toEqual({ requests: 4, waiting: 0, medianHours: null, answeredShare: 0 })
    expect(await profile('newcomer')).toEqual({ requests: 0, waiting: 0, medianHours: null, answeredShare: null })
    const search = await t.request('GET', '/api/directory/mentors?q=Prompt', { cookie: studentCookie })
    expect((search.json as DirectorySearchResponse).results[0]?.responsiveness.requests).toBe(4)
  })

  it('sort=fit puts the matches that fit the student first, with reasons, in the order of their scores', async () => {
    const response = await t.request('GET', '/api/directory/mentors?specialty=internal-medicine&sort=fit&pageSize=50', { cookie: studentCookie })
    expect(response.status, response.text).toBe(200)
    const body = response.json as DirectorySearchResponse
    expect(body.sort).toBe('fit')
    expect(body.sortNotice).toBeNull()
    const ranked = body.results.filter((r) => r.fitReasons !== undefined)
    expect(body.fitRanked).toBe(ranked.length)
    expect(body.results.slice(0, ranked.length)).toEqual(ranked)
    const position = (key: string) => body.results.findIndex((r) => r.id === ids[key])
    expect(position('prompt')).toBeLessThan(position('silent'))
    // Declined: still found by the search, but after everyone ranked by fit.
    expect(position('decliner')).toBeGreaterThanOrEqual(ranked.length)
    expect(ranked[0]?.fitReasons?.length).toBeGreaterThan(0)
    expect(body.total).toBe(body.results.length)
    // Paging keeps the same order.
    const second = await t.request('GET', '/api/directory/mentors?specialty=internal-medicine&sort=fit&pageSize=3&page=2', { cookie: studentCookie })
    expect((second.json as DirectorySearchResponse).results.map((r) => r.id)).toEqual(body.results.slice(3, 6).map((r) => r.id))
  })

  it('sort=fit without a student profile keeps the usual order and says why', async () => {
    const response = await t.request('GET', '/api/directory/mentors?specialty=internal-medicine&sort=fit', { cookie: adminCookie })
    expect(response.status, response.text).toBe(200)
    const body = response.json as DirectorySearchResponse
    expect(body.sort).toBe('name')
    expect(body.sortNotice).toMatch(/student profile/)
    expect(body.results.every((r) => r.fitReasons === undefined)).toBe(true)
  })
})

describe('GET /api/admin/recommendation-weights', () => {
  it('lists every weight in use with a sentence on what it does', async () => {
    const response = await t.request('GET', '/api/admin/recommendation-weights', { cookie: adminCookie })
    expect(response.status, response.text).toBe(200)
    const body = response.json as RecommendationWeightsResponse
    expect(Object.fromEntries(body.weights.map((w) => [w.name, w.value]))).toEqual({ ...DEFAULT_RECOMMEND_WEIGHTS })
    for (const weight of body.weights) expect(weight.description.length, weight.name).toBeGreaterThan(20)
    expect(body.weights.find((w) => w.name === 'load')?.kind).toBe('penalty')
  })

  it('is for admins only', async () => {
    const response = await t.request('GET', '/api/admin/recommendation-weights', { cookie: studentCookie })
    expect(response.status).toBe(403)
  })
})
