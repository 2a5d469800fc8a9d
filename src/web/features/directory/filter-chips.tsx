import type { DirectoryFacet, FacetCount } from '#shared/contracts/directory.ts'
import { FACET_TITLES } from './facet-panel.tsx'
import { activeFilters } from './search-params.ts'

const FACET_NAMES = new Map(FACET_TITLES)

/**
 * The filters in force above the results, each removable with one click: on a phone the facet
 * panel is folded away, and a forgotten filter is the usual reason a search "finds nothing".
 */
export function FilterChips({
  params,
  facets,
  onRemove,
  onClear,
}: {
  params: URLSearchParams
  facets: Partial<Record<DirectoryFacet, FacetCount[]>> | undefined
  onRemove: (facet: DirectoryFacet, value: string) => void
  onClear: () => void
}) {
  const labelOf = (facet: DirectoryFacet, value: string) => facets?.[facet]?.find((f) => f.value === value)?.label ?? value
  const chips = activeFilters(params, labelOf)
  if (chips.length === 0) return null
  return (
    <div className="filter-chips">
      <ul className="filter-chip-list" aria-label="Filters in use">
        {chips.map(({ facet, value, label }) => (
          <li key={`${facet}:${value}`}>
            <button type="button" className="filter-chip" onClick={() => onRemove(facet, value)}>
              <span className="visually-hidden">Remove filter {FACET_NAMES.get(facet)}: </span>
              {label}
              <span aria-hidden="true" className="filter-chip-x">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 ? (
        <button type="button" className="button-link filter-chips-clear" onClick={onClear}>
          Clear all
        </button>
      ) : null}
    </div>
  )
}
