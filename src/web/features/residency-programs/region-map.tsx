import type { Region } from '#engines/smart-pick/types.ts'
import { REGION_LABELS } from './program-format.ts'
import { plural } from '../../components/format.ts'

/** States laid out as equal tiles, roughly where they are (12 columns × 8 rows). */
const TILES: readonly [state: string, column: number, row: number][] = [
  ['AK', 0, 0],
  ['ME', 11, 0],
  ['VT', 10, 1],
  ['NH', 11, 1],
  ['WA', 1, 2],
  ['ID', 2, 2],
  ['MT', 3, 2],
  ['ND', 4, 2],
  ['MN', 5, 2],
  ['IL', 6, 2],
  ['WI', 7, 2],
  ['MI', 8, 2],
  ['NY', 9, 2],
  ['RI', 10, 2],
  ['MA', 11, 2],
  ['OR', 1, 3],
  ['NV', 2, 3],
  ['WY', 3, 3],
  ['SD', 4, 3],
  ['IA', 5, 3],
  ['IN', 6, 3],
  ['OH', 7, 3],
  ['PA', 8, 3],
  ['NJ', 9, 3],
  ['CT', 10, 3],
  ['CA', 1, 4],
  ['UT', 2, 4],
  ['CO', 3, 4],
  ['NE', 4, 4],
  ['MO', 5, 4],
  ['KY', 6, 4],
  ['WV', 7, 4],
  ['VA', 8, 4],
  ['MD', 9, 4],
  ['DE', 10, 4],
  ['AZ', 2, 5],
  ['NM', 3, 5],
  ['KS', 4, 5],
  ['AR', 5, 5],
  ['TN', 6, 5],
  ['NC', 7, 5],
  ['SC', 8, 5],
  ['DC', 9, 5],
  ['OK', 4, 6],
  ['LA', 5, 6],
  ['MS', 6, 6],
  ['AL', 7, 6],
  ['GA', 8, 6],
  ['HI', 0, 7],
  ['TX', 4, 7],
  ['FL', 9, 7],
  ['PR', 11, 7],
]

type Props = {
  byRegion: readonly { region: Region; count: number }[]
  byState: readonly { state: string; region: Region; count: number }[]
  region: string | null
  state: string | null
  onRegion: (region: Region | null) => void
  onState: (state: string | null) => void
}

/**
 * The region view: the four Census regions as buttons, then every state as a tile with its
 * count written on it (shade only repeats the number). Each is a toggle button: pressing it
 * filters the results, pressing it again lifts the filter.
 */
export function RegionMap({ byRegion, byState, region, state, onRegion, onState }: Props) {
  const counts = new Map(byState.map((s) => [s.state, s]))
  const max = Math.max(1, ...byState.map((s) => s.count))
  return (
    <div className="rp-map">
      <ul className="rp-regions" aria-label="Regions">
        {byRegion.map((r) => (
          <li key={r.region}>
            <button type="button" className="rp-region" aria-pressed={region === r.region} onClick={() => onRegion(region === r.region ? null : r.region)}>
              <span className="rp-region-name">{REGION_LABELS[r.region]}</span>
              <span className="rp-region-count">{plural(r.count, 'program', 'programs')}</span>
            </button>
          </li>
        ))}
      </ul>
      <p id="rp-map-help" className="field-hint">
        Each tile is a state with its number of programs matching your other filters. Choose one to see only its programs; choose it again to see all.
      </p>
      <div className="rp-tiles" role="group" aria-label="States" aria-describedby="rp-map-help">
        {TILES.map(([code, column, row]) => {
          const entry = counts.get(code)
          const n = entry?.count ?? 0
          const level = n === 0 ? 0 : Math.min(4, 1 + Math.floor((n / max) * 4))
          const dimmed = region !== null && entry?.region !== region
          return (
            <button
              key={code}
              type="button"
              className={`rp-tile rp-level-${level}${dimmed ? ' rp-dimmed' : ''}`}
              style={{ gridColumn: column + 1, gridRow: row + 1 }}
              aria-pressed={state === code}
              aria-label={`${code}: ${plural(n, 'program', 'programs')}`}
              disabled={n === 0 && state !== code}
              onClick={() => onState(state === code ? null : code)}
            >
              <span aria-hidden="true" className="rp-tile-code">
                {code}
              </span>
              <span aria-hidden="true" className="rp-tile-count">
                {n}
              </span>
            </button>
          )
        })}
      </div>
    </div>
  )
}
