import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { COMMUNITY_LIMITS } from '#shared/contracts/community.ts'
import { errorMessage } from '../../api/client.ts'
import { TextAreaField } from '../../components/fields.tsx'
import { LiveStatus } from '../../components/feedback.tsx'

/**
 * Keyboard users land in a form behind a button when it opens (on `firstFieldId`), and back on
 * its button when it closes. Returns the ref for the button.
 */
export function useFocusOnToggle(open: boolean, firstFieldId: string) {
  const opener = useRef<HTMLButtonElement>(null)
  const wasOpen = useRef(false)
  useEffect(() => {
    if (open) document.getElementById(firstFieldId)?.focus()
    else if (wasOpen.current) opener.current?.focus()
    wasOpen.current = open
  }, [open, firstFieldId])
  return opener
}

/**
 * A small form behind a quiet button: a report, a moderator's note, a reason to reveal an
 * author. The text goes to `onSend`; the button names what it does.
 */
export function NoteAction({
  open: openLabel,
  label,
  hint,
  submit,
  min = 1,
  done,
  danger,
  onSend,
}: {
  open: string
  label: string
  hint?: string
  submit: string
  min?: number
  done: string
  danger?: boolean
  onSend: (text: string) => Promise<unknown>
}) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [sent, setSent] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const opener = useFocusOnToggle(open, `${id}-text`)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim().length < min) {
      setError(min > 1 ? `Write at least ${min} characters.` : 'This field is required.')
      return
    }
    setBusy(true)
    onSend(text.trim()).then(
      () => {
        setBusy(false)
        setOpen(false)
        setText('')
        setError(undefined)
        setSent(done)
      },
      (cause: unknown) => {
        setBusy(false)
        setError(errorMessage(cause))
      },
    )
  }
  return (
    <div className="note-action">
      <LiveStatus message={sent} />
      {open ? (
        <form onSubmit={onSubmit} noValidate className="note-action-form">
          <TextAreaField
            id={`${id}-text`}
            label={label}
            hint={hint}
            rows={3}
            value={text}
            maxLength={COMMUNITY_LIMITS.note}
            error={error}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <div className="button-row">
            <button type="submit" className={danger ? 'button button-danger button-small' : 'button button-secondary button-small'} disabled={busy}>
              {submit}
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
            setOpen(true)
            setSent(null)
          }}
        >
          {openLabel}
        </button>
      )}
    </div>
  )
}
