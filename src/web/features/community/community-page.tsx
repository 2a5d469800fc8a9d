import { Link } from 'react-router'
import { useSession } from '../../api/identity.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useBoards, useMyCommunity } from './api.ts'
import { QuestionList } from './question-list.tsx'
import { QuestionSearch } from './question-search.tsx'
import './community.css'

function Boards() {
  const boards = useBoards()
  if (boards.isPending) return <Loading />
  if (boards.isError) return <QueryError error={boards.error} onRetry={() => void boards.refetch()} />
  const topics = boards.data.boards.filter((b) => b.kind === 'topic')
  const specialties = boards.data.boards.filter((b) => b.kind === 'specialty')
  const membersOnly = boards.data.boards.filter((b) => b.membersOnly)
  return (
    <>
      <section aria-labelledby="community-topics">
        <h2 id="community-topics">Topics</h2>
        <ul className="board-list">
          {topics.map((b) => (
            <li key={b.id} className="card board-card">
              <h3>
                <Link to={`/community/boards/${encodeURIComponent(b.id)}`}>{b.name}</Link>
              </h3>
              <p>{b.description}</p>
              <p className="question-meta">{b.questionCount === 1 ? '1 question' : `${b.questionCount} questions`}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="community-specialties">
        <h2 id="community-specialties">Specialties</h2>
        <ul className="specialty-boards">
          {specialties.map((b) => (
            <li key={b.id}>
              <Link to={`/community/boards/${encodeURIComponent(b.id)}`}>{b.name}</Link> <span className="question-meta">({b.questionCount})</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="community-members-only">
        <h2 id="community-members-only">Members-only boards</h2>
        <p>
          One board for each identity a person can list on their profile, open only to those who list it there, and to the office’s moderators. Nobody else sees
          these boards or learns that you posted on one, whoever you let see your identity.
        </p>
        {membersOnly.length > 0 ? (
          <ul className="specialty-boards">
            {membersOnly.map((b) => (
              <li key={b.id}>
                <Link to={`/community/boards/${encodeURIComponent(b.id)}`}>{b.name}</Link> <span className="question-meta">({b.questionCount})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="question-meta">
            You have not joined one. <Link to="/profile/edit">List an identity on your profile</Link> to join its board.
          </p>
        )}
      </section>
    </>
  )
}

function Mine() {
  const mine = useMyCommunity()
  if (!mine.data) return null
  const { questions, answeredQuestions, following } = mine.data
  if (questions.length + answeredQuestions.length + following.length === 0) return null
  return (
    <section aria-labelledby="community-yours" className="community-yours">
      <h2 id="community-yours">Yours</h2>
      {questions.length > 0 ? (
        <>
          <h3>Questions you asked</h3>
          <QuestionList questions={questions} showBoard empty="" />
        </>
      ) : null}
      {answeredQuestions.length > 0 ? (
        <>
          <h3>Questions you answered</h3>
          <QuestionList questions={answeredQuestions} showBoard empty="" />
        </>
      ) : null}
      {following.length > 0 ? (
        <>
          <h3>Questions you follow</h3>
          <QuestionList questions={following} showBoard empty="" />
        </>
      ) : null}
    </section>
  )
}

/** Community: the boards, a search over every question and answer, and the caller's own posts. */
export function CommunityPage() {
  usePageTitle('Community')
  const session = useSession()
  const roles = session.data?.person.roles ?? []
  const student = roles.includes('student')
  const moderator = roles.includes('advisor') || roles.includes('admin')
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>Community</h1>
        <p className="lead">
          {student
            ? 'Ask what is hard to ask in the hospital — about specialties, applications, money, family or wellbeing. Mentors, residents, alumni and other students answer. You may ask anonymously.'
            : moderator
              ? 'Questions students ask and the answers mentors and students give. Reported posts wait in the moderation queue.'
              : 'Questions students ask about specialties, applications, money, family and wellbeing. Your answer carries your name and your stage of training.'}
        </p>
        {student ? (
          <p>
            <Link to="/community/ask" className="button">
              Ask a question
            </Link>
          </p>
        ) : moderator ? (
          <p>
            <Link to="/community/moderation" className="button">
              Moderation queue
            </Link>
          </p>
        ) : null}
      </div>
      {moderator ? null : <Mine />}
      <QuestionSearch board="" heading="Recent questions" />
      <Boards />
    </div>
  )
}
