import { Link, useParams } from 'react-router'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useStudentMocks } from './api.ts'
import { MyMocks } from './my-mocks.tsx'
import './mock-interviews.css'

/**
 * An advisor's view of one student's mock interviews (assigned advisors and those with the
 * school-wide scope): what is booked, each scored mock raw and adjusted for its interviewer with
 * how sure that is, the feedback, and scores over time. Every read is audited by the server.
 */
export function StudentMocksPage() {
  const { personId = '' } = useParams()
  const mocks = useStudentMocks(personId)
  const name = mocks.data?.student.name
  const first = name?.split(/\s+/)[0]
  usePageTitle(name ? `${name}’s mock interviews` : 'Mock interviews')
  const allowance = mocks.data?.allowance
  return (
    <div className="page">
      <p className="back-link">
        <Link to={`/advising/students/${encodeURIComponent(personId)}`}>← {name ? `${name}’s advising board` : 'Advising board'}</Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>{name ? `${name}’s mock interviews` : 'Mock interviews'}</h1>
        <p className="lead">
          {first ?? 'The student'}’s mock interviews, the interviewers’ feedback, and each score beside the same score adjusted for how strictly its interviewer
          scores. Your reading of this page is recorded in the audit log.
        </p>
      </div>
      {mocks.isPending ? <Loading label="Loading the mock interviews…" /> : null}
      {mocks.isError ? <QueryError error={mocks.error} onRetry={() => void mocks.refetch()} /> : null}
      {mocks.data && allowance ? (
        <>
          <p>
            Booked {allowance.used} of the {allowance.limit} mock interviews the school offers each student in {allowance.season}.
          </p>
          <MyMocks mocks={mocks.data} staff />
        </>
      ) : null}
    </div>
  )
}
