import { type FormEvent, useId, useState } from 'react'
import { MATERIALS_LIMITS, ShareVersion } from '#shared/contracts/materials.ts'
import type { DocumentView } from '#shared/contracts/materials.ts'
import type { FieldErrors } from '#shared/errors.ts'
import { TextAreaField, TextField } from '../../components/fields.tsx'
import { ErrorSummary, LiveStatus } from '../../components/feedback.tsx'
import { plural } from '../../components/format.ts'
import { problemFrom, validate } from '../../components/form-errors.ts'
import { useReviewerSearch, useShareVersion } from './api.ts'

const FIELDS = ['reviewerIds', 'dueDate', 'question'] as const
const LABELS = { reviewerIds: 'Reviewers', dueDate: 'Comments wanted by', question: 'Your question for them' }
const idFor = (field: string) => `share-${field.split('.')[0]}`

/** Share the newest version with up to five mentors or advisors, found by name, with a question and a due date. */
export function ShareForm({ doc }: { doc: DocumentView }) {
  const share = useShareVersion()
  const [q, setQ] = useState('')
  const search = useReviewerSearch(q.trim())
  const [chosen, setChosen] = useState<{ id: string; name: string }[]>([])
  const [dueDate, setDueDate] = useState('')
  const [question, setQuestion] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const listId = useId()

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setDone(null)
    const checked = validate(ShareVersion, { reviewerIds: chosen.map((c) => c.id), dueDate, question })
    if (!checked.ok) {
      setErrors(checked.errors)
      setMessage(null)
      setAttempt((n) => n + 1)
      return
    }
    share.mutateAsync({ versionId: doc.latestVersion.id, ...checked.data }).then(
      () => {
        setDone(`Shared version ${doc.latestVersion.number} with ${chosen.map((c) => c.name).join(', ')}. Each was sent an e-mail with a link.`)
        setChosen([])
        setQuestion('')
        setErrors({})
        setMessage(null)
      },
      (cause: unknown) => {
        const problem = problemFrom(cause, FIELDS)
        setErrors(problem.fields)
        setMessage(problem.message)
        setAttempt((n) => n + 1)
      },
    )
  }

  const reviewerError = Object.entries(errors).find(([key]) => key.startsWith('reviewerIds'))?.[1]
  const options = (q.trim().length >= 2 ? (search.data?.items ?? []) : []).filter((o) => !chosen.some((c) => c.id === o.id))
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <ErrorSummary message={message} fields={errors} idFor={idFor} labels={LABELS} attempt={attempt} />
      <p className="field-hint">Any mentor in the directory or advisor can be asked. They see this version only, and only their own comments.</p>
      <TextField
        id="share-search"
        label="Find a reviewer by name"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        aria-controls={listId}
        autoComplete="off"
      />
      <div id="share-reviewerIds" tabIndex={-1} className={reviewerError ? 'field field-invalid' : 'field'}>
        {reviewerError ? (
          <p className="field-error">
            <span className="visually-hidden">Error: </span>
            {reviewerError}
          </p>
        ) : null}
        <ul id={listId} className="materials-reviewer-options" aria-label="Matching people" aria-busy={search.isFetching}>
          {q.trim().length < 2 ? <li>Type at least two letters of a name.</li> : null}
          {options.slice(0, 8).map((o) => (
            <li key={o.id}>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={chosen.length >= MATERIALS_LIMITS.reviewers}
                onClick={() => setChosen((list) => [...list, { id: o.id, name: o.name }])}
              >
                Add {o.name}
              </button>{' '}
              <span>{o.roles.join(', ')}</span>
            </li>
          ))}
          {q.trim().length >= 2 && search.data && options.length === 0 ? <li>No one matches.</li> : null}
        </ul>
        <p aria-live="polite">{chosen.length === 0 ? 'No reviewer chosen yet.' : `Chosen: ${plural(chosen.length, 'reviewer', 'reviewers')}.`}</p>
        <ul className="materials-chosen">
          {chosen.map((c) => (
            <li key={c.id}>
              {c.name}{' '}
              <button type="button" className="button-link" onClick={() => setChosen((list) => list.filter((x) => x.id !== c.id))}>
                Remove <span className="visually-hidden">{c.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <TextField
        id={idFor('dueDate')}
        label={LABELS.dueDate}
        type="date"
        value={dueDate}
        error={errors.dueDate}
        onChange={(e) => setDueDate(e.currentTarget.value)}
      />
      <TextAreaField
        id={idFor('question')}
        label={LABELS.question}
        hint="For example: “Is my opening too long?”"
        value={question}
        maxLength={MATERIALS_LIMITS.question}
        error={errors.question}
        onChange={(e) => setQuestion(e.currentTarget.value)}
        rows={3}
      />
      <button type="submit" className="button" disabled={share.isPending}>
        {share.isPending ? 'Sharing…' : `Share version ${doc.latestVersion.number}`}
      </button>
      <LiveStatus message={done} />
    </form>
  )
}
