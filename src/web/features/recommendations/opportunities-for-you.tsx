import { Link } from 'react-router'
import type { RecommendedOpportunity } from '#shared/contracts/recommendations.ts'
import { deadlineLabel } from '../opportunities/opportunity-format.ts'

/** "Opportunities for you": up to three open opportunities that fit, each with why. */
export function OpportunitiesForYou({ opportunities }: { opportunities: readonly RecommendedOpportunity[] }) {
  return (
    <section className="team-section" aria-labelledby="opportunities-for-you-heading">
      <h2 id="opportunities-for-you-heading">Opportunities for you</h2>
      {opportunities.length === 0 ? (
        <p>
          No open opportunity with a place left fits your profile right now. <Link to="/opportunities">Browse all opportunities</Link>
        </p>
      ) : (
        <>
          <ul className="team-opportunities" aria-label="Opportunities for you, best fit first">
            {opportunities.map((o) => (
              <li key={o.id} className="team-opportunity">
                <h3 className="team-stage-label">
                  <Link to={`/opportunities/${o.id}`}>{o.title}</Link>
                </h3>
                <p className="recommendation-reasons">
                  <span className="visually-hidden">Why: </span>
                  {o.reason}.
                </p>
                <p className="mentor-card-meta">
                  {deadlineLabel(o)} · posted by {o.posterName}
                </p>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/opportunities">Browse all opportunities</Link>
          </p>
        </>
      )}
    </section>
  )
}
