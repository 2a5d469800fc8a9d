import { useState } from 'react'
import type { EventSummary } from '#shared/contracts/events.ts'
import { errorMessage } from '../../api/client.ts'
import { useCancelRsvp, useRsvp } from './api.ts'
import { rsvpLabel } from './event-format.ts'

/** RSVP or cancel, with where the student stands; the event's title goes into each button's name for screen readers. */
export function RsvpActions({ event: e }: { event: EventSummary }) {
  const rsvp = useRsvp(e.id)
  const cancel = useCancelRsvp(e.id)
  const [error, setError] = useState<string | null>(null)
  const [said, setSaid] = useState<string | null>(null)
  const status = rsvpLabel(e)
  const full = e.capacity !== null && e.confirmedCount >= e.capacity
  const pending = rsvp.isPending || cancel.isPending
  const act = (run: () => Promise<EventSummary>) => {
    setError(null)
    run()
      .then((next) => setSaid(rsvpLabel(next) ? `${rsvpLabel(next)}.` : 'Your place is cancelled.'))
      .catch((cause: unknown) => setError(errorMessage(cause)))
  }
  return (
    <div className="event-rsvp">
      {status ? <p className={`tag event-rsvp-${e.myRsvp?.status}`}>{status}</p> : null}
      {e.rsvpOpen && e.status === 'scheduled' ? (
        e.myRsvp ? (
          <button type="button" className="button button-secondary" disabled={pending} onClick={() => act(() => cancel.mutateAsync(undefined))}>
            {e.myRsvp.status === 'waitlisted' ? 'Leave the waitlist' : 'Cancel my place'}
            <span className="visually-hidden"> at {e.title}</span>
          </button>
        ) : (
          <button type="button" className="button" disabled={pending} onClick={() => act(() => rsvp.mutateAsync(undefined))}>
            {full ? 'Join the waitlist' : 'RSVP'}
            <span className="visually-hidden">
              {full ? ' for ' : ' to '}
              {e.title}
            </span>
          </button>
        )
      ) : null}
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
