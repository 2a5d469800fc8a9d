import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { SMALL_CELL_RULE } from '#shared/contracts/office-reports.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import './reporting.css'

/** The small-cell rule in words: on every page that applies it (decision 029). */
export function SmallCellRule() {
  return (
    <section aria-labelledby="small-cell-heading" className="report-section report-rule">
      <h2 id="small-cell-heading">Small groups are not shown</h2>
      <ul>
        {SMALL_CELL_RULE.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <p className="field-hint">A hidden figure is marked “not shown”. It is not zero.</p>
    </section>
  )
}

/** The frame of an office report: the way back, the title and lead, print and CSV, the figures. */
export function ReportFrame<T>({
  title,
  lead,
  query,
  csvUrl,
  children,
}: {
  title: string
  lead: ReactNode
  query: UseQueryResult<T>
  csvUrl: string
  children: (data: T) => ReactNode
}) {
  usePageTitle(title)
  return (
    <div className="page office-report">
      <div className="page-header">
        <p className="report-back">
          <Link to="/reports/school">School dashboard</Link>
        </p>
        <h1 tabIndex={-1}>{title}</h1>
        <p className="lead">{lead}</p>
      </div>
      {query.isPending ? <Loading label="Counting…" /> : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          <div className="report-toolbar report-actions">
            <a className="button button-secondary" href={csvUrl} download>
              Export CSV
            </a>
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              Print
            </button>
          </div>
          {children(query.data)}
        </>
      ) : null}
    </div>
  )
}

export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`)

/** A published rate to a tenth of a point, as its source gives it (99.8 %, not 100 %). */
export const percentTenth = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`

/** A difference in points, with its sign spelled out. */
export const points = (difference: number) => {
  const p = Math.round(difference * 100)
  return p === 0 ? 'no difference' : `${p > 0 ? '+' : '−'}${Math.abs(p)} points`
}
