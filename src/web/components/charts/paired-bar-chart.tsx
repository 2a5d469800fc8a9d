import { useId } from 'react'
import './paired-bar-chart.css'

/** One row of the chart: a value, and what it is compared with (null: nothing to compare, or hidden). */
export type PairedBar = { label: string; value: number | null; comparison: number | null; note?: string }

const ROW = 34
const LABEL_W = 200
const W = 520
const M = { top: 28, right: 56, bottom: 8 }

/**
 * Horizontal bars of rates (0–1), each beside a thinner bar for what it is compared with
 * (everyone else, the nation). An SVG image with a title and a description in words; the same
 * figures are in the table that follows it (`children`), so the chart is for looking and the
 * table for reading. A row with no value says why instead of drawing a bar of zero.
 */
export function PairedBarChart({
  title,
  description,
  bars,
  valueName,
  comparisonName,
  children,
}: {
  title: string
  description: string
  bars: readonly PairedBar[]
  valueName: string
  comparisonName: string
  children: React.ReactNode
}) {
  const id = useId()
  const H = M.top + bars.length * ROW + M.bottom
  const plot = W - LABEL_W - M.right
  const x = (v: number) => LABEL_W + Math.max(0, Math.min(1, v)) * plot
  const pct = (v: number) => `${Math.round(v * 100)}%`
  return (
    <figure className="pb-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="pb-chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g>
          <rect x={LABEL_W} y={6} width={12} height={10} className="pb-value" />
          <text x={LABEL_W + 16} y={15} className="pb-label">
            {valueName}
          </text>
          <rect x={LABEL_W + 110} y={8} width={12} height={6} className="pb-comparison" />
          <text x={LABEL_W + 126} y={15} className="pb-label">
            {comparisonName}
          </text>
          {[0, 0.5, 1].map((t) => (
            <line key={t} x1={x(t)} x2={x(t)} y1={M.top - 4} y2={H - M.bottom} className="pb-grid" />
          ))}
        </g>
        {bars.map((b, i) => {
          const top = M.top + i * ROW
          return (
            <g key={b.label}>
              <text x={LABEL_W - 8} y={top + 19} textAnchor="end" className="pb-label">
                {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
              </text>
              {b.value === null ? (
                <text x={LABEL_W + 4} y={top + 19} className="pb-note">
                  {b.note ?? 'not shown'}
                </text>
              ) : (
                <>
                  <rect x={LABEL_W} y={top + 6} width={x(b.value) - LABEL_W} height={14} className="pb-value" />
                  <text x={x(b.value) + 4} y={top + 18} className="pb-label">
                    {pct(b.value)}
                  </text>
                </>
              )}
              {b.comparison === null ? null : <rect x={LABEL_W} y={top + 22} width={x(b.comparison) - LABEL_W} height={6} className="pb-comparison" />}
            </g>
          )
        })}
      </svg>
      <figcaption className="pb-caption">{title}</figcaption>
      <details className="pb-details" open>
        <summary>The figures as a table</summary>
        {children}
      </details>
    </figure>
  )
}
