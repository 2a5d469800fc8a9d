import { Link } from 'react-router'
import { useSession } from '../../api/identity.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useMyMocks } from './api.ts'
import { MyMocks } from './my-mocks.tsx'
import { OpenSlots } from './open-slots.tsx'
import { QuestionBankSection } from './question-bank.tsx'
import './mock-interviews.css'

/** A student's mock interviews: book one, read the feedback and scores, practise the questions. */
export function MockInterviewsPage() {
  usePageTitle('Mock interviews')
  const session = useSession()
  const mocks = useMyMocks()
  const roles = session.data?.person.roles ?? []
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>Mock interviews</h1>
        <p className="lead">
          Practise with faculty, residents, alumni and specialty advisors. Each interviewer scores the school's rubric and writes feedback; your scores are also
          shown adjusted for how strictly each interviewer tends to score, so mocks with different interviewers can be compared.
        </p>
        {roles.includes('mentor') ? (
          <p>
            <Link to="/mock-interviews/interviewing">Mock interviews you give</Link>
          </p>
        ) : null}
      </div>
      {mocks.isPending ? <Loading /> : null}
      {mocks.isError ? <QueryError error={mocks.error} onRetry={() => void mocks.refetch()} /> : null}
      {mocks.data ? (
        <>
          <OpenSlots defaultSpecialty="" />
          <MyMocks mocks={mocks.data} />
        </>
      ) : null}
      <QuestionBankSection />
    </div>
  )
}
