import { lazy, Suspense, useEffect, useId, useState } from 'react'
import { Link } from 'react-router'
import type { MentorshipRequestView } from '#shared/contracts/mentorships.ts'
import { DECLINE_REASON_LABELS, DECLINE_REASONS, MENTOR_OFFERING_LABELS } from '#shared/enums.ts'
import { errorMessage } from '../../api/client.ts'
import { useAcceptRequest, useDeclineRequest, useWithdrawRequest } from '../../api/mentorships.ts'
import { RadioGroup, TextAreaField, optionsFrom } from '../../components/fields.tsx'
import { formatDateTime } from '../../components/format.ts'
import { isOpenRequest, KIND_SHORT, requestStatusLabel } from './mentorship-format.ts'

// A request's messages load with their first use: a student's home lists requests and must stay light.
const RequestMessages = lazy(() => import('../messages/request-messages.tsx').then((m) => ({ default: m.RequestMessages })))

function statusClass(status: MentorshipRequestView['status']): string {
  if (status === 'accepted') return 'letter-status-submitted'
  if (status === 'requested' || status === 'viewed') return 'letter-status-requested'
  return 'letter-status-declined'
}

const DECLINE_OPTIONS = optionsFrom(DECLINE_REASONS, DECLINE_REASON_LABELS)

function DeclineForm({ request, say, onCancel }: { request: MentorshipRequestView; say: (message: string) => void; onCancel: () => void }) {
  const decline = useDeclineRequest()
  const id = useId()
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const other = request.initiatedBy === 'student' ? request.student.name : request.mentor.name
  // Opening the form moves focus to its first question.
  useEffect(() => document.getElementById(`decline-reason-${id}`)?.focus(), [id])

  const onDecline = () => {
    if (!reason) {
      setReasonError('Choose a reason from the list.')
      document.getElementById(`decline-reason-${id}`)?.querySelector<HTMLInputElement>('input')?.focus()
      return
    }
    setReasonError(undefined)
    setError(null)
    decline.mutate(
      { id: request.id, reason: reason as (typeof DECLINE_REASONS)[number], note: note.trim() },
      {
        onSuccess: () => say(`You declined ${other}’s request. They have been told, with your reason.`),
        onError: (failure) => setError(errorMessage(failure)),
      },
    )
  }

  return (
    <div className="mentorship-decline">
      <RadioGroup
        id={`decline-reason-${id}`}
        name={`decline-reason-${id}`}
        label={`Why are you declining ${other}’s request?`}
        hint={`${other} sees this reason.`}
        options={DECLINE_OPTIONS}
        value={reason}
        onChange={setReason}
        error={reasonError}
      />
      <TextAreaField
        id={`decline-note-${id}`}
        label={`Note to ${other} (optional)`}
        hint="A kind word, or someone else to ask."
        rows={3}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={onDecline} disabled={decline.isPending}>
          Decline<span className="visually-hidden"> {other}’s request</span>
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Keep the request
        </button>
      </div>
    </div>
  )
}

