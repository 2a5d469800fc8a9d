import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { MeetingView, MentorshipView } from '#shared/contracts/mentorships.ts'
import { MEETING_LOCATION_KINDS } from '#shared/enums.ts'
import { MS_PER_MINUTE } from '#shared/time.ts'
import { errorMessage } from '../../api/client.ts'
import {
  useCancelMeeting,
  useConfirmMeeting,
  useCreateMeeting,
  useFreeSlots,
  useMeetingFeedback,
  useRescheduleMeeting,
  type FreeSlot,
} from '../../api/mentorships.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { RadioGroup, SelectField, TextAreaField, TextField, optionsFrom } from '../../components/fields.tsx'
import {
  browserTimeZone,
  formatMeetingWhen,
  formatStart,
  formatTimeRange,
  groupByDay,
  isoToLocalInput,
  localInputToIso,
  LOCATION_LABELS,
} from './mentorship-format.ts'

const LOCATION_OPTIONS = optionsFrom(MEETING_LOCATION_KINDS, LOCATION_LABELS)
const DURATION_OPTIONS = [15, 30, 45, 60, 90].map((m) => ({ value: String(m), label: `${m} minutes` }))

function locationText(meeting: Pick<MeetingView, 'locationKind' | 'locationDetail'>): string {
  return `${LOCATION_LABELS[meeting.locationKind]}${meeting.locationDetail ? `: ${meeting.locationDetail}` : ''}`
}

type Say = (message: string) => void

