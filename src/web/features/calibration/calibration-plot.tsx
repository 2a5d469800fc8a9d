import { useId } from 'react'
import type { CalibrationReportView } from '#shared/contracts/calibration.ts'
import { pct } from './calibration-format.ts'

type Scores = CalibrationReportView['interview']['calibrated']

const W = 420
const H = 400
const M = { top: 16, right: 30, bottom: 52, left: 56 }

/**
 * Predicted against observed, one point per decile of the predictions, on the held-out years:
 * the school's recalibrated model (filled circles, with the 95 % interval of the observed rate)
 * and the national figures (hollow squares). On the diagonal, predicted equals observed. The
 * same figures are in a table under the plot.
 */
export function CalibrationPlot({ title, what, calibrated, prior }: { title: string; what: string; calibrated: Scores; prior: Scores }) {
  const id = useId()
  const iw = W - M.left - M.right
  const ih = H - M.top - M.bottom
  const x = (p: number) => M.left + p * iw
  const y = (p: number) => M.top + (1 - p) * ih
  const ticks = [0, 0.25, 0.5, 0.75, 1]
  const gap = (s: Scores) => (s.bins.length ? s.bins.reduce((sum, b) => sum + Math.abs(b.observed - b.meanPredicted), 0) / s.bins.length : 0)
  const description =
    `${title}, on the held-out years: for each tenth of the ${what} sorted by predicted chance, the mean predicted chance (across) against the share that happened (up). ` +
    `Points on the diagonal are well calibrated. The recalibrated model is off by ${pct(gap(calibrated), 1)} on average, the national figures by ${pct(gap(prior), 1)}.`

  return (
    <figure className="cal-plot" aria-labelledby={`${id}-heading`}>
      <p id={`${id}-heading`} className="cal-plot-title">
        {title}{' '}
        <span className="muted">
          (each of {calibrated.count.toLocaleString('en-US')} {what}, held-out years)
        </span>
      </p>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="cal-plot-svg">
        <title id={`${id}-title`}>{title}: predicted against observed by decile</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(0)} x2={x(1)} y1={y(t)} y2={y(t)} className="cal-grid" />
            <line x1={x(t)} x2={x(t)} y1={y(0)} y2={y(1)} className="cal-grid" />
            <text x={x(0) - 8} y={y(t) + 4} textAnchor="end" className="cal-axis-label">
              {Math.round(t * 100)} %
            </text>
            <text x={x(t)} y={y(0) + 18} textAnchor="middle" className="cal-axis-label">
              {Math.round(t * 100)} %
            </text>
          </g>
        ))}
        <text x={x(0.5)} y={H - 8} textAnchor="middle" className="cal-axis-title">
          Predicted chance
        </text>
        <text transform={`translate(14 ${y(0.5)}) rotate(-90)`} textAnchor="middle" className="cal-axis-title">
          Observed share
        </text>
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} className="cal-diagonal" />
        {prior.bins.map((b, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a bin is its position on the scale
          <rect key={`p${i}`} x={x(b.meanPredicted) - 5} y={y(b.observed) - 5} width={10} height={10} className="cal-prior-point" />
        ))}
        {calibrated.bins.map((b, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a bin is its position on the scale
          <g key={`c${i}`}>
            <line x1={x(b.meanPredicted)} x2={x(b.meanPredicted)} y1={y(b.observedLow)} y2={y(b.observedHigh)} className="cal-interval" />
            <circle cx={x(b.meanPredicted)} cy={y(b.observed)} r={5.5} className="cal-point" />
          </g>
        ))}
      </svg>
      <figcaption id={`${id}-caption`} className="cal-plot-caption">
        <span>
          <span className="cal-key cal-key-point" aria-hidden="true" /> recalibrated on the school’s data (line: 95 % interval)
        </span>
        <span>
          <span className="cal-key cal-key-prior" aria-hidden="true" /> national figures
        </span>
        <span>
          <span className="cal-key cal-key-diagonal" aria-hidden="true" /> perfect calibration
        </span>
      </figcaption>
      <details className="cal-details">
        <summary>Show the {title.toLowerCase()} figures as a table</summary>
        <div className="table-wrap" role="region" aria-label={`${title}: figures by decile`} tabIndex={0}>
          <table className="table cal-table">
            <caption className="visually-hidden">{title}: predicted against observed by decile, held-out years</caption>
            <thead>
              <tr>
                <th scope="col">Decile</th>
                <th scope="col">{what[0]?.toUpperCase() + what.slice(1)}</th>
                <th scope="col">Predicted (recalibrated)</th>
                <th scope="col">Observed (95 % interval)</th>
                <th scope="col">Predicted (national)</th>
                <th scope="col">Observed</th>
              </tr>
            </thead>
            <tbody>
              {calibrated.bins.map((b, i) => {
                const p = prior.bins[i]
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a bin is its position on the scale
                  <tr key={i}>
                    <th scope="row">{i + 1}</th>
                    <td>{b.count.toLocaleString('en-US')}</td>
                    <td>{pct(b.meanPredicted, 1)}</td>
                    <td>
                      {pct(b.observed, 1)} ({pct(b.observedLow)}–{pct(b.observedHigh)})
                    </td>
                    <td>{p ? pct(p.meanPredicted, 1) : '—'}</td>
                    <td>{p ? pct(p.observed, 1) : '—'}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
        <p className="field-hint">
          Each model sorts the {what} by its own predictions, so a decile of one model is not the same group as that decile of the other.
        </p>
      </details>
    </figure>
  )
}
