import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, type Role } from '#shared/enums.ts'
import { DIRECTORY_FACETS, type DirectorySearchResponse } from '#shared/contracts/directory.ts'
import { createRandom, insertMentor, insertPerson } from '#tests/factories/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { wordSimilarity } from './domain/name-trigrams.ts'

/**
 * The directory through HTTP on a real database: relevance on a hand-made set of queries,
 * facet counts against plain SQL, misspelled names, and privacy for every role.
 */

let t: TestApp
const cookies = new Map<Role, string>()
const ids: Record<string, string> = {}

// Fixtures share no identity unless a test gives them one, so every identity a viewer sees is planted.
const quiet = { bio: 'Happy to talk with students about careers.', researchInterests: '', subspecialty: '', identity: [] }

beforeAll(async () => {
  t = await createTestApp()
  const random = createRandom(4242)
  // Background: realistic mentors from the factories.
  for (let i = 0; i < 40; i++) {
    await insertMentor(t.db, { random, mentor: { kind: (['faculty', 'resident', 'fellow', 'alumni'] as const)[i % 4], identity: [] } })
  }
  const add = async (key: string, name: string, mentor: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    ids[key] = (await insertMentor(t.db, { random, name, mentor: { ...quiet, ...mentor }, ...extra })).id
  }
  await add('okafor', 'Adaeze Okafor', { kind: 'faculty', departmentId: 'dermatology', specialtyId: 'dermatology', state: 'OH' })
  await add('raman', 'Priya Raman', { kind: 'faculty', departmentId: 'pediatrics', specialtyId: 'pediatrics', subspecialty: 'Pediatric Cardiology' })
  await add('lindqvist', 'Tomas Lindqvist', {
    kind: 'resident',
    specialtyId: 'pediatrics',
    bio: 'Before residency I spent a summer shadowing in pediatric cardiology clinics.',
  })
  await add('hale', 'Marcus Hale', { kind: 'faculty', specialtyId: 'internal-medicine', researchInterests: 'Chronobiology of recovery after sepsis' })
  await add('ortiz', 'Lena Ortiz', {
    kind: 'alumni',
    specialtyId: 'emergency-medicine',
    bio: 'Night shifts got me reading about chronobiology; I love teaching.',
    state: 'CA',
  })
  await add('okonkwo', 'Chidi Okonkwo', { kind: 'faculty', specialtyId: 'family-medicine' })
  await add('okafor2', 'Emeka Okafor', { kind: 'resident', specialtyId: 'family-medicine' })
  await add('nakamura', 'Aiko Nakamura-Reyes', { kind: 'resident', specialtyId: 'psychiatry' })
  await add('wild', 'Samuel Wexford', { kind: 'fellow', specialtyId: 'emergency-medicine', subspecialty: 'Wilderness Medicine' })
  // Identity shared at each level.
  await add('veteran', 'Grace Everyone', { kind: 'faculty', identity: ['veteran'], identityVisibility: 'everyone' })
  await add('lgbtq', 'Harper Advisorsonly', { kind: 'faculty', identity: ['lgbtq'], identityVisibility: 'advisors' })
  await add('firstgen', 'Rowan Mentorsandadvisors', { kind: 'faculty', identity: ['first-generation'], identityVisibility: 'mentors-and-advisors' })
  await add('private', 'Kai Keepsprivate', { kind: 'faculty', identity: ['rural-background'], identityVisibility: 'private' })
  // Never listed.
  await add(
    'held',
    'Hidden Holdwell',
    { kind: 'faculty', subspecialty: 'Zebrafish Genetics', identity: ['disability'], identityVisibility: 'everyone' },
    { directoryHold: true },
  )
  // Unlisted people share an identity with everyone: it must still never show, for any role.
  const shared = { identity: ['underrepresented-in-medicine'], identityVisibility: 'everyone' }
  await add('disabled', 'Dora Disabledson', { kind: 'faculty', subspecialty: 'Zebrafish Genetics', ...shared }, { status: 'disabled' })
  await add('invited', 'Ivan Invitedman', { kind: 'faculty', subspecialty: 'Zebrafish Genetics', ...shared }, { status: 'invited' })
  ids.student = (await insertPerson(t.db, { random, roles: ['student'], name: 'Zed Studentonly' })).id
  // Viewers with no identity of their own, so every identity counted is someone else's.
  for (const role of ROLES) {
    const viewer = await t.insertAccount([role], { mentor: { identity: [] }, student: { identity: [] } })
    cookies.set(role, await t.sessionCookie(viewer.id))
  }
})
afterAll(async () => {
  await t?.close()
})

async function search(query: string, role: Role = 'student'): Promise<DirectorySearchResponse> {
  const response = await t.request('GET', `/api/directory/mentors${query ? `?${query}` : ''}`, { cookie: cookies.get(role) ?? null })
  expect(response.status, response.text).toBe(200)
  return response.json as DirectorySearchResponse
}

