import { lazy, Suspense, useState } from 'react'
import { UnreadBadge } from './unread-badge.tsx'
import './messages.css'

// Loaded when opened: a student's home lists requests and must stay light.
const Conversation = lazy(() => import('./conversation.tsx').then((m) => ({ default: m.Conversation })))

/**
 * Messages on a request that has not become a mentorship: the two may clarify it before an
 * answer. Folded by default so a list of requests stays short; opening it marks it read.
 */
export function RequestMessages({ requestId, otherName, say }: { requestId: string; otherName: string; say: (message: string) => void }) {
  const [open, setOpen] = useState(false)
  const regionId = `request-${requestId}-messages`
  return (
    <div className="request-messages">
      <button type="button" className="button button-secondary" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen(!open)}>
        {open ? 'Hide messages' : 'Messages'}
        <span className="visually-hidden"> with {otherName}</span>
      </button>
      {open ? null : <UnreadBadge requestId={requestId} />}
      <div id={regionId} className="conversation-region">
        {open ? (
          <Suspense fallback={<p aria-busy="true">Loading the messages…</p>}>
            <Conversation scope={{ kind: 'request', id: requestId }} idPrefix={`request-${requestId}-message`} say={say} />
          </Suspense>
        ) : null}
      </div>
    </div>
  )
}
