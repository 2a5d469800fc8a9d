import { type FormEvent, useRef, useState } from 'react'
import type { ThreadView, VersionView } from '#shared/contracts/materials.ts'
import { TextAreaField } from '../../components/fields.tsx'
import { formatDateTime } from '../../components/format.ts'
import { problemFrom } from '../../components/form-errors.ts'
import { useRejectSuggestion, useReply, useResolve, useSuggest } from './api.ts'

type Range = { start: number; end: number }

/**
 * The comments on a version in reading order, with "Previous" and "Next comment" buttons that
 * move focus from comment to comment (each with "Show in text", which selects its words in the
 * text), so a keyboard or screen-reader user walks the comments as a sighted reader scans the
 * margin.
 */
export function ThreadList({ version, onShow }: { version: VersionView; onShow: (range: Range) => void }) {
  const refs = useRef(new Map<string, HTMLElement>())
  const [current, setCurrent] = useState(-1)
  const threads = version.threads
  if (threads.length === 0) return <p>No comments yet.</p>
  const go = (step: number) => {
    const next = current < 0 ? (step > 0 ? 0 : threads.length - 1) : (current + step + threads.length) % threads.length
    setCurrent(next)
    const thread = threads[next]
    if (!thread) return
    refs.current.get(thread.id)?.focus()
  }
  const open = threads.filter((t) => !t.resolved).length
  return (
    <>
      <div className="materials-thread-nav">
        <p>
          {threads.length} comment{threads.length === 1 ? '' : 's'}, {open} open.
        </p>
        <div className="button-row">
          <button type="button" className="button button-secondary button-small" onClick={() => go(-1)}>
            Previous comment
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => go(1)}>
            Next comment
          </button>
        </div>
      </div>
      <ol className="materials-threads">
        {threads.map((t, i) => (
          <li
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el)
              else refs.current.delete(t.id)
            }}
            tabIndex={-1}
            className={`materials-thread${t.resolved ? ' is-resolved' : ''}${i === current ? ' is-current' : ''}`}
            aria-labelledby={`thread-${t.id}-title`}
          >
            <Thread thread={t} index={i} total={threads.length} onShow={onShow} />
          </li>
        ))}
      </ol>
    </>
  )
}

function Thread({ thread: t, index, total, onShow }: { thread: ThreadView; index: number; total: number; onShow: (range: Range) => void }) {
  const reply = useReply()
  const resolve = useResolve()
  const reject = useRejectSuggestion()
  const suggest = useSuggest()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [suggestion, setSuggestion] = useState(t.suggestion ?? t.quote)
  const [suggestError, setSuggestError] = useState<string | undefined>()
  const [editing, setEditing] = useState(false)
  const state = t.resolved ? 'resolved' : 'open'
  const onReply = (event: FormEvent) => {
    event.preventDefault()
    reply.mutateAsync({ threadId: t.id, body: text }).then(
      () => {
        setText('')
        setError(undefined)
      },
      (cause: unknown) => setError(problemFrom(cause, ['body']).fields.body ?? problemFrom(cause, []).message ?? undefined),
    )
  }
  const onSuggest = (event: FormEvent) => {
    event.preventDefault()
    suggest.mutateAsync({ threadId: t.id, suggestion }).then(
      () => {
        setEditing(false)
        setSuggestError(undefined)
      },
      (cause: unknown) => setSuggestError(problemFrom(cause, ['suggestion']).fields.suggestion ?? problemFrom(cause, []).message ?? undefined),
    )
  }
  return (
    <article>
      <h3 id={`thread-${t.id}-title`} className="materials-thread-title">
        Comment {index + 1} of {total}, by {t.mine ? 'you' : t.author.name} ({state}
        {t.outdated ? ', outdated' : ''})
      </h3>
      <blockquote className="materials-quote">
        <span className="visually-hidden">On the words: </span>
        {t.quote}
      </blockquote>
      {t.outdated ? <p className="materials-outdated">Outdated: these words are no longer in this version. The comment is kept here.</p> : null}
      {t.anchor ? (
        <button type="button" className="button-link" onClick={() => t.anchor && onShow(t.anchor)}>
          Show in text<span className="visually-hidden">: comment {index + 1}</span>
        </button>
      ) : null}
      <p className="materials-thread-body">{t.body}</p>
      {t.suggestion !== null ? (
        <div className="materials-suggestion">
          <p>
            <strong>Suggested wording</strong> ({suggestionStateText(t)}):
          </p>
          <p className="materials-diff">
            <del>
              <span className="visually-hidden">Delete: </span>
              {t.quote}
            </del>{' '}
            <ins>
              <span className="visually-hidden">Insert: </span>
              {t.suggestion || '(cut these words)'}
            </ins>
          </p>
        </div>
      ) : null}
      {t.replies.length > 0 ? (
        <ol className="materials-replies" aria-label="Replies">
          {t.replies.map((r) => (
            <li key={r.id}>
              <strong>{r.mine ? 'You' : r.author.name}</strong> <span className="field-hint">{formatDateTime(r.createdAt)}</span>
              <p>{r.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      <form className="materials-reply" noValidate onSubmit={onReply}>
        <TextAreaField id={`reply-${t.id}`} label="Reply" rows={2} value={text} error={error} onChange={(e) => setText(e.currentTarget.value)} />
        <div className="button-row">
          <button type="submit" className="button button-small" disabled={reply.isPending}>
            Reply
          </button>
          {!t.resolved ? (
            <button type="button" className="button button-secondary button-small" disabled={resolve.isPending} onClick={() => resolve.mutate(t.id)}>
              Resolve
            </button>
          ) : null}
          {!t.mine && t.suggestionState === 'pending' ? (
            <button type="button" className="button button-ghost button-small" disabled={reject.isPending} onClick={() => reject.mutate(t.id)}>
              Reject suggestion
            </button>
          ) : null}
          {t.mine && t.suggestionState !== 'accepted' ? (
            <button type="button" className="button button-ghost button-small" onClick={() => setEditing((on) => !on)} aria-expanded={editing}>
              {t.suggestion === null ? 'Suggest wording' : 'Change suggestion'}
            </button>
          ) : null}
        </div>
      </form>
      {editing ? (
        <form className="materials-reply" noValidate onSubmit={onSuggest}>
          <TextAreaField
            id={`suggest-${t.id}`}
            label="Suggested wording"
            rows={2}
            value={suggestion}
            error={suggestError}
            onChange={(e) => setSuggestion(e.currentTarget.value)}
          />
          <button type="submit" className="button button-small" disabled={suggest.isPending}>
            Save suggestion
          </button>
        </form>
      ) : null}
    </article>
  )
}

function suggestionStateText(t: ThreadView): string {
  if (t.suggestionState === 'accepted') return t.acceptedIntoVersion ? `accepted into version ${t.acceptedIntoVersion}` : 'accepted'
  if (t.suggestionState === 'rejected') return 'rejected'
  return 'waiting for the student'
}
