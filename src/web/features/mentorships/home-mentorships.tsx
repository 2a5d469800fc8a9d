import { Link } from 'react-router'
import { useMyMentorshipRequests, useMyMentorships } from '../../api/mentorships.ts'
import { isOpenRequest } from './mentorship-format.ts'
import { plural } from '../../components/format.ts'

/** Mentorships in one line on a home section: what waits for an answer, and what is going on. */
export function MentorshipsLine({ as }: { as: 'student' | 'mentor' }) {
  const requests = useMyMentorshipRequests()
  const mentorships = useMyMentorships()
  if (!requests.data || !mentorships.data) return null
  const received = requests.data.received.filter((r) => isOpenRequest(r) && (as === 'mentor' ? r.initiatedBy === 'student' : r.initiatedBy === 'mentor'))
  const sent = requests.data.sent.filter((r) => isOpenRequest(r) && (as === 'student' ? r.initiatedBy === 'student' : r.initiatedBy === 'mentor'))
  const active = (as === 'student' ? mentorships.data.asStudent : mentorships.data.asMentor).filter((m) => m.status === 'active').length
  const parts: string[] = []
  if (received.length > 0) parts.push(`${plural(received.length, 'request', 'requests')} waiting for your answer`)
  if (sent.length > 0) parts.push(`${plural(sent.length, 'request', 'requests')} sent, waiting for an answer`)
  parts.push(
    active === 0
      ? as === 'student'
        ? 'no active mentorship yet'
        : 'no active mentees'
      : plural(active, as === 'student' ? 'active mentorship' : 'active mentee', as === 'student' ? 'active mentorships' : 'active mentees'),
  )
  return (
    <p className="home-letters">
      <strong>Mentorships:</strong> {parts.join(', ')}. <Link to="/mentorships">See my mentorships</Link>
      {as === 'student' && active === 0 && sent.length === 0 ? (
        <>
          {' · '}
          <Link to="/mentors">Find a mentor</Link>
        </>
      ) : null}
    </p>
  )
}
