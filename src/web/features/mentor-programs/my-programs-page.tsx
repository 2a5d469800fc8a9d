import { Link } from 'react-router'
import type { MyMentorPrograms } from '#shared/contracts/mentor-programs.ts'
import { errorMessage } from '../../api/client.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useMyPrograms, useSetContinuation } from './api.ts'
import { formatDay, statusLabel } from './program-format.ts'
import { useState } from 'react'
import './mentor-programs.css'

type Program = MyMentorPrograms['programs'][number]

function StudentPart({ program: p }: { program: Program }) {
  if (p.mentor) {
    return (
      <p>
        Your mentor: <strong>{p.mentor.name}</strong>.{' '}
        {p.mentor.mentorshipId ? <Link to={`/mentorships/${p.mentor.mentorshipId}`}>Open your mentorship</Link> : null}
      </p>
    )
  }
  if (p.status === 'published') return <p>The pairs are published; you were not paired this time. Student Affairs will be in touch.</p>
  if (p.pairingMethod === 'max-fit') return <p>Preceptor pairs you with the mentor who fits you best. You will be e-mailed when the pairs are published.</p>
  if (p.status === 'draft') return <p>Ranking has not opened yet. You will get an e-mail when it does.</p>
  if (p.status === 'ranking') {
    return (
      <>
        <p>
          {p.ranked ? `You have ranked ${p.ranked} mentor${p.ranked === 1 ? '' : 's'}.` : 'You have not ranked any mentor yet.'}
          {p.rankingDeadline ? ` Ranking closes at the end of ${formatDay(p.rankingDeadline)}.` : ''}
        </p>
        <Link to={`/programs/${p.id}/ranking`} className="button">
          {p.ranked ? 'Change my order' : 'Rank mentors'}
          <span className="visually-hidden"> for {p.name}</span>
        </Link>
      </>
    )
  }
  return <p>Ranking has closed. You will be e-mailed when the pairs are published.</p>
}

function MentorPart({ program: p }: { program: Program }) {
  const keep = useSetContinuation(p.id)
  const [error, setError] = useState<string | null>(null)
  return (
    <>
      {p.mentees.length > 0 ? (
        <>
          <p>Your mentees in this program:</p>
          <ul>
            {p.mentees.map((m) => (
              <li key={m.id}>{m.mentorshipId ? <Link to={`/mentorships/${m.mentorshipId}`}>{m.name}</Link> : m.name}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          {p.status === 'published'
            ? 'No student was paired with you in this program.'
            : 'You are one of this program’s mentors. You will be e-mailed your mentees when the pairs are published.'}
        </p>
      )}
      {p.keepable.length > 0 ? (
        <div>
          <p>Keep a mentee from last time? If you both ask, you stay together.</p>
          <ul className="conflict-list">
            {p.keepable.map((k) => (
              <li key={k.student.id}>
                <span>
                  {k.student.name}
                  {k.studentOpted ? ' (asked to keep you)' : ''}
                </span>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-pressed={k.mentorOpted}
                  disabled={keep.isPending}
                  onClick={() =>
                    void keep.mutateAsync({ partnerId: k.student.id, keep: !k.mentorOpted }).catch((cause: unknown) => setError(errorMessage(cause)))
                  }
                >
                  {k.mentorOpted ? 'Asked to keep — withdraw' : 'Ask to keep'}
                  <span className="visually-hidden"> {k.student.name}</span>
                </button>
              </li>
            ))}
          </ul>
          {error ? (
            <p role="alert" className="field-error">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  )
}

/** Students and mentors: the formal mentor programs they take part in, and what to do next. */
export function MyMentorProgramsPage() {
  usePageTitle('My mentor programs')
  const programs = useMyPrograms()
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>My mentor programs</h1>
        <p className="lead">Programs that pair a whole class with mentors at once, and your part in each.</p>
      </div>
      {programs.isPending ? <Loading /> : null}
      {programs.isError ? <QueryError error={programs.error} onRetry={() => void programs.refetch()} /> : null}
      {programs.data && programs.data.programs.length === 0 ? <p className="empty-state">You are not in any mentor program now.</p> : null}
      <ul className="program-card-list">
        {programs.data?.programs.map((p) => (
          <li key={`${p.id}:${p.as}`} className="card">
            <h2>{p.name}</h2>
            <p>
              <span className={`tag program-status program-status-${p.status}`}>{statusLabel(p.status)}</span> You take part as a {p.as}.
            </p>
            {p.description ? <p className="prose">{p.description}</p> : null}
            {p.as === 'student' ? <StudentPart program={p} /> : <MentorPart program={p} />}
          </li>
        ))}
      </ul>
    </div>
  )
}
