import type { ClassYear, OpportunityKind } from '#shared/enums.ts'
import { type TimeCommitment, USUAL_TIME_COMMITMENT } from '#shared/reference/time-commitments.ts'

/**
 * The board's filters and facet counts, pure. Each facet counts the opportunities that match
 * every other filter in force, so ticking a kind still shows how many of each other kind there
 * are (and a count is what choosing that value would find).
 */

export type BoardItem = {
  kind: OpportunityKind
  specialtyId: string | null
  remote: boolean
  classYears: readonly ClassYear[]
  /** Where it happens, in the poster's words ("University Hospital, Adult Emergency Department"). */
  site: string
  commitment: TimeCommitment | null
}
export type BoardFilters = {
  kind?: OpportunityKind | undefined
  specialtyId?: string | undefined
  remote?: boolean | undefined
  classYear?: ClassYear | undefined
  /** A site as `siteOf` names it. */
  site?: string | undefined
  commitment?: TimeCommitment | undefined
}
type Facet = keyof BoardFilters
export type FacetCounts = Record<Facet, { value: string; count: number }[]>

const FACETS: readonly Facet[] = ['kind', 'specialtyId', 'remote', 'classYear', 'site', 'commitment']

const siteKeys = new Map<string, string>()

/**
 * The site an opportunity is counted under: the place before the first comma ("University
 * Hospital" for "University Hospital, Main Operating Rooms"), so the departments of one hospital
 * make one choice rather than one each; spaces tidied. Empty when the poster named none.
 */
export function siteOf(site: string): string {
  let key = siteKeys.get(site)
  if (key === undefined) {
    key = (site.split(',')[0] ?? '').replace(/\s+/g, ' ').trim()
    // Remembered per distinct text (a few hundred on a school's board), so counting the facet does not re-split each row per request.
    if (siteKeys.size > 10_000) siteKeys.clear()
    siteKeys.set(site, key)
  }
  return key
}

/** The bucket the poster chose, or the one its kind usually takes. */
export function commitmentOf(item: Pick<BoardItem, 'kind' | 'commitment'>): TimeCommitment {
  return item.commitment ?? USUAL_TIME_COMMITMENT[item.kind]
}

/** Whether the item passes this one facet's filter (none in force: it passes). */
function passes(item: BoardItem, filters: BoardFilters, facet: Facet): boolean {
  if (facet === 'kind') return !filters.kind || item.kind === filters.kind
  if (facet === 'specialtyId') return !filters.specialtyId || item.specialtyId === filters.specialtyId
  if (facet === 'remote') return filters.remote === undefined || item.remote === filters.remote
  if (facet === 'site') return !filters.site || siteOf(item.site).toLowerCase() === filters.site.toLowerCase()
  if (facet === 'commitment') return !filters.commitment || commitmentOf(item) === filters.commitment
  // An opportunity for every class year is for each of them.
  return !filters.classYear || item.classYears.length === 0 || item.classYears.includes(filters.classYear)
}

function matches(item: BoardItem, filters: BoardFilters): boolean {
  return FACETS.every((facet) => passes(item, filters, facet))
}

function valuesOf(item: BoardItem, facet: Facet, allClassYears: readonly ClassYear[]): string[] {
  if (facet === 'kind') return [item.kind]
  if (facet === 'specialtyId') return item.specialtyId ? [item.specialtyId] : []
  if (facet === 'remote') return [String(item.remote)]
  if (facet === 'site') {
    const site = siteOf(item.site)
    return site ? [site] : []
  }
  if (facet === 'commitment') return [commitmentOf(item)]
  return item.classYears.length > 0 ? [...item.classYears] : [...allClassYears]
}

export function filterBoard<T extends BoardItem>(items: readonly T[], filters: BoardFilters): T[] {
  return items.filter((item) => matches(item, filters))
}

/**
 * Counts per value of each facet, most first (ties by value), over the items matching the other
 * filters. One pass: an item that passes every filter counts in every facet; one that fails exactly
 * one filter counts in that facet alone (the others' counts keep it out); one failing two counts nowhere.
 */
export function countFacets(items: readonly BoardItem[], filters: BoardFilters, allClassYears: readonly ClassYear[]): FacetCounts {
  const counts = new Map<Facet, Map<string, number>>(FACETS.map((facet) => [facet, new Map()]))
  const add = (item: BoardItem, facet: Facet) => {
    const perValue = counts.get(facet)
    if (perValue) for (const value of valuesOf(item, facet, allClassYears)) perValue.set(value, (perValue.get(value) ?? 0) + 1)
  }
  for (const item of items) {
    let failed: Facet | null = null
    let failures = 0
    for (const facet of FACETS) {
      if (passes(item, filters, facet)) continue
      failed = facet
      failures += 1
      if (failures > 1) break
    }
    if (failures > 1) continue
    if (failed) add(item, failed)
    else for (const facet of FACETS) add(item, facet)
  }
  const result = {} as FacetCounts
  for (const facet of FACETS) {
    result[facet] = [...(counts.get(facet) ?? [])]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
  }
  return result
}
