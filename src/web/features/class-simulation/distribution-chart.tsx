import { useId } from 'react'

export type Bar = { label: string; value: number; tone?: 'matched' | 'unmatched' }

const W = 440
const H = 240
const M = { top: 16, right: 12, bottom: 56, left: 52 }

/**
 * A bar chart as an SVG image with a title and a description that says what it shows in
 * words; the same figures are in the table that follows it (`children`).
 */
export function DistributionChart({
  title,
  description,
  bars,
  xTitle,
  yTitle,
  formatValue,
  children,
}: {
  title: string
  description: string
  bars: Bar[]
  xTitle: string
  yTitle: string
  formatValue: (v: number) => string
  children: React.ReactNode
}) {
  const id = useId()
  const iw = W - M.left - M.right
  const ih = H - M.top - M.bottom
  const max = Math.max(1e-9, ...bars.map((b) => b.value))
  const step = iw / Math.max(1, bars.length)
  const barWidth = Math.max(1, step * 0.8)
  const y = (v: number) => M.top + ih - (v / max) * ih
  const ticks = [0, 0.5, 1].map((t) => t * max)
  const labelEvery = Math.max(1, Math.ceil(bars.length / 12))
  // Every few bars get a label, and the last one always; the one beside the last keeps clear of it.
  const labelled = (i: number) => i === bars.length - 1 || (i % labelEvery === 0 && (labelEvery === 1 || i < bars.length - 2))
  return (
    <figure className="cs-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="cs-chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="cs-grid" />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end" className="cs-axis-label">
              {formatValue(t)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => (
          <g key={b.label}>
            <rect
              x={M.left + i * step + (step - barWidth) / 2}
              y={y(b.value)}
              width={barWidth}
              height={Math.max(0, M.top + ih - y(b.value))}
              className={`cs-bar cs-bar-${b.tone ?? 'matched'}`}
            />
            {labelled(i) ? (
              <text x={M.left + i * step + step / 2} y={M.top + ih + 16} textAnchor="middle" className="cs-axis-label">
                {b.label}
              </text>
            ) : null}
          </g>
        ))}
        <text x={M.left + iw / 2} y={H - 10} textAnchor="middle" className="cs-axis-title">
          {xTitle}
        </text>
        <text transform={`translate(14 ${M.top + ih / 2}) rotate(-90)`} textAnchor="middle" className="cs-axis-title">
          {yTitle}
        </text>
      </svg>
      <figcaption className="cs-chart-caption">{title}</figcaption>
      <details className="cs-details">
        <summary>The figures as a table</summary>
        {children}
      </details>
    </figure>
  )
}
