import { Link } from 'react-router'
import type { QuestionSummary } from '#shared/contracts/community.ts'
import { plural } from '../../components/format.ts'
import { PostAuthor } from './post-author.tsx'

export function QuestionList({ questions, showBoard, empty }: { questions: readonly QuestionSummary[]; showBoard?: boolean; empty: string }) {
  if (questions.length === 0) return <p className="empty-state">{empty}</p>
  return (
    <ul className="question-list">
      {questions.map((q) => (
        <li key={q.id} className="card question-card">
          {showBoard ? <p className="question-board">{q.boardName}</p> : null}
          <h3>
            <Link to={`/community/questions/${q.id}`}>{q.title}</Link>
          </h3>
          <p className="question-excerpt">{q.excerpt}</p>
          <PostAuthor author={q.author} at={q.createdAt} verb="asked" />
          <p className="question-meta">
            {plural(q.answerCount, 'answer', 'answers')}
            {q.hasAcceptedAnswer ? ' · Answered' : ''}
            {q.locked ? ' · Locked' : ''}
            {q.hidden ? (q.heldForReview ? ' · Waiting for a moderator' : ' · Hidden by a moderator') : ''}
          </p>
        </li>
      ))}
    </ul>
  )
}
