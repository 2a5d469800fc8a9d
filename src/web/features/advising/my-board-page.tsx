import { Link, Navigate } from 'react-router'
import { useSession } from '../../api/identity.ts'
import { isAppError } from '../../api/client.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { hasRole } from '../identity/roles.ts'
import { useMyBoard } from './advising-api.ts'
import { BoardView, boardSummary } from './board-view.tsx'
import { YourPlanLinks } from '../../components/your-plan-links.tsx'

/** The student's own advising board: who is in their corner, and who could fill the gaps. */
export function MyBoardPage() {
  const { data: session } = useSession()
  const isStudent = hasRole(session, 'student')
  usePageTitle(isStudent ? 'My advising board' : 'Advising')
  const board = useMyBoard(isStudent)
  // Staff who open /advising want their side of it: an advisor's students, an admin's assignments.
  if (!isStudent && hasRole(session, 'advisor')) return <Navigate to="/advising/students" replace />
  if (!isStudent && hasRole(session, 'admin')) return <Navigate to="/admin/advisors" replace />
  return (
    <div className="page">
      <div className="page-header">
        <YourPlanLinks />
        <h1 tabIndex={-1}>My advising board</h1>
        <p className="lead">
          The people in your corner. Each slot is a kind of person worth having on your side; an empty slot shows who could fill it and how to ask.
        </p>
      </div>
      {board.isPending ? <Loading label="Loading your board…" /> : null}
      {board.isError ? (
        isAppError(board.error, 'NOT_FOUND') ? (
          <p className="notice notice-info">{board.error.message}</p>
        ) : (
          <QueryError error={board.error} onRetry={() => void board.refetch()} />
        )
      ) : null}
      {board.data ? (
        <>
          <p role="status" className={board.data.emptySlots.length > 0 ? 'notice notice-warning' : 'notice notice-success'}>
            {boardSummary(board.data)}
          </p>
          <p className="board-declared">
            {board.data.declaredSpecialty ? (
              <>
                Your declared specialty: <strong>{board.data.declaredSpecialty.name}</strong> (the first of your specialty interests).{' '}
              </>
            ) : (
              <>You have not declared a specialty yet: the first of your specialty interests counts as declared. </>
            )}
            <Link to="/profile/edit#student-specialtyInterests">Change your specialty interests</Link>
          </p>
          <BoardView board={board.data} audience="student" />
        </>
      ) : null}
    </div>
  )
}
