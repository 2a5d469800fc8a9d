import { useState } from 'react'
import { Link } from 'react-router'
import type { EventView } from '#shared/contracts/events.ts'
import { errorMessage } from '../../api/client.ts'
import { formatMoment } from '../../components/format.ts'
import { useCancelRestOfSeries, useSeriesOfEvent } from './slots-api.ts'

/**
 * The series an event belongs to: how it repeats and every date, this one marked. Staff edit one
 * occurrence as any event, or cancel this one and the rest at once. Nothing shows for an event
 * that stands alone.
 */
export function EventSeriesSection({ event, staff }: { event: EventView; staff: boolean }) {
  const series = useSeriesOfEvent(event.id)
  const cancelRest = useCancelRestOfSeries(event.id)
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const s = series.data?.series
  if (!s) return null
  const rest = s.occurrences.filter((o) => Date.parse(o.startAt) >= Date.parse(event.startAt) && o.status === 'scheduled')
  const day = (iso: string) => formatMoment(iso, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: event.timeZone })
  return (
    <section aria-labelledby="event-series" className="card">
      <h2 id="event-series">Part of a series</h2>
      <p>
        {s.rule}; a date on a holiday or in a break of the academic calendar has no event. Each date is an event of its own: RSVP to each one you want to come
        to.
      </p>
      <ol className="series-dates">
        {s.occurrences.map((o) => (
          <li key={o.eventId}>
            {o.eventId === event.id ? (
              <strong aria-current="page">{day(o.startAt)} (this one)</strong>
            ) : (
              <Link to={`/events/${o.eventId}`}>{day(o.startAt)}</Link>
            )}
            {o.status === 'cancelled' ? <span className="tag event-cancelled">Cancelled</span> : null}
          </li>
        ))}
      </ol>
      {staff && rest.length > 0 ? (
        <div className="button-row">
          {confirming ? (
            <>
              <button
                type="button"
                className="button button-danger"
                disabled={cancelRest.isPending}
                onClick={() =>
                  void cancelRest.mutateAsync().then(
                    () => setConfirming(false),
                    (cause: unknown) => setError(errorMessage(cause)),
                  )
                }
              >
                Yes, cancel {rest.length === 1 ? 'this date' : `these ${rest.length} dates`} and tell their attendees
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                Keep them
              </button>
            </>
          ) : (
            <button type="button" className="button button-danger-outline" onClick={() => setConfirming(true)}>
              Cancel this and the rest of the series
            </button>
          )}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </section>
  )
}
