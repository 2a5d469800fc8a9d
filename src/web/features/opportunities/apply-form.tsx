import { useState, type FormEvent } from 'react'
import { ApplyInput, STATEMENT_MAX, type OpportunityView } from '#shared/contracts/opportunities.ts'
import { errorMessage } from '../../api/client.ts'
import { TextAreaField } from '../../components/fields.tsx'
import { problemFrom, validate } from '../../components/form-errors.ts'
import { useApply, useWithdraw } from './api.ts'
import { AttachDocumentField, attachedDocumentLabel } from './attach-document-field.tsx'
import { APPLICATION_STATUS_LABELS } from './opportunity-format.ts'

/** The student's side of an opportunity: apply with a short statement, or where their application stands. */
export function ApplyForm({ opportunity: o }: { opportunity: OpportunityView }) {
  const apply = useApply(o.id)
  const withdraw = useWithdraw()
  const [statement, setStatement] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [documentId, setDocumentId] = useState('')
  const [documentError, setDocumentError] = useState<string | undefined>()
  const mine = o.myApplication
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    const result = validate(ApplyInput, { statement, documentId: documentId || null })
    if (!result.ok) return setFieldError(result.errors.statement ?? 'Check your statement.')
    setFieldError(undefined)
    setDocumentError(undefined)
    apply.mutateAsync(result.data).catch((cause: unknown) => {
      const problem = problemFrom(cause, ['statement', 'documentId'])
      setFieldError(problem.fields.statement)
      setDocumentError(problem.fields.documentId)
      setError(problem.message ?? (problem.fields.statement || problem.fields.documentId ? null : errorMessage(cause)))
    })
  }
  if (mine && mine.status !== 'withdrawn')
    return (
      <section className="card" aria-labelledby="my-application">
        <h2 id="my-application">Your application</h2>
        <p className={`tag application-${mine.status}`}>{APPLICATION_STATUS_LABELS[mine.status]}</p>
        {mine.document ? <p className="opportunity-meta">You attached your {attachedDocumentLabel(mine.document)}, as it was when you applied.</p> : null}
        {mine.posterMessage ? (
          <>
            <h3>Message from {o.posterName}</h3>
            <p className="prose">{mine.posterMessage}</p>
          </>
        ) : null}
        <h3>What you wrote</h3>
        <p className="prose">{mine.statement}</p>
        {mine.status === 'submitted' || mine.status === 'shortlisted' ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={withdraw.isPending}
            onClick={() => void withdraw.mutateAsync(mine.id).catch((cause: unknown) => setError(errorMessage(cause)))}
          >
            Withdraw my application
          </button>
        ) : null}
        {error ? (
          <p role="alert" className="field-error">
            {error}
          </p>
        ) : null}
      </section>
    )
  if (!o.canApply) return <p className="notice">{o.placesLeft === 0 ? 'All places are taken.' : 'This opportunity is not taking applications from you now.'}</p>
  return (
    <section className="card" aria-labelledby="apply-heading">
      <h2 id="apply-heading">Apply</h2>
      <form noValidate className="form" onSubmit={onSubmit}>
        <TextAreaField
          id="apply-statement"
          label="Why you want to join"
          hint={`A few lines for ${o.posterName}: your interest, what you bring, your availability. At most ${STATEMENT_MAX.toLocaleString('en-US')} characters.`}
          rows={6}
          value={statement}
          onChange={(e) => setStatement(e.currentTarget.value)}
          error={fieldError}
        />
        <AttachDocumentField value={documentId} onChange={setDocumentId} error={documentError} posterName={o.posterName} />
        <div className="button-row">
          <button type="submit" className="button" disabled={apply.isPending}>
            {apply.isPending ? 'Sending…' : 'Apply'}
          </button>
        </div>
        {error ? (
          <p role="alert" className="field-error">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  )
}
