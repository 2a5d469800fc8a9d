import { useRef, useState } from 'react'
import { Link } from 'react-router'
import type { SlotView } from '#shared/contracts/mock-interviews.ts'
import { MOCK_INTERVIEW_KIND_LABELS, MOCK_INTERVIEW_KINDS } from '#shared/enums.ts'
import { SPECIALTIES_BY_NAME } from '#shared/reference/specialties.ts'
import { AppError } from '#shared/errors.ts'
import { errorMessage } from '../../api/client.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { SelectField } from '../../components/fields.tsx'
import { plural } from '../../components/format.ts'
import { useBook, useOpenSlots } from './api.ts'
import { slotWhat, slotWhen, slotWhere } from './mock-format.ts'

/** Slots shown before "Show all": the soonest, so the student's own mocks stay near the top of the page. */
const FIRST_SHOWN = 6

/** Free slots by specialty and kind, each with a Book button; where the student stands against the school's limit. */
export function OpenSlots({ defaultSpecialty }: { defaultSpecialty: string }) {
  const [specialtyId, setSpecialtyId] = useState(defaultSpecialty)
  const [kind, setKind] = useState('')
  const slots = useOpenSlots(specialtyId, kind)
  const book = useBook()
  const [error, setError] = useState<{ slotId: string; message: string } | null>(null)
  const [booked, setBooked] = useState<{ id: string; text: string } | null>(null)
  const [showAll, setShowAll] = useState(false)
  const listRef = useRef<HTMLUListElement>(null)
  const shown = showAll ? (slots.data?.slots ?? []) : (slots.data?.slots ?? []).slice(0, FIRST_SHOWN)
  const hidden = (slots.data?.slots.length ?? 0) - shown.length
  const allowance = slots.data?.allowance
  const full = allowance ? allowance.used >= allowance.limit : false
  const searching = slots.isPlaceholderData && slots.isFetching

  const onBook = (slot: SlotView) => {
    setError(null)
    book
      .mutateAsync(slot.id)
      .then((view) =>
        setBooked({ id: view.id, text: `Booked: ${slotWhat(slot)} with ${slot.interviewer.name}, ${slotWhen(slot)}. The invite is in your e-mail.` }),
      )
      .catch((cause: unknown) => {
        const field = cause instanceof AppError ? cause.fields?.slotId : undefined
        setError({ slotId: slot.id, message: field ?? errorMessage(cause) })
      })
  }

  return (
    <section aria-labelledby="mock-book" className="mock-section">
      <h2 id="mock-book">Book a mock interview</h2>
      {allowance ? (
        <p>
          You have booked {allowance.used} of the {allowance.limit} mock interviews the school offers each student in {allowance.season}.
          {full ? ' Cancel a coming one to book another.' : ''}
        </p>
      ) : null}
      <div className="mock-filters">
        <SelectField
          id="mock-filter-specialty"
          label="Specialty"
          placeholder="Every specialty"
          options={SPECIALTIES_BY_NAME.map((s) => ({ value: s.id, label: s.name }))}
          value={specialtyId}
          onChange={(e) => setSpecialtyId(e.currentTarget.value)}
        />
        <SelectField
          id="mock-filter-kind"
          label="Kind of interview"
          placeholder="Every kind"
          options={MOCK_INTERVIEW_KINDS.map((k) => ({ value: k, label: MOCK_INTERVIEW_KIND_LABELS[k] }))}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
        />
      </div>
      <p role="status" aria-busy={searching} className="mock-count">
        {searching ? 'Searching…' : slots.data ? plural(slots.data.slots.length, 'free slot', 'free slots') : ''}
      </p>
      <div role="status" aria-live="polite" className="live-status">
        {booked ? (
          <p className="notice notice-success">
            {booked.text} <Link to={`/mock-interviews/bookings/${booked.id}`}>Open the mock</Link>
          </p>
        ) : null}
      </div>
      {slots.isPending ? <Loading /> : null}
      {slots.isError ? <QueryError error={slots.error} onRetry={() => void slots.refetch()} /> : null}
      {slots.data && slots.data.slots.length === 0 ? (
        <p className="empty-state">No free slots {specialtyId || kind ? 'for this choice' : 'yet'}. Try every specialty or kind, or look again next week.</p>
      ) : null}
      <ul className="mock-list mock-slot-grid" ref={listRef}>
        {shown.map((slot) => (
          <li key={slot.id} className="card mock-card">
            <p className="mock-kind">{slotWhat(slot)}</p>
            <h3 className="mock-when">{slotWhen(slot)}</h3>
            <p className="mock-meta">
              {slot.interviewer.name}, {slot.interviewer.role} · {slotWhere(slot)}
            </p>
            <button type="button" className="button" disabled={book.isPending || full} onClick={() => onBook(slot)}>
              Book
              <span className="visually-hidden">
                {' '}
                the mock interview with {slot.interviewer.name}, {slotWhen(slot)}
              </span>
            </button>
            {error?.slotId === slot.id ? (
              <p role="alert" className="field-error">
                {error.message}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {hidden > 0 ? (
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setShowAll(true)
              // The button goes away: focus moves to the first slot it revealed.
              requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLButtonElement>('li button')[FIRST_SHOWN]?.focus())
            }}
          >
            Show all {slots.data?.slots.length} free slots
          </button>
        </p>
      ) : null}
    </section>
  )
}