function FreeSlotPicker({ mentorship, say }: { mentorship: MentorshipView; say: Say }) {
  const slots = useFreeSlots(mentorship.id, true)
  const book = useCreateMeeting(mentorship.id)
  const [chosen, setChosen] = useState<FreeSlot | null>(null)
  const [error, setError] = useState<string | null>(null)
  const groups = groupByDay(slots.data?.slots ?? [])
  const zone = browserTimeZone()

  const onBook = () => {
    if (!chosen) return
    setError(null)
    book.mutate(
      { mode: 'book', startAt: chosen.startAt },
      {
        onSuccess: () => {
          say(`Booked: ${formatMeetingWhen(chosen)} with ${mentorship.mentor.name}. An invitation is on its way to you both.`)
          setChosen(null)
        },
        onError: (failure) => {
          setError(errorMessage(failure))
          void slots.refetch()
        },
      },
    )
  }

  return (
    <div className="slot-picker">
      <h3 id="book-slot-title">Book a free time</h3>
      <p className="field-hint">
        {mentorship.mentor.name}’s free times in the next three weeks, shown in your time zone ({zone}). Choose one, then book it.
      </p>
      {slots.isPending ? <Loading label="Loading free times…" /> : null}
      {slots.isError ? <QueryError error={slots.error} onRetry={() => void slots.refetch()} /> : null}
      {slots.data && groups.length === 0 ? (
        <p className="empty">No free times in the next three weeks. Propose a time below instead; {mentorship.mentor.name.split(/\s+/)[0]} confirms it.</p>
      ) : null}
      {groups.length > 0 ? (
        <div className="slot-days" role="group" aria-labelledby="book-slot-title">
          {groups.map((group) => (
            <div key={group.key} className="slot-day">
              <h4 id={`slot-day-${group.key}`}>{group.heading}</h4>
              <ul className="slot-list" aria-labelledby={`slot-day-${group.key}`}>
                {group.items.map((slot) => {
                  const pressed = chosen?.startAt === slot.startAt
                  return (
                    <li key={slot.startAt}>
                      <button
                        type="button"
                        className={`slot-button${pressed ? ' is-chosen' : ''}`}
                        aria-pressed={pressed}
                        onClick={() => setChosen(pressed ? null : slot)}
                      >
                        <span className="visually-hidden">{group.heading}, </span>
                        {formatTimeRange(slot.startAt, slot.endAt)}
                        <span className="slot-where">{LOCATION_LABELS[slot.locationKind]}</span>
                      </button>
                    </li>
                  )
                })}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="live-status">
        {chosen ? <p className="visually-hidden">Chosen: {formatMeetingWhen(chosen)}. Book it with the button below the list.</p> : null}
      </div>
      {chosen ? (
        <div className="slot-confirm">
          <p>
            <strong>Chosen:</strong> {formatMeetingWhen(chosen)}, {locationText(chosen)}
          </p>
          <button type="button" className="button" onClick={onBook} disabled={book.isPending}>
            {book.isPending ? 'Booking…' : `Book ${formatStart(chosen.startAt)}`}
          </button>
        </div>
      ) : null}
    </div>
  )
}

/** Any time: proposing a new meeting, or moving one. */
function TimeForm({
  submitLabel,
  initial,
  onSubmit,
  pending,
  onCancel,
  serverError,
}: {
  submitLabel: string
  initial?: MeetingView
  onSubmit: (value: { startAt: string; durationMinutes: number; locationKind: (typeof MEETING_LOCATION_KINDS)[number]; locationDetail: string }) => void
  pending: boolean
  onCancel?: () => void
  serverError: string | null
}) {
  const id = useId()
  const [when, setWhen] = useState(initial ? isoToLocalInput(initial.startAt) : '')
  const [duration, setDuration] = useState(initial ? String(Math.round((Date.parse(initial.endAt) - Date.parse(initial.startAt)) / MS_PER_MINUTE)) : '30')
  const [locationKind, setLocationKind] = useState<string>(initial?.locationKind ?? 'video')
  const [locationDetail, setLocationDetail] = useState(initial?.locationDetail ?? '')
  const [whenError, setWhenError] = useState<string | undefined>(undefined)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const startAt = localInputToIso(when)
    if (!startAt) {
      setWhenError('Choose a date and time.')
      document.getElementById(`when-${id}`)?.focus()
      return
    }
    if (Date.parse(startAt) <= Date.now()) {
      setWhenError('Choose a time in the future.')
      document.getElementById(`when-${id}`)?.focus()
      return
    }
    setWhenError(undefined)
    onSubmit({
      startAt,
      durationMinutes: Number(duration),
      locationKind: locationKind as (typeof MEETING_LOCATION_KINDS)[number],
      locationDetail: locationDetail.trim(),
    })
  }

  return (
    <form noValidate className="form time-form" onSubmit={submit}>
      <div className="form-grid">
        <TextField
          id={`when-${id}`}
          type="datetime-local"
          label="Date and time"
          hint={`In your time zone (${browserTimeZone()}).`}
          value={when}
          onChange={(e) => setWhen(e.currentTarget.value)}
          error={whenError ?? serverError ?? undefined}
        />
        <SelectField id={`duration-${id}`} label="Length" options={DURATION_OPTIONS} value={duration} onChange={(e) => setDuration(e.currentTarget.value)} />
      </div>
      <RadioGroup id={`where-${id}`} name={`where-${id}`} label="Where" options={LOCATION_OPTIONS} value={locationKind} onChange={setLocationKind} columns />
      <TextField
        id={`detail-${id}`}
        label="Room, link or phone number (optional)"
        value={locationDetail}
        onChange={(e) => setLocationDetail(e.currentTarget.value)}
        maxLength={300}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Keep the time
          </button>
        ) : null}
      </div>
    </form>
  )
}

const RATING_OPTIONS = [
  { value: '5', label: '5 – Very useful' },
  { value: '4', label: '4 – Useful' },
  { value: '3', label: '3 – All right' },
  { value: '2', label: '2 – Not very useful' },
  { value: '1', label: '1 – Not useful at all' },
]

/** After a meeting: a short word to the program, which the other side never reads. */
function FeedbackForm({ meeting, when, say }: { meeting: MeetingView; when: string; say: Say }) {
  const send = useMeetingFeedback()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [rating, setRating] = useState('')
  const [comment, setComment] = useState('')
  const [ratingError, setRatingError] = useState<string | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (open) headingRef.current?.focus()
  }, [open])

  if (meeting.feedbackGiven) return <p className="field-hint">You sent feedback on this meeting to the program. Thank you.</p>
  if (!open) {
    return (
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          Give feedback to the program<span className="visually-hidden"> on the meeting on {when}</span>
        </button>
      </div>
    )
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!rating) {
      setRatingError('Choose how useful the meeting was.')
      document.getElementById(`rating-${id}`)?.querySelector('input')?.focus()
      return
    }
    setRatingError(undefined)
    setError(null)
    send.mutate(
      { meetingId: meeting.id, rating: Number(rating), comment: comment.trim() },
      {
        onSuccess: () => {
          setOpen(false)
          say(`Thank you. Your feedback on the meeting on ${when} went to the program only.`)
        },
        onError: (failure) => setError(errorMessage(failure)),
      },
    )
  }
  return (
    <form noValidate className="form feedback-form" onSubmit={submit} aria-labelledby={`feedback-title-${id}`}>
      <h4 id={`feedback-title-${id}`} ref={headingRef} tabIndex={-1}>
        Feedback to the program
      </h4>
      <p className="notice notice-info feedback-privacy">Only the program sees this; the other side never does.</p>
      <RadioGroup
        id={`rating-${id}`}
        name={`rating-${id}`}
        label="How useful was the meeting?"
        options={RATING_OPTIONS}
        value={rating}
        onChange={setRating}
        error={ratingError}
      />
      <TextAreaField
        id={`comment-${id}`}
        label="Anything the program should know (optional)"
        rows={3}
        maxLength={1000}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={send.isPending}>
          {send.isPending ? 'Sending…' : 'Send feedback'}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          Not now
        </button>
      </div>
    </form>
  )
}

