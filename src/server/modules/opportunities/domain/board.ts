import type { ClassYear, OpportunityKind } from '#shared/enums.ts'

/**
 * The board's filters and facet counts, pure. Each facet counts the opportunities that match
 * every other filter in force, so ticking a kind still shows how many of each other kind there
 * are (and a count is what choosing that value would find).
 */

export type BoardItem = { kind: OpportunityKind; specialtyId: string | null; remote: boolean; classYears: readonly ClassYear[] }
export type BoardFilters = {
  kind?: OpportunityKind | undefined
  specialtyId?: string | undefined
  remote?: boolean | undefined
  classYear?: ClassYear | undefined
}
type Facet = keyof BoardFilters
export type FacetCounts = Record<Facet, { value: string; count: number }[]>

const FACETS: readonly Facet[] = ['kind', 'specialtyId', 'remote', 'classYear']

function matches(item: BoardItem, filters: BoardFilters, except?: Facet): boolean {
  if (except !== 'kind' && filters.kind && item.kind !== filters.kind) return false
  if (except !== 'specialtyId' && filters.specialtyId && item.specialtyId !== filters.specialtyId) return false
  if (except !== 'remote' && filters.remote !== undefined && item.remote !== filters.remote) return false
  // An opportunity for every class year is for each of them.
  if (except !== 'classYear' && filters.classYear && item.classYears.length > 0 && !item.classYears.includes(filters.classYear)) return false
  return true
}

function valuesOf(item: BoardItem, facet: Facet, allClassYears: readonly ClassYear[]): string[] {
  if (facet === 'kind') return [item.kind]
  if (facet === 'specialtyId') return item.specialtyId ? [item.specialtyId] : []
  if (facet === 'remote') return [String(item.remote)]
  return item.classYears.length > 0 ? [...item.classYears] : [...allClassYears]
}

export function filterBoard<T extends BoardItem>(items: readonly T[], filters: BoardFilters): T[] {
  return items.filter((item) => matches(item, filters))
}

/** Counts per value of each facet, most first (ties by value), over the items matching the other filters. */
export function countFacets(items: readonly BoardItem[], filters: BoardFilters, allClassYears: readonly ClassYear[]): FacetCounts {
  const result = {} as FacetCounts
  for (const facet of FACETS) {
    const counts = new Map<string, number>()
    for (const item of items) {
      if (!matches(item, filters, facet)) continue
      for (const value of valuesOf(item, facet, allClassYears)) counts.set(value, (counts.get(value) ?? 0) + 1)
    }
    result[facet] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
  }
  return result
}
