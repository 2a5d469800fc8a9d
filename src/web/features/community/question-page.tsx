import { type FormEvent, useState } from 'react'
import { Link, useParams } from 'react-router'
import { type AnswerView, COMMUNITY_LIMITS, PostAnswer, type QuestionView } from '#shared/contracts/community.ts'
import type { FieldErrors } from '#shared/errors.ts'
import { api, errorMessage } from '../../api/client.ts'
import { TextAreaField } from '../../components/fields.tsx'
import { ErrorSummary, Loading, Notice, QueryError } from '../../components/feedback.tsx'
import { problemFrom, validate } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useAcceptAnswer, useFollow, useModerateAnswer, useModerateQuestion, usePostAnswer, useQuestion, useReport, useVote } from './api.ts'
import { NoteAction } from './post-actions.tsx'
import { ModeratorEditAction } from './moderator-edit-action.tsx'
import { PostAuthor } from './post-author.tsx'
import './community.css'

function Revealed({ kind, id }: { kind: 'questions' | 'answers'; id: string }) {
  const [who, setWho] = useState<{ name: string; email: string } | null>(null)
  if (who)
    return (
      <Notice tone="warning">
        Written by {who.name} ({who.email}). Your look-up and its reason are recorded.
      </Notice>
    )
  return (
    <NoteAction
      open="Reveal the author"
      label="Why you need to know who wrote this"
      hint="At least 20 characters. The reason is stored and the look-up is recorded in the audit log."
      submit="Reveal the author"
      min={20}
      done=""
      danger
      onSend={(reason) =>
        api<{ name: string; email: string }>(`/api/community/moderation/${kind}/${encodeURIComponent(id)}/reveal-author`, {
          method: 'POST',
          json: { reason },
        }).then(setWho)
      }
    />
  )
}

function Answer({ answer, view }: { answer: AnswerView; view: QuestionView }) {
  const vote = useVote()
  const accept = useAcceptAnswer(view.id)
  const report = useReport()
  const moderate = useModerateAnswer()
  const [error, setError] = useState<string | null>(null)
  const run = (work: Promise<unknown>) =>
    work.then(
      () => setError(null),
      (cause: unknown) => setError(errorMessage(cause)),
    )
  return (
    <li className={`card answer-card${answer.accepted ? ' answer-accepted' : ''}`}>
      {answer.accepted ? <p className="tag answer-accepted-tag">Accepted answer: this helped the asker</p> : null}
      {answer.hidden ? (
        <Notice tone="warning">
          {answer.heldForReview ? answer.moderationNote : `Hidden by a moderator${answer.moderationNote ? `: ${answer.moderationNote}` : '.'}`}
        </Notice>
      ) : null}
      {!answer.hidden && answer.moderationNote ? (
        <Notice tone="info">
          {answer.author.mine ? 'A moderator’s note to you' : 'A moderator’s note to the author'}: {answer.moderationNote}
        </Notice>
      ) : null}
      <p className="post-body">{answer.body}</p>
      <PostAuthor author={answer.author} at={answer.createdAt} verb="answered" edited={answer.editedByModerator} />
      <div className="answer-actions">
        <span className="answer-votes">{answer.votes === 1 ? '1 vote' : `${answer.votes} votes`}</span>
        {view.can.vote && !answer.author.mine ? (
          <button
            type="button"
            className="button button-secondary button-small"
            aria-pressed={answer.myVote}
            disabled={vote.isPending}
            onClick={() => void run(vote.mutateAsync({ answerId: answer.id, vote: !answer.myVote }))}
          >
            {answer.myVote ? 'Voted helpful' : 'Vote helpful'}
          </button>
        ) : null}
        {view.can.accept && !answer.hidden ? (
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={accept.isPending}
            onClick={() => void run(accept.mutateAsync({ answerId: answer.accepted ? null : answer.id }))}
          >
            {answer.accepted ? 'Unmark as accepted' : 'Accept this answer'}
          </button>
        ) : null}
        {answer.author.mine ? null : (
          <NoteAction
            open="Report"
            label="What is wrong with this answer?"
            hint="Moderators at the Office of Student Affairs read reports. They do not see who reported."
            submit="Send report"
            min={5}
            done="Thank you: the moderators will look at it."
            onSend={(reason) => report.mutateAsync({ kind: 'answer', id: answer.id, reason })}
          />
        )}
        {view.can.moderate ? (
          <NoteAction
            open={answer.hidden ? 'Unhide' : 'Hide'}
            label="Note to the author"
            submit={answer.hidden ? 'Unhide answer' : 'Hide answer'}
            done={answer.hidden ? 'Answer shown again.' : 'Answer hidden.'}
            onSend={(note) => moderate.mutateAsync({ answerId: answer.id, action: answer.hidden ? 'unhide' : 'hide', note })}
          />
        ) : null}
        {view.can.moderate ? (
          <>
            <NoteAction
              open="Warn"
              label="Note to the author"
              hint="Shown beside the answer to its author; e-mailed to them unless they answered anonymously."
              submit="Send the warning"
              done="Warning sent."
              onSend={(note) => moderate.mutateAsync({ answerId: answer.id, action: 'warn', note })}
            />
            <ModeratorEditAction words={{ body: answer.body }} onSave={(edited) => moderate.mutateAsync({ answerId: answer.id, action: 'edit', ...edited })} />
          </>
        ) : null}
        {view.can.revealAuthor && answer.author.anonymous ? <Revealed kind="answers" id={answer.id} /> : null}
      </div>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </li>
  )
}

