import { type FormEvent, useEffect, useState } from 'react'
import { FeedbackInput } from '#shared/contracts/event-attendance.ts'
import type { EventView } from '#shared/contracts/events.ts'
import { ErrorSummary, LiveStatus } from '../../components/feedback.tsx'
import { RadioGroup, TextAreaField } from '../../components/fields.tsx'
import { problemFrom, validate } from '../../components/form-errors.ts'
import { formatDateTime, formatMoment } from '../../components/format.ts'
import { useMyAttendance, useSaveFeedback } from './attendance-api.ts'
import './check-in.css'

const RATINGS = [
  { value: '1', label: '1 — not useful' },
  { value: '2', label: '2' },
  { value: '3', label: '3 — useful' },
  { value: '4', label: '4' },
  { value: '5', label: '5 — very useful' },
]
const LABELS = { rating: 'How useful was it?', comment: 'Comment' }
const idFor = (field: string) => (field === 'comment' ? 'event-feedback-comment' : 'event-feedback-rating')

function FeedbackForm({ eventId, rating, comment, saved }: { eventId: string; rating: number | null; comment: string; saved: string | null }) {
  const save = useSaveFeedback(eventId)
  const [draft, setDraft] = useState({ rating: rating ? String(rating) : '', comment })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => setDraft({ rating: rating ? String(rating) : '', comment }), [rating, comment])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setStatus(null)
    const checked = validate(FeedbackInput, { rating: draft.rating ? Number(draft.rating) : undefined, comment: draft.comment })
    if (!checked.ok) {
      setErrors(checked.errors)
      setMessage(null)
      setAttempt((n) => n + 1)
      return
    }
    save.mutateAsync(checked.data).then(
      () => {
        setErrors({})
        setMessage(null)
        setStatus('Thank you: your feedback is saved. You can change it here at any time.')
      },
      (cause: unknown) => {
        const problem = problemFrom(cause, ['rating', 'comment'])
        setErrors(problem.fields)
        setMessage(problem.message)
        setAttempt((n) => n + 1)
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="event-feedback-title">
      <h2 id="event-feedback-title">Your feedback</h2>
      <p className="field-hint">
        The host sees your rating and comment without your name, beside everyone else’s.
        {saved ? ` You last saved it on ${formatDateTime(saved)}.` : ''}
      </p>
      <ErrorSummary message={message} fields={errors} idFor={idFor} labels={LABELS} attempt={attempt} />
      <RadioGroup
        id="event-feedback-rating"
        name="rating"
        label={LABELS.rating}
        options={RATINGS}
        value={draft.rating}
        onChange={(value) => setDraft((d) => ({ ...d, rating: value }))}
        error={errors.rating}
        columns
      />
      <TextAreaField
        id="event-feedback-comment"
        label="Comment (optional)"
        hint="What worked, and what would make it better."
        value={draft.comment}
        maxLength={2000}
        rows={3}
        onChange={(e) => setDraft((d) => ({ ...d, comment: e.target.value }))}
        error={errors.comment}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        {saved ? 'Update feedback' : 'Send feedback'}
      </button>
      <LiveStatus message={status} />
    </form>
  )
}

/** A student's side of attendance: the pass to show at the door, then the time they were checked in, then feedback. */
export function MyEventAttendance({ event }: { event: EventView }) {
  const hasPlace = event.myRsvp?.status === 'confirmed'
  const started = Date.parse(event.startAt) <= Date.now()
  // Asked only where there is something to show: a place (a pass), or an event under way or over (feedback).
  const mine = useMyAttendance(event.id, event.status === 'scheduled' && (hasPlace || started))
  const m = mine.data
  if (!m) return null
  return (
    <>
      {m.pass ? (
        <section aria-labelledby="event-pass-title" className="card event-pass">
          <h2 id="event-pass-title">Your check-in pass</h2>
          <p>Show this at the door. Staff scan the code, or type the letters under it.</p>
          <img src={m.pass.qrCode} alt={`QR code of your check-in pass, code ${m.pass.code}`} width={256} height={256} />
          <p className="event-pass-code">{m.pass.code}</p>
        </section>
      ) : null}
      {m.checkedInAt ? (
        <p className="notice notice-success">
          You were checked in on{' '}
          {formatMoment(m.checkedInAt, { weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: event.timeZone })}. Thank
          you for coming.
        </p>
      ) : null}
      {m.feedback.open ? (
        <div className="card">
          <FeedbackForm eventId={event.id} rating={m.feedback.rating} comment={m.feedback.comment} saved={m.feedback.updatedAt} />
        </div>
      ) : null}
    </>
  )
}
