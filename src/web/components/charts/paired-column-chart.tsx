import { useId } from 'react'
import './paired-bar-chart.css'

/** One column pair: a label under it, and two counts side by side. */
export type PairedColumn = { label: string; first: number; second: number }

const W = 520
const H = 200
const M = { top: 28, right: 8, bottom: 28, left: 32 }

/**
 * Columns of counts over time (months), two side by side per step — the paired bar chart's
 * companion for counts rather than rates. An SVG image with a title and a description in words;
 * the same figures are in the table that follows it (`children`).
 */
export function PairedColumnChart({
  title,
  description,
  columns,
  firstName,
  secondName,
  children,
}: {
  title: string
  description: string
  columns: readonly PairedColumn[]
  firstName: string
  secondName: string
  children: React.ReactNode
}) {
  const id = useId()
  const max = Math.max(1, ...columns.flatMap((c) => [c.first, c.second]))
  const plotH = H - M.top - M.bottom
  const step = (W - M.left - M.right) / Math.max(1, columns.length)
  const bar = Math.max(2, step / 2 - 3)
  const y = (v: number) => M.top + plotH - (v / max) * plotH
  return (
    <figure className="pb-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="pb-chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <rect x={M.left} y={6} width={12} height={10} className="pb-value" />
        <text x={M.left + 16} y={15} className="pb-label">
          {firstName}
        </text>
        <rect x={M.left + 140} y={6} width={12} height={10} className="pb-comparison" />
        <text x={M.left + 156} y={15} className="pb-label">
          {secondName}
        </text>
        {[0, max].map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="pb-grid" />
            <text x={M.left - 4} y={y(t) + 4} textAnchor="end" className="pb-label">
              {t}
            </text>
          </g>
        ))}
        {columns.map((c, i) => {
          const x = M.left + i * step + 2
          return (
            <g key={c.label}>
              <rect x={x} y={y(c.first)} width={bar} height={y(0) - y(c.first)} className="pb-value" />
              <rect x={x + bar + 1} y={y(c.second)} width={bar} height={y(0) - y(c.second)} className="pb-comparison" />
              <text x={x + bar} y={H - M.bottom + 14} textAnchor="middle" className="pb-label">
                {c.label}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption className="pb-caption">{title}</figcaption>
      <details className="pb-details">
        <summary>The figures as a table</summary>
        {children}
      </details>
    </figure>
  )
}
