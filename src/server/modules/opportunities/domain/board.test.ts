import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CLASS_YEARS, OPPORTUNITY_KINDS } from '#shared/enums.ts'
import { TIME_COMMITMENTS } from '#shared/reference/time-commitments.ts'
import { type BoardFilters, type BoardItem, countFacets, filterBoard, siteOf } from './board.ts'

const items: BoardItem[] = [
  { kind: 'research-project', specialtyId: 'emergency-medicine', remote: true, classYears: ['M1', 'M2'], site: '', commitment: 'hours-a-week' },
  { kind: 'research-project', specialtyId: 'dermatology', remote: false, classYears: [], site: 'Cancer Center', commitment: 'a-summer' },
  {
    kind: 'shadowing',
    specialtyId: 'emergency-medicine',
    remote: false,
    classYears: ['M1'],
    site: 'University Hospital, Adult Emergency Department',
    commitment: null,
  },
  { kind: 'summer-experience', specialtyId: null, remote: false, classYears: ['M1'], site: 'University  Hospital, Main ORs', commitment: null },
]

describe('the board’s filters and facets', () => {
  it('filters by every facet at once; an opportunity for every class year is for each', () => {
    expect(filterBoard(items, { kind: 'research-project' })).toHaveLength(2)
    expect(filterBoard(items, { kind: 'research-project', remote: false })).toEqual([items[1]])
    expect(filterBoard(items, { classYear: 'M2' })).toEqual([items[0], items[1]])
    expect(filterBoard(items, { specialtyId: 'emergency-medicine', classYear: 'M1' })).toEqual([items[0], items[2]])
  })

  it('counts each facet over the items matching the other filters, not its own', () => {
    const facets = countFacets(items, { kind: 'research-project' }, CLASS_YEARS)
    // Kinds still show the others: choosing shadowing instead would find one.
    expect(facets.kind).toEqual([
      { value: 'research-project', count: 2 },
      { value: 'shadowing', count: 1 },
      { value: 'summer-experience', count: 1 },
    ])
    expect(facets.specialtyId).toEqual([
      { value: 'dermatology', count: 1 },
      { value: 'emergency-medicine', count: 1 },
    ])
    expect(facets.remote).toEqual([
      { value: 'false', count: 1 },
      { value: 'true', count: 1 },
    ])
    expect(facets.classYear.find((f) => f.value === 'M1')?.count).toBe(2)
    expect(facets.classYear.find((f) => f.value === 'M3')?.count).toBe(1)
  })

  it('counts a site under the place before the first comma, and no site under none', () => {
    expect(siteOf(' University  Hospital, Labor and Delivery, 5th floor')).toBe('University Hospital')
    expect(siteOf('Partner practices across the state')).toBe('Partner practices across the state')
    expect(siteOf('')).toBe('')
    expect(countFacets(items, {}, CLASS_YEARS).site).toEqual([
      { value: 'University Hospital', count: 2 },
      { value: 'Cancer Center', count: 1 },
    ])
    expect(filterBoard(items, { site: 'university hospital' })).toEqual([items[2], items[3]])
  })

  it('counts a time commitment the poster left unchosen as the one its kind usually takes', () => {
    const facets = countFacets(items, { remote: false }, CLASS_YEARS)
    expect(facets.commitment).toEqual([
      { value: 'a-summer', count: 2 },
      { value: 'a-day', count: 1 },
    ])
    // Each facet over the others: the remote project still counts under its own bucket once remote is lifted.
    expect(filterBoard(items, { commitment: 'a-summer' })).toEqual([items[1], items[3]])
    expect(countFacets(items, { commitment: 'a-day' }, CLASS_YEARS).commitment.find((f) => f.value === 'hours-a-week')?.count).toBe(1)
  })
})

describe('the one-pass facet counts', () => {
  // The definition, counted facet by facet: each facet over the items passing every other filter.
  const byDefinition = (all: readonly BoardItem[], filters: BoardFilters) => {
    const facets = ['kind', 'specialtyId', 'remote', 'classYear', 'site', 'commitment'] as const
    return Object.fromEntries(
      facets.map((facet) => {
        const others = { ...filters, [facet]: undefined }
        return [facet, countFacets(filterBoard(all, others), { [facet]: filters[facet] }, CLASS_YEARS)[facet]]
      }),
    )
  }
  const item = fc.record({
    kind: fc.constantFrom(...OPPORTUNITY_KINDS),
    specialtyId: fc.constantFrom('emergency-medicine', 'dermatology', null),
    remote: fc.boolean(),
    classYears: fc.uniqueArray(fc.constantFrom(...CLASS_YEARS), { maxLength: 3 }),
    site: fc.constantFrom('', 'Cancer Center', 'University Hospital, Main ORs', 'University Hospital, Clinic 4'),
    commitment: fc.constantFrom(...TIME_COMMITMENTS, null),
  })
  const filters = fc.record(
    {
      kind: fc.constantFrom(...OPPORTUNITY_KINDS),
      specialtyId: fc.constantFrom('emergency-medicine', 'dermatology'),
      remote: fc.boolean(),
      classYear: fc.constantFrom(...CLASS_YEARS),
      site: fc.constantFrom('Cancer Center', 'University Hospital'),
      commitment: fc.constantFrom(...TIME_COMMITMENTS),
    },
    { requiredKeys: [] },
  )

  it('equal the counts facet by facet, for any items and filters', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), filters, (all, chosen) => {
        expect(countFacets(all, chosen, CLASS_YEARS)).toEqual(byDefinition(all, chosen))
      }),
    )
  })
})