const topId = (body: DirectorySearchResponse) => body.results[0]?.id
const names = (body: DirectorySearchResponse) => body.results.map((r) => r.name)

describe('relevance', () => {
  const cases: [string, string, string?][] = [
    ['q=Okafor', 'okafor'],
    ['q=adaeze%20okafor', 'okafor'],
    ['q=pediatric%20cardiology', 'raman', 'lindqvist'],
    ['q=chronobiology', 'hale', 'ortiz'],
    ['q=wilderness', 'wild'],
    ['q=chronobiology%20-internal', 'ortiz'],
  ]
  for (const [query, first, later] of cases) {
    it(`${query} puts ${first} first${later ? ` and ${later} below` : ''}`, async () => {
      const body = await search(query)
      expect(topId(body), names(body).join(', ')).toBe(ids[first])
      if (later) expect(body.results.map((r) => r.id)).toContain(ids[later])
    })
  }

  it('a misspelled name searches the close name at once and says so ("Okafr" shows every Okafor)', async () => {
    const body = await search('q=Okafr')
    expect(body.showingResultsFor).toBe('Okafor')
    expect(body.results.map((r) => r.id).sort()).toEqual([ids.okafor, ids.okafor2].sort())
    expect(body.didYouMean).toBeNull()
    const both = await search('q=Adaze%20Okafr')
    expect(both.showingResultsFor).toBe('Adaeze Okafor')
    expect(topId(both)).toBe(ids.okafor)
    // "Search instead for Okafr": the words as typed, with the name only offered.
    const exact = await search('q=Okafr&exact=true')
    expect(exact.total).toBe(0)
    expect(exact.showingResultsFor).toBeNull()
    expect(exact.didYouMean).toBe('Adaeze Okafor')
  })

  it('a misspelled topic is corrected against specialties and interests ("cardiolgy", "chronobiolgy sepsis")', async () => {
    const cardiology = await search('q=cardiolgy')
    expect(cardiology.showingResultsFor).toBe('cardiology')
    expect(names(cardiology)).toContain('Priya Raman')
    const dermatology = await search('q=dermatolgy')
    expect(dermatology.showingResultsFor).toBe('dermatology')
    expect(topId(dermatology)).toBe(ids.okafor)
    // Only the misspelled word changes.
    const mixed = await search('q=chronobiolgy%20sepsis')
    expect(mixed.showingResultsFor).toBe('chronobiology sepsis')
    expect(topId(mixed)).toBe(ids.hale)
    // Words that are right but match nobody are not "corrected" into something else.
    const nothing = await search('q=zzqx')
    expect(nothing.total).toBe(0)
    expect(nothing.showingResultsFor).toBeNull()
  })

  it('"did you mean" agrees with pg_trgm word_similarity on hand-made misspellings', async () => {
    const misspellings = [
      'Okonkow',
      'Okonkwo Chidi',
      'Okafr',
      'Adeze Okafor',
      'Nakamura Reyez',
      'Nakamora',
      'Lindquist',
      'Priya Ramen',
      'Wexferd',
      'Chronobiolgy',
      'Hael',
      'Ortis',
      'zzqx',
    ]
    for (const q of misspellings) {
      const body = await search(`q=${encodeURIComponent(q)}&exact=true`)
      // The SQL baseline: the GiST nearest neighbour among listed names, then the threshold.
      const result = await t.db.execute(
        sql`select name, word_similarity(${q}, name) as s from directory_entries where listed order by ${q} <<-> name, name limit 5`,
      )
      const rows = (result as unknown as { rows: { name: string; s: number }[] }).rows.map((r) => ({ name: r.name, s: Number(r.s) }))
      const best = rows[0]
      if (body.total > 0) continue // the words matched a document: no suggestion is asked for
      if (!best || best.s < 0.4) {
        expect(body.didYouMean, q).toBeNull()
        continue
      }
      // Equal similarity may come in either order from the index; the suggestion is one of the best.
      const tied = rows.filter((r) => Math.fround(r.s) === Math.fround(best.s)).map((r) => r.name)
      expect(tied, `${q} → ${body.didYouMean}`).toContain(body.didYouMean)
    }
    expect((await search('q=Okonkow&exact=true')).didYouMean).toBe('Chidi Okonkwo')
  })

  it('computes word_similarity exactly as pg_trgm does', async () => {
    const texts = ['Okonkow', 'okonkwo', 'Chidi', 'chid okon', 'Nakamura', 'reyes nakamura', 'a', 'Ann-Li', 'wexford samuel', 'xyz']
    const names = ['Chidi Okonkwo', 'Aiko Nakamura-Reyes', 'Samuel Wexford', 'Ann Li', 'Anna Lindqvist Li']
    for (const text of texts) {
      for (const name of names) {
        const result = await t.db.execute(sql`select word_similarity(${text}, ${name}) as s`)
        const expected = Number((result as unknown as { rows: { s: number }[] }).rows[0]?.s)
        expect(Math.fround(wordSimilarity(text, name)), `${text} / ${name}`).toBe(Math.fround(expected))
      }
    }
  })

  it('sorts by family name on request, and pages', async () => {
    const body = await search('sort=name&pageSize=5&page=2')
    const all = await search('sort=name&pageSize=50')
    expect(body.results.map((r) => r.id)).toEqual(all.results.slice(5, 10).map((r) => r.id))
    // Accents do not move a name: Sánchez sorts among the s's, as a reader expects (the factories'
    // random names include such names on some seeds only).
    const families = all.results.map((r) => (r.name.split(' ').at(-1) ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())
    expect(families).toEqual([...families].sort())
  })

  it('a profile edit shows in the next search', async () => {
    // No identity: this mentor stays listed for the privacy tests below, which count every identity shown.
    const person = await t.insertAccount(['mentor'], { mentor: { identity: [] } })
    const cookie = await t.sessionCookie(person.id)
    const update = await t.request('PATCH', '/api/profiles/me/mentor', { cookie, body: { subspecialty: 'Hyperbaric Medicine' } })
    expect(update.status, update.text).toBe(200)
    expect(topId(await search('q=hyperbaric'))).toBe(person.id)
    await t.request('PATCH', '/api/profiles/me/mentor', { cookie, body: { subspecialty: 'Sleep Medicine' } })
    expect((await search('q=hyperbaric')).total).toBe(0)
  })
})

/**
 * Facet counts recomputed in SQL: listed mentors, the search's words, every other facet's filter
 * — and the offers filter in every facet, offers included: offers are all-of, so an offer's count
 * is how many of the results also offer it.
 */
async function sqlCounts(facet: 'specialty' | 'kind' | 'state' | 'offers' | 'language' | 'accepting', where: { q?: string; kind?: string; offers?: string[] }) {
  const column = {
    specialty: sql`m.specialty_id`,
    kind: sql`m.kind`,
    state: sql`nullif(m.state, '')`,
    offers: sql`unnest(m.offers)`,
    language: sql`unnest(m.languages)`,
    accepting: sql`case when m.accepting then 'true' end`,
  }[facet]
  const result = await t.db.execute(sql`
    select value, count(*)::int as count from (
      select ${column} as value from directory_entries d join mentor_profiles m on m.person_id = d.person_id
      where d.listed
        ${where.q ? sql`and d.document @@ websearch_to_tsquery('english', ${where.q})` : sql``}
        ${where.kind && facet !== 'kind' ? sql`and m.kind = ${where.kind}` : sql``}
        ${where.offers ? sql`and m.offers @> ${`{${where.offers.join(',')}}`}::text[]` : sql``}
    ) v where value is not null group by value`)
  return Object.fromEntries((result as unknown as { rows: { value: string; count: number }[] }).rows.map((r) => [r.value, Number(r.count)]))
}

describe('facet counts equal SQL counts', () => {
  const searches = [
    { query: '', where: {} },
    { query: 'kind=faculty', where: { kind: 'faculty' } },
    { query: 'q=medicine&offers=research', where: { q: 'medicine', offers: ['research'] } },
    { query: 'kind=faculty&offers=letters', where: { kind: 'faculty', offers: ['letters'] } },
    { query: 'offers=letters&offers=mock-interviews', where: { offers: ['letters', 'mock-interviews'] } },
    { query: 'kind=faculty&offers=letters&offers=research', where: { kind: 'faculty', offers: ['letters', 'research'] } },
  ]
  for (const { query, where } of searches) {
    it(`for "${query || 'everyone'}"`, async () => {
      const body = await search(`${query}&pageSize=50`)
      for (const facet of ['specialty', 'kind', 'state', 'offers', 'language', 'accepting'] as const) {
        const expected = await sqlCounts(facet, where)
        if (facet === 'accepting') for (const key of Object.keys(expected)) if (key !== 'true') delete expected[key]
        const actual = Object.fromEntries(body.facets[facet].filter((f) => f.count > 0).map((f) => [f.value, f.count]))
        expect(actual, facet).toEqual(expected)
      }
    })
  }

  it('a second offer narrows the results: mentors who offer both (offers are all-of)', async () => {
    const letters = await search('offers=letters')
    const both = await search('offers=letters&offers=mock-interviews')
    expect(both.total).toBeGreaterThan(0)
    expect(both.total).toBeLessThan(letters.total)
    expect(both.facets.offers.find((f) => f.value === 'letters')?.count).toBe(both.total)
    for (const mentor of (await search('offers=letters&offers=mock-interviews&pageSize=50')).results)
      expect(mentor.offers).toEqual(expect.arrayContaining(['letters', 'mock-interviews']))
    // Specialties stay any-of: a second one widens.
    const one = await search('specialty=pediatrics')
    const two = await search('specialty=pediatrics&specialty=emergency-medicine')
    expect(two.total).toBeGreaterThan(one.total)
  })

  it('the total is the number of listed mentors matching everything', async () => {
    const body = await search('kind=faculty&offers=letters')
    const [row] = (
      (await t.db.execute(
        sql`select count(*)::int as n from directory_entries d join mentor_profiles m on m.person_id = d.person_id where d.listed and m.kind = 'faculty' and 'letters' = any(m.offers)`,
      )) as unknown as { rows: { n: number }[] }
    ).rows
    expect(body.total).toBe(Number(row?.n))
  })
})

describe('privacy, for every role', () => {
  const seesIdentity: Record<Role, string[]> = {
    student: ['veteran'],
    mentor: ['veteran', 'first-generation'],
    advisor: ['veteran', 'first-generation', 'lgbtq'],
    admin: ['veteran'],
  }
  for (const role of ROLES) {
    it(`${role}: held, disabled and invited mentors never appear, not even in counts`, async () => {
      const found = await search('q=zebrafish', role)
      expect(found.total).toBe(0)
      expect(found.results).toEqual([])
      for (const facet of DIRECTORY_FACETS)
        expect(
          found.facets[facet].every((f) => f.count === 0),
          facet,
        ).toBe(true)
      expect((await search('q=Holdwell', role)).didYouMean).not.toBe('Hidden Holdwell')
      expect((await search('q=Holdwel', role)).didYouMean).not.toBe('Hidden Holdwell')
      const everyone = await search('pageSize=50', role)
      const listed = everyone.facets.kind.reduce((sum, f) => sum + f.count, 0)
      expect(listed).toBe(everyone.total)
      expect(everyone.results.map((r) => r.id)).not.toContain(ids.held)
      for (const key of ['held', 'disabled', 'invited']) {
        const profile = await t.request('GET', `/api/directory/mentors/${ids[key]}`, { cookie: cookies.get(role) ?? null })
        expect(profile.status).toBe(404)
      }
      expect(everyone.facets.identity.map((f) => f.value).sort()).toEqual([...seesIdentity[role]].sort())
    })

    it(`${role}: identity appears only where the mentor shared it with ${role}s`, async () => {
      const all = await search('pageSize=50', role)
      for (const result of all.results) {
        const key = Object.entries(ids).find(([, id]) => id === result.id)?.[0] ?? ''
        const shared = { veteran: 'veteran', lgbtq: 'lgbtq', firstgen: 'first-generation' }[key]
        if (shared && seesIdentity[role].includes(shared)) expect(result.identity, key).toEqual([shared])
        else if (['veteran', 'lgbtq', 'firstgen', 'private'].includes(key)) expect('identity' in result, key).toBe(false)
      }
      // Filtering by an identity the viewer may not see finds nobody.
      expect((await search('identity=rural-background', role)).total).toBe(0)
      expect((await search('identity=lgbtq', role)).total).toBe(role === 'advisor' ? 1 : 0)
      const profile = await t.request('GET', `/api/directory/mentors/${ids.lgbtq}`, { cookie: cookies.get(role) ?? null })
      expect(profile.status).toBe(200)
      expect('identity' in profile.json).toBe(role === 'advisor')
    })
  }

  it('a student is not a mentor and is not listed', async () => {
    const response = await t.request('GET', `/api/directory/mentors/${ids.student}`, { cookie: cookies.get('admin') ?? null })
    expect(response.status).toBe(404)
  })

  it('a search that shows identity is audited, without its content', async () => {
    await search('identity=veteran', 'student')
    const [row] = (
      (await t.db.execute(sql`select count(*)::int as n from audit_log where action = 'directory.identity-read'`)) as unknown as { rows: { n: number }[] }
    ).rows
    expect(Number(row?.n)).toBeGreaterThan(0)
  })
})

describe('bad query strings are a 400 envelope', () => {
  for (const query of [
    `q=${'x'.repeat(201)}`,
    'kind=wizard',
    'specialty=astrology',
    'sort=random',
    'page=0',
    'pageSize=500',
    'accepting=maybe',
    'state=Ohio',
    `offers=${Array(31).fill('research').join('&offers=')}`,
  ]) {
    it(query.slice(0, 40), async () => {
      const response = await t.request('GET', `/api/directory/mentors?${query}`, { cookie: cookies.get('student') ?? null })
      expect(response.status).toBe(400)
      expect(response.json.error.code).toBe('VALIDATION_FAILED')
    })
  }
})
