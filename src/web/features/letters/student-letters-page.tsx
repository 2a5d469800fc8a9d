import { Link, useParams } from 'react-router'
import { isAppError } from '../../api/client.ts'
import { useStudentLetters } from '../../api/letters.ts'
import { useProfile } from '../../api/profiles.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { NotFoundPage } from '../../components/status-pages.tsx'
import { useSession } from '../../api/identity.ts'
import { hasRole } from '../identity/roles.ts'
import { ApplicationLinks } from './application-links.tsx'
import { LetterSummaryCells } from './letter-facts.tsx'
import { byDueDate } from './letter-format.ts'

/** An advisor's view of one student's letters: writers, statuses and due dates, never content. */
export function StudentLettersPage() {
  const { personId = '' } = useParams()
  const letters = useStudentLetters(personId)
  const { data: session } = useSession()
  const profile = useProfile(personId)
  const name = profile.data?.person.name ?? letters.data?.items[0]?.student.name ?? 'Student'
  usePageTitle(`Letters: ${name}`)
  if (letters.isError && isAppError(letters.error, 'NOT_FOUND')) return <NotFoundPage />
  const items = letters.data ? [...letters.data.items].sort(byDueDate) : []
  const late = items.filter((r) => r.isLate).length

  return (
    <div className="page">
      <div className="page-header">
        <p className="breadcrumb">
          <Link to={`/people/${personId}`}>{name}</Link>
        </p>
        <h1 tabIndex={-1}>Letters for {name}</h1>
        <p className="lead">Who is writing, for what, by when, and where each letter is. Letters themselves are confidential and not shown here.</p>
      </div>
      {/* Those pages are for the student's assigned advisors; admins read letters only. */}
      {hasRole(session, 'advisor') ? <ApplicationLinks studentId={personId} studentName={name} /> : null}
      {letters.isPending ? <Loading label="Loading letters…" /> : null}
      {letters.isError ? <QueryError error={letters.error} onRetry={() => void letters.refetch()} /> : null}
      {letters.data ? (
        items.length === 0 ? (
          <p className="empty-state">{name} has not asked anyone for a letter yet.</p>
        ) : (
          <>
            <p className="letters-summary">
              {items.length} {items.length === 1 ? 'request' : 'requests'} · {items.filter((r) => r.status === 'submitted' || r.status === 'delivered').length}{' '}
              submitted · {late} late
            </p>
            <div className="table-wrap">
              <table className="table table-stack letters-table">
                <caption className="visually-hidden">Letter requests of {name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Writer</th>
                    <th scope="col">For</th>
                    <th scope="col">Due</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((request) => (
                    <tr key={request.id}>
                      <LetterSummaryCells request={request} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )
      ) : null}
    </div>
  )
}
