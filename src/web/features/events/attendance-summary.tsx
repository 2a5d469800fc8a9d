import { Link } from 'react-router'
import type { EventView } from '#shared/contracts/events.ts'
import { plural } from '../../components/format.ts'
import { attendanceCsvHref, useAttendance } from './attendance-api.ts'
import './check-in.css'

/** "9 gave 5, 5 gave 4, 4 gave 2": the spread, highest rating first, leaving out ratings no one gave. */
const ratingSpread = (ratings: readonly number[]) =>
  ratings
    .map((n, i) => ({ n, rating: i + 1 }))
    .filter((r) => r.n > 0)
    .reverse()
    .map((r) => `${r.n} gave ${r.rating}`)
    .join(', ')

/**
 * The host's view of who came, on the event's page: from an hour before the start, the way to
 * the check-in page and the counts; after the event, who did not come and the feedback.
 */
export function AttendanceSummary({ event }: { event: EventView }) {
  const attendance = useAttendance(event.id, event.status === 'scheduled')
  const a = attendance.data
  if (!a) return null
  const noShows = a.roster.filter((r) => r.state === 'no-show')
  const recorded = a.counts.checkedIn > 0
  return (
    <section aria-labelledby="event-attendance" className="card attendance-summary">
      <h2 id="event-attendance">Attendance</h2>
      <div className="button-row">
        <Link to={`/events/${encodeURIComponent(event.id)}/check-in`} className={a.ended ? 'button button-secondary' : 'button'}>
          {a.ended ? 'Correct attendance' : 'Open check-in'}
          <span className="visually-hidden"> for {event.title}</span>
        </Link>
        <a href={attendanceCsvHref(event.id)} download="attendance.csv" className="button button-secondary">
          Download attendance (CSV)
        </a>
      </div>
      <dl className="attendance-figures">
        <div>
          <dt>Checked in</dt>
          <dd>{a.counts.checkedIn}</dd>
        </div>
        <div>
          <dt>Had a place</dt>
          <dd>{a.counts.places}</dd>
        </div>
        <div>
          <dt>Walk-ins</dt>
          <dd>{a.counts.walkIns}</dd>
        </div>
        {a.ended ? (
          <div>
            <dt>No-shows</dt>
            <dd>{recorded ? a.counts.noShows : '—'}</dd>
          </div>
        ) : null}
      </dl>
      {a.ended && !recorded ? (
        <p className="event-meta">No one was checked in, so attendance was not recorded: for the curriculum, a place at this event counts as attending.</p>
      ) : null}
      {a.ended && noShows.length > 0 ? (
        <>
          <h3>Did not come ({noShows.length})</h3>
          <ul className="event-people">
            {noShows.map((r) => (
              <li key={r.studentId}>
                {r.name} <span className="event-meta">{r.email}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {a.ended || a.feedback.count > 0 ? (
        <>
          <h3>Feedback</h3>
          {a.feedback.count === 0 ? (
            <p className="empty-state">No feedback yet. Students who attended can rate the event on its page.</p>
          ) : (
            <>
              <p>
                Average <strong>{a.feedback.average?.toFixed(1)} out of 5</strong>, from {plural(a.feedback.count, 'rating', 'ratings')} by students who
                attended ({ratingSpread(a.feedback.ratings)}).
              </p>
              {a.feedback.comments.length > 0 ? (
                <ul className="feedback-comments" aria-label="Comments, newest first">
                  {a.feedback.comments.map((c) => (
                    <li key={`${c.at}-${c.comment.slice(0, 20)}`}>
                      <span className="event-meta">Rated {c.rating} of 5</span>
                      <blockquote>{c.comment}</blockquote>
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
        </>
      ) : null}
    </section>
  )
}
