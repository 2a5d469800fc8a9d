import { useId, useState } from 'react'
import type { RankListView } from '#shared/contracts/rank-lists.ts'
import { AppError } from '#shared/errors.ts'
import { errorMessage } from '../../api/client.ts'
import { LiveStatus } from '../../components/feedback.tsx'
import { formatDateTime } from '../../components/format.ts'
import { firstName } from '../../components/voice.ts'
import { useAddComment } from './rank-lists-api.ts'

/** The conversation between a student and their advisor about the list, newest last. */
export function CommentsThread({ view, mine }: { view: RankListView; mine: boolean }) {
  const id = useId()
  const [body, setBody] = useState('')
  const [said, setSaid] = useState<string | null>(null)
  const add = useAddComment(view.student.id, mine)
  const fieldError = add.error instanceof AppError ? add.error.fields?.body : undefined
  // A student replies only when the advisor has written; before that they start the conversation.
  const advisorHasWritten = view.comments.some((c) => c.authorRole === 'advisor')
  const label = mine ? (advisorHasWritten ? 'Reply to your advisor' : 'Ask your advisor about your list') : `Add a comment for ${firstName(view.student.name)}`
  return (
    <section className="rol-comments" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Comments {view.comments.length > 0 ? <span className="count">({view.comments.length})</span> : null}</h2>
      <p className="field-hint">
        {mine
          ? 'Your advisor’s comments on your list, and your replies. Only the two of you see them.'
          : `${firstName(view.student.name)} sees every comment here.`}
      </p>
      {view.comments.length === 0 ? <p className="muted">No comments yet.</p> : null}
      <ol className="note-list rol-comment-list">
        {view.comments.map((c) => (
          <li key={c.id} className={`note rol-comment rol-comment-${c.authorRole}`}>
            <p className="note-meta">
              <strong>{c.author?.name ?? 'Former member'}</strong> ({c.authorRole === 'advisor' ? 'advisor' : 'student'}) · {formatDateTime(c.createdAt)} · on
              version {c.listVersion}
            </p>
            <p className="rol-comment-body">{c.body}</p>
          </li>
        ))}
      </ol>
      <form
        className="form rol-comment-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (!body.trim()) return
          add.mutate(body.trim(), {
            onSuccess: () => {
              setBody('')
              setSaid('Comment added.')
            },
          })
        }}
      >
        <div className={`field${fieldError ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-body`}>{label}</label>
          {fieldError ? (
            <p id={`${id}-error`} className="field-error">
              {fieldError}
            </p>
          ) : null}
          <textarea
            id={`${id}-body`}
            rows={3}
            value={body}
            maxLength={2000}
            onChange={(e) => setBody(e.target.value)}
            aria-describedby={fieldError ? `${id}-error` : undefined}
          />
        </div>
        {add.isError && !fieldError ? (
          <p role="alert" className="notice notice-error">
            {errorMessage(add.error)}
          </p>
        ) : null}
        <button type="submit" className="button button-secondary" disabled={add.isPending || !body.trim()}>
          {add.isPending ? 'Sending…' : mine ? (advisorHasWritten ? 'Send reply' : 'Send to your advisor') : 'Add comment'}
        </button>
      </form>
      <LiveStatus message={said} />
    </section>
  )
}