/** One request or offer, as the person viewing it sees it, with the next step they may take. */
export function RequestCard({
  request,
  viewerId,
  say,
  emphasis = 'primary',
}: {
  request: MentorshipRequestView
  viewerId: string
  say: (message: string) => void
  /** A page keeps one primary action: in a list of cards only the first one's answer is primary. */
  emphasis?: 'primary' | 'secondary'
}) {
  const accept = useAcceptRequest()
  const withdraw = useWithdrawRequest()
  const [declining, setDeclining] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const viewerIsMentor = request.mentor.id === viewerId
  const other = viewerIsMentor ? request.student : request.mentor
  const viewerAsked = (request.initiatedBy === 'student') !== viewerIsMentor
  const open = isOpenRequest(request)
  const headingId = `request-${request.id}`

  return (
    <article id={`request-card-${request.id}`} className="card mentorship-card" aria-labelledby={headingId} tabIndex={-1}>
      <div className="letter-card-header">
        <h3 id={headingId} className="letter-card-title">
          {other.name}
        </h3>
        <span className={`tag letter-status ${statusClass(request.status)}`}>{requestStatusLabel(request.status, viewerAsked)}</span>
      </div>
      <p className="letter-card-sub">
        {viewerIsMentor ? 'Wants you as a mentor' : 'Mentor'} · {KIND_SHORT[request.kind]}
      </p>
      <dl className="letter-facts">
        <div>
          <dt>{viewerAsked ? 'Sent' : 'Asked'}</dt>
          <dd>{formatDateTime(request.createdAt)}</dd>
        </div>
        {open ? (
          <div>
            <dt>Closes if unanswered</dt>
            <dd>{formatDateTime(request.expiresAt)}</dd>
          </div>
        ) : (
          <div>
            <dt>{requestStatusLabel(request.status, viewerAsked)}</dt>
            <dd>{formatDateTime(request.statusChangedAt)}</dd>
          </div>
        )}
        {viewerAsked && request.viewedAt ? (
          <div>
            <dt>Seen by {other.name.split(/\s+/)[0]}</dt>
            <dd>{formatDateTime(request.viewedAt)}</dd>
          </div>
        ) : null}
      </dl>
      <div className="letter-message">
        <p className="letter-message-label">{viewerAsked ? 'Your message' : `Message from ${other.name}`}</p>
        <p className="prose">{request.message}</p>
      </div>
      {request.goals ? (
        <div>
          <p className="letter-message-label">Goals</p>
          <p className="prose">{request.goals}</p>
        </div>
      ) : null}
      {request.helpWanted.length > 0 ? (
        <ul className="tags" aria-label="Help wanted">
          {request.helpWanted.map((help) => (
            <li key={help} className="tag">
              {MENTOR_OFFERING_LABELS[help]}
            </li>
          ))}
        </ul>
      ) : null}
      {request.status === 'declined' && request.declineReason ? (
        <div className="notice notice-info mentorship-decline-reason">
          <p>
            <strong>Reason:</strong> {DECLINE_REASON_LABELS[request.declineReason]}
          </p>
          {request.declineNote ? <p className="prose">“{request.declineNote}”</p> : null}
          {!viewerIsMentor ? (
            <p>
              <Link to="/mentors">Find another mentor</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {request.status === 'expired' && !viewerIsMentor ? (
        <p>
          No answer came in time. <Link to="/mentors">Find another mentor</Link>
        </p>
      ) : null}
      {request.mentorshipId ? (
        <p>
          <Link to={`/mentorships/${request.mentorshipId}`}>Open the mentorship with {other.name}</Link>
        </p>
      ) : null}
      {open ? (
        <Suspense fallback={null}>
          <RequestMessages requestId={request.id} otherName={other.name} say={say} />
        </Suspense>
      ) : null}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {open && !viewerAsked && !declining ? (
        <div className="button-row">
          <button
            type="button"
            className={emphasis === 'primary' ? 'button' : 'button button-secondary'}
            disabled={accept.isPending}
            onClick={() => {
              setError(null)
              accept.mutate(request.id, {
                onSuccess: () => say(`You accepted ${other.name}’s request. Your mentorship has begun; they have been told.`),
                onError: (failure) => setError(errorMessage(failure)),
              })
            }}
          >
            Accept<span className="visually-hidden"> {other.name}’s request</span>
          </button>
          <button type="button" className="button button-secondary" aria-expanded="false" onClick={() => setDeclining(true)}>
            Decline…<span className="visually-hidden"> {other.name}’s request</span>
          </button>
        </div>
      ) : null}
      {open && !viewerAsked && declining ? <DeclineForm request={request} say={say} onCancel={() => setDeclining(false)} /> : null}
      {open && viewerAsked ? (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            disabled={withdraw.isPending}
            onClick={() => {
              setError(null)
              withdraw.mutate(request.id, {
                onSuccess: () => say(`You withdrew your request to ${other.name}.`),
                onError: (failure) => setError(errorMessage(failure)),
              })
            }}
          >
            Withdraw<span className="visually-hidden"> your request to {other.name}</span>
          </button>
        </div>
      ) : null}
    </article>
  )
}
