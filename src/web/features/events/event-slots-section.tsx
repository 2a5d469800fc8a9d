import { useEffect, useRef, useState } from 'react'
import { useLocation } from 'react-router'
import type { EventSlotsView, EventSlotView } from '#shared/contracts/event-slots.ts'
import type { EventView } from '#shared/contracts/events.ts'
import { errorMessage } from '../../api/client.ts'
import { LiveStatus, QueryError } from '../../components/feedback.tsx'
import { AddSlotsForm } from './add-slots-form.tsx'
import { formatDeadline } from './event-format.ts'
import { groupByLabel, slotTime } from './slot-format.ts'
import { useBookSlot, useEventSlots, useGiveUpSlot, useRemoveSlot } from './slots-api.ts'

/**
 * An event's time slots. A student of the audience books one (the event's RSVP deadline is the
 * slots' too) and may give it up; staff add runs of slots, see who holds each, and remove free
 * ones. Nothing shows to a student when the event has no slots.
 */
export function EventSlotsSection({ event, staff }: { event: EventView; staff: boolean }) {
  const slots = useEventSlots(event.id)
  // The events list's "Choose a time" links here (#event-slots): once the slots have loaded they
  // are brought into view and their heading focused, as a fragment would on a static page.
  const location = useLocation()
  const heading = useRef<HTMLHeadingElement>(null)
  const loaded = (slots.data?.slots.length ?? 0) > 0
  useEffect(() => {
    if (!loaded || location.hash !== '#event-slots') return
    heading.current?.scrollIntoView({ block: 'start' })
    heading.current?.focus({ preventScroll: true })
  }, [loaded, location.hash])
  if (slots.isError) return <QueryError error={slots.error} onRetry={() => void slots.refetch()} />
  const view = slots.data
  if (!view || (!staff && view.slots.length === 0)) return null
  // Most events have no slots: staff get the way to add them folded away.
  if (staff && view.slots.length === 0)
    return event.status === 'scheduled' ? (
      <details className="card slot-details">
        <summary>Split this event into time slots</summary>
        <p className="event-meta">A headshot every 10 minutes, or a session per program: students then book one slot each instead of RSVPing.</p>
        <AddSlotsForm event={event} />
      </details>
    ) : null
  return (
    <section aria-labelledby="event-slots" className="card">
      <h2 id="event-slots" ref={heading} tabIndex={-1}>
        Time slots
      </h2>
      {staff ? <StaffSlots event={event} view={view} /> : <StudentSlots event={event} view={view} />}
    </section>
  )
}

function SlotGroups({ view, children }: { view: EventSlotsView; children: (slot: EventSlotView) => React.ReactNode }) {
  return (
    <>
      {groupByLabel(view.slots).map((group) => (
        <div key={group.label} className="slot-group">
          {group.label ? <h3>{group.label}</h3> : null}
          <ul className="slot-list">
            {group.slots.map((slot) => (
              <li key={slot.id} className={`slot${slot.mine ? ' slot-mine' : ''}`}>
                <span className="slot-time">{slotTime(slot, view.timeZone)}</span>
                {children(slot)}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  )
}

function StudentSlots({ event, view }: { event: EventView; view: EventSlotsView }) {
  const book = useBookSlot(event.id)
  const giveUp = useGiveUpSlot(event.id)
  const [error, setError] = useState<string | null>(null)
  const [said, setSaid] = useState<string | null>(null)
  const mine = view.slots.find((s) => s.mine) ?? null
  const free = view.slots.filter((s) => !s.booked).length
  const pending = book.isPending || giveUp.isPending
  const act = (run: () => Promise<EventSlotsView>, done: (next: EventSlotsView) => string) => {
    setError(null)
    setSaid(null)
    run()
      .then((next) => setSaid(done(next)))
      .catch((cause: unknown) => setError(errorMessage(cause)))
  }
  const mineText = (next: EventSlotsView) => {
    const slot = next.slots.find((s) => s.mine)
    return slot
      ? `Booked: ${slotTime(slot, next.timeZone)}${slot.label ? `, ${slot.label}` : ''}. The invite is on its way by e-mail.`
      : 'Your slot is given up.'
  }
  return (
    <>
      {mine ? (
        <div className="slot-mine-box">
          <p className="tag event-rsvp-confirmed">
            Your slot: {slotTime(mine, view.timeZone)}
            {mine.label ? `, ${mine.label}` : ''}
          </p>
          {view.bookingOpen ? (
            <button type="button" className="button button-secondary" disabled={pending} onClick={() => act(() => giveUp.mutateAsync(undefined), mineText)}>
              Give up my slot
            </button>
          ) : null}
        </div>
      ) : null}
      <p className="event-meta">
        {view.bookingOpen
          ? `${free} of ${view.slots.length} slots free. Book one; you can give it up until ${formatDeadline(event)}.`
          : `Booking has closed. ${free} of ${view.slots.length} slots were left free.`}
      </p>
      <LiveStatus message={said} />
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <SlotGroups view={view}>
        {(slot) =>
          slot.mine ? (
            <span className="slot-state">Yours</span>
          ) : slot.booked ? (
            <span className="slot-state">Taken</span>
          ) : view.bookingOpen && !mine ? (
            <button type="button" className="button button-small" disabled={pending} onClick={() => act(() => book.mutateAsync(slot.id), mineText)}>
              Book
              <span className="visually-hidden">
                {' '}
                {slotTime(slot, view.timeZone)}
                {slot.label ? `, ${slot.label}` : ''}
              </span>
            </button>
          ) : (
            <span className="slot-state">Free</span>
          )
        }
      </SlotGroups>
    </>
  )
}

function StaffSlots({ event, view }: { event: EventView; view: EventSlotsView }) {
  const remove = useRemoveSlot(event.id)
  const [error, setError] = useState<string | null>(null)
  const booked = view.slots.filter((s) => s.booked).length
  return (
    <>
      <p className="event-meta">
        {view.slots.length === 0
          ? 'No slots yet. Split the event into slots (a headshot every 10 minutes; a session per program) and students book one each.'
          : `${booked} of ${view.slots.length} slots booked. Students give up a slot themselves until RSVPs close; a free slot can be removed.`}
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <SlotGroups view={view}>
        {(slot) =>
          slot.bookedBy ? (
            <span className="slot-state">
              {slot.bookedBy.name} <span className="event-meta">{slot.bookedBy.email}</span>
            </span>
          ) : (
            <>
              <span className="slot-state">Free</span>
              {event.status === 'scheduled' ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={remove.isPending}
                  onClick={() => {
                    setError(null)
                    remove.mutateAsync(slot.id).catch((cause: unknown) => setError(errorMessage(cause)))
                  }}
                >
                  Remove<span className="visually-hidden"> the slot {slotTime(slot, view.timeZone)}</span>
                </button>
              ) : null}
            </>
          )
        }
      </SlotGroups>
      {event.status === 'scheduled' ? <AddSlotsForm event={event} /> : null}
    </>
  )
}
