import { useState } from 'react'
import { Link } from 'react-router'
import type { InterviewerSlots } from '#shared/contracts/mock-interviews.ts'
import { errorMessage } from '../../api/client.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useInterviewerSlots, useWithdrawSlot } from './api.ts'
import { slotWhat, slotWhen, slotWhere } from './mock-format.ts'
import { PublishSlotForm } from './publish-slot-form.tsx'
import './mock-interviews.css'

type Slot = InterviewerSlots['slots'][number]
const PAST_SHOWN = 20

function SlotCard({ slot, now }: { slot: Slot; now: number }) {
  const withdraw = useWithdrawSlot()
  const [error, setError] = useState<string | null>(null)
  const begun = Date.parse(slot.startAt) <= now
  return (
    <li className="card mock-card">
      <p className="mock-kind">
        {slotWhat(slot)}
        {slot.status === 'cancelled' ? <span className="tag"> Withdrawn</span> : null}
      </p>
      <h3 className="mock-when">{slotWhen(slot)}</h3>
      <p className="mock-meta">{slotWhere(slot)}</p>
      {slot.booking ? (
        <p>
          Booked by {slot.booking.student.name}.{' '}
          <Link to={`/mock-interviews/bookings/${slot.booking.id}`}>
            {slot.booking.scoredAt ? 'Read or change your scores' : begun ? 'Score it' : 'Open'}
            <span className="visually-hidden"> (mock interview with {slot.booking.student.name})</span>
          </Link>
        </p>
      ) : slot.status === 'open' ? (
        <p className="mock-meta">{begun ? 'Nobody booked it.' : 'Not booked yet.'}</p>
      ) : null}
      {slot.status === 'open' && !begun ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={withdraw.isPending}
          onClick={() => {
            setError(null)
            withdraw.mutateAsync(slot.id).catch((cause: unknown) => setError(errorMessage(cause)))
          }}
        >
          Withdraw<span className="visually-hidden"> the slot of {slotWhen(slot)}</span>
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </li>
  )
}

/** An interviewer's desk: publish slots, see who booked, score the mocks that have begun. */
export function InterviewingPage() {
  usePageTitle('Mock interviews you give')
  const slots = useInterviewerSlots()
  const now = Date.now()
  const data = slots.data
  const toScore = data?.slots.filter((s) => s.booking && !s.booking.scoredAt && Date.parse(s.startAt) <= now) ?? []
  const coming = data?.slots.filter((s) => Date.parse(s.startAt) > now).reverse() ?? []
  const allPast = data?.slots.filter((s) => Date.parse(s.startAt) <= now && !toScore.includes(s)) ?? []
  const past = allPast.slice(0, PAST_SHOWN)
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>Mock interviews you give</h1>
        <p className="lead">Publish times when students can book a mock interview with you. After each one, score the school's rubric and write feedback.</p>
      </div>
      {slots.isPending ? <Loading /> : null}
      {slots.isError ? <QueryError error={slots.error} onRetry={() => void slots.refetch()} /> : null}
      {data ? (
        <>
          {toScore.length ? (
            <section aria-labelledby="mock-to-score" className="mock-section">
              <h2 id="mock-to-score">Waiting for your scores</h2>
              <ul className="mock-list">
                {toScore.map((s) => (
                  <SlotCard key={s.id} slot={s} now={now} />
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="mock-publish" className="mock-section">
            <h2 id="mock-publish">Publish a slot</h2>
            {data.canInterview ? (
              <PublishSlotForm defaultSpecialty={data.slots[0]?.specialtyId ?? ''} />
            ) : (
              <p>
                Mentors who offer mock interviews and specialty advisors publish slots. To give them, add "Mock interviews" to what you offer, or name the
                specialty you advise, on <Link to="/profile">your profile</Link>.
              </p>
            )}
          </section>
          <section aria-labelledby="mock-coming" className="mock-section">
            <h2 id="mock-coming">Coming up</h2>
            {coming.length === 0 ? <p className="empty-state">No slots coming up.</p> : null}
            <ul className="mock-list">
              {coming.map((s) => (
                <SlotCard key={s.id} slot={s} now={now} />
              ))}
            </ul>
          </section>
          <section aria-labelledby="mock-given" className="mock-section">
            <h2 id="mock-given">Past</h2>
            {past.length === 0 ? <p className="empty-state">None yet.</p> : null}
            {allPast.length > PAST_SHOWN ? (
              <p>
                The latest {PAST_SHOWN} of {allPast.length}.
              </p>
            ) : null}
            <ul className="mock-list">
              {past.map((s) => (
                <SlotCard key={s.id} slot={s} now={now} />
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  )
}
