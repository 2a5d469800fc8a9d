import { Link } from 'react-router'
import { useRecommendedMentors } from '../../api/recommendations.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { MissingProfileHint, RecommendationCard } from './recommendation-card.tsx'

/** How many the full page shows. */
export const FOR_YOU_PAGE_SIZE = 20

/** "Mentors for you": the student's 20 best-suited mentors, each with its reasons and its points. */
export function MentorsForYouPage() {
  usePageTitle('Mentors for you')
  const list = useRecommendedMentors(FOR_YOU_PAGE_SIZE)
  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Mentors for you</h1>
        <p className="lead">
          Mentors who accept new mentees, ordered by how well they fit your profile: your specialty interests, the help you asked for, your year and your goals.
          Mentors with few places are shown to some students at a time, so everyone gets a fair chance; mentors slow to answer requests sink, and a mentor who
          declined you is not suggested again.
        </p>
      </div>
      {list.isPending ? <Loading label="Finding mentors for you…" /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          <MissingProfileHint missing={list.data.missing} />
          {list.data.results.length === 0 ? (
            <p className="empty-state">
              No mentor with an open place fits yet. <Link to="/mentors">Search the whole directory</Link>
            </p>
          ) : (
            <ol className="recommendation-list" aria-label="Mentors for you, best fit first">
              {list.data.results.map((r) => (
                <li key={r.mentor.id}>
                  <RecommendationCard recommendation={r} explain headingLevel={2} />
                </li>
              ))}
            </ol>
          )}
          <p>
            <Link to="/mentors">Search the whole directory</Link>
          </p>
        </>
      ) : null}
    </div>
  )
}
