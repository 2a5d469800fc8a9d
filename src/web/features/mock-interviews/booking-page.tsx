import { useState } from 'react'
import { Link, useParams } from 'react-router'
import type { BookingView } from '#shared/contracts/mock-interviews.ts'
import { errorMessage } from '../../api/client.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useBooking, useCancelBooking } from './api.ts'
import { CalibratedScoreView } from './calibrated-score.tsx'
import { levelLabel, slotWhat, slotWhen } from './mock-format.ts'
import { ScoringForm } from './scoring-form.tsx'
import './mock-interviews.css'

function Scores({ booking }: { booking: BookingView }) {
  const scale = Math.max(...booking.rubric.flatMap((c) => c.levels.map((l) => l.score)), 1)
  return (
    <section aria-labelledby="mock-scores" className="mock-section">
      <h2 id="mock-scores">Scores</h2>
      {booking.calibrated ? <CalibratedScoreView score={booking.calibrated} scale={scale} /> : null}
      <ul className="mock-score-list">
        {booking.rubric.map((c) => {
          const score = booking.scores.find((s) => s.competencyId === c.id)?.score
          const level = c.levels.find((l) => l.score === score)
          return (
            <li key={c.id} className="card">
              <h3>{c.name}</h3>
              <p className="mock-level">{score === undefined ? 'Not scored' : levelLabel(c, score)}</p>
              {level ? <p className="mock-anchor">{level.anchor}</p> : null}
            </li>
          )
        })}
      </ul>
      <h2>Feedback</h2>
      <div className="card mock-feedback">
        {booking.feedback.split(/\n{2,}/).map((paragraph, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one fixed text, never reordered.
          <p key={i}>{paragraph}</p>
        ))}
      </div>
    </section>
  )
}

/** One mock: the interviewer scores it (from its start); the student and their advisors read scores and feedback. */
export function BookingPage() {
  const { bookingId = '' } = useParams()
  const booking = useBooking(bookingId)
  const cancel = useCancelBooking()
  const [error, setError] = useState<string | null>(null)
  const b = booking.data
  usePageTitle(b ? `Mock interview, ${slotWhen(b.slot)}` : 'Mock interview')
  const back =
    b?.viewer === 'interviewer'
      ? { to: '/mock-interviews/interviewing', text: 'Mock interviews you give' }
      : b?.viewer === 'student'
        ? { to: '/mock-interviews', text: 'Mock interviews' }
        : null
  return (
    <div className="page page-narrow">
      {back ? (
        <p>
          <Link to={back.to} className="back-link">
            ← {back.text}
          </Link>
        </p>
      ) : null}
      {booking.isPending ? <Loading /> : null}
      {booking.isError ? <QueryError error={booking.error} /> : null}
      {b ? (
        <>
          <div className="page-header">
            <p className="mock-kind">{slotWhat(b.slot)}</p>
            <h1 tabIndex={-1}>
              {b.viewer === 'interviewer'
                ? `Mock interview with ${b.student.name}`
                : b.viewer === 'staff'
                  ? `${b.student.name}'s mock interview`
                  : `Your mock interview`}
            </h1>
            <p>
              {slotWhen(b.slot)} · {b.viewer === 'interviewer' ? 'You interview' : `With ${b.slot.interviewer.name}, ${b.slot.interviewer.role}`}
            </p>
            <p>
              {b.slot.place === 'in-person' ? (
                `Where: ${b.slot.room}`
              ) : b.slot.onlineLink ? (
                <>
                  Online: <a href={b.slot.onlineLink}>{b.slot.onlineLink}</a>
                </>
              ) : (
                'Online'
              )}
            </p>
            {b.status === 'cancelled' || b.slot.status === 'cancelled' ? (
              <p className="notice notice-info">
                This mock interview was cancelled. {b.viewer === 'student' ? <Link to="/mock-interviews">Book another</Link> : null}
              </p>
            ) : null}
          </div>
          {b.canCancel ? (
            <p>
              <button
                type="button"
                className="button button-secondary"
                disabled={cancel.isPending}
                onClick={() => {
                  setError(null)
                  cancel.mutateAsync(b.id).catch((cause: unknown) => setError(errorMessage(cause)))
                }}
              >
                Cancel this mock interview
              </button>
            </p>
          ) : null}
          {error ? (
            <p role="alert" className="field-error">
              {error}
            </p>
          ) : null}
          {b.canScore ? (
            <section aria-labelledby="mock-score-form" className="mock-section">
              <h2 id="mock-score-form">{b.scoredAt ? 'Your scores and feedback' : 'Score this mock interview'}</h2>
              <p>Choose the level whose description fits best for each part of the rubric, then write your feedback.</p>
              <ScoringForm booking={b} />
            </section>
          ) : b.scoredAt ? (
            <Scores booking={b} />
          ) : b.status === 'booked' ? (
            <p className="empty-state">
              {b.viewer === 'interviewer'
                ? 'You can score this mock interview once it has begun.'
                : 'The interviewer’s scores and feedback will appear here after the interview.'}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
