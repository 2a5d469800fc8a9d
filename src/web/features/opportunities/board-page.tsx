import { useEffect, useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { useSession } from '../../api/identity.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { Pagination } from '../../components/pagination.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useBoard } from './api.ts'
import { BOARD_FILTERS, BoardChips, BoardFilters, type BoardFilter } from './board-filters.tsx'
import { OpportunityCard } from './opportunity-card.tsx'
import { useSavedOpportunities } from './saved-api.ts'
import { SavedList } from './saved-list.tsx'
import './opportunities.css'
import { FilterPanel, SearchForm } from '../../components/search-with-filters.tsx'

/** The board: research projects, shadowing, summer experiences and scholarly years, searched and filtered. */
export function BoardPage() {
  usePageTitle('Opportunities')
  const [params, setParams] = useSearchParams()
  const query = Object.fromEntries(['q', 'page', ...BOARD_FILTERS].flatMap((k) => (params.get(k) ? [[k, params.get(k) as string]] : [])))
  const board = useBoard(query)
  const urlQ = params.get('q') ?? ''
  const [q, setQ] = useState(urlQ)
  const session = useSession()
  const isStudent = session.data?.person.roles.includes('student') ?? false
  useEffect(() => setQ(urlQ), [urlQ])
  // A student's saved list: its own view of the board, and each card's Save toggle.
  const saved = useSavedOpportunities(isStudent)
  const savedIds = new Set(saved.data?.saved.map((o) => o.id))
  const showSaved = isStudent && params.get('view') === 'saved'

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params)
    change(next)
    // New words or filters start again from the first page.
    if (next.get('page') === params.get('page')) next.delete('page')
    setParams(next)
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    update((next) => (q.trim() ? next.set('q', q.trim()) : next.delete('q')))
  }
  const setFilter = (filter: BoardFilter, value: string | null) => update((next) => (value ? next.set(filter, value) : next.delete(filter)))
  const clearFilters = () =>
    update((next) => {
      for (const f of BOARD_FILTERS) next.delete(f)
    })
  const filterCount = BOARD_FILTERS.filter((f) => params.get(f)).length

  const data = board.data
  // The old results stay while new ones load, but the status never pairs their count with the new filters.
  const status = board.isPlaceholderData
    ? 'Searching…'
    : data
      ? `${data.total} ${data.total === 1 ? 'opportunity' : 'opportunities'}${urlQ ? ` for “${urlQ}”` : ''}${filterCount > 0 ? ` with ${filterCount} ${filterCount === 1 ? 'filter' : 'filters'}` : ''}.`
      : ''

  return (
    <div className="page directory">
      <div className="page-header">
        <h1 tabIndex={-1}>Opportunities</h1>
        <p className="lead">
          Research projects, shadowing days, summer programs and scholarly-year positions posted by faculty, residents and the office.
          {isStudent ? ' Apply with a few lines about why; the poster answers by e-mail.' : ''}
        </p>
        {isStudent ? (
          <p>
            <Link to="/opportunities/applications">My applications</Link> · <Link to="/experiences">My experience record</Link>
          </p>
        ) : null}
      </div>

      {isStudent ? (
        <nav aria-label="Which opportunities" className="board-views">
          <Link to="/opportunities" aria-current={showSaved ? undefined : 'page'}>
            All opportunities
          </Link>
          <Link to="/opportunities?view=saved" aria-current={showSaved ? 'page' : undefined}>
            Saved{saved.data ? ` (${saved.data.saved.length})` : ''}
          </Link>
        </nav>
      ) : null}

      {showSaved ? <SavedList /> : null}
      {showSaved ? null : (
        <>
          <SearchForm
            id="opportunity-q"
            name="Opportunities"
            label="Search opportunities"
            value={q}
            placeholder="e.g. ultrasound, sepsis, summer"
            onChange={setQ}
            onSubmit={onSubmit}
          />

          <div className="directory-layout">
            <FilterPanel filterCount={filterCount}>
              <BoardFilters facets={data?.facets} params={params} onChange={setFilter} withoutClassYear={isStudent} />
            </FilterPanel>

            <section className="directory-results" aria-labelledby="opportunity-results-title" aria-busy={board.isPlaceholderData}>
              <h2 id="opportunity-results-title" className="visually-hidden">
                Results
              </h2>
              <p role="status" aria-live="polite" className="results-status">
                {status}
              </p>
              <BoardChips params={params} onRemove={(filter) => setFilter(filter, null)} onClear={clearFilters} />
              {board.isPending ? <Loading label="Searching…" /> : null}
              {board.isError ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
              {data && data.total === 0 ? (
                <div className="card">
                  <h3>Nothing matches{urlQ ? ` “${urlQ}”` : ''}</h3>
                  <p>Try fewer words{filterCount > 0 ? ' or remove a filter' : ''}.</p>
                </div>
              ) : null}
              {data && data.results.length > 0 ? (
                <ol className="opportunity-list" aria-label="Opportunities">
                  {data.results.map((o) => (
                    <li key={o.id}>
                      <OpportunityCard opportunity={o} saved={isStudent ? savedIds.has(o.id) : undefined} />
                    </li>
                  ))}
                </ol>
              ) : null}
              {data && data.total > data.pageSize ? (
                <Pagination
                  page={data.page}
                  pageSize={data.pageSize}
                  total={data.total}
                  noun={['opportunity', 'opportunities']}
                  onPage={(p) => update((next) => (p > 1 ? next.set('page', String(p)) : next.delete('page')))}
                  label="Result pages"
                />
              ) : null}
            </section>
          </div>
        </>
      )}
    </div>
  )
}
