import { type ReactNode, useState } from 'react'
import type { ShadowingSlotView } from '#shared/contracts/shadowing.ts'
import { errorMessage } from '../../api/client.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { useBookSlot, useCancelBooking, useShadowingSlots } from './shadowing-api.ts'
import { dayWhen, placesLeftLabel } from './shadowing-format.ts'

/**
 * A shadowing opportunity's days with places left; a student books one (or cancels it until a
 * day before). With no days offered, `withoutDays` shows instead (applying, as before days existed).
 */
export function ShadowingDays({ opportunityId, isStudent, withoutDays }: { opportunityId: string; isStudent: boolean; withoutDays: ReactNode }) {
  const slots = useShadowingSlots(opportunityId)
  const book = useBookSlot()
  const cancel = useCancelBooking()
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<{ slotId: string; message: string } | null>(null)
  const list = slots.data

  const act = (slot: ShadowingSlotView, run: () => Promise<unknown>, done: string) => {
    setError(null)
    setStatus(null)
    run()
      .then(() => setStatus(done))
      .catch((cause: unknown) => setError({ slotId: slot.id, message: errorMessage(cause) }))
  }

  if (list && list.slots.length === 0) return withoutDays
  return (
    <section className="card" aria-labelledby="shadowing-days">
      <h2 id="shadowing-days">Days to shadow</h2>
      {slots.isPending ? <Loading /> : null}
      {slots.isError ? <QueryError error={slots.error} onRetry={() => void slots.refetch()} /> : null}
      {isStudent && list?.blockedBecause && !list.slots.some((s) => s.myBooking) ? <p className="notice notice-warning">{list.blockedBecause}</p> : null}
      <div role="status" aria-live="polite" className="live-status">
        {status ? <p className="notice notice-success">{status}</p> : null}
      </div>
      {list && list.slots.length > 0 ? (
        <ul className="shadowing-days">
          {list.slots.map((slot) => (
            <li key={slot.id} className="shadowing-day">
              <h3>{dayWhen(slot)}</h3>
              <dl className="opportunity-facts">
                {[
                  ['Where', slot.site],
                  ['Dress code', slot.dressCode],
                  ['Bring', slot.whatToBring],
                  ['Places', placesLeftLabel(slot)],
                ]
                  .filter(([, value]) => value)
                  .map(([term, value]) => (
                    <div key={term}>
                      <dt>{term}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
              </dl>
              {slot.myBooking ? (
                <>
                  <p className="tag application-accepted">Your day</p>
                  {slot.myBooking.canCancel ? (
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={cancel.isPending}
                      onClick={() => act(slot, () => cancel.mutateAsync(slot.myBooking?.id ?? ''), `Cancelled your day of ${dayWhen(slot)}.`)}
                    >
                      Cancel my booking
                    </button>
                  ) : (
                    <p>It is less than a day away: write to the poster if you cannot come.</p>
                  )}
                </>
              ) : isStudent && list.canBook && slot.placesLeft > 0 ? (
                <button
                  type="button"
                  className="button"
                  aria-label={`Book ${dayWhen(slot)}`}
                  disabled={book.isPending}
                  onClick={() => act(slot, () => book.mutateAsync(slot.id), `Booked ${dayWhen(slot)}. The invite is in your e-mail.`)}
                >
                  Book this day
                </button>
              ) : null}
              {error?.slotId === slot.id ? (
                <p role="alert" className="field-error">
                  {error.message}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
