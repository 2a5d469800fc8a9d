import { Link } from 'react-router'
import { isAppError } from '../../api/client.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useMyBoard } from './advising-api.ts'
import { BoardView, boardSummary } from './board-view.tsx'

/** The student's own advising board: who is in their corner, and who could fill the gaps. */
export function MyBoardPage() {
  usePageTitle('My advising board')
  const board = useMyBoard()
  return (
    <div className="page">
      <div className="page-header">
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
