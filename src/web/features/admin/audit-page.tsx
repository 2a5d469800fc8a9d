import { useState, type ChangeEvent, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { useAuditLog } from '../../api/admin.ts'
import { isAppError, withQuery } from '../../api/client.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'
import { formatDateTime, plural } from '../../components/format.ts'
import { Pagination } from '../../components/pagination.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { AuditChainSection } from './audit-chain-section.tsx'

const FILTERS = ['action', 'actor', 'subject', 'from', 'to'] as const
type FilterName = (typeof FILTERS)[number]
type Filters = Record<FilterName, string>

const filtersOf = (params: URLSearchParams): Filters => Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Filters

export function AuditPage() {
  usePageTitle('Audit log')
  const [params, setParams] = useSearchParams()
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1)
  const applied = filtersOf(params)
  const active = Object.fromEntries(Object.entries(applied).filter(([, value]) => value !== '')) as Partial<Filters>
  const audit = useAuditLog({ page, ...active })
  const [draft, setDraft] = useState<Filters>(applied)
  const isFiltered = Object.keys(active).length > 0
  const fieldError = (name: FilterName) => (audit.error && isAppError(audit.error) ? audit.error.fields?.[name] : undefined)

  const onFilter = (event: FormEvent) => {
    event.preventDefault()
    const next = new URLSearchParams()
    for (const name of FILTERS) if (draft[name].trim()) next.set(name, draft[name].trim())
    setParams(next)
  }
  const field = (name: FilterName) => ({
    id: `audit-${name}`,
    value: draft[name],
    error: fieldError(name),
    onChange: (e: ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [name]: e.currentTarget.value }),
  })

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Audit log</h1>
        <p className="lead">Who did what, and when. Entries are never changed or removed.</p>
      </div>
      <AuditChainSection />
      <section className="card" aria-labelledby="audit-entries">
        <h2 id="audit-entries" className="visually-hidden">
          Entries
        </h2>
        <form role="search" aria-label="Audit log" className="filters" onSubmit={onFilter}>
          <TextField {...field('subject')} label="About" hint="A student or other person: name, e-mail or id" className="filters-query" />
          <TextField {...field('actor')} label="Who" hint="Name, e-mail or id" />
          <TextField {...field('action')} label="Action starts with" hint="For example: student-record.read" />
          <TextField {...field('from')} type="date" label="From" hint="Whole days, UTC" />
          <TextField {...field('to')} type="date" label="To" />
          <div className="filters-actions">
            <button type="submit" className="button">
              Filter
            </button>
            {isFiltered ? (
              <button
                type="button"
                className="button button-ghost"
                onClick={() => {
                  setDraft(filtersOf(new URLSearchParams()))
                  setParams(new URLSearchParams())
                }}
              >
                Clear
              </button>
            ) : null}
          </div>
        </form>
        {audit.data ? (
          <div className="report-toolbar">
            <p role="status" aria-busy={audit.isPlaceholderData}>
              {audit.isPlaceholderData
                ? 'Searching…'
                : `${plural(audit.data.total, 'entry', 'entries')}${isFiltered ? (audit.data.total === 1 ? ' matches' : ' match') : ''}.`}
            </p>
            {audit.data.total > 0 ? (
              <a className="button button-secondary" href={withQuery('/api/admin/audit-log.csv', active)} download>
                Export CSV
              </a>
            ) : null}
          </div>
        ) : null}
        {audit.isPending ? <Loading /> : null}
        {audit.isError ? <QueryError error={audit.error} onRetry={() => void audit.refetch()} /> : null}
        {audit.data ? (
          audit.data.items.length === 0 ? (
            <p className="empty-state">No entries{isFiltered ? ' match these filters' : ' yet'}.</p>
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
                              {entry.objectId === entry.actorId ? 'Themselves' : (entry.objectName ?? 'Someone no longer here')}
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
