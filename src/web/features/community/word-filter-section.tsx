import { type FormEvent, useState } from 'react'
import type { WordFilterAction } from '#shared/contracts/community.ts'
import type { FieldErrors } from '#shared/errors.ts'
import { SelectField, TextField } from '../../components/fields.tsx'
import { ErrorSummary, Loading, QueryError } from '../../components/feedback.tsx'
import { problemFrom } from '../../components/form-errors.ts'
import { useChangeWordFilter, useWordFilter } from './api.ts'

const ACTION_WORDS: Record<WordFilterAction, string> = {
  block: 'Refuse the post',
  review: 'Hold it for a moderator',
}
const FIELDS = ['term', 'action'] as const
const LABELS = { term: 'Word or phrase', action: 'What happens to a post that uses it' }
const idFor = (field: string) => `word-filter-${field}`

/**
 * The school's word filter, on the moderation page: words and phrases that refuse a post, or
 * hold it hidden until a moderator publishes it. Matching is by whole words, so the list can be
 * short and still not refuse innocent words that contain a listed one.
 */
export function WordFilterSection() {
  const list = useWordFilter()
  const change = useChangeWordFilter()
  const [term, setTerm] = useState('')
  const [action, setAction] = useState<WordFilterAction>('review')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [status, setStatus] = useState('')

  const fail = (cause: unknown) => {
    setStatus('')
    const problem = problemFrom(cause, FIELDS)
    setErrors(problem.fields)
    setMessage(problem.message)
    setAttempt((n) => n + 1)
  }
  const onAdd = (event: FormEvent) => {
    event.preventDefault()
    if (term.trim() === '') {
      setStatus('')
      setErrors({ term: 'Give a word or phrase.' })
      setMessage(null)
      setAttempt((n) => n + 1)
      return
    }
    change.mutateAsync({ add: { term, action } }).then(() => {
      setStatus(`“${term.trim()}” is on the filter: ${ACTION_WORDS[action].toLowerCase()}.`)
      setTerm('')
      setErrors({})
      setMessage(null)
    }, fail)
  }

  return (
    <section aria-labelledby="word-filter-heading" className="card word-filter">
      <h2 id="word-filter-heading">Word filter</h2>
      <p>
        A post that uses a listed word or phrase is refused, with the word named so its author can rephrase it, or held hidden until a moderator publishes it.
        Whole words only, whatever their case or accents: “idiot” also catches “IDIOT” and “idiót”, but not “idiotic”.
      </p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        list.data.entries.length === 0 ? (
          <p className="question-meta">No words are filtered.</p>
        ) : (
          <ul className="word-filter-list">
            {list.data.entries.map((entry) => (
              <li key={entry.id}>
                <span className="word-filter-term">{entry.term}</span> <span className="question-meta">{ACTION_WORDS[entry.action]}</span>{' '}
                <button
                  type="button"
                  className="button button-small button-ghost"
                  disabled={change.isPending}
                  onClick={() => change.mutateAsync({ removeId: entry.id }).then(() => setStatus(`“${entry.term}” is off the filter.`), fail)}
                >
                  Remove<span className="visually-hidden"> “{entry.term}”</span>
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <form className="form" noValidate onSubmit={onAdd}>
        <ErrorSummary message={message} fields={errors} idFor={idFor} labels={LABELS} attempt={attempt} />
        <TextField id={idFor('term')} label={LABELS.term} value={term} maxLength={60} error={errors.term} onChange={(e) => setTerm(e.currentTarget.value)} />
        <SelectField
          id={idFor('action')}
          label={LABELS.action}
          options={(Object.keys(ACTION_WORDS) as WordFilterAction[]).map((value) => ({ value, label: ACTION_WORDS[value] }))}
          value={action}
          error={errors.action}
          onChange={(e) => setAction(e.currentTarget.value as WordFilterAction)}
        />
        <button type="submit" className="button" disabled={change.isPending}>
          Add to the filter
        </button>
      </form>
      <p role="status" className="question-meta">
        {status}
      </p>
    </section>
  )
}
