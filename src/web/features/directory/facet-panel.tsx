import { useState } from 'react'
import { isAllOfFacet, type DirectoryFacet, type FacetCount } from '#shared/contracts/directory.ts'

/** Facets in the order a student thinks of them, with the heading each fieldset gets. */
export const FACET_TITLES: [DirectoryFacet, string][] = [
  ['accepting', 'Availability'],
  ['kind', 'Kind of mentor'],
  ['specialty', 'Specialty'],
  ['offers', 'What they offer'],
  ['department', 'Department'],
  ['rank', 'Academic rank'],
  ['site', 'Site'],
  ['region', 'Region'],
  ['state', 'State'],
  ['language', 'Languages'],
  ['identity', 'Identity (shared with you)'],
]

const SHOWN = 6

type FacetGroupProps = {
  facet: DirectoryFacet
  title: string
  counts: readonly FacetCount[]
  chosen: readonly string[]
  onToggle: (facet: DirectoryFacet, value: string, on: boolean) => void
}

function FacetGroup({ facet, title, counts, chosen, onToggle }: FacetGroupProps) {
  const [expanded, setExpanded] = useState(false)
  if (counts.length === 0) return null
  // Chosen values always show, so they can be unticked.
  const visible = expanded ? counts : counts.filter((c, i) => i < SHOWN || chosen.includes(c.value))
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      {/* Ticking two offers means both; elsewhere a second value widens the search. */}
      {isAllOfFacet(facet) ? <p className="facet-hint">Mentors who offer everything you tick.</p> : null}
      <ul className="facet-options">
        {visible.map((option) => {
          const id = `facet-${facet}-${option.value}`.replace(/[^A-Za-z0-9_-]/g, '-')
          const checked = chosen.includes(option.value)
          return (
            <li key={option.value}>
              <input id={id} type="checkbox" checked={checked} onChange={(e) => onToggle(facet, option.value, e.currentTarget.checked)} />
              <label htmlFor={id}>
                <span className="facet-label">{option.label}</span>
                <span className="facet-count">
                  {option.count}
                  <span className="visually-hidden"> {option.count === 1 ? 'mentor' : 'mentors'}</span>
                </span>
              </label>
            </li>
          )
        })}
      </ul>
      {counts.length > visible.length || expanded ? (
        <button type="button" className="button-link facet-more" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? 'Show fewer' : `Show all ${counts.length}`}
          <span className="visually-hidden"> {title.toLowerCase()} options</span>
        </button>
      ) : null}
    </fieldset>
  )
}

export function FacetPanel({
  facets,
  params,
  onToggle,
}: {
  facets: Record<DirectoryFacet, FacetCount[]>
  params: URLSearchParams
  onToggle: FacetGroupProps['onToggle']
}) {
  return (
    <>
      {FACET_TITLES.map(([facet, title]) => (
        <FacetGroup key={facet} facet={facet} title={title} counts={facets[facet] ?? []} chosen={params.getAll(facet)} onToggle={onToggle} />
      ))}
    </>
  )
}
