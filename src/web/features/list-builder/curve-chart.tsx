import { useId } from 'react'
import { curveReach, type ListBuilderResponse } from '#shared/contracts/list-builder.ts'
import { pct } from './list-builder-format.ts'

type Curve = ListBuilderResponse['curve']

// A narrow drawing scaled up on wide screens keeps its labels readable on a phone.
const W = 440
const H = 280
const M = { top: 16, right: 14, bottom: 44, left: 56 }

/** How far the chart reaches: as far as the server sends it (`curveReach`). */
export function chartLength(curve: Curve, count: number | null): number {
  return curveReach(curve.length, count)
}

/** Rows for the table alternative: every 5 applications, and the recommended count. */
export function tableRows(curve: Curve, count: number | null, length: number): Curve {
  const rows = curve.slice(0, length).filter((p) => p.applications === 1 || p.applications % 5 === 0 || p.applications === count)
  return rows
}

/**
 * Chance of matching against the number of applications, with the interval as a band, the
 * target as a dashed line and the recommended count marked. A described figure: the sentence
 * under it says what it shows, and a table gives the same figures.
 */
export function CurveChart({
  curve,
  count,
  target,
  level,
  summary,
  whose = 'your',
}: {
  curve: Curve
  count: number | null
  target: number
  level: number
  summary: string /** "your" or "Maya’s" */
  whose?: string
}) {
  const id = useId()
  const length = chartLength(curve, count)
  if (length === 0) return null
  const points = curve.slice(0, length)
  const iw = W - M.left - M.right
  const ih = H - M.top - M.bottom
  const x = (n: number) => M.left + (length === 1 ? iw / 2 : ((n - 1) / (length - 1)) * iw)
  const y = (p: number) => M.top + (1 - p) * ih
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.applications).toFixed(1)},${y(p.chance).toFixed(1)}`).join(' ')
  const band =
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.applications).toFixed(1)},${y(p.high).toFixed(1)}`).join(' ') +
    ' ' +
    [...points]
      .reverse()
      .map((p) => `L${x(p.applications).toFixed(1)},${y(p.low).toFixed(1)}`)
      .join(' ') +
    ' Z'
  const step = length <= 20 ? 5 : length <= 60 ? 10 : 20
  const xTicks = [1, ...Array.from({ length: Math.floor(length / step) }, (_, i) => (i + 1) * step)].filter((n) => n <= length)
  const yTicks = [0, 0.25, 0.5, 0.75, 1]
  const rec = count !== null && count <= length ? points[count - 1] : undefined
  const rows = tableRows(curve, count, length)
  const description = `${summary} The line rises steeply over the first programs and flattens: each further application adds less. The shaded band is the ${level}\u00a0% interval; the dashed line is ${whose} ${pct(target)} target.`

  return (
    <figure className="lb-chart" aria-labelledby={`${id}-caption`}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="lb-chart-svg">
        <title id={`${id}-title`}>Chance of matching against number of applications</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="lb-grid" />
            <text x={M.left - 8} y={y(t) + 4} textAnchor="end" className="lb-axis-label">
              {pct(t)}
            </text>
          </g>
        ))}
        {xTicks.map((n) => (
          <text key={n} x={x(n)} y={H - M.bottom + 18} textAnchor="middle" className="lb-axis-label">
            {n}
          </text>
        ))}
        <text x={M.left + iw / 2} y={H - 6} textAnchor="middle" className="lb-axis-title">
          Number of applications
        </text>
        <path d={band} className="lb-band" />
        <line x1={M.left} x2={W - M.right} y1={y(target)} y2={y(target)} className="lb-target" />
        <path d={line} className="lb-line" />
        {rec ? (
          <g>
            <line x1={x(rec.applications)} x2={x(rec.applications)} y1={y(0)} y2={y(rec.chance)} className="lb-rec-line" />
            <circle cx={x(rec.applications)} cy={y(rec.chance)} r={6} className="lb-rec-dot" />
            <text
              x={Math.min(x(rec.applications) + 8, W - M.right - 4)}
              y={Math.max(y(rec.chance) + 20, M.top + 12)}
              textAnchor={x(rec.applications) > W - 130 ? 'end' : 'start'}
              className="lb-rec-label"
            >
              {rec.applications} programs: {pct(rec.chance)}
            </text>
          </g>
        ) : null}
      </svg>
      <figcaption id={`${id}-caption`} className="lb-chart-caption">
        <span className="lb-key lb-key-line" aria-hidden="true" /> chance of matching <span className="lb-key lb-key-band" aria-hidden="true" />{' '}
        {pct(level / 100)} interval <span className="lb-key lb-key-target" aria-hidden="true" /> {whose} target ({pct(target)})
      </figcaption>
      <details className="lb-details">
        <summary>Show the curve as a table</summary>
        <div className="table-wrap">
          <table className="table lb-curve-table">
            <caption className="visually-hidden">Chance of matching by number of applications</caption>
            <thead>
              <tr>
                <th scope="col">Applications</th>
                <th scope="col">Chance of matching</th>
                <th scope="col">{pct(level / 100)} interval</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.applications} className={p.applications === count ? 'lb-row-recommended' : undefined}>
                  <th scope="row">
                    {p.applications}
                    {p.applications === count ? ' (recommended)' : ''}
                  </th>
                  <td>{pct(p.chance)}</td>
                  <td>
                    {pct(p.low)}–{pct(p.high)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  )
}
