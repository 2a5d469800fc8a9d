import { useUnreadMessages } from '../../api/messages.ts'
import './messages.css'

/** "3 unread messages" beside a mentorship or request, from one count of all the caller's conversations. */
export function UnreadBadge({ requestId, mentorshipId }: { requestId?: string; mentorshipId?: string }) {
  const unread = useUnreadMessages()
  const found = unread.data?.conversations.find((c) => (mentorshipId ? c.mentorshipId === mentorshipId : c.requestId === requestId))
  if (!found) return null
  return <span className="unread-count">{found.unread === 1 ? '1 unread message' : `${found.unread} unread messages`}</span>
}
