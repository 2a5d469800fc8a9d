import { Link, useParams } from 'react-router'
import { MENTOR_KIND_LABELS } from '#shared/enums.ts'
import { useSession } from '../../api/identity.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { formatWhen, formatWhere } from '../events/event-format.ts'
import { JoinButton } from '../interest-groups/join-button.tsx'
import { AdvisingSettingsForm } from './advising-settings-form.tsx'
import { useSpecialtyPage } from './api.ts'
import '../interest-groups/interest-groups.css'

/** "Explore Emergency Medicine": one specialty, with the people, groups, events and outcomes around it at this school. */
export function SpecialtyPage() {
  const { specialtyId = '' } = useParams()
  const page = useSpecialtyPage(specialtyId)
  const session = useSession()
  const student = session.data?.person.roles.includes('student') ?? false
  const p = page.data
  usePageTitle(p ? `Explore ${p.specialty.name}` : 'Explore a specialty')
  return (
    <div className="page">
      <p>
        <Link to="/specialties" className="back-link">
          ← All specialties
        </Link>
      </p>
      {page.isPending ? <Loading /> : null}
      {page.isError ? <QueryError error={page.error} onRetry={() => void page.refetch()} /> : null}
      {p ? (
        <>
          <div className="page-header">
            <h1 tabIndex={-1}>Explore {p.specialty.name}</h1>
            <p className="lead">{p.about}</p>
          </div>
          <div className="specialty-grid">
            <section aria-labelledby="training" className="card">
              <h2 id="training">Training</h2>
              <p>{p.training.text}</p>
              <p className="fact-source">Source: {p.training.source}</p>
              {p.nationalMatch ? (
                <>
                  <p>{p.nationalMatch.text}</p>
                  <p className="fact-source">Source: {p.nationalMatch.source}</p>
                </>
              ) : null}
              <p>
                <Link to={p.programsHref}>Residency programs in {p.specialty.name}</Link>
              </p>
            </section>

            <section aria-labelledby="advice" className="card">
              <h2 id="advice">Who to talk to</h2>
              {p.specialtyAdvisor ? (
                <p>
                  Specialty advisor of {p.specialty.departmentName}: <strong>{p.specialtyAdvisor.name}</strong>
                  {p.specialtyAdvisor.title ? `, ${p.specialtyAdvisor.title}` : ''}. Write to{' '}
                  <a href={`mailto:${p.specialtyAdvisor.email}`}>{p.specialtyAdvisor.email}</a>.
                </p>
              ) : (
                <p>The office has not named a specialty advisor for {p.specialty.departmentName} yet. Your advisory dean can introduce you.</p>
              )}
              {p.chair ? (
                <p>
                  Department chair: <strong>{p.chair.name}</strong>. {p.chair.availability || 'Ask the department office for a time.'}
                </p>
              ) : null}
            </section>

            <section aria-labelledby="groups" className="card">
              <h2 id="groups">Interest group</h2>
              {p.interestGroups.length === 0 ? <p>No student group for {p.specialty.name} yet.</p> : null}
              {p.interestGroups.map((g) => (
                <div key={g.id}>
                  <p>
                    <Link to={`/interest-groups/${g.id}`}>{g.name}</Link>: {g.memberCount} {g.memberCount === 1 ? 'member' : 'members'}
                    {g.leaders.length > 0 ? `, led by ${g.leaders.map((l) => l.name).join(' and ')}` : ''}.
                    {g.myRole === 'leader' ? ' You lead it.' : g.myRole === 'member' ? ' You are a member.' : ''}
                  </p>
                  {student ? <JoinButton group={g} /> : null}
                </div>
              ))}
            </section>

            <section aria-labelledby="events" className="card">
              <h2 id="events">Upcoming events</h2>
              {p.upcomingEvents.length === 0 ? <p>No upcoming events for {p.specialty.name} that you are invited to.</p> : null}
              <ul className="plain-list">
                {p.upcomingEvents.map((e) => (
                  <li key={e.id}>
                    <Link to={`/events/${e.id}`}>{e.title}</Link>
                    <br />
                    <span className="group-meta">
                      {formatWhen(e)} · {formatWhere(e)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>

            <section aria-labelledby="mentors" className="card">
              <h2 id="mentors">Mentors in {p.specialty.name}</h2>
              {p.mentors.total === 0 ? <p>No mentors in the directory for {p.specialty.name} yet.</p> : null}
              <ul className="plain-list">
                {p.mentors.shown.map((m) => (
                  <li key={m.id}>
                    <Link to={`/mentors/${m.id}`}>{m.name}</Link>, {MENTOR_KIND_LABELS[m.kind as keyof typeof MENTOR_KIND_LABELS] ?? m.kind}
                    {m.accepting ? '' : ' (not taking mentees now)'}
                  </li>
                ))}
              </ul>
              {p.mentors.total > p.mentors.shown.length ? (
                <p>
                  <Link to={p.mentorsHref}>
                    All {p.mentors.total} mentors in {p.specialty.name}
                  </Link>
                </p>
              ) : null}
            </section>

            <section aria-labelledby="past-matches" className="card">
              <h2 id="past-matches">Where our graduates matched</h2>
              {p.pastMatches.length === 0 ? (
                <p>The office has not imported past match results for {p.specialty.name}.</p>
              ) : (
                <>
                  <ul className="plain-list">
                    {p.pastMatches.map((y) => (
                      <li key={y.year}>
                        {y.year}: {y.matched} of {y.applicants} {y.applicants === 1 ? 'graduate' : 'graduates'} who applied in {p.specialty.name} matched
                      </li>
                    ))}
                  </ul>
                  <p className="fact-source">Source: the school’s own match results, imported by the Office of Student Affairs.</p>
                </>
              )}
            </section>
          </div>
          {p.advisingSettings ? <AdvisingSettingsForm page={p} /> : null}
        </>
      ) : null}
    </div>
  )
}
