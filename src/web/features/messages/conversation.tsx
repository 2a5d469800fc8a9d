import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { ConversationView, MessageView } from '#shared/contracts/messages.ts'
import { MESSAGE_ATTACHMENT_MAX_BYTES, MESSAGE_MAX_CHARS } from '#shared/message-limits.ts'
import { errorMessage, isAppError } from '../../api/client.ts'
import { attachmentUrl, type ConversationScope, useConversation, useMarkMessagesRead, useSendMessage } from '../../api/messages.ts'
import { TextAreaField } from '../../components/fields.tsx'
import { formatDateTime } from '../../components/format.ts'
import { MessageEmailChoice } from './message-email-choice.tsx'

const kilobytes = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`)

/** The caller's newest message the other side has read: the one that shows "Seen". */
export function lastSeenMessageId(c: Pick<ConversationView, 'messages' | 'otherReadUpTo'>): string | null {
  if (!c.otherReadUpTo) return null
  const upTo = Date.parse(c.otherReadUpTo)
  const seen = c.messages.filter((m) => m.mine && Date.parse(m.createdAt) <= upTo)
  return seen.at(-1)?.id ?? null
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

function MessageItem({ message, seen }: { message: MessageView; seen: boolean }) {
  return (
    <li className={message.mine ? 'message message-mine' : 'message'}>
      <p className="message-meta">
        <strong>{message.mine ? 'You' : message.authorName}</strong> · <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
      </p>
      <p className="message-body">{message.body}</p>
      {message.attachment ? (
        <p className="message-attachment">
          <a href={attachmentUrl(message.id)} download>
            {message.attachment.name}
          </a>{' '}
          <span className="field-hint">(PDF, {kilobytes(message.attachment.sizeBytes)})</span>
        </p>
      ) : null}
      {seen ? <p className="message-seen">Seen</p> : null}
    </li>
  )
}

/**
 * The messages between a student and a mentor, newest last, with the form to write. Showing it
 * marks what is shown as read. `idPrefix` keeps ids unique when several show on one page.
 */
export function Conversation({ scope, idPrefix, say }: { scope: ConversationScope; idPrefix: string; say: (message: string) => void }) {
  const conversation = useConversation(scope)
  const send = useSendMessage(scope)
  const markRead = useMarkMessagesRead(scope)
  const [body, setBody] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [bodyError, setBodyError] = useState<string | undefined>(undefined)
  const [fileError, setFileError] = useState<string | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const c = conversation.data
  const newest = c?.messages.at(-1)?.createdAt

  // Reading the conversation marks it read up to its newest message, once per new message.
  const markedUpTo = useRef<string | null>(null)
  const { mutate: mark } = markRead
  useEffect(() => {
    if (!c || c.unread === 0 || !newest || markedUpTo.current === newest) return
    markedUpTo.current = newest
    mark(newest)
  }, [c, newest, mark])

  if (conversation.isPending) return <p aria-busy="true">Loading the messages…</p>
  if (conversation.isError) return <p role="alert">The messages could not be loaded. {errorMessage(conversation.error)}</p>
  if (!c) return null
  const seenId = lastSeenMessageId(c)
  const textId = `${idPrefix}-new`
  const fileId = `${idPrefix}-file`

  const onSend = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    const text = body.trim()
    if (!text) {
      setBodyError('Write the message first.')
      document.getElementById(textId)?.focus()
      return
    }
    if (text.length > MESSAGE_MAX_CHARS) {
      setBodyError(`Use at most ${MESSAGE_MAX_CHARS.toLocaleString('en-US')} characters.`)
      document.getElementById(textId)?.focus()
      return
    }
    if (file && file.size > MESSAGE_ATTACHMENT_MAX_BYTES) {
      setFileError('The file is larger than 1 MB. Choose a smaller PDF.')
      document.getElementById(fileId)?.focus()
      return
    }
    setBodyError(undefined)
    setFileError(undefined)
    const attachment = file ? { filename: file.name, contentBase64: await readAsBase64(file) } : undefined
    send.mutate(
      { body: text, ...(attachment ? { attachment } : {}) },
      {
        onSuccess: () => {
          setBody('')
          setFile(null)
          if (fileInput.current) fileInput.current.value = ''
          say(`Message sent to ${c.other.name}.`)
        },
        onError: (failure) => {
          const fields = isAppError(failure) ? failure.fields : undefined
          if (fields?.body) setBodyError(fields.body)
          if (fields?.attachment || fields?.['attachment.filename'] || fields?.['attachment.contentBase64'])
            setFileError(fields.attachment ?? fields['attachment.filename'] ?? fields['attachment.contentBase64'])
          if (!fields?.body) setError(errorMessage(failure))
        },
      },
    )
  }

  return (
    <div className="conversation">
      {c.messages.length === 0 ? (
        <p className="empty">No messages yet.{c.canPost ? ` Write to ${c.other.name} below.` : ''}</p>
      ) : (
        <ol className="message-list" aria-label={`Messages with ${c.other.name}`}>
          {c.messages.map((m) => (
            <MessageItem key={m.id} message={m} seen={m.id === seenId} />
          ))}
        </ol>
      )}
      {c.canPost ? (
        <form noValidate className="form message-form" onSubmit={onSend}>
          <TextAreaField
            id={textId}
            label={`Message to ${c.other.name}`}
            hint="Enter starts a new line; send with the button."
            rows={4}
            maxLength={MESSAGE_MAX_CHARS}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={bodyError}
          />
          <div className={`field${fileError ? ' field-invalid' : ''}`}>
            <label htmlFor={fileId}>Attach a PDF (optional, up to 1 MB)</label>
            {fileError ? (
              <p id={`${fileId}-error`} className="field-error">
                {fileError}
              </p>
            ) : null}
            <input
              ref={fileInput}
              id={fileId}
              type="file"
              accept="application/pdf,.pdf"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? `${fileId}-error` : undefined}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </div>
          {error ? (
            <p role="alert" className="field-error">
              {error}
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="button" disabled={send.isPending}>
              {send.isPending ? 'Sending…' : 'Send message'}
            </button>
          </div>
        </form>
      ) : (
        <p className="notice notice-info">{c.closedBecause}</p>
      )}
      <MessageEmailChoice idPrefix={idPrefix} say={say} />
    </div>
  )
}
