import { Link, useParams } from 'react-router'
import { findCommunityBoard } from '#shared/contracts/community.ts'
import { useSession } from '../../api/identity.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { NotFoundPage } from '../../components/status-pages.tsx'
import { useBoards } from './api.ts'
import { QuestionSearch } from './question-search.tsx'
import './community.css'

/** One board: its questions, newest activity first, with search; a student asks here. */
export function BoardPage() {
  const { boardId = '' } = useParams()
  const board = findCommunityBoard(boardId)
  const session = useSession()
  const boards = useBoards()
  usePageTitle(board?.name ?? 'Board')
  if (!board) return <NotFoundPage />
  const student = session.data?.person.roles.includes('student') ?? false
  // A members-only board the caller has not joined: say how to join rather than show an error.
  const outside = board.identity !== undefined && boards.data !== undefined && !boards.data.boards.some((b) => b.id === board.id)
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/community" className="back-link">
          ← Community
        </Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>{board.name}</h1>
        <p className="lead">{board.description}</p>
        {board.identity ? (
          <p className="field-hint">
            Members only: what is asked here is not in anyone else’s search, lists or e-mails, and posts here do not count in anyone’s public figures.
          </p>
        ) : null}
        {outside ? (
          <p>
            You have not joined this board. <Link to="/profile/edit">List “{board.name}” as your identity on your profile</Link> to join it.
          </p>
        ) : student ? (
          <p>
            <Link to={`/community/ask?board=${encodeURIComponent(board.id)}`} className="button">
              Ask a question
            </Link>
          </p>
        ) : null}
      </div>
      {outside ? null : <QuestionSearch board={board.id} heading="Questions" />}
    </div>
  )
}