function MeetingItem({ meeting, viewerId, active, say }: { meeting: MeetingView; viewerId: string; active: boolean; say: Say }) {
  const confirm = useConfirmMeeting()
  const cancel = useCancelMeeting()
  const reschedule = useRescheduleMeeting()
  const [moving, setMoving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [moveError, setMoveError] = useState<string | null>(null)
  const when = formatMeetingWhen(meeting)
  const upcoming = meeting.status !== 'cancelled' && Date.parse(meeting.endAt) > Date.now()
  const fail = (failure: unknown) => setError(errorMessage(failure))
  const [confirmingCancel, setConfirmingCancel] = useState(false)
  const keepRef = useRef<HTMLButtonElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (confirmingCancel) keepRef.current?.focus()
  }, [confirmingCancel])
  // Feedback opens once a confirmed meeting has begun, for either side, whatever became of the mentorship.
  const showFeedback = meeting.status === 'confirmed' && Date.parse(meeting.startAt) <= Date.now() && !upcoming

  return (
    <li className={`meeting meeting-${meeting.status}`}>
      <p className="meeting-when">
        <strong>{when}</strong>
        <span
          className={`tag letter-status ${meeting.status === 'confirmed' ? 'letter-status-submitted' : meeting.status === 'proposed' ? 'letter-status-requested' : 'letter-status-declined'}`}
        >
          {meeting.status === 'confirmed'
            ? 'Confirmed'
            : meeting.status === 'proposed'
              ? meeting.proposedBy === viewerId
                ? 'Proposed by you'
                : 'Proposed, waiting for you'
              : 'Cancelled'}
        </span>
      </p>
      <p className="meeting-where">{locationText(meeting)}</p>
      {meeting.status !== 'cancelled' ? (
        <p className="meeting-calendar">
          <a href={`/api/meetings/${encodeURIComponent(meeting.id)}/calendar.ics`} download="meeting.ics">
            Add to calendar (.ics)<span className="visually-hidden"> the meeting on {when}</span>
          </a>
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {active && upcoming && !moving && !confirmingCancel ? (
        <div className="button-row">
          {meeting.status === 'proposed' && meeting.proposedBy !== viewerId ? (
            <button
              type="button"
              className="button"
              disabled={confirm.isPending}
              onClick={() => confirm.mutate(meeting.id, { onSuccess: () => say(`Confirmed: ${when}.`), onError: fail })}
            >
              Confirm<span className="visually-hidden"> the meeting on {when}</span>
            </button>
          ) : null}
          <button type="button" className="button button-secondary" onClick={() => setMoving(true)}>
            Reschedule<span className="visually-hidden"> the meeting on {when}</span>
          </button>
          <button ref={cancelRef} type="button" className="button button-danger-outline" onClick={() => setConfirmingCancel(true)}>
            Cancel meeting…<span className="visually-hidden"> on {when}</span>
          </button>
        </div>
      ) : null}
      {active && upcoming && confirmingCancel ? (
        <div className="confirm-box" role="group" aria-labelledby={`cancel-question-${meeting.id}`}>
          <p id={`cancel-question-${meeting.id}`}>
            <strong>Cancel the meeting on {when}?</strong> You both get a cancellation for your calendars.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              disabled={cancel.isPending}
              onClick={() =>
                cancel.mutate(meeting.id, {
                  onSuccess: () => {
                    setConfirmingCancel(false)
                    say(`Cancelled the meeting on ${when}. You have both been told.`)
                  },
                  onError: fail,
                })
              }
            >
              {cancel.isPending ? 'Cancelling…' : 'Yes, cancel the meeting'}
            </button>
            <button
              ref={keepRef}
              type="button"
              className="button button-secondary"
              onClick={() => {
                setConfirmingCancel(false)
                requestAnimationFrame(() => cancelRef.current?.focus())
              }}
            >
              Keep the meeting
            </button>
          </div>
        </div>
      ) : null}
      {showFeedback ? <FeedbackForm meeting={meeting} when={when} say={say} /> : null}
      {moving ? (
        <TimeForm
          submitLabel="Move the meeting"
          initial={meeting}
          pending={reschedule.isPending}
          serverError={moveError}
          onCancel={() => setMoving(false)}
          onSubmit={(value) =>
            reschedule.mutate(
              { meetingId: meeting.id, ...value },
              {
                onSuccess: (moved) => {
                  setMoving(false)
                  setMoveError(null)
                  say(`Moved to ${formatMeetingWhen(moved)}. An updated invitation is on its way.`)
                },
                onError: (failure) => setMoveError(errorMessage(failure)),
              },
            )
          }
        />
      ) : null}
    </li>
  )
}

export function MeetingsSection({ mentorship, viewerId, say }: { mentorship: MentorshipView; viewerId: string; say: Say }) {
  const propose = useCreateMeeting(mentorship.id)
  const [proposeError, setProposeError] = useState<string | null>(null)
  const [proposing, setProposing] = useState(false)
  const active = mentorship.status === 'active'
  const isStudent = mentorship.student.id === viewerId
  const now = Date.now()
  const sorted = [...mentorship.meetings].sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))
  const upcoming = sorted.filter((m) => m.status !== 'cancelled' && Date.parse(m.endAt) > now)
  const past = sorted.filter((m) => !upcoming.includes(m)).reverse()

  return (
    <section className="card mentorship-block" aria-labelledby="meetings-title">
      <h2 id="meetings-title">Meetings</h2>
      <h3>Coming up</h3>
      {upcoming.length === 0 ? (
        <p className="empty">Nothing booked yet.</p>
      ) : (
        <ul className="meeting-list" aria-label="Upcoming meetings">
          {upcoming.map((m) => (
            <MeetingItem key={m.id} meeting={m} viewerId={viewerId} active={active} say={say} />
          ))}
        </ul>
      )}
      {active && isStudent ? <FreeSlotPicker mentorship={mentorship} say={say} /> : null}
      {active ? (
        <div className="propose-time">
          <h3>Propose a time</h3>
          <p className="field-hint">Any time that suits you; {isStudent ? mentorship.mentor.name : mentorship.student.name} confirms it.</p>
          {proposing ? (
            <TimeForm
              submitLabel="Send the proposal"
              pending={propose.isPending}
              serverError={proposeError}
              onCancel={() => setProposing(false)}
              onSubmit={(value) =>
                propose.mutate(
                  { mode: 'propose', ...value },
                  {
                    onSuccess: (meeting) => {
                      setProposing(false)
                      setProposeError(null)
                      say(`Proposed ${formatMeetingWhen(meeting)}. You will hear when it is confirmed.`)
                    },
                    onError: (failure) => setProposeError(errorMessage(failure)),
                  },
                )
              }
            />
          ) : (
            <button type="button" className="button button-secondary" onClick={() => setProposing(true)}>
              Propose a time
            </button>
          )}
        </div>
      ) : null}
      {past.length > 0 ? (
        <details className="letter-packet">
          <summary>Past and cancelled meetings ({past.length})</summary>
          <ul className="meeting-list">
            {past.map((m) => (
              <MeetingItem key={m.id} meeting={m} viewerId={viewerId} active={false} say={say} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
