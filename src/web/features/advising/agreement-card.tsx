import { useEffect, useId, useState } from 'react'
import { Link } from 'react-router'
import type { AgreementRequest } from '#shared/contracts/advising.ts'
import { errorMessage } from '../../api/client.ts'
import { TextAreaField } from '../../components/fields.tsx'
import { formatDateTime } from '../../components/format.ts'
import { useAnswerAgreement } from './advising-api.ts'

/**
 * An advisor asked this person to fill a slot of a student's advising board: agree in one click,
 * or decline with an optional reason for the advisor. The student hears only of an agreement.
 */
export function AgreementCard({
  request,
  say,
  emphasis = 'primary',
}: {
  request: AgreementRequest
  say: (message: string) => void
  /** A page keeps one primary action: in a list of cards only the first one's answer is primary. */
  emphasis?: 'primary' | 'secondary'
}) {
  const answer = useAnswerAgreement()
  const id = useId()
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const asker = request.askedBy?.name ?? 'The Office of Student Affairs'
  const headingId = `agreement-${request.assignmentId}`
  // Opening the decline form moves focus to its one question.
  useEffect(() => {
    if (declining) document.getElementById(`agreement-reason-${id}`)?.focus()
  }, [declining, id])

  const send = (agree: boolean) => {
    setError(null)
    answer.mutate(
      { assignmentId: request.assignmentId, agree, reason: reason.trim() },
      { onSuccess: (result) => say(result.message), onError: (failure) => setError(errorMessage(failure)) },
    )
  }

  return (
    <article id={`agreement-card-${request.assignmentId}`} className="card mentorship-card" aria-labelledby={headingId}>
      <div className="letter-card-header">
        <h3 id={headingId} className="letter-card-title">
          Be <Link to={`/people/${encodeURIComponent(request.student.id)}`}>{request.student.name}</Link>’s {request.slotLabel}?
        </h3>
        <span className="tag letter-status letter-status-requested">Waiting for your answer</span>
      </div>
      <p className="letter-card-sub">
        {asker} asked you on {formatDateTime(request.askedAt)}. {request.student.name.split(/\s+/)[0]} is told only once you agree.
      </p>
      {request.note ? (
        <blockquote className="agreement-note">
          <p>{request.note}</p>
        </blockquote>
      ) : null}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {declining ? (
        <div className="mentorship-decline">
          <TextAreaField
            id={`agreement-reason-${id}`}
            label={`Reason for ${asker} (optional)`}
            hint="A line is enough: they will ask someone else."
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <div className="button-row">
            <button type="button" className="button button-danger" onClick={() => send(false)} disabled={answer.isPending}>
              Decline
              <span className="visually-hidden">
                {' '}
                to be {request.student.name}’s {request.slotLabel}
              </span>
            </button>
            <button type="button" className="button button-secondary" onClick={() => setDeclining(false)}>
              Keep the request
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className={emphasis === 'primary' ? 'button' : 'button button-secondary'}
            onClick={() => send(true)}
            disabled={answer.isPending}
          >
            Agree
            <span className="visually-hidden">
              {' '}
              to be {request.student.name}’s {request.slotLabel}
            </span>
          </button>
          <button type="button" className="button button-secondary" onClick={() => setDeclining(true)}>
            Decline…
            <span className="visually-hidden">
              {' '}
              to be {request.student.name}’s {request.slotLabel}
            </span>
          </button>
        </div>
      )}
    </article>
  )
}
