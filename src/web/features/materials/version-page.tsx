import { type FormEvent, useRef, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import type { ThreadView, VersionView } from '#shared/contracts/materials.ts'
import type { FieldErrors } from '#shared/errors.ts'
import { MATERIAL_KIND_LABELS } from '#shared/reference/application-limits.ts'
import { Checkbox, TextAreaField } from '../../components/fields.tsx'
import { ErrorSummary, LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { problemFrom } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { dueText } from '../letters/letter-format.ts'
import { useAcceptSuggestions, useFinishReview, useStartThread, useVersion } from './api.ts'
import { SelectableText } from './selectable-text.tsx'
import { ThreadList } from './thread-list.tsx'
import './materials.css'

type Range = { start: number; end: number }

/**
 * One version's text with its comments. A reviewer selects words in the text (with the mouse, or
 * by keyboard: Tab into the text, move with the arrow keys, hold Shift to select) and comments on
 * the selection; the student reads, answers, and accepts suggestions into a new version. The text
 * is a text box that refuses changes, so that its selection is the browser's own, offsets included
 * (selectable-text.tsx).
 */
export function VersionPage() {
  const { versionId = '' } = useParams()
  const version = useVersion(versionId)
  usePageTitle(version.data ? `${version.data.document.title}, version ${version.data.number}` : 'Document version')
  const textRef = useRef<HTMLTextAreaElement>(null)
  if (version.isPending) return <Loading />
  if (version.isError) return <QueryError error={version.error} onRetry={() => version.refetch()} />
  const v = version.data
  const isReviewer = v.review !== null

  const showInText = (range: Range) => {
    const box = textRef.current
    if (!box) return
    box.focus()
    box.setSelectionRange(range.start, range.end)
  }

  return (
    <div className="page">
      <p>
        {isReviewer ? (
          <Link to="/materials/reviews" className="back-link">
            ← Documents to review
          </Link>
        ) : (
          <Link to={`/materials/documents/${v.document.id}`} className="back-link">
            ← {v.document.title}
          </Link>
        )}
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>
          {isReviewer ? `${v.student.name}’s ${MATERIAL_KIND_LABELS[v.document.kind].toLowerCase()}` : v.document.title}, version {v.number}
        </h1>
        {v.review ? (
          <p className="lead">
            Comments wanted by {dueText(v.review.dueDate)}. {v.student.name} asks: <q>{v.review.question}</q>
          </p>
        ) : (
          <p className="lead">
            {v.isLatest ? 'The newest version.' : 'An earlier version: comments show where their words are in this text.'}{' '}
            {v.number > 1 ? <Link to={`/materials/documents/${v.document.id}/compare?to=${v.id}`}>Compare with the version before</Link> : null}
          </p>
        )}
      </div>
      <div className="materials-review-layout">
        <section className="card" aria-labelledby="text-heading">
          <h2 id="text-heading">Text</h2>
          <p id="text-hint" className="field-hint">
            {v.can.comment
              ? 'Select words to comment on: with the mouse, or Tab into the text, move with the arrow keys and hold Shift to select. Then choose “Comment on selection”.'
              : 'Choose “Show in text” on a comment to select its words here.'}
          </p>
          <SelectableText textRef={textRef} value={v.body} labelledBy="text-heading" describedBy="text-hint" />
          {v.can.comment ? <CommentForm version={v} textRef={textRef} /> : null}
        </section>
        <section className="card" aria-labelledby="comments-heading">
          <h2 id="comments-heading">Comments</h2>
          {v.can.acceptSuggestions ? <AcceptForm version={v} /> : null}
          <ThreadList version={v} onShow={showInText} />
          {v.review && !v.review.finishedAt ? <FinishReview requestId={v.review.id} /> : null}
        </section>
      </div>
    </div>
  )
}

function CommentForm({ version, textRef }: { version: VersionView; textRef: React.RefObject<HTMLTextAreaElement | null> }) {
  const start = useStartThread(version.id)
  const [range, setRange] = useState<Range | null>(null)
  const [body, setBody] = useState('')
  const [withSuggestion, setWithSuggestion] = useState(false)
  const [suggestion, setSuggestion] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  const takeSelection = () => {
    const box = textRef.current
    if (!box) return
    const picked = { start: box.selectionStart, end: box.selectionEnd }
    if (picked.end <= picked.start) {
      setRange(null)
      setErrors({ range: 'Select some words in the text first.' })
      setMessage(null)
      setAttempt((n) => n + 1)
      return
    }
    setRange(picked)
    setErrors({})
    setSuggestion(version.body.slice(picked.start, picked.end))
    requestAnimationFrame(() => document.getElementById('comment-body')?.focus())
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!range) return
    start.mutateAsync({ ...range, body, ...(withSuggestion ? { suggestion } : {}) }).then(
      () => {
        setRange(null)
        setBody('')
        setWithSuggestion(false)
        setErrors({})
        setMessage(null)
        setStatus('Comment added.')
      },
      (cause: unknown) => {
        const problem = problemFrom(cause, ['start', 'end', 'body', 'suggestion'])
        setErrors(problem.fields)
        setMessage(problem.message)
        setAttempt((n) => n + 1)
      },
    )
  }

  return (
    <div className="materials-comment">
      <button type="button" className="button button-secondary" onClick={takeSelection}>
        Comment on selection
      </button>
      {errors.range ? (
        <p className="field-error" role="alert">
          {errors.range}
        </p>
      ) : null}
      <LiveStatus message={status} />
      {range ? (
        <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="new-comment-heading">
          <h3 id="new-comment-heading">New comment</h3>
          <ErrorSummary
            message={message}
            fields={errors}
            idFor={(f) => `comment-${f}`}
            labels={{ body: 'Comment', suggestion: 'Suggested wording', start: 'Selection', end: 'Selection' }}
            attempt={attempt}
          />
          <blockquote className="materials-quote">
            <span className="visually-hidden">On the words: </span>
            {version.body.slice(range.start, range.end)}
          </blockquote>
          <TextAreaField id="comment-body" label="Comment" value={body} error={errors.body} rows={3} onChange={(e) => setBody(e.currentTarget.value)} />
          <Checkbox
            id="comment-with-suggestion"
            label="Suggest new wording for these words"
            checked={withSuggestion}
            onChange={(e) => setWithSuggestion(e.currentTarget.checked)}
          />
          {withSuggestion ? (
            <TextAreaField
              id="comment-suggestion"
              label="Suggested wording"
              hint="Replaces the selected words if the student accepts it. Leave empty to suggest cutting them."
              value={suggestion}
              error={errors.suggestion}
              rows={3}
              onChange={(e) => setSuggestion(e.currentTarget.value)}
            />
          ) : null}
          <div className="button-row">
            <button type="submit" className="button" disabled={start.isPending}>
              {start.isPending ? 'Adding…' : 'Add comment'}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setRange(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  )
}

/** The student picks pending suggestions and accepts them together into the next version. */
function AcceptForm({ version }: { version: VersionView }) {
  const accept = useAcceptSuggestions(version.document.id)
  const navigate = useNavigate()
  const pending = version.threads.filter((t: ThreadView) => t.suggestionState === 'pending' && !t.outdated)
  const [picked, setPicked] = useState<string[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  if (pending.length === 0) return null
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setProblem(null)
    accept.mutateAsync({ threadIds: picked, versionId: version.id }).then(
      (next) => navigate(`/materials/versions/${next.id}`),
      (cause: unknown) => {
        const found = problemFrom(cause, [])
        setProblem(Object.values(found.fields)[0] ?? found.message)
      },
    )
  }
  return (
    <form className="materials-accept" onSubmit={onSubmit} aria-labelledby="accept-heading">
      <h3 id="accept-heading">Suggestions to accept</h3>
      {pending.map((t) => (
        <Checkbox
          key={t.id}
          id={`accept-${t.id}`}
          label={`“${t.quote}” → “${t.suggestion ?? ''}” (${t.author.name})`}
          checked={picked.includes(t.id)}
          onChange={(e) => {
            const on = e.currentTarget.checked
            setPicked((list) => (on ? [...list, t.id] : list.filter((id) => id !== t.id)))
          }}
        />
      ))}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={picked.length === 0 || accept.isPending}>
        {accept.isPending ? 'Accepting…' : 'Accept into a new version'}
      </button>
    </form>
  )
}

function FinishReview({ requestId }: { requestId: string }) {
  const finish = useFinishReview()
  return (
    <p>
      <button type="button" className="button button-secondary" disabled={finish.isPending} onClick={() => finish.mutate(requestId)}>
        I have finished my review
      </button>
    </p>
  )
}