function AnswerForm({ view }: { view: QuestionView }) {
  const post = usePostAnswer(view.id)
  const [body, setBody] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(PostAnswer, { body, anonymous })
    const fail = (fields: FieldErrors, text: string | null) => {
      setErrors(fields)
      setMessage(text)
      setAttempt((n) => n + 1)
    }
    if (!checked.ok) return fail(checked.errors, null)
    post.mutateAsync(checked.data).then(
      () => {
        setBody('')
        setAnonymous(false)
        setErrors({})
        setMessage(null)
      },
      (cause: unknown) => {
        const problem = problemFrom(cause, ['body', 'anonymous'])
        fail(problem.fields, problem.message)
      },
    )
  }
  return (
    <form className="card form" noValidate onSubmit={onSubmit} aria-labelledby="answer-heading">
      <h2 id="answer-heading">Answer this question</h2>
      <ErrorSummary message={message} fields={errors} idFor={(f) => `answer-${f}`} labels={{ body: 'Your answer' }} attempt={attempt} />
      <TextAreaField
        id="answer-body"
        label="Your answer"
        hint={view.can.answerAnonymously ? 'What you know from where you stand.' : 'Your name and stage of training appear beside your answer.'}
        rows={6}
        value={body}
        maxLength={COMMUNITY_LIMITS.body}
        error={errors.body}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      {view.can.answerAnonymously ? (
        <div className="field">
          <label className="choice">
            <input
              id="answer-anonymous"
              type="checkbox"
              checked={anonymous}
              onChange={(e) => setAnonymous(e.currentTarget.checked)}
              aria-describedby="answer-anonymous-hint"
            />
            <span>Answer anonymously</span>
          </label>
          <p id="answer-anonymous-hint" className="field-hint">
            Everyone sees “Anonymous student”. Only an administrator can look up who wrote it, and must record why.
          </p>
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={post.isPending}>
          {post.isPending ? 'Posting…' : 'Post answer'}
        </button>
      </div>
    </form>
  )
}

function QuestionTools({ view }: { view: QuestionView }) {
  const follow = useFollow(view.id)
  const report = useReport()
  const moderate = useModerateQuestion(view.id)
  return (
    <div className="answer-actions">
      <button
        type="button"
        className="button button-secondary button-small"
        aria-pressed={view.following}
        disabled={follow.isPending}
        onClick={() => void follow.mutateAsync(!view.following)}
      >
        {view.following ? 'Following: e-mailed new answers' : 'Follow'}
      </button>
      {view.author.mine ? null : (
        <NoteAction
          open="Report"
          label="What is wrong with this question?"
          hint="Moderators at the Office of Student Affairs read reports. They do not see who reported."
          submit="Send report"
          min={5}
          done="Thank you: the moderators will look at it."
          onSend={(reason) => report.mutateAsync({ kind: 'question', id: view.id, reason })}
        />
      )}
      {view.can.moderate ? (
        <>
          <NoteAction
            open={view.locked ? 'Unlock' : 'Lock'}
            label="Note to the asker"
            submit={view.locked ? 'Unlock question' : 'Lock question'}
            done={view.locked ? 'Question unlocked.' : 'Question locked.'}
            onSend={(note) => moderate.mutateAsync({ action: view.locked ? 'unlock' : 'lock', note })}
          />
          <NoteAction
            open={view.hidden ? 'Unhide' : 'Hide'}
            label="Note to the asker"
            submit={view.hidden ? 'Unhide question' : 'Hide question'}
            done={view.hidden ? 'Question shown again.' : 'Question hidden.'}
            onSend={(note) => moderate.mutateAsync({ action: view.hidden ? 'unhide' : 'hide', note })}
          />
          <NoteAction
            open="Warn"
            label="Note to the asker"
            hint="Shown beside the question to its asker; e-mailed to them unless they asked anonymously."
            submit="Send the warning"
            done="Warning sent."
            onSend={(note) => moderate.mutateAsync({ action: 'warn', note })}
          />
          <ModeratorEditAction words={{ title: view.title, body: view.body }} onSave={(edited) => moderate.mutateAsync({ action: 'edit', ...edited })} />
        </>
      ) : null}
      {view.can.revealAuthor && view.author.anonymous ? <Revealed kind="questions" id={view.id} /> : null}
    </div>
  )
}

/** A question with its answers: vote, accept (the asker), follow, report; answer at the foot; moderators' tools beside. */
export function QuestionPage() {
  const { questionId = '' } = useParams()
  const question = useQuestion(questionId)
  usePageTitle(question.data?.title ?? 'Question')
  const q = question.data
  return (
    <div className="page page-narrow">
      <p>
        <Link to={q ? `/community/boards/${encodeURIComponent(q.board)}` : '/community'} className="back-link">
          ← {q ? q.boardName : 'Community'}
        </Link>
      </p>
      {question.isPending ? <Loading /> : null}
      {question.isError ? <QueryError error={question.error} onRetry={() => void question.refetch()} /> : null}
      {q ? (
        <>
          <div className="page-header">
            <p className="question-board">{q.boardName}</p>
            <h1 tabIndex={-1}>{q.title}</h1>
            {q.askedOf ? (
              <p className="question-asked-of">
                Asked of <Link to={`/mentors/${encodeURIComponent(q.askedOf.id)}`}>{q.askedOf.name}</Link>; anyone may answer.
              </p>
            ) : null}
          </div>
          {q.hidden ? (
            <Notice tone="warning">
              {q.heldForReview ? q.moderationNote : `Hidden by a moderator${q.moderationNote ? `: ${q.moderationNote}` : '.'}`} Only you and the moderators see
              it.
            </Notice>
          ) : null}
          {q.locked ? (
            <Notice tone="info">A moderator locked this question: it takes no new answers{q.moderationNote ? ` (${q.moderationNote})` : ''}.</Notice>
          ) : null}
          {!q.hidden && !q.locked && q.moderationNote ? (
            <Notice tone="info">
              {q.author.mine ? 'A moderator’s note to you' : 'A moderator’s note to the author'}: {q.moderationNote}
            </Notice>
          ) : null}
          <article className="card">
            <p className="post-body">{q.body}</p>
            <PostAuthor author={q.author} at={q.createdAt} verb="asked" edited={q.editedByModerator} />
            {q.author.mine && q.author.anonymous ? <p className="field-hint">No one else sees that you asked this: they see “Anonymous student”.</p> : null}
            <QuestionTools view={q} />
          </article>
          <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">{q.answers.length === 1 ? '1 answer' : `${q.answers.length} answers`}</h2>
            {q.answers.length === 0 ? <p className="empty-state">No answers yet.</p> : null}
            <ul className="answer-list">
              {q.answers.map((a) => (
                <Answer key={a.id} answer={a} view={q} />
              ))}
            </ul>
          </section>
          {q.can.answer ? <AnswerForm view={q} /> : null}
        </>
      ) : null}
    </div>
  )
}
