import { useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { useAuditLog } from '../../api/admin.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'
import { formatDateTime } from '../../components/format.ts'
import { Pagination } from '../../components/pagination.tsx'
import { usePageTitle } from '../../components/page-title.ts'

export function AuditPage() {
  usePageTitle('Audit log')
  const [params, setParams] = useSearchParams()
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1)
  const action = params.get('action') ?? ''
  const audit = useAuditLog({ page, action: action || undefined })
  const [actionInput, setActionInput] = useState(action)

  const onFilter = (event: FormEvent) => {
    event.preventDefault()
    const next = new URLSearchParams()
    if (actionInput.trim()) next.set('action', actionInput.trim())
    setParams(next)
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Audit log</h1>
        <p className="lead">Who did what, and when. Entries are never changed or removed.</p>
      </div>
      <section className="card" aria-labelledby="audit-entries">
        <h2 id="audit-entries" className="visually-hidden">
          Entries
        </h2>
        <form role="search" aria-label="Audit log" className="filters" onSubmit={onFilter}>
          <TextField
            id="audit-action"
            label="Action"
            hint="For example: sign-in.failed or person.invited"
            className="filters-query"
            value={actionInput}
            onChange={(e) => setActionInput(e.currentTarget.value)}
          />
          <div className="filters-actions">
            <button type="submit" className="button">
              Filter
            </button>
            {action ? (
              <button
                type="button"
                className="button button-ghost"
                onClick={() => {
                  setActionInput('')
                  setParams(new URLSearchParams())
                }}
              >
                Clear
              </button>
            ) : null}
          </div>
        </form>
        {audit.isPending ? <Loading /> : null}
        {audit.isError ? <QueryError error={audit.error} onRetry={() => void audit.refetch()} /> : null}
        {audit.data ? (
          audit.data.items.length === 0 ? (
            <p className="empty-state">No entries{action ? ' for that action' : ' yet'}.</p>
          ) : (
            <>
              <div className="table-wrap">
                <table className="table table-stack">
                  <caption className="visually-hidden">Audit log entries, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Who</th>
                      <th scope="col">Action</th>
                      <th scope="col">About</th>
                    </tr>
                  </thead>
                  <tbody>
                    {audit.data.items.map((entry) => (
                      <tr key={entry.id}>
                        <td data-label="When">
                          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                        </td>
                        <td data-label="Who">
                          {entry.actorId ? <Link to={`/people/${entry.actorId}`}>{entry.actorName ?? 'Someone'}</Link> : <span className="muted">System</span>}
                        </td>
                        <td data-label="Action">
                          <code>{entry.action}</code>
                        </td>
                        <td data-label="About">
                          {entry.objectType === 'person' && entry.objectId ? (
                            <Link to={`/people/${entry.objectId}`}>
                              {entry.objectId === entry.actorId ? 'Themselves' : 'Person'}
                              <span className="visually-hidden"> {entry.objectId}</span>
                            </Link>
                          ) : entry.objectType ? (
                            <span>
                              {entry.objectType}
                              {entry.objectId ? <span className="muted"> {entry.objectId.slice(0, 8)}</span> : null}
                            </span>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination
                page={audit.data.page}
                pageSize={audit.data.pageSize}
                total={audit.data.total}
                noun={['entry', 'entries']}
                onPage={(next) => {
                  const merged = new URLSearchParams(params)
                  merged.set('page', String(next))
                  setParams(merged)
                }}
              />
            </>
          )
        ) : null}
      </section>
    </div>
  )
}
