import { type FormEvent, useId, useState } from 'react'
import { COMMUNITY_LIMITS } from '#shared/contracts/community.ts'
import { errorMessage } from '../../api/client.ts'
import { TextAreaField, TextField } from '../../components/fields.tsx'
import { LiveStatus } from '../../components/feedback.tsx'
import { useFocusOnToggle } from './post-actions.tsx'

type Words = { title?: string; body: string }

/**
 * A moderator edits a post's words (a question's title too) and writes the note its author sees.
 * Everyone sees that a moderator edited it; the words before are kept for the moderators.
 */
export function ModeratorEditAction({ words, onSave }: { words: Words; onSave: (edited: Words & { note: string }) => Promise<unknown> }) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState(words.title ?? '')
  const [body, setBody] = useState(words.body)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<{ title?: string; body?: string; note?: string; form?: string }>({})
  const [saved, setSaved] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const opener = useFocusOnToggle(open, `${id}-${words.title === undefined ? 'body' : 'title'}`)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const missing = {
      ...(words.title !== undefined && !title.trim() ? { title: 'Give the title.' } : {}),
      ...(!body.trim() ? { body: 'Give the words.' } : {}),
      ...(!note.trim() ? { note: 'Tell the author what you changed and why.' } : {}),
    }
    setErrors(missing)
    if (Object.keys(missing).length > 0) return
    setBusy(true)
    onSave({ ...(words.title !== undefined ? { title: title.trim() } : {}), body: body.trim(), note: note.trim() }).then(
      () => {
        setBusy(false)
        setOpen(false)
        setNote('')
        setSaved('Edited: the author sees your note.')
      },
      (cause: unknown) => {
        setBusy(false)
        setErrors({ form: errorMessage(cause) })
      },
    )
  }

  return (
    <div className="note-action">
      <LiveStatus message={saved} />
      {open ? (
        <form onSubmit={onSubmit} noValidate className="note-action-form">
          {words.title !== undefined ? (
            <TextField
              id={`${id}-title`}
              label="Title"
              value={title}
              maxLength={COMMUNITY_LIMITS.title}
              error={errors.title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
          ) : null}
          <TextAreaField
            id={`${id}-body`}
            label="Words"
            rows={5}
            value={body}
            maxLength={COMMUNITY_LIMITS.body}
            error={errors.body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <TextAreaField
            id={`${id}-note`}
            label="Note to the author"
            hint="Shown beside the post to the author and the moderators."
            rows={2}
            value={note}
            maxLength={COMMUNITY_LIMITS.note}
            error={errors.note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {errors.form ? (
            <p role="alert" className="field-error">
              {errors.form}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="button button-secondary button-small" disabled={busy}>
              Save the edit
            </button>
            <button type="button" className="button button-ghost button-small" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button
          ref={opener}
          type="button"
          className="button button-ghost button-small"
          onClick={() => {
            setTitle(words.title ?? '')
            setBody(words.body)
            setOpen(true)
            setSaved(null)
          }}
        >
          Edit
        </button>
      )}
    </div>
  )
}
