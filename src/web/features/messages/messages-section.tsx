import { useEffect } from 'react'
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
