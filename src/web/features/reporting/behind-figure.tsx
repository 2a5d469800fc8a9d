import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import './reporting.css'

/**
 * The frame of a drill-down from the school dashboard: the way back, the title, how many people
 * the figure counts with its CSV, and the table of them (`children`) or a line saying nobody.
 */
export function BehindFigure<T extends { items: readonly unknown[] }>({
  title,
  query,
  loadingLabel,
  status,
  csvUrl,
  back = { to: '/reports/school', label: 'School dashboard' },
  children,
}: {
  title: string
  query: UseQueryResult<T>
  loadingLabel: string
  status: (data: T) => ReactNode
  csvUrl: string
  /** The dashboard the figure is on. */
  back?: { to: string; label: string }
  children: (data: T) => ReactNode
}) {
  usePageTitle(title)
  const data = query.data
  return (
    <div className="page">
      <div className="page-header">
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
        <h1 tabIndex={-1}>{title}</h1>
      </div>
      {query.isPending ? <Loading label={loadingLabel} /> : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data ? (
        <>
          <div className="report-toolbar">
            <p role="status">{status(data)}</p>
            {data.items.length > 0 ? (
              <a className="button button-secondary" href={csvUrl} download>
                Export CSV
              </a>
            ) : null}
          </div>
          {data.items.length > 0 ? children(data) : <p className="empty-state">Nobody is counted here.</p>}
        </>
      ) : null}
    </div>
  )
}
