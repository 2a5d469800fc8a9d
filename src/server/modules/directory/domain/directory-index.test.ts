import { describe, expect, it } from 'vitest'
import { DIRECTORY_FACETS } from '#shared/contracts/directory.ts'
import { DirectoryIndex, lexemeScores, nameSortKey, type FacetFilters, type IndexedMentor } from './directory-index.ts'
import { parseTsquery } from './tsquery.ts'

const noFilters = Object.fromEntries(DIRECTORY_FACETS.map((f) => [f, []])) as unknown as FacetFilters
const student = { personId: 'viewer', seesIdentity: [false, false, false, true] }

function mentor(id: string, name: string, extra: Partial<IndexedMentor> = {}): IndexedMentor {
  return {
    id,
    name,
    pronouns: null,
    kind: 'faculty',
    departmentId: 'medicine',
    specialtyId: 'internal-medicine',
    subspecialty: '',
    academicRank: null,
    clinicalSite: 'University Hospital',
    city: 'Columbus',
    state: 'OH',
    offers: ['career-advice'],
    capacity: 2,
    accepting: true,
    languages: ['English'],
    identity: [],
    identityVisibility: 'private',
    bioSnippet: '',
    hasPhoto: false,
    ...extra,
  }
}

describe('lexemeScores', () => {
  it('weights name 10, specialty 4, research 2, bio 1, capped at 20', () => {
    expect(Object.fromEntries(lexemeScores("'okafor':2A 'dermatolog':3B,4B,9 'sepsi':7C 'x':1A,2A,3A"))).toEqual({ okafor: 10, dermatolog: 9, sepsi: 2, x: 20 })
  })
})

describe('nameSortKey', () => {
  it('sorts by family name, folding accents', () => {
    expect(['Zoe Adams', 'Ana Núñez', 'Bo Nunez'].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1))).toEqual(['Zoe Adams', 'Ana Núñez', 'Bo Nunez'])
  })
})

describe('DirectoryIndex', () => {
  const index = new DirectoryIndex()
  index.upsert(mentor('a', 'Adaeze Okafor', { specialtyId: 'dermatology', offers: ['research', 'letters'] }), "'adaez':1A 'okafor':2A 'dermatolog':3B")
  index.upsert(
    mentor('b', 'Ben Carter', { kind: 'resident', state: 'CA', identity: ['veteran'], identityVisibility: 'everyone' }),
    "'ben':1A 'carter':2A 'dermatolog':9",
  )
  index.upsert(mentor('c', 'Cy Long', { accepting: false, identity: ['lgbtq'], identityVisibility: 'advisors' }), "'cy':1A 'long':2A")
  const run = (query: string | null, filters: Partial<FacetFilters> = {}) =>
    index.search(student, {
      query: query ? parseTsquery(query) : null,
      filters: { ...noFilters, ...filters },
      sort: query ? 'relevance' : 'name',
      offset: 0,
      limit: 10,
    })

  it('ranks by weighted score', () => {
    expect(run("'dermatolog'").hits.map((h) => h.mentor.id)).toEqual(['a', 'b'])
  })

  it('counts each facet under the other facets’ filters', () => {
    const result = run(null, { kind: ['resident'], state: ['OH'] })
    expect(result.total).toBe(0)
    expect(result.facets.kind).toEqual([
      { value: 'faculty', label: 'Faculty', count: 2 },
      { value: 'resident', label: 'Resident', count: 0 },
    ])
    expect(result.facets.state).toEqual([
      { value: 'CA', label: 'CA', count: 1 },
      { value: 'OH', label: 'OH', count: 0 },
    ])
  })

  it('counts identity only where the viewer may see it', () => {
    expect(run(null).facets.identity).toEqual([{ value: 'veteran', label: 'Military veteran', count: 1 }])
    expect(run(null, { identity: ['lgbtq'] }).total).toBe(0)
  })

  it('an edit replaces the mentor; a removal drops them everywhere', () => {
    index.upsert(mentor('b', 'Ben Carter', { kind: 'fellow' }), "'ben':1A 'carter':2A")
    expect(run("'dermatolog'").hits.map((h) => h.mentor.id)).toEqual(['a'])
    index.remove('a')
    expect(run("'dermatolog'").total).toBe(0)
    expect(run(null).hits.map((h) => h.mentor.name)).toEqual(['Ben Carter', 'Cy Long'])
  })
})

describe('facet counts with one facet chosen (the counts of everyone, less those it leaves out)', () => {
  it('equal the counts of a search with a second, empty-handed filter that changes nothing', () => {
    const index = new DirectoryIndex()
    const kinds = ['faculty', 'resident', 'fellow', 'alumni'] as const
    const states = ['OH', 'CA', 'NY', 'MI', 'TX']
    const offers = ['career-advice', 'research', 'letters', 'shadowing'] as const
    for (let i = 0; i < 400; i++) {
      index.upsert(
        mentor(`m${i}`, `Name${i} Family${i % 37}`, {
          kind: kinds[i % 4] as IndexedMentor['kind'],
          state: states[i % 5] as string,
          accepting: i % 7 !== 0,
          offers: offers.filter((_, k) => (i >> k) % 2 === 1),
          identity: i % 3 === 0 ? ['veteran'] : [],
          identityVisibility: i % 2 === 0 ? 'everyone' : 'private',
        }),
        `'name${i}':1A`,
      )
    }
    const viewer = { personId: 'viewer', seesIdentity: [false, false, false, true] }
    const search = (filters: Partial<FacetFilters>) =>
      index.search(viewer, { query: null, filters: { ...noFilters, ...filters }, sort: 'name', offset: 0, limit: 5 })
    // Every listed mentor has a department: choosing it too leaves the counts alone but takes the general path.
    for (const filters of [
      { accepting: ['true'] },
      { kind: ['faculty', 'resident', 'fellow'] },
      { state: ['OH', 'CA', 'NY'] },
      { offers: ['research', 'letters'] },
      { identity: ['veteran'] },
    ]) {
      const single = search(filters)
      const general = search({ ...filters, department: ['medicine'] })
      const { department: _a, ...singleFacets } = single.facets
      const { department: _b, ...generalFacets } = general.facets
      expect(singleFacets, JSON.stringify(filters)).toEqual(generalFacets)
      expect(single.total).toBe(general.total)
    }
  })
})
