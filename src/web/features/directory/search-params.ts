import { DIRECTORY_FACETS, type DirectoryFacet } from '#shared/contracts/directory.ts'

/** The search lives in the address: `q`, facet values (repeated), `sort`, `exact` (no spelling correction), `page`. */
export const SEARCH_KEYS = ['q', ...DIRECTORY_FACETS, 'sort', 'exact', 'page'] as const

/** The page's parameters the API understands, in a stable order (one cache entry per search). */
export function apiSearch(params: URLSearchParams): string {
  const out = new URLSearchParams()
  for (const key of SEARCH_KEYS) for (const value of params.getAll(key)) if (value) out.append(key, value)
  return out.toString()
}

export function chosenCount(params: URLSearchParams): number {
  return DIRECTORY_FACETS.reduce((sum, facet) => sum + params.getAll(facet).length, 0)
}

/** Adds or removes one facet value; any change of the search goes back to page 1. */
export function toggleValue(params: URLSearchParams, facet: DirectoryFacet, value: string, on: boolean): URLSearchParams {
  const next = new URLSearchParams(params)
  const values = next.getAll(facet).filter((v) => v !== value)
  next.delete(facet)
  for (const v of on ? [...values, value] : values) next.append(facet, v)
  next.delete('page')
  return next
}

export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const facet of DIRECTORY_FACETS) next.delete(facet)
  next.delete('page')
  return next
}

/** The same search with the words exactly as typed, not corrected ("search instead for …"). */
export function exactly(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params)
  next.set('exact', 'true')
  next.delete('page')
  return next
}

/** The chosen filters, one chip each, labelled as the facet panel labels them. */
export function activeFilters(
  params: URLSearchParams,
  labelOf: (facet: DirectoryFacet, value: string) => string,
): { facet: DirectoryFacet; value: string; label: string }[] {
  return DIRECTORY_FACETS.flatMap((facet) => params.getAll(facet).map((value) => ({ facet, value, label: labelOf(facet, value) })))
}
