import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { ACADEMIC_RANK_LABELS, IDENTITY_ATTRIBUTE_LABELS, MENTOR_OFFERING_LABELS } from '#shared/enums.ts'
import { useDirectoryMentor } from '../../api/directory.ts'
import { useSession } from '../../api/identity.ts'
import { Avatar } from '../../components/avatar.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { PageError, PageLoading } from '../../components/status-pages.tsx'
import { hasRole } from '../identity/roles.ts'
import { MentorCommunitySection } from '../community/mentor-community-section.tsx'
import { RequestMentorshipForm } from '../mentorships/request-mentor-form.tsx'
import { backFromState } from './back-link.ts'
import { answersText, mentorHeadline, placesText } from './mentor-card.tsx'

export function MentorPage() {
  const { personId = '' } = useParams()
  const location = useLocation()
  const mentor = useDirectoryMentor(personId)
  const { data: session } = useSession()
  const isStudent = hasRole(session, 'student')
  usePageTitle(mentor.data?.name ?? 'Mentor')
  const navigate = useNavigate()
  // Back to where the visitor came from: the page that linked here (a search with its filters,
  // Mentors for you), else the previous page of this visit, else the directory.
  const from = backFromState(location.state)
  const hasHistory = ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0
  const back = (
    <p className="back-link">
      {from ? (
        <Link to={from.to}>← Back to {from.label}</Link>
      ) : hasHistory ? (
        <button type="button" className="button-link" onClick={() => void navigate(-1)}>
          ← Back
        </button>
      ) : (
        <Link to="/mentors">← Back to Find a mentor</Link>
      )}
    </p>
  )

  if (mentor.isPending) return <PageLoading title="Mentor" label="Loading the mentor’s profile…" />
  if (mentor.isError) {
    return <PageError title="Mentor" error={mentor.error} onRetry={() => void mentor.refetch()} back={{ to: '/mentors', label: 'Go to Find a mentor' }} />
  }
  const m = mentor.data
  const where = [m.clinicalSite, [m.city, m.state].filter(Boolean).join(', ')].filter(Boolean).join(' — ')

  return (
    <div className="page mentor-page">
      {back}
      <div className="profile-header">
        <Avatar personId={m.id} name={m.name} hasPhoto={m.hasPhoto} size="lg" />
        <div className="profile-heading">
          <h1 tabIndex={-1}>{m.name}</h1>
          <p className="profile-meta">
            {m.pronouns ? <span>{m.pronouns}</span> : null}
            <span>{mentorHeadline(m)}</span>
          </p>
          {m.academicRank || where ? (
            <p className="profile-meta">{[m.academicRank ? ACADEMIC_RANK_LABELS[m.academicRank] : null, where].filter(Boolean).join(' · ')}</p>
          ) : null}
        </div>
      </div>

      <div className="mentor-page-grid">
        <section className="card" aria-labelledby="mentor-offers">
          <h2 id="mentor-offers">Mentoring</h2>
          <p className={`mentor-places${m.accepting && m.openPlaces > 0 ? ' mentor-places-open' : ''}`}>{placesText(m)}</p>
          <p>
            {answersText(m.responsiveness)}
            {m.responsiveness.requests > 0 ? <span className="muted"> (requests from students over the last 12 months)</span> : null}
          </p>
          <h3>What they offer</h3>
          {m.offers.length > 0 ? (
            <ul className="tags">
              {m.offers.map((offer) => (
                <li key={offer} className="tag">
                  {MENTOR_OFFERING_LABELS[offer]}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Not listed yet.</p>
          )}
          <h3>Languages</h3>
          <p>{m.languages.join(', ') || 'English'}</p>
          {m.identity && m.identity.length > 0 ? (
            <>
              <h3>Identity they share</h3>
              <ul className="tags">
                {m.identity.map((item) => (
                  <li key={item} className="tag">
                    {IDENTITY_ATTRIBUTE_LABELS[item]}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>

        <section className="card" aria-labelledby="mentor-contact">
          <h2 id="mentor-contact">How to connect</h2>
          {isStudent && session?.person.id !== m.id ? (
            <RequestMentorshipForm mentor={m} />
          ) : (
            <p>Students ask {m.name.split(' ')[0]} for mentorship from this page.</p>
          )}
          <p>
            <Link to={`/people/${m.id}`}>See {m.name}’s full profile</Link>
          </p>
        </section>
      </div>

      <section className="card" aria-labelledby="mentor-about">
        <h2 id="mentor-about">About</h2>
        {m.bio.trim() ? <p className="prose">{m.bio}</p> : <p className="muted">No bio yet.</p>}
        <h3>Research interests</h3>
        {m.researchInterests.trim() ? <p className="prose">{m.researchInterests}</p> : <p className="muted">None listed.</p>}
      </section>

      <MentorCommunitySection mentor={m} canAsk={isStudent && session?.person.id !== m.id} />
    </div>
  )
}
