import { Link, useParams } from 'react-router'
import { CLASS_YEAR_LABELS } from '#shared/enums.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useStudentBoard } from './advising-api.ts'
import { BoardView, boardSummary } from './board-view.tsx'

/** An advisor's view of one of their students' board, where they can fill a slot by hand. */
export function StudentBoardPage() {
  const { personId = '' } = useParams()
  const board = useStudentBoard(personId)
  const name = board.data?.student.name
  const first = name?.split(/\s+/)[0]
  usePageTitle(name ? `${name}’s advising board` : 'Advising board')
  return (
    <div className="page">
      <p className="back-link">
        <Link to="/advising/students">← My students</Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>{name ? `${name}’s advising board` : 'Advising board'}</h1>
        <p className="lead">
          Who fills each slot of {first ? `${first}’s` : 'the student’s'} board and why. For an empty slot, ask one of the suggested people: we e-mail them to
          agree or decline, and {first ?? 'the student'} is told once they agree. Your reading of this board is recorded in the audit log.
        </p>
      </div>
      {board.isPending ? <Loading label="Loading the board…" /> : null}
      {board.isError ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
      {board.data ? (
        <>
          <dl className="facts">
            <div>
              <dt>Class year</dt>
              <dd>{board.data.student.classYear ? CLASS_YEAR_LABELS[board.data.student.classYear] : 'Not set'}</dd>
            </div>
            <div>
              <dt>Declared specialty</dt>
              <dd>{board.data.declaredSpecialty?.name ?? 'None yet'}</dd>
            </div>
          </dl>
          <p role="status" className={board.data.emptySlots.length > 0 ? 'notice notice-warning' : 'notice notice-success'}>
            {boardSummary(board.data)}
          </p>
          <ul className="link-list">
            <li>
              <Link to={`/people/${board.data.student.id}`}>See {board.data.student.name}’s profile</Link>
            </li>
            <li>
              <Link to={`/advising/students/${board.data.student.id}/mock-interviews`}>See {board.data.student.name}’s mock interviews</Link>
            </li>
            <li>
              <Link to={`/advising/students/${board.data.student.id}/experiences`}>See {board.data.student.name}’s experiences</Link>
            </li>
          </ul>
          <BoardView board={board.data} audience="staff" />
        </>
      ) : null}
    </div>
  )
}
