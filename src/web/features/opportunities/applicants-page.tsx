import { useState } from 'react'
import { Link, useParams } from 'react-router'
import type { ApplicantView } from '#shared/contracts/opportunities.ts'
import { CLASS_YEAR_LABELS } from '#shared/enums.ts'
import { errorMessage } from '../../api/client.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { TextAreaField, TextField } from '../../components/fields.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useApplicants, useConfirmExperience, useDecide, useOpportunity } from './api.ts'
import { attachedDocumentLabel } from './attach-document-field.tsx'
import { APPLICATION_STATUS_LABELS, placesLabel } from './opportunity-format.ts'
import './opportunities.css'

type Decision = 'shortlisted' | 'accepted' | 'declined'
const ACTIONS: { status: Decision; label: string }[] = [
  { status: 'accepted', label: 'Accept' },
  { status: 'shortlisted', label: 'Shortlist' },
  { status: 'declined', label: 'Decline' },
]

/** One applicant: their statement, and the poster's answer with a message, or the hours to confirm once accepted. */
function Applicant({ applicant: a, full }: { applicant: ApplicantView; full: boolean }) {
  const decide = useDecide()
  const confirm = useConfirmExperience()
  const [message, setMessage] = useState('')
  const [hours, setHours] = useState(a.experience?.hours === null || !a.experience ? '' : String(a.experience.hours))
  const [error, setError] = useState<string | null>(null)
  const [said, setSaid] = useState<string | null>(null)
  const open = a.status === 'submitted' || a.status === 'shortlisted'
  const act = (status: Decision) => {
    setError(null)
    decide.mutateAsync({ applicationId: a.id, status, message }).then(
      () => setSaid(`${a.studentName}: ${APPLICATION_STATUS_LABELS[status].toLowerCase()}, and e-mailed.`),
      (cause: unknown) => setError(errorMessage(cause)),
    )
  }
  const onConfirm = () => {
    setError(null)
    const n = Number(hours)
    if (!/^\d+$/.test(hours.trim())) return setError('Give the hours as a whole number.')
    confirm.mutateAsync({ experienceId: a.experience?.id ?? '', hours: n }).then(
      () => setSaid(`${a.studentName}’s ${n} hours are confirmed.`),
      (cause: unknown) => setError(errorMessage(cause)),
    )
  }
  const headingId = `applicant-${a.id}`
  return (
    <li className="card applicant" aria-labelledby={headingId}>
      <h2 id={headingId}>{a.studentName}</h2>
      <p className="opportunity-meta">
        {a.classYear ? `${CLASS_YEAR_LABELS[a.classYear]} · ` : ''}
        {a.studentEmail}
      </p>
      <p className={`tag application-${a.status}`}>{APPLICATION_STATUS_LABELS[a.status]}</p>
      <p className="prose">{a.statement}</p>
      {a.document ? (
        <p>
          <Link to={`${a.id}/document`}>
            Read {a.studentName}’s {attachedDocumentLabel(a.document)}
          </Link>
        </p>
      ) : null}
      {a.posterMessage ? <p className="opportunity-meta">Your message: “{a.posterMessage}”</p> : null}
      {open ? (
        <div className="applicant-actions">
          <TextAreaField
            id={`message-${a.id}`}
            label={`Message to ${a.studentName} (optional)`}
            hint="Sent with your answer."
            rows={2}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
          />
          <div className="button-row">
            {ACTIONS.filter((x) => !(x.status === 'shortlisted' && a.status === 'shortlisted')).map((x) => (
              <button
                key={x.status}
                type="button"
                className={x.status === 'accepted' ? 'button' : 'button button-secondary'}
                disabled={decide.isPending || (x.status === 'accepted' && full)}
                onClick={() => act(x.status)}
              >
                {x.label}
                <span className="visually-hidden"> {a.studentName}</span>
              </button>
            ))}
          </div>
        </div>
      ) : null}
      {a.status === 'accepted' && a.experience ? (
        a.experience.confirmed ? (
          <p className="opportunity-meta">Experience confirmed: {a.experience.hours} hours.</p>
        ) : (
          <div className="applicant-actions applicant-confirm">
            <TextField
              id={`hours-${a.id}`}
              label="Hours to confirm"
              hint="Once it is done: the hours go into the student’s experience record."
              inputMode="numeric"
              value={hours}
              onChange={(e) => setHours(e.currentTarget.value)}
            />
            <button type="button" className="button button-secondary" disabled={confirm.isPending} onClick={onConfirm}>
              Confirm experience<span className="visually-hidden"> of {a.studentName}</span>
            </button>
          </div>
        )
      ) : null}
      <p className="visually-hidden" role="status">
        {said}
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </li>
  )
}

/** The poster's applicants: read each statement, then shortlist, accept or decline with a message. */
export function ApplicantsPage() {
  const { opportunityId = '' } = useParams()
  const opportunity = useOpportunity(opportunityId)
  const applicants = useApplicants(opportunityId)
  usePageTitle(opportunity.data ? `Applicants: ${opportunity.data.title}` : 'Applicants')
  const o = opportunity.data
  const list = applicants.data?.applicants ?? []
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/opportunities/posted" className="back-link">
          ← My postings
        </Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>Applicants{o ? `: ${o.title}` : ''}</h1>
        {o ? (
          <p className="lead">
            {placesLabel(o)}. Each student is e-mailed your answer and message. <Link to={`/opportunities/${o.id}`}>See the posting</Link>
          </p>
        ) : null}
      </div>
      {applicants.isPending ? <Loading /> : null}
      {applicants.isError ? <QueryError error={applicants.error} onRetry={() => void applicants.refetch()} /> : null}
      {applicants.data && list.length === 0 ? <p className="empty-state">No one has applied yet.</p> : null}
      <ul className="opportunity-list">
        {list.map((a) => (
          <Applicant key={a.id} applicant={a} full={o?.placesLeft === 0} />
        ))}
      </ul>
    </div>
  )
}
