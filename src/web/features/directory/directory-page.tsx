import { useEffect, useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { DirectoryFacet } from '#shared/contracts/directory.ts'
import { useDirectorySearch } from '../../api/directory.ts'
import { useSession } from '../../api/identity.ts'
import { hasRole } from '../identity/roles.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { Pagination } from '../../components/pagination.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { FacetPanel } from './facet-panel.tsx'
import { MentorCard } from './mentor-card.tsx'
import { FilterChips } from './filter-chips.tsx'
import { apiSearch, chosenCount, exactly, toggleValue, withoutFilters } from './search-params.ts'
import { FilterPanel, SearchForm } from '../../components/search-with-filters.tsx'

export function DirectoryPage() {
  usePageTitle('Find a mentor')
  const [params, setParams] = useSearchParams()
  const search = apiSearch(params)
  const result = useDirectorySearch(search)
  const urlQ = params.get('q') ?? ''
  const [q, setQ] = useState(urlQ)
  const filterCount = chosenCount(params)
  const { data: session } = useSession()
  const isStudent = hasRole(session, 'student')

  // Back and forward change the address; the box follows it.
  useEffect(() => setQ(urlQ), [urlQ])

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const next = new URLSearchParams(params)
    if (q.trim()) next.set('q', q.trim())
    else next.delete('q')
    // New words get corrected again if they match nobody.
    next.delete('exact')
    next.delete('page')
    setParams(next)
  }
  const onToggle = (facet: DirectoryFacet, value: string, on: boolean) => setParams(toggleValue(params, facet, value, on))
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    if (key !== 'page') next.delete('page')
    setParams(next)
  }

  const data = result.data
  const sort = data?.sort ?? params.get('sort') ?? (urlQ ? 'relevance' : 'name')
  // With fit, the mentors ranked by fit lead; the first one not ranked starts the rest.
  const firstUnranked = data && data.sort === 'fit' ? data.results.findIndex((m) => m.fitReasons === undefined) : -1
  const lists = firstUnranked > 0 ? [data?.results.slice(0, firstUnranked) ?? [], data?.results.slice(firstUnranked) ?? []] : [data?.results ?? []]
  const page = data?.page ?? 1
  const searchedFor = data?.showingResultsFor ?? urlQ
  // While the next page of results loads, the last one stays on screen, but the status never
  // pairs its count with the new filters: that sentence would be false for a moment. The old
  // results are not dimmed: faded text fails contrast for whoever reads it in the meantime.
  const status = result.isPlaceholderData
    ? 'Searching…'
    : data
      ? `${data.total} ${data.total === 1 ? 'mentor' : 'mentors'} found${searchedFor ? ` for “${searchedFor}”` : ''}${filterCount > 0 ? ` with ${filterCount} ${filterCount === 1 ? 'filter' : 'filters'}` : ''}.`
      : ''

  return (
    <div className="page directory">
      <div className="page-header">
        <h1 tabIndex={-1}>Find a mentor</h1>
        <p className="lead">
          Faculty, residents, fellows, alumni and older students who mentor. Search by name, specialty, research or anything in their profile.
        </p>
      </div>

      <SearchForm
        id="directory-q"
        name="Mentors"
        label="Search mentors"
        value={q}
        placeholder="e.g. dermatology, sepsis research, Okafor"
        onChange={setQ}
        onSubmit={onSubmit}
      />

      <div className="directory-layout">
        <FilterPanel filterCount={filterCount}>
          {filterCount > 0 ? (
            <button type="button" className="button button-ghost button-small" onClick={() => setParams(withoutFilters(params))}>
              Clear all filters
            </button>
          ) : null}
          {data ? <FacetPanel facets={data.facets} params={params} onToggle={onToggle} /> : null}
        </FilterPanel>

        <section className="directory-results" aria-labelledby="directory-results-title" aria-busy={result.isPlaceholderData}>
          <div className="directory-results-header">
            <h2 id="directory-results-title" className="visually-hidden">
              Results
            </h2>
            <p role="status" aria-live="polite" className="results-status">
              {status}
            </p>
            <div className="directory-sort">
              <label htmlFor="directory-sort">Sort by</label>
              <select id="directory-sort" value={sort} onChange={(e) => setParam('sort', e.currentTarget.value)}>
                <option value="relevance">Relevance</option>
                <option value="name">Name</option>
                {isStudent || sort === 'fit' ? <option value="fit">Fit to me</option> : null}
              </select>
            </div>
          </div>
          {data?.showingResultsFor ? (
            <p className="notice spelling-notice">
              Showing results for <strong>{data.showingResultsFor}</strong>. Search instead for <Link to={`?${exactly(params).toString()}`}>{urlQ}</Link>
            </p>
          ) : null}
          {filterCount > 0 ? (
            <FilterChips
              params={params}
              facets={data?.facets}
              onRemove={(facet, value) => onToggle(facet, value, false)}
              onClear={() => setParams(withoutFilters(params))}
            />
          ) : null}
          {data?.sort === 'fit' ? (
            <p className="notice">
              <strong>Sorted by fit to you</strong>, as in <Link to="/mentors/for-you">Mentors for you</Link>: your specialties, the help you want, your year,
              shared interests; mentors slow to answer sink. Those who can’t take your request now come last.{' '}
              <Link to="/profile/edit">Sharpen it in your profile</Link>.
            </p>
          ) : null}
          {data?.sortNotice ? (
            <p className="notice" role="note">
              {data.sortNotice}
            </p>
          ) : null}

          {result.isPending ? <Loading label="Searching…" /> : null}
          {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}

          {data && data.total === 0 ? (
            <div className="directory-empty card">
              <h3>No mentors match{urlQ ? ` “${urlQ}”` : ''}</h3>
              {data.didYouMean ? (
                <p>
                  Did you mean{' '}
                  <Link to={`?${new URLSearchParams({ ...Object.fromEntries(withoutFilters(params)), q: data.didYouMean }).toString()}`}>
                    {data.didYouMean}
                  </Link>
                  ?
                </p>
              ) : null}
              {filterCount > 0 ? (
                <p>
                  <button type="button" className="button button-secondary" onClick={() => setParams(withoutFilters(params))}>
                    Clear all filters
                  </button>
                </p>
              ) : null}
              {!data.didYouMean && filterCount === 0 ? <p>Try fewer or different words, such as a specialty or a research topic.</p> : null}
            </div>
          ) : null}

          {data && data.results.length > 0
            ? lists.map((list, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two fixed groups: ranked by fit, then the rest
                <div key={i}>
                  {i === 1 ? <p className="notice">Not ranked by fit — can’t take a request from you now, in the usual order:</p> : null}
                  <ol className="mentor-list" aria-label={i === 1 ? 'Other mentors' : 'Mentors'} start={i === 1 ? firstUnranked + 1 : undefined}>
                    {list.map((mentor) => (
                      <li key={mentor.id}>
                        <MentorCard mentor={mentor} search={search} />
                      </li>
                    ))}
                  </ol>
                </div>
              ))
            : null}

          {data && data.total > 0 ? (
            <Pagination
              page={page}
              pageSize={data.pageSize}
              total={data.total}
              noun={['mentor', 'mentors']}
              onPage={(p) => setParam('page', p > 1 ? String(p) : null)}
              label="Result pages"
            />
          ) : null}
        </section>
      </div>
    </div>
  )
}
