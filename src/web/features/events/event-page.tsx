import { useState } from 'react'
import { Link, useParams } from 'react-router'
import type { EventAttendee } from '#shared/contracts/events.ts'
import { errorMessage } from '../../api/client.ts'
import { useSession } from '../../api/identity.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useCancelEvent, useEvent } from './api.ts'
import { audienceLabel, formatDeadline, formatWhen, kindLabel, seatsLabel } from './event-format.ts'
import { AttendanceSummary } from './attendance-summary.tsx'
import { MyEventAttendance } from './my-event-attendance.tsx'
import { RsvpActions } from './rsvp-actions.tsx'
import { EventSeriesSection } from './event-series-section.tsx'
import { EventSlotsSection } from './event-slots-section.tsx'
import { useEventSlots } from './slots-api.ts'
import './events.css'

function People({ id, title, people, empty, numbered }: { id: string; title: string; people: EventAttendee[]; empty: string; numbered?: boolean }) {
  const List = numbered ? 'ol' : 'ul'
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>
        {title} ({people.length})
      </h2>
      {people.length === 0 ? <p className="empty-state">{empty}</p> : null}
      <List className="event-people">
        {people.map((p) => (
          <li key={p.studentId}>
            {p.name} <span className="event-meta">{p.email}</span>
          </li>
        ))}
      </List>
    </section>
  )
}

/** One event: what, when and where; RSVP for students; for staff who comes, who waits, edit and cancel. */
export function EventPage() {
  const { eventId = '' } = useParams()
  const event = useEvent(eventId)
  const session = useSession()
  const cancel = useCancelEvent(eventId)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  usePageTitle(event.data?.title ?? 'Event')
  const roles = session.data?.person.roles ?? []
  const staff = roles.includes('advisor') || roles.includes('admin')
  const student = roles.includes('student') && !staff
  const e = event.data
  // An event split into slots is booked by slot, not by RSVP.
  const slotted = (useEventSlots(eventId).data?.slots.length ?? 0) > 0
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/events" className="back-link">
          ← All events
        </Link>
      </p>
      {event.isPending ? <Loading /> : null}
      {event.isError ? <QueryError error={event.error} onRetry={() => void event.refetch()} /> : null}
      {e ? (
        <>
          <div className="page-header">
            <p className="event-kind">{kindLabel(e)}</p>
            <h1 tabIndex={-1}>{e.title}</h1>
            {e.status === 'cancelled' ? <p className="notice notice-warning">This event is cancelled.</p> : null}
          </div>
          <div className="card">
            <dl className="event-facts">
              <dt>When</dt>
              <dd>
                {formatWhen(e)}
                {e.status === 'scheduled' && Date.parse(e.endAt) > Date.now() ? (
                  <>
                    {' '}
                    <a href={`/api/events/${encodeURIComponent(e.id)}/calendar.ics`} download="event.ics" className="event-calendar">
                      Add to calendar (.ics)<span className="visually-hidden"> {e.title}</span>
                    </a>
                  </>
                ) : null}
              </dd>
              {e.room || e.site ? (
                <>
                  <dt>Where</dt>
                  <dd>{[e.room, e.site].filter(Boolean).join(', ')}</dd>
                </>
              ) : null}
              {e.onlineLink ? (
                <>
                  <dt>Online</dt>
                  <dd>
                    <a href={e.onlineLink} rel="noreferrer noopener" target="_blank">
                      Join online<span className="visually-hidden"> (opens in a new tab)</span>
                    </a>
                  </dd>
                </>
              ) : null}
              <dt>Host</dt>
              <dd>{e.host}</dd>
              <dt>For</dt>
              <dd>{audienceLabel(e)}</dd>
              {slotted ? null : (
                <>
                  <dt>Places</dt>
                  <dd>{seatsLabel(e)}</dd>
                </>
              )}
              <dt>{slotted ? 'Book a slot by' : 'RSVP by'}</dt>
              <dd>{formatDeadline(e)}</dd>
            </dl>
            {e.description ? <p className="prose">{e.description}</p> : null}
            {!staff && !slotted ? <RsvpActions event={e} /> : null}
            {student && !slotted && !e.rsvpOpen && e.status === 'scheduled' && Date.parse(e.endAt) > Date.now() ? (
              <p className="event-meta">RSVPs have closed.</p>
            ) : null}
          </div>
          <EventSeriesSection event={e} staff={staff} />
          <EventSlotsSection event={e} staff={staff} />
          {student ? <MyEventAttendance event={e} /> : null}
          {staff ? (
            <>
              {e.status === 'scheduled' ? (
                <div className="button-row">
                  <Link to={`/events/${e.id}/edit`} className="button button-secondary">
                    Edit event
                  </Link>
                  {confirming ? (
                    <>
                      <button
                        type="button"
                        className="button button-danger"
                        disabled={cancel.isPending}
                        onClick={() =>
                          void cancel.mutateAsync(undefined).then(
                            () => setConfirming(false),
                            (cause: unknown) => setError(errorMessage(cause)),
                          )
                        }
                      >
                        Yes, cancel the event and tell {e.confirmedCount} attendees
                      </button>
                      <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                        Keep it
                      </button>
                    </>
                  ) : (
                    <button type="button" className="button button-danger-outline" onClick={() => setConfirming(true)}>
                      Cancel event
                    </button>
                  )}
                </div>
              ) : null}
              {error ? (
                <p role="alert" className="field-error">
                  {error}
                </p>
              ) : null}
              <AttendanceSummary event={e} />
              {slotted ? null : (
                <>
                  <People id="event-attendees" title="Attending" people={e.attendees ?? []} empty="No one has a place yet." />
                  <People id="event-waitlist" title="Waitlist" people={e.waitlist ?? []} empty="No one is waiting." numbered />
                </>
              )}
            </>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
