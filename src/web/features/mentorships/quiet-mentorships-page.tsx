import { Link } from 'react-router'
import { useQuietMentorships } from '../../api/mentorships.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { formatDateTime, plural } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { KIND_SHORT } from './mentorship-format.ts'

/** Advisors and admins: active mentorships with no meeting for a while. Names and dates only. */
export function QuietMentorshipsPage() {
  usePageTitle('Quiet mentorships')
  const quiet = useQuietMentorships()
  const items = quiet.data ? [...quiet.data.items].sort((a, b) => b.weeksQuiet - a.weeksQuiet) : []
  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Quiet mentorships</h1>
        <p className="lead">
          Active mentorships with no meeting for several weeks and nothing booked ahead. Both sides have had a reminder; a word from you may help. You see names
          and dates only, never what they wrote.
        </p>
      </div>
      {quiet.isPending ? <Loading /> : null}
      {quiet.isError ? <QueryError error={quiet.error} onRetry={() => void quiet.refetch()} /> : null}
      {quiet.data && items.length === 0 ? <p className="empty-state">Every active mentorship has met recently. Nothing to follow up.</p> : null}
      {items.length > 0 ? (
        <>
          <p role="status">{plural(items.length, 'quiet mentorship', 'quiet mentorships')}</p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Quiet mentorships, longest quiet first</caption>
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col">Mentor</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Quiet for</th>
                  <th scope="col">Last meeting</th>
                  <th scope="col">Began</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link to={`/people/${m.student.id}`}>{m.student.name}</Link>
                    </td>
                    <td>
                      <Link to={`/people/${m.mentor.id}`}>{m.mentor.name}</Link>
                    </td>
                    <td>{KIND_SHORT[m.kind]}</td>
                    <td>{plural(m.weeksQuiet, 'week', 'weeks')}</td>
                    <td>{m.lastMeetingAt ? formatDateTime(m.lastMeetingAt) : 'Never met'}</td>
                    <td>{formatDateTime(m.startedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  )
}
