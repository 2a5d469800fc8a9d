import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useLocation } from 'react-router'
import { AmendmentRequestInput, type AmendmentView } from '#shared/contracts/records.ts'
import { ErrorSummary, LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { TextAreaField, TextField } from '../../components/fields.tsx'
import { formatDateTime } from '../../components/format.ts'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { useAddStatement, useMyAmendments, useRequestAmendment } from './api.ts'

const FIELDS = ['record', 'problem', 'correction'] as const
const LABELS: Record<string, string> = { record: 'Which record', problem: 'What is wrong', correction: 'What it should say' }
const idFor = (field: string) => `amendment-${(FIELDS as readonly string[]).includes(field) ? field : 'record'}`
const STATUS_WORDS = { requested: 'Waiting for the office', amended: 'Corrected', refused: 'Refused' } as const

function StatementForm({ amendment }: { amendment: AmendmentView }) {
  const add = useAddStatement(amendment.id)
  const [text, setText] = useState('')
  const id = `statement-${amendment.id}`
  const problem = add.error ? problemFrom(add.error, ['statement']) : null
  return (
    <form
      noValidate
      className="form"
      onSubmit={(e) => {
        e.preventDefault()
        add.mutate(text)
      }}
    >
      <TextAreaField
        id={id}
        label="Your statement"
        hint="Say why you disagree. It is kept with the record and shown wherever the record is."
        value={text}
        maxLength={4000}
        onChange={(e) => setText(e.currentTarget.value)}
        error={problem ? (problem.fields.statement ?? problem.message ?? undefined) : undefined}
      />
      <button type="submit" className="button" disabled={add.isPending}>
        Add my statement
      </button>
    </form>
  )
}

function Amendment({ amendment: a }: { amendment: AmendmentView }) {
  return (
    <li className="card records-section">
      <h4>{a.record}</h4>
      <p>
        <strong>{STATUS_WORDS[a.status]}</strong> · asked {formatDateTime(a.requestedAt)}
      </p>
      <dl className="record-fields">
        <div>
          <dt>What is wrong</dt>
          <dd>{a.problem}</dd>
        </div>
        <div>
          <dt>What it should say</dt>
          <dd>{a.correction}</dd>
        </div>
        {a.reason ? (
          <div>
            <dt>The office’s reason</dt>
            <dd>
              {a.reason} ({a.decidedBy}, {formatDateTime(a.decidedAt)})
            </dd>
          </div>
        ) : null}
        {a.statement ? (
          <div>
            <dt>Your statement</dt>
            <dd>{a.statement}</dd>
          </div>
        ) : null}
      </dl>
      {a.status === 'refused' ? (
        <>
          <p>
            You have the right to a hearing: ask the Office of Student Affairs. You may also add a statement of your own
            {a.statement ? ' (a new one replaces it)' : ''}.
          </p>
          <StatementForm amendment={a} />
        </>
      ) : null}
    </li>
  )
}

/** Ask for a correction (FERPA, 34 CFR §99.20), follow the decision, add a statement after a refusal. */
export function AmendmentsSection() {
  const mine = useMyAmendments()
  const ask = useRequestAmendment()
  const [draft, setDraft] = useState({ record: '', problem: '', correction: '' })
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [said, say] = useState<string | null>(null)
  // The e-mail of a decision links to the requests (#records-your-requests): once they have
  // loaded, they are brought into view and their heading focused, as a fragment would on a static page.
  const location = useLocation()
  const heading = useRef<HTMLHeadingElement>(null)
  const loaded = mine.data !== undefined
  useEffect(() => {
    if (!loaded || location.hash !== '#records-your-requests') return
    heading.current?.scrollIntoView({ block: 'start' })
    heading.current?.focus({ preventScroll: true })
  }, [loaded, location.hash])
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    say(null)
    const checked = validate(AmendmentRequestInput, draft)
    if (!checked.ok) {
      setProblem({ message: null, fields: checked.errors })
      setAttempt((n) => n + 1)
      return
    }
    ask.mutate(checked.data, {
      onSuccess: () => {
        setDraft({ record: '', problem: '', correction: '' })
        setProblem({ message: null, fields: {} })
        say('Sent. The office will decide and e-mail you the answer.')
      },
      onError: (error) => {
        setProblem(problemFrom(error, FIELDS))
        setAttempt((n) => n + 1)
      },
    })
  }
  const set = (key: keyof typeof draft) => (e: { currentTarget: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.currentTarget.value }))
  return (
    <section aria-labelledby="records-amendments">
      <h2 id="records-amendments">Ask to correct a record</h2>
      <p>
        If something the school holds about you is wrong or misleading, say which record, what is wrong and what it should say. The office decides and tells you
        why.
      </p>
      <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
      <form noValidate className="form card" onSubmit={onSubmit}>
        <TextField
          id={idFor('record')}
          label={LABELS.record}
          hint="For example: Experience record, summer research"
          value={draft.record}
          onChange={set('record')}
          error={problem.fields.record}
        />
        <TextAreaField
          id={idFor('problem')}
          label={LABELS.problem}
          value={draft.problem}
          maxLength={2000}
          onChange={set('problem')}
          error={problem.fields.problem}
        />
        <TextAreaField
          id={idFor('correction')}
          label={LABELS.correction}
          value={draft.correction}
          maxLength={2000}
          onChange={set('correction')}
          error={problem.fields.correction}
        />
        <button type="submit" className="button" disabled={ask.isPending}>
          Send the request
        </button>
      </form>
      <LiveStatus message={said} />
      {mine.isPending ? <Loading /> : null}
      {mine.error ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data && mine.data.amendments.length > 0 ? (
        <>
          <h3 id="records-your-requests" ref={heading} tabIndex={-1}>
            Your requests
          </h3>
          <ul className="records-list">
            {mine.data.amendments.map((a) => (
              <Amendment key={a.id} amendment={a} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
