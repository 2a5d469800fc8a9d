import { Link, useSearchParams } from 'react-router'
import { useMentorTeam, useRecommendedMentors } from '../../api/recommendations.ts'
import { Checkbox } from '../../components/fields.tsx'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { MentorTeamSection } from './mentor-team-section.tsx'
import { OpportunitiesForYou } from './opportunities-for-you.tsx'
import { MissingProfileHint, RecommendationCard } from './recommendation-card.tsx'
import './mentor-team.css'

/** How many the full page shows. */
export const FOR_YOU_PAGE_SIZE = 20

/**
 * "Mentors for you": the student's mentor team (one mentor per stage they lack), opportunities
 * that fit, then their 20 best-suited mentors, each with its reasons and its points. "Challenge
 * me" (kept in the address, so it survives a reload) prefers mentors who hold high expectations.
 */
export function MentorsForYouPage() {
  usePageTitle('Mentors for you')
  const [params, setParams] = useSearchParams()
  const challenge = params.get('challenge') === 'true'
  const team = useMentorTeam(challenge)
  const list = useRecommendedMentors(FOR_YOU_PAGE_SIZE, true, challenge)
  const reloading = team.isPlaceholderData || list.isPlaceholderData
  const setChallenge = (on: boolean) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (on) next.set('challenge', 'true')
        else next.delete('challenge')
        return next
      },
      { replace: true },
    )
  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Mentors for you</h1>
        <p className="lead">
          Your mentor team first, then every mentor who fits you. Only mentors who accept new mentees and have a place are suggested; a mentor who declined you
          is not suggested again.
        </p>
      </div>
      <Checkbox
        id="prefer-challenge"
        label="Prefer mentors who will challenge me"
        hint="Mentors who say they hold high expectations come first, in your team and in the list."
        checked={challenge}
        onChange={(e) => setChallenge(e.currentTarget.checked)}
      />
      <div role="status" className="results-status">
        {reloading ? 'Searching…' : ''}
      </div>
      {team.isPending ? <Loading label="Finding your mentor team…" /> : null}
      {team.isError ? <QueryError error={team.error} onRetry={() => void team.refetch()} /> : null}
      {team.data ? (
        <div aria-busy={team.isPlaceholderData}>
          <MentorTeamSection team={team.data} />
          <OpportunitiesForYou opportunities={team.data.opportunities} />
        </div>
      ) : null}

      <section className="team-section" aria-labelledby="all-for-you-heading">
        <h2 id="all-for-you-heading">All mentors for you</h2>
        <p>
          Ordered by how well they fit your profile: your specialty interests, the help you asked for, your year and your goals. Mentors with few places are
          shown to some students at a time, so everyone gets a fair chance; mentors slow to answer requests sink.
        </p>
        {list.isPending ? <Loading label="Finding mentors for you…" /> : null}
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data ? (
          <div aria-busy={list.isPlaceholderData}>
            <MissingProfileHint missing={list.data.missing} />
            {list.data.results.length === 0 ? (
              <p className="empty-state">
                No mentor with an open place fits yet. <Link to="/mentors">Search the whole directory</Link>
              </p>
            ) : (
              <ol className="recommendation-list" aria-label="Mentors for you, best fit first">
                {list.data.results.map((r) => (
                  <li key={r.mentor.id}>
                    <RecommendationCard recommendation={r} explain headingLevel={3} />
                  </li>
                ))}
              </ol>
            )}
            <p>
              <Link to="/mentors">Search the whole directory</Link>
            </p>
          </div>
        ) : null}
      </section>
    </div>
  )
}
