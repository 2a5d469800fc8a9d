import type { OpportunityBoard } from '#shared/contracts/opportunities.ts'
import { CLASS_YEAR_LABELS, CLASS_YEARS, OPPORTUNITY_KIND_LABELS, OPPORTUNITY_KINDS, type ClassYear, type OpportunityKind } from '#shared/enums.ts'
import { TIME_COMMITMENT_LABELS, TIME_COMMITMENTS, type TimeCommitment } from '#shared/reference/time-commitments.ts'
import { specialtyLabel } from './opportunity-format.ts'

export type BoardFilter = 'kind' | 'commitment' | 'specialtyId' | 'site' | 'remote' | 'classYear'
export const BOARD_FILTERS: readonly BoardFilter[] = ['kind', 'commitment', 'specialtyId', 'site', 'remote', 'classYear']
const TITLES: Record<BoardFilter, string> = {
  kind: 'Kind',
  commitment: 'Time it takes',
  specialtyId: 'Specialty',
  site: 'Site',
  remote: 'Where',
  classYear: 'Class year',
}
/** The filters with many values, chosen from a list rather than radio buttons. */
const SELECTS: Partial<Record<BoardFilter, string>> = { specialtyId: 'Any specialty', site: 'Any site' }

/** A filter's value in words, for its option and its chip. */
export function filterValueLabel(filter: BoardFilter, value: string): string {
  if (filter === 'kind') return OPPORTUNITY_KIND_LABELS[value as OpportunityKind] ?? value
  if (filter === 'specialtyId') return specialtyLabel(value)
  if (filter === 'site') return value
  if (filter === 'commitment') return TIME_COMMITMENT_LABELS[value as TimeCommitment] ?? value
  if (filter === 'remote') return value === 'true' ? 'Remote' : 'In person'
  return CLASS_YEAR_LABELS[value as ClassYear] ?? value
}

function order(filter: BoardFilter): readonly string[] | null {
  if (filter === 'kind') return OPPORTUNITY_KINDS
  if (filter === 'classYear') return CLASS_YEARS
  if (filter === 'remote') return ['true', 'false']
  if (filter === 'commitment') return TIME_COMMITMENTS
  return null
}

type Props = {
  facets: OpportunityBoard['facets'] | undefined
  params: URLSearchParams
  onChange: (filter: BoardFilter, value: string | null) => void
  /** A student sees only what is open to their own class year, so that filter would tell them nothing. */
  withoutClassYear?: boolean
}

/** One choice per filter, each option with how many it would find; "Any" lifts it. */
export function BoardFilters({ facets, params, onChange, withoutClassYear = false }: Props) {
  return (
    <>
      {BOARD_FILTERS.filter((f) => !(withoutClassYear && f === 'classYear' && !params.get(f))).map((filter) => {
        const chosen = params.get(filter) ?? ''
        const counts = new Map((facets?.[filter] ?? []).map((f) => [f.value, f.count]))
        const values =
          order(filter)?.filter((v) => counts.has(v) || v === chosen) ??
          [...counts.keys()].sort((a, b) => filterValueLabel(filter, a).localeCompare(filterValueLabel(filter, b)))
        if (chosen && !values.includes(chosen)) values.push(chosen)
        const id = `opportunity-filter-${filter}`
        const anyLabel = SELECTS[filter]
        if (anyLabel)
          return (
            <div className="field" key={filter}>
              <label htmlFor={id}>{TITLES[filter]}</label>
              <select id={id} value={chosen} onChange={(e) => onChange(filter, e.currentTarget.value || null)}>
                <option value="">{anyLabel}</option>
                {values.map((v) => (
                  <option key={v} value={v}>
                    {filterValueLabel(filter, v)} ({counts.get(v) ?? 0})
                  </option>
                ))}
              </select>
            </div>
          )
        return (
          <fieldset className="facet" key={filter}>
            <legend>{TITLES[filter]}</legend>
            <ul className="facet-options">
              {['', ...values].map((v) => {
                const optionId = `${id}-${v || 'any'}`
                return (
                  <li key={v || 'any'}>
                    <input id={optionId} type="radio" name={id} checked={chosen === v} onChange={() => onChange(filter, v || null)} />
                    <label htmlFor={optionId}>
                      <span className="facet-label">{v ? filterValueLabel(filter, v) : 'Any'}</span>
                      {v ? (
                        <span className="facet-count">
                          {counts.get(v) ?? 0}
                          <span className="visually-hidden"> {counts.get(v) === 1 ? 'opportunity' : 'opportunities'}</span>
                        </span>
                      ) : null}
                    </label>
                  </li>
                )
              })}
            </ul>
          </fieldset>
        )
      })}
    </>
  )
}

/** The filters in force above the results, each removable with one click (on a phone the panel is folded away). */
export function BoardChips({ params, onRemove, onClear }: { params: URLSearchParams; onRemove: (filter: BoardFilter) => void; onClear: () => void }) {
  const chips = BOARD_FILTERS.flatMap((filter) => {
    const value = params.get(filter)
    return value ? [{ filter, label: filterValueLabel(filter, value) }] : []
  })
  if (chips.length === 0) return null
  return (
    <div className="filter-chips">
      <ul className="filter-chip-list" aria-label="Filters in use">
        {chips.map(({ filter, label }) => (
          <li key={filter}>
            <button type="button" className="filter-chip" onClick={() => onRemove(filter)}>
              <span className="visually-hidden">Remove filter {TITLES[filter]}: </span>
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
