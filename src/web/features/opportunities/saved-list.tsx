import { Link } from 'react-router'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { OpportunityCard } from './opportunity-card.tsx'
import { useSavedOpportunities } from './saved-api.ts'

/** The student's saved opportunities: open ones by nearest deadline with a reminder each, then the closed ones. */
export function SavedList() {
  const saved = useSavedOpportunities(true)
  const list = saved.data?.saved ?? []
  return (
    <section aria-labelledby="saved-title" className="saved-opportunities">
      <h2 id="saved-title">Saved opportunities</h2>
      {saved.isPending ? <Loading label="Loading your saved opportunities…" /> : null}
      {saved.isError ? <QueryError error={saved.error} onRetry={() => void saved.refetch()} /> : null}
      {saved.data && list.length === 0 ? (
        <div className="card">
          <p>
            Nothing saved yet. Press Save on an opportunity to keep it here with a reminder of its deadline.{' '}
            <Link to="/opportunities">Browse all opportunities</Link>
          </p>
        </div>
      ) : null}
      {list.length > 0 ? (
        <>
          <p>
            Those still taking applications come first, the nearest deadline at the top; “Closes in …” counts the days until the deadline its poster set. Press
            Saved to take one off your list.
          </p>
          <ol className="opportunity-list" aria-label="Saved opportunities">
            {list.map((o) => (
              <li key={o.id}>
                <OpportunityCard opportunity={o} saved open={o.open} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  )
}
