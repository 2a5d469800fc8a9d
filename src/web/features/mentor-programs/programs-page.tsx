import { Link } from 'react-router'
import { useSession } from '../../api/identity.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { hasRole } from '../identity/roles.ts'
import { usePrograms } from './api.ts'
import { formatDay, methodLabel, statusLabel } from './program-format.ts'
import './mentor-programs.css'

/** Admins and advisors: every formal mentor program, newest first. */
export function MentorProgramsPage() {
  usePageTitle('Mentor programs')
  const session = useSession()
  const programs = usePrograms()
  const isAdmin = hasRole(session.data, 'admin')

  return (
    <div className="page">
      <div className="page-header page-header-actions">
        <div>
          <h1 tabIndex={-1}>Mentor programs</h1>
          <p className="lead">
            Pair a whole class with mentors at once: students rank mentors, or Preceptor finds the pairs of best total fit. Never a pair with a conflict, never
            more students than a mentor’s seats.
            {isAdmin ? '' : ' You can read programs and their draft pairs; admins run them.'}
          </p>
        </div>
        {isAdmin ? (
          <Link to="/admin/programs/new" className="button">
            New program
          </Link>
        ) : null}
      </div>
      {programs.isPending ? <Loading /> : null}
      {programs.isError ? <QueryError error={programs.error} onRetry={() => void programs.refetch()} /> : null}
      {programs.data && programs.data.programs.length === 0 ? (
        <p className="empty-state">No programs yet.{isAdmin ? ' Create one to pair a class with mentors.' : ''}</p>
      ) : null}
      {programs.data && programs.data.programs.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-stack">
            <caption className="visually-hidden">Mentor programs</caption>
            <thead>
              <tr>
                <th scope="col">Program</th>
                <th scope="col">Status</th>
                <th scope="col">Pairing</th>
                <th scope="col">Students</th>
                <th scope="col">Mentors</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {programs.data.programs.map((p) => (
                <tr key={p.id}>
                  <td data-label="Program">
                    <Link to={`/admin/programs/${p.id}`}>{p.name}</Link>
                  </td>
                  <td data-label="Status">
                    <span className={`tag program-status program-status-${p.status}`}>{statusLabel(p.status)}</span>
                  </td>
                  <td data-label="Pairing">{methodLabel(p.pairingMethod)}</td>
                  <td data-label="Students">{p.studentCount}</td>
                  <td data-label="Mentors">{p.mentorCount}</td>
                  <td data-label="Created">{formatDay(p.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  )
}
