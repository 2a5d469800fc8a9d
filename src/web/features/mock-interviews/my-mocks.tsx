import { useState } from 'react'
import { Link } from 'react-router'
import type { BookingSummary, StudentMocks } from '#shared/contracts/mock-interviews.ts'
import { errorMessage } from '../../api/client.ts'
import { useCancelBooking } from './api.ts'
import { CalibratedScoreView } from './calibrated-score.tsx'
import { slotDate, slotWhat, slotWhen, slotWhere } from './mock-format.ts'

const scaleOf = (mocks: StudentMocks) => Math.max(...mocks.rubric.flatMap((c) => c.levels.map((l) => l.score)), 1)

function Upcoming({ booking, staff }: { booking: BookingSummary; staff: boolean }) {
  const cancel = useCancelBooking()
  const [error, setError] = useState<string | null>(null)
  const slot = booking.slot
  return (
    <li className="card mock-card">
      <p className="mock-kind">{slotWhat(slot)}</p>
      <h3 className="mock-when">
        <Link to={`/mock-interviews/bookings/${booking.id}`}>{slotWhen(slot)}</Link>
      </h3>
      <p className="mock-meta">
        With {slot.interviewer.name}, {slot.interviewer.role} · {slotWhere(slot)}
      </p>
      {staff ? null : (
        <button
          type="button"
          className="button button-secondary"
          disabled={cancel.isPending}
          onClick={() => {
            setError(null)
            cancel.mutateAsync(booking.id).catch((cause: unknown) => setError(errorMessage(cause)))
          }}
        >
          Cancel<span className="visually-hidden"> the mock interview of {slotWhen(slot)}</span>
        </button>
      )}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </li>
  )
}

/** Scores by competency over successive mocks, oldest first: a table that scrolls sideways on a phone. */
function Progress({ mocks }: { mocks: StudentMocks }) {
  const scored = mocks.past.filter((b) => b.scores.length > 0).reverse()
  if (scored.length === 0) return null
  return (
    <section aria-labelledby="mock-progress" className="mock-section">
      <h2 id="mock-progress">Scores over successive mocks</h2>
      <div className="table-scroll" role="region" aria-labelledby="mock-progress" tabIndex={0}>
        <table className="mock-progress">
          <thead>
            <tr>
              <th scope="col">Competency</th>
              {scored.map((b) => (
                <th scope="col" key={b.id}>
                  {slotDate(b.slot)}
                  <span className="mock-progress-who">{b.slot.interviewer.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {mocks.rubric.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                {scored.map((b) => (
                  <td key={b.id}>{b.scores.find((s) => s.competencyId === c.id)?.score ?? '–'}</td>
                ))}
              </tr>
            ))}
            <tr className="mock-progress-total">
              <th scope="row">Mean, raw</th>
              {scored.map((b) => (
                <td key={b.id}>{b.calibrated ? b.calibrated.raw.toFixed(1) : '–'}</td>
              ))}
            </tr>
            <tr className="mock-progress-total">
              <th scope="row">Mean, adjusted for the interviewer</th>
              {scored.map((b) => (
                <td key={b.id}>{b.calibrated ? b.calibrated.adjusted.toFixed(1) : '–'}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  )
}

/** A student's coming and past mocks; `staff` when an advisor reads them (no cancelling). */
export function MyMocks({ mocks, staff = false }: { mocks: StudentMocks; staff?: boolean }) {
  const scale = scaleOf(mocks)
  const none = staff ? `${mocks.student.name} has no mock interviews booked.` : 'You have no mock interviews booked.'
  return (
    <>
      <section aria-labelledby="mock-upcoming" className="mock-section">
        <h2 id="mock-upcoming">Coming up</h2>
        {mocks.upcoming.length === 0 ? <p className="empty-state">{none}</p> : null}
        <ul className="mock-list">
          {mocks.upcoming.map((b) => (
            <Upcoming key={b.id} booking={b} staff={staff} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="mock-past" className="mock-section">
        <h2 id="mock-past">Feedback and scores</h2>
        {mocks.past.length === 0 ? <p className="empty-state">No mock interviews yet.</p> : null}
        <ul className="mock-list">
          {mocks.past.map((b) => (
            <li key={b.id} className="card mock-card">
              <p className="mock-kind">{slotWhat(b.slot)}</p>
              <h3 className="mock-when">
                <Link to={`/mock-interviews/bookings/${b.id}`}>
                  {slotDate(b.slot)} with {b.slot.interviewer.name}
                </Link>
              </h3>
              {b.calibrated ? <CalibratedScoreView score={b.calibrated} scale={scale} /> : <p className="mock-meta">Not scored yet.</p>}
              {b.feedback ? (
                <div className="mock-feedback">
                  <h4>Feedback from {b.slot.interviewer.name}</h4>
                  <p>{b.feedback}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <Progress mocks={mocks} />
    </>
  )
}
