import { Link } from 'react-router'
import { useRecommendedMentors } from '../../api/recommendations.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { MissingProfileHint, RecommendationCard } from './recommendation-card.tsx'

/** The student home page's top five "Mentors for you". */
export function HomeMentorsForYou() {
  const list = useRecommendedMentors(5)
  return (
    <section className="card home-section home-for-you" aria-labelledby="home-for-you">
      <h2 id="home-for-you">Mentors for you</h2>
      {list.isPending ? <Loading label="Finding mentors for you…" /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          <MissingProfileHint missing={list.data.missing} />
          {list.data.results.length === 0 ? (
            <p>No mentor with an open place fits yet.</p>
          ) : (
            <ol className="recommendation-list recommendation-list-compact" aria-label="Top five mentors for you">
              {list.data.results.map((r) => (
                <li key={r.mentor.id}>
                  <RecommendationCard recommendation={r} backTo={{ to: '/', label: 'Home' }} />
                </li>
              ))}
            </ol>
          )}
          <p>
            <Link to="/mentors/for-you">See all your suggestions and why</Link>
          </p>
        </>
      ) : null}
    </section>
  )
}
