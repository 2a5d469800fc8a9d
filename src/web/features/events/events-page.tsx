import { Link } from 'react-router'
import type { EventSummary } from '#shared/contracts/events.ts'
import { useSession } from '../../api/identity.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useEvents } from './api.ts'
import { audienceLabel, formatWhen, formatWhere, kindLabel, seatsLabel, slotsLabel } from './event-format.ts'
import { RsvpActions } from './rsvp-actions.tsx'
import './events.css'
import { CalendarFeed } from '../mentorships/calendar-feed.tsx'
import { slotStart } from './slot-format.ts'

function EventCard({ event: e, staff, past }: { event: EventSummary; staff: boolean; past: boolean }) {
  return (
    <li className="card event-card">
      <p className="event-kind">
        {kindLabel(e)}
        {e.status === 'cancelled' ? <span className="tag event-cancelled"> Cancelled</span> : null}
      </p>
      <h3>
        <Link to={`/events/${e.id}`}>{e.title}</Link>
      </h3>
      <p className="event-when">{formatWhen(e)}</p>
      <p className="event-meta">
        {formatWhere(e)} · {e.host}
        {staff ? ` · ${audienceLabel(e)}` : ''}
      </p>
      {past ? null : <p className="event-meta">{e.slots ? slotsLabel(e.slots) : seatsLabel(e)}</p>}
      {!staff && !past ? e.slots ? <SlotChoice event={e} /> : <RsvpActions event={e} /> : null}
      {past && e.myRsvp?.status === 'confirmed' ? <p className="event-meta">You had a place.</p> : null}
    </li>
  )
}

/**
 * An event split into time slots is booked by slot on its page, not by RSVP: the card says
 * which slot is the student's, or leads to the slots while any is free and booking is open.
 */
function SlotChoice({ event: e }: { event: EventSummary }) {
  const slots = e.slots
  if (!slots) return null
  const open = e.rsvpOpen && e.status === 'scheduled'
  return (
    <div className="event-rsvp">
      {slots.mineStartAt ? <p className="tag event-rsvp-confirmed">Your slot: {slotStart(slots.mineStartAt, e.timeZone)}</p> : null}
      {open && (slots.mineStartAt || slots.free > 0) ? (
        <Link to={`/events/${e.id}#event-slots`} className={slots.mineStartAt ? 'button button-secondary' : 'button'}>
          {slots.mineStartAt ? 'Change your slot' : 'Choose a time'}
          <span className="visually-hidden">
            {' '}
            {slots.mineStartAt ? 'at' : 'for'} {e.title}
          </span>
        </Link>
      ) : null}
    </div>
  )
}

/** Events: for students those of their class, with RSVP; for staff every event, to run them. */
export function EventsPage() {
  usePageTitle('Events')
  const session = useSession()
  const events = useEvents()
  const roles = session.data?.person.roles ?? []
  const staff = roles.includes('advisor') || roles.includes('admin')
  const student = roles.includes('student')
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>Events</h1>
        <p className="lead">
          {staff
            ? 'Panels, workshops, fairs and sessions the office and departments hold. Open one to see who is coming and who is waiting.'
            : student
              ? 'Panels, workshops, fairs and sessions for you. RSVP to keep a place; when an event is full you join the waitlist and are e-mailed if a place opens.'
              : 'Events open to every student, where mentors are welcome. Places are kept for students; to speak at one, write to its host.'}
        </p>
        {staff ? (
          <p>
            <Link to="/events/new" className="button">
              New event
            </Link>
          </p>
        ) : null}
      </div>
      {events.isPending ? <Loading /> : null}
      {events.isError ? <QueryError error={events.error} onRetry={() => void events.refetch()} /> : null}
      {events.data ? (
        <>
          <section aria-labelledby="events-upcoming">
            <h2 id="events-upcoming">Upcoming</h2>
            {events.data.upcoming.length === 0 ? <p className="empty-state">No upcoming events for you yet.</p> : null}
            <ul className="event-list">
              {events.data.upcoming.map((e) => (
                <EventCard key={e.id} event={e} staff={staff} past={false} />
              ))}
            </ul>
          </section>
          <section aria-labelledby="events-past">
            <h2 id="events-past">Past events</h2>
            {events.data.past.length === 0 ? <p className="empty-state">No past events.</p> : null}
            <ul className="event-list">
              {events.data.past.map((e) => (
                <EventCard key={e.id} event={e} staff={staff} past />
              ))}
            </ul>
          </section>
          {student ? <CalendarFeed contents="the events you have a place at and your mentoring meetings" /> : null}
        </>
      ) : null}
    </div>
  )
}
