import { useState } from 'react'
import type { AmendmentView } from '#shared/contracts/records.ts'
import { Loading, Notice, QueryError } from '../../components/feedback.tsx'
import { RadioGroup, TextAreaField } from '../../components/fields.tsx'
import { formatDateTime } from '../../components/format.ts'
import { problemFrom } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useDecideAmendment, useOfficeAmendments } from './api.ts'
import './records.css'

const STATUS_WORDS = { requested: 'Waiting for a decision', amended: 'Corrected', refused: 'Refused' } as const

function DecisionForm({ amendment }: { amendment: AmendmentView }) {
  const decide = useDecideAmendment(amendment.id)
  const [decision, setDecision] = useState('')
  const [reason, setReason] = useState('')
  const problem = decide.error ? problemFrom(decide.error, ['decision', 'reason']) : { message: null, fields: {} as Record<string, string> }
  const prefix = `decide-${amendment.id}`
  return (
    <form
      noValidate
      className="form"
      onSubmit={(e) => {
        e.preventDefault()
        decide.mutate({ decision: decision as 'amended' | 'refused', reason })
      }}
    >
      {problem.message ? <Notice tone="error">{problem.message}</Notice> : null}
      <RadioGroup
        id={`${prefix}-decision`}
        name={`${prefix}-decision`}
        label="Decision"
        options={[
          { value: 'amended', label: 'Correct the record as asked' },
          { value: 'refused', label: 'Refuse (the student may then add a statement and ask for a hearing)' },
        ]}
        value={decision}
        onChange={setDecision}
        error={problem.fields.decision}
      />
      <TextAreaField
        id={`${prefix}-reason`}
        label="Reason, as the student will read it"
        value={reason}
        maxLength={2000}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={problem.fields.reason}
      />
      <button type="submit" className="button" disabled={decide.isPending}>
        Send the decision
      </button>
    </form>
  )
}

/** The office's list of students' requests to correct a record (FERPA, 34 CFR §99.21): decide each with a reason. */
export function OfficeAmendmentsPage() {
  usePageTitle('Requests to correct records')
  const list = useOfficeAmendments()
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>Requests to correct records</h1>
        <p className="lead">
          Students may ask the school to correct a record they think is wrong or misleading. Decide each within a reasonable time and give the reason; a student
          whose request is refused may add a statement, shown here and kept with the record.
        </p>
      </div>
      {list.isPending ? <Loading /> : null}
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.amendments.length === 0 ? <p className="empty-state">No requests yet.</p> : null}
      <ul className="records-list">
        {list.data?.amendments.map((a) => (
          <li key={a.id} className="card records-section">
            <h2>
              {a.student.name}: {a.record}
            </h2>
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
                  <dt>Reason given</dt>
                  <dd>
                    {a.reason} ({a.decidedBy}, {formatDateTime(a.decidedAt)})
                  </dd>
                </div>
              ) : null}
              {a.statement ? (
                <div>
                  <dt>{a.student.name}’s statement</dt>
                  <dd>{a.statement}</dd>
                </div>
              ) : null}
            </dl>
            {a.status === 'requested' ? <DecisionForm amendment={a} /> : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
