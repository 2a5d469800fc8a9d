import { Link } from 'react-router'
import type { TimelineMilestone } from '#shared/contracts/curriculum.ts'
import { CIM_PHASE_LABELS } from '#shared/curriculum.ts'
import { formatMoment } from '../../components/format.ts'
import { doneLine, dueLine, STATUS_LABELS } from './milestone-words.ts'

const BADGE: Record<TimelineMilestone['status'], string> = {
  done: 'badge badge-success',
  late: 'badge badge-danger',
  'due-soon': 'badge badge-warning',
  upcoming: 'badge badge-info',
  passed: 'badge',
}

/** "Thu, Dec 10, 4:00 PM": an event's start in the viewer's zone. */
const eventWhen = (iso: string) => formatMoment(iso, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })

function eventNote(e: TimelineMilestone['events'][number]): string {
  if (e.status === 'cancelled') return 'cancelled'
  if (e.attended) return 'you went'
  if (e.myRsvp === 'confirmed') return e.slotted ? 'you have a time slot' : 'you have a place'
  if (e.myRsvp === 'waitlisted') return 'you are on the waitlist'
  if (Date.parse(e.endAt) < Date.now()) return 'over'
  return e.slotted ? 'choose a time on its page' : 'RSVP on its page'
}

/**
 * One milestone on a student's timeline: what it is, when it is due (and relative to what), why,
 * the events that serve it, and the tick. `compact` (the home page) leaves out the why and links.
 */
export function MilestoneItem({
  milestone: m,
  onTick,
  pending,
  compact = false,
}: {
  milestone: TimelineMilestone
  onTick: (done: boolean) => void
  pending: boolean
  compact?: boolean
}) {
  const titleId = `milestone-${m.id}`
  const done = doneLine(m)
  return (
    <li className={`milestone milestone-${m.status}`} aria-labelledby={titleId}>
      <div className="milestone-text">
        <p className="milestone-title">
          <span className={BADGE[m.status]}>{STATUS_LABELS[m.status]}</span> <span id={titleId}>{m.title}</span>
          {m.required ? null : <span className="milestone-optional"> (optional)</span>}
        </p>
        <p className="milestone-due">{dueLine(m)}</p>
        {done ? <p className="milestone-done-by">{done}</p> : null}
        {!compact && m.why ? <p className="milestone-why">{m.why}</p> : null}
        {m.events.length > 0 ? (
          <ul className="milestone-events" aria-label={`Events for ${m.title}`}>
            {m.events.map((e) => (
              <li key={e.id}>
                <Link to={`/events/${encodeURIComponent(e.id)}`}>{e.title}</Link>, {eventWhen(e.startAt)} ({eventNote(e)})
              </li>
            ))}
          </ul>
        ) : null}
        {!compact && m.links.length > 0 ? (
          <ul className="milestone-links" aria-label={`Read more about ${m.title}`}>
            {m.links.map((link) => (
              <li key={link}>
                <a href={link} target="_blank" rel="noreferrer">
                  {new URL(link).hostname.replace(/^www\./, '')}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {!compact ? <p className="milestone-phase">Careers in Medicine: {CIM_PHASE_LABELS[m.phase]}</p> : null}
      </div>
      {m.status !== 'done' ? (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={pending}
          onClick={() => onTick(true)}
          aria-label={`Mark as done: ${m.title}`}
        >
          Mark as done
        </button>
      ) : m.doneBy === 'ticked' ? (
        <button
          type="button"
          className="button button-quiet button-small"
          disabled={pending}
          onClick={() => onTick(false)}
          aria-label={`Undo: ${m.title} is not done yet`}
        >
          Undo
        </button>
      ) : null}
    </li>
  )
}
