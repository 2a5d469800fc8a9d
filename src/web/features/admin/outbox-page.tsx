import { Fragment, useState, type FormEvent, type ReactNode } from 'react'
import { useSearchParams } from 'react-router'
import type { OutboxMessage } from '#shared/contracts/admin.ts'
import { useOutbox } from '../../api/admin.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'
import { formatDateTime, plural } from '../../components/format.ts'
import { Pagination } from '../../components/pagination.tsx'
import { usePageTitle } from '../../components/page-title.ts'

const URL_PATTERN = /(https?:\/\/[^\s<>"')]+)/g

/** E-mail text with its links made clickable; everything else stays plain text. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN)
  const nodes: ReactNode[] = parts.map((part, index) =>
    index % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
      <a key={index} href={part}>
        {part}
      </a>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never reorder
      <Fragment key={index}>{part}</Fragment>
    ),
  )
  return <div className="email-text">{nodes}</div>
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`
}

/** The files sent with an e-mail (calendar invites), each with a download of the very bytes sent. */
function Attachments({ messageId, attachments }: { messageId: string; attachments: OutboxMessage['attachments'] }) {
  if (attachments.length === 0) return null
  return (
    <section className="email-attachments" aria-labelledby={`attachments-${messageId}`}>
      <h3 id={`attachments-${messageId}`} className="email-attachments-title">
        Attachments ({attachments.length})
      </h3>
      <ul>
        {attachments.map((file) => (
          <li key={file.filename}>
            {file.content === null ? (
              <span>
                {file.filename} <span className="muted">(a letter’s file: never shown here)</span>
              </span>
            ) : (
              <a href={`data:${file.contentType.split(';')[0]};charset=utf-8,${encodeURIComponent(file.content)}`} download={file.filename}>
                Download {file.filename}
              </a>
            )}{' '}
            <span className="field-hint">
              {file.contentType.split(';')[0]} · {formatSize(file.sizeBytes)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

const STATUS_LABELS: Record<string, string> = {
  outbox: 'Not sent (demo)',
  pending: 'Waiting to send',
  sent: 'Sent',
  failed: 'Failed',
}

export function OutboxPage() {
  usePageTitle('Outbox')
  const [params, setParams] = useSearchParams()
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1)
  const q = params.get('q') ?? ''
  const outbox = useOutbox(page, q)
  const [draft, setDraft] = useState(q)
  const onSearch = (event: FormEvent) => {
    event.preventDefault()
    setParams(draft.trim() ? new URLSearchParams({ q: draft.trim() }) : new URLSearchParams())
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Outbox</h1>
        <p className="lead">E-mails the app has written, newest first. Without a mail server they stay here, so you can read them and follow their links.</p>
      </div>
      <form role="search" aria-label="Outbox" className="filters" onSubmit={onSearch}>
        <TextField
          id="outbox-q"
          label="Recipient or subject"
          hint="Any part of the address or the subject, in any case"
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          className="filters-query"
        />
        <div className="filters-actions">
          <button type="submit" className="button">
            Search
          </button>
          {q ? (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                setDraft('')
                setParams(new URLSearchParams())
              }}
            >
              Clear
            </button>
          ) : null}
        </div>
      </form>
      {outbox.data ? (
        <p role="status" aria-busy={outbox.isPlaceholderData}>
          {outbox.isPlaceholderData
            ? 'Searching…'
            : `${plural(outbox.data.total, 'e-mail', 'e-mails')}${q ? (outbox.data.total === 1 ? ' matches' : ' match') : ''}.`}
        </p>
      ) : null}
      {outbox.isPending ? <Loading /> : null}
      {outbox.isError ? <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} /> : null}
      {outbox.data ? (
        outbox.data.items.length === 0 ? (
          <p className="empty-state">{q ? 'No e-mails match this search.' : 'No e-mails yet.'}</p>
        ) : (
          <>
            <ol className="email-list">
              {outbox.data.items.map((message) => (
                <li key={message.id}>
                  <article className="card email" aria-labelledby={`email-${message.id}`}>
                    <header className="email-header">
                      <h2 id={`email-${message.id}`} className="email-subject">
                        {message.subject}
                      </h2>
                      <dl className="email-meta">
                        <div>
                          <dt>To</dt>
                          <dd>{message.to}</dd>
                        </div>
                        <div>
                          <dt>Written</dt>
                          <dd>
                            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                          </dd>
                        </div>
                        <div>
                          <dt>Status</dt>
                          <dd>{STATUS_LABELS[message.status] ?? message.status}</dd>
                        </div>
                      </dl>
                    </header>
                    <Linkified text={message.text} />
                    <Attachments messageId={message.id} attachments={message.attachments} />
                  </article>
                </li>
              ))}
            </ol>
            <Pagination
              page={outbox.data.page}
              pageSize={outbox.data.pageSize}
              total={outbox.data.total}
              noun={['e-mail', 'e-mails']}
              onPage={(next) => {
                const merged = new URLSearchParams(q ? { q } : {})
                if (next > 1) merged.set('page', String(next))
                setParams(merged)
              }}
            />
          </>
        )
      ) : null}
    </div>
  )
}
