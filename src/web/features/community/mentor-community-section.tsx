import { Link } from 'react-router'
import { findCommunityBoard } from '#shared/contracts/community.ts'
import { QueryError } from '../../components/feedback.tsx'
import { usePersonActivity } from './api.ts'
import './community.css'

type Mentor = { id: string; name: string; specialtyId: string | null }

/**
 * A mentor's profile, "In the community": a student may ask them a question in public, and the
 * answers of theirs that helped someone are shown. Figures count named posts only.
 */
export function MentorCommunitySection({ mentor, canAsk }: { mentor: Mentor; canAsk: boolean }) {
  const activity = usePersonActivity(mentor.id)
  const first = mentor.name.split(' ')[0] ?? mentor.name
  const board = mentor.specialtyId && findCommunityBoard(`specialty:${mentor.specialtyId}`) ? `specialty:${mentor.specialtyId}` : ''
  const askLink = `/community/ask?${new URLSearchParams({ mentor: mentor.id, ...(board ? { board } : {}) })}`
  const a = activity.data

  return (
    <section className="card" aria-labelledby="mentor-community">
      <h2 id="mentor-community">In the community</h2>
      {canAsk ? (
        <p>
          <Link to={askLink} className="button button-secondary">
            Ask {mentor.name} a question
          </Link>
          <span className="field-hint"> Asked in public: {first} is e-mailed it, and anyone in the community can read it and answer.</span>
        </p>
      ) : null}
      {activity.isError ? <QueryError error={activity.error} onRetry={() => void activity.refetch()} /> : null}
      {a ? (
        <>
          <p>
            {a.answersGiven === 0
              ? `${first} has not answered a question in the community yet.`
              : `${first} has answered ${a.answersGiven === 1 ? 'one question' : `${a.answersGiven} questions`}${
                  a.acceptedAnswers === 0
                    ? '.'
                    : `; ${a.acceptedAnswers === 1 ? 'one answer was' : `${a.acceptedAnswers} answers were`} marked by the asker as the one that helped.`
                }`}
          </p>
          {a.bestAnswers.length > 0 ? (
            <>
              <h3>Answers that helped</h3>
              <ul className="best-answers">
                {a.bestAnswers.map((answer) => (
                  <li key={answer.questionId}>
                    <Link to={`/community/questions/${encodeURIComponent(answer.questionId)}`}>{answer.questionTitle}</Link>
                    <p className="question-excerpt">{answer.excerpt}</p>
                    <p className="field-hint">
                      {[
                        answer.accepted ? 'Marked as the answer that helped' : null,
                        answer.votes === 1 ? '1 vote' : answer.votes > 1 ? `${answer.votes} votes` : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
