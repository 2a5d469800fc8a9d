import { useEffect } from 'react'
import { useUnreadMessages } from '../../api/messages.ts'
import { Conversation } from './conversation.tsx'
import './messages.css'

/** The "Messages" section of a mentorship's page; e-mails link to it as `#messages`. */
export function MessagesSection({ mentorshipId, say }: { mentorshipId: string; say: (message: string) => void }) {
  useEffect(() => {
    if (window.location.hash === '#messages') document.getElementById('messages')?.scrollIntoView()
  }, [])
  return (
    <section id="messages" className="card mentorship-block messages-block" aria-labelledby="messages-title">
      <h2 id="messages-title">Messages</h2>
      <Conversation scope={{ kind: 'mentorship', id: mentorshipId }} idPrefix="message" say={say} />
    </section>
  )
}

/** "3 unread" beside a mentorship or request, from one count of all the caller's conversations. */
export function UnreadBadge({ requestId, mentorshipId }: { requestId?: string; mentorshipId?: string }) {
  const unread = useUnreadMessages()
  const found = unread.data?.conversations.find((c) => (mentorshipId ? c.mentorshipId === mentorshipId : c.requestId === requestId))
  if (!found) return null
  return <span className="unread-count">{found.unread === 1 ? '1 unread message' : `${found.unread} unread messages`}</span>
}
