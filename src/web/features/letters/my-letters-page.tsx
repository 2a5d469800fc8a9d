import { useState, type FormEvent } from 'react'
import { Link, useLocation } from 'react-router'
import { RevokeWaiverRequest, type LetterRequestView } from '#shared/contracts/letters.ts'
import { useSession } from '../../api/identity.ts'
import { useMyLetters, useRevokeWaiver } from '../../api/letters.ts'
import { ErrorSummary, LiveStatus, Loading, Notice, QueryError } from '../../components/feedback.tsx'
import { TextAreaField } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { formatDateTime } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { hasRole } from '../identity/roles.ts'
import { ApplicationLinks } from './application-links.tsx'
import { byDueDate } from './letter-format.ts'
import { StudentRequestCard } from './student-request-card.tsx'
import { YourPlanLinks } from '../../components/your-plan-links.tsx'

type Column = { id: string; title: string; empty: string; items: LetterRequestView[] }

function columnsOf(items: readonly LetterRequestView[]): Column[] {
  const sorted = [...items].sort(byDueDate)
  const onTime = sorted.filter((r) => !r.isLate)
  return [
    { id: 'late', title: 'Late', empty: '', items: sorted.filter((r) => r.isLate) },
    { id: 'requested', title: 'Requested', empty: 'No requests waiting for an answer.', items: onTime.filter((r) => r.status === 'requested') },
    {
      id: 'in-progress',
      title: 'Accepted or in progress',
      empty: 'No writer is working on a letter yet.',
      items: onTime.filter((r) => r.status === 'accepted' || r.status === 'in-progress'),
    },
    {
      id: 'submitted',
      title: 'Submitted or delivered',
      empty: 'No letters submitted yet.',
      items: sorted.filter((r) => r.status === 'submitted' || r.status === 'delivered'),
    },
    { id: 'closed', title: 'Declined or withdrawn', empty: '', items: sorted.filter((r) => r.status === 'declined' || r.status === 'withdrawn') },
  ]
}

export type CreatedState = { created?: { writerName: string; warning: string | null; packetProblem: string | null } }

function WaiverRevocation({ revokedAt }: { revokedAt: string | null }) {
  const revoke = useRevokeWaiver()
  const [open, setOpen] = useState(false)
  const [statement, setStatement] = useState('')
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [saved, setSaved] = useState<string | null>(null)
  const fail = (next: FormProblem) => {
    setProblem(next)
    setAttempt((n) => n + 1)
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const result = validate(RevokeWaiverRequest, { statement })
    if (!result.ok) return fail({ message: null, fields: result.errors })
    setProblem({ message: null, fields: {} })
    revoke.mutate(result.data.statement, {
      onSuccess: () => {
        setStatement('')
        setOpen(false)
        setSaved('Your revocation is recorded. Each new request will ask you again, with no answer chosen for you.')
      },
      onError: (error) => fail(problemFrom(error, ['statement'])),
    })
  }
  return (
    <section className="card letters-waiver" aria-labelledby="waiver-revoke-title">
      <h2 id="waiver-revoke-title">Your right to read future letters</h2>
      <p>
        Each request asks whether you waive your right to read that letter. If you have waived it before and changed your mind, you can revoke the waiver in
        writing. It applies <strong>only to letters you request from now on</strong>: letters already requested keep the answer you gave, because writers wrote
        them on that promise.
      </p>
      {revokedAt ? <p>You last revoked your waiver on {formatDateTime(revokedAt)}.</p> : null}
      {open ? (
        <>
          <ErrorSummary {...problem} idFor={() => 'waiver-statement'} labels={{ statement: 'Your statement' }} attempt={attempt} />
          <form noValidate onSubmit={onSubmit} className="form">
            <TextAreaField
              id="waiver-statement"
              label="Your statement"
              hint="For example: “I revoke my waiver of access for letters of recommendation I request from today.”"
              rows={3}
              maxLength={2000}
              value={statement}
              onChange={(e) => setStatement(e.currentTarget.value)}
              error={problem.fields.statement}
            />
            <div className="form-actions">
              <button type="submit" className="button" disabled={revoke.isPending}>
                {revoke.isPending ? 'Recording…' : 'Revoke my waiver for future letters'}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </form>
        </>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          Revoke my waiver for future letters…
        </button>
      )}
      <LiveStatus message={saved} />
    </section>
  )
}

export function MyLettersPage() {
  usePageTitle('My letters')
  const { data: session } = useSession()
  const letters = useMyLetters()
  const location = useLocation()
  const created = (location.state as CreatedState | null)?.created
  const [announcement, setAnnouncement] = useState<string | null>(null)
  const data = letters.data
  const columns = data ? columnsOf(data.items) : []
  const counts = data ? { total: data.items.length, done: data.done.length, late: data.late.length } : null

  return (
    <div className="page">
      <div className="page-header page-header-actions">
        <div>
          <YourPlanLinks />
          <h1 tabIndex={-1}>My letters</h1>
          <p className="lead">Every letter of recommendation you have asked for: where it is, what is late, and whom to thank.</p>
        </div>
        <Link className="button" to="/letters/new">
          Request a letter
        </Link>
      </div>
      <ApplicationLinks />
      {hasRole(session, 'mentor') ? (
        <p>
          <Link to="/letters/writing">Letters you are asked to write</Link>
        </p>
      ) : null}
      <LiveStatus
        message={announcement ?? (created ? `Your request was sent to ${created.writerName}.${created.warning ? ` ${created.warning}` : ''}` : null)}
        tone={created?.warning && !announcement ? 'info' : 'success'}
      />
      {created?.packetProblem ? <Notice tone="warning">{created.packetProblem}</Notice> : null}
      {letters.isPending ? <Loading label="Loading your letters…" /> : null}
      {letters.isError ? <QueryError error={letters.error} onRetry={() => void letters.refetch()} /> : null}
      {data && counts ? (
        <>
          {counts.total === 0 ? (
            <div className="empty-state">
              <p>You have not asked anyone for a letter yet.</p>
              <p>Ask a mentor who knows your work well, at least four weeks before the letter is due.</p>
            </div>
          ) : (
            <p className="letters-summary">
              {counts.total} {counts.total === 1 ? 'request' : 'requests'} · {counts.done} submitted · {counts.late} late
            </p>
          )}
          {data.toThank.length > 0 ? (
            <section className="card letters-thank" aria-labelledby="letters-thank-title">
              <h2 id="letters-thank-title">Writers to thank</h2>
              <p>These writers have submitted your letter. Thank them, then mark them thanked on their letter below.</p>
              <ul>
                {data.toThank.map((item) => (
                  <li key={item.requestId}>
                    <a href={`#letter-${item.requestId}`}>{item.writerName}</a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {columns
            .filter((column) => column.items.length > 0 || column.empty)
            .map((column) => (
              <section key={column.id} className={`letters-column letters-column-${column.id}`} aria-labelledby={`column-${column.id}`}>
                <h2 id={`column-${column.id}`}>
                  {column.title} <span className="count">({column.items.length})</span>
                </h2>
                {column.id === 'late' ? <p className="field-hint">Past the due date and not yet submitted. A polite nudge often helps.</p> : null}
                {column.items.length === 0 ? (
                  <p className="empty">{column.empty}</p>
                ) : (
                  <div className="letter-cards">
                    {column.items.map((request) => (
                      <StudentRequestCard key={request.id} request={request} announce={setAnnouncement} />
                    ))}
                  </div>
                )}
              </section>
            ))}
          <WaiverRevocation revokedAt={data.waiverRevokedAt} />
        </>
      ) : null}
    </div>
  )
}
