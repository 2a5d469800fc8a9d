import { type FormEvent, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { AskQuestion, COMMUNITY_LIMITS, findCommunityBoard } from '#shared/contracts/community.ts'
import type { FieldErrors } from '#shared/errors.ts'
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../components/fields.tsx'
import { ErrorSummary } from '../../components/feedback.tsx'
import { problemFrom, validate } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useAskQuestion, useBoards, usePersonActivity } from './api.ts'
import './community.css'

// A refused mentor has no field on the form: its words join the summary's message.
const FIELDS = ['board', 'title', 'body', 'anonymous'] as const
const LABELS = { board: 'Board', title: 'Your question', body: 'Details', anonymous: 'Who sees your name' }
const idFor = (field: string) => `ask-${field}`

const KIND_WORDS = { topic: '', specialty: ' (specialty)', identity: ' (members only)' } as const

/**
 * Ask a question on a board, by name or anonymously; the anonymous choice says plainly who can
 * ever see the author. From a mentor's profile (`?mentor=`), the question is asked of them, in public.
 */
export function AskPage() {
  const [params] = useSearchParams()
  const mentorId = params.get('mentor') ?? ''
  const mentor = usePersonActivity(mentorId)
  const mentorName = mentorId ? mentor.data?.name : undefined
  usePageTitle(mentorName ? `Ask ${mentorName} a question` : 'Ask a question')
  const navigate = useNavigate()
  const ask = useAskQuestion()
  const preset = params.get('board') ?? ''
  const [board, setBoard] = useState(findCommunityBoard(preset) ? preset : '')
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [anonymous, setAnonymous] = useState('named')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  // The boards this person may post on: a members-only board they have not joined is not offered.
  // A mentor is asked on an open board only.
  const boards = useBoards()
  const boardOptions = (boards.data?.boards ?? [])
    .filter((b) => !(mentorId && b.membersOnly))
    .map((b) => ({ value: b.id, label: `${b.name}${KIND_WORDS[b.kind]}` }))

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(AskQuestion, { board, title, body, anonymous: anonymous === 'anonymous', ...(mentorId ? { mentorId } : {}) })
    if (!checked.ok) {
      setErrors(checked.errors)
      setMessage(null)
      setAttempt((n) => n + 1)
      return
    }
    ask.mutateAsync(checked.data).then(
      (view) => navigate(`/community/questions/${view.id}`),
      (cause: unknown) => {
        const problem = problemFrom(cause, FIELDS)
        setErrors(problem.fields)
        setMessage(problem.message)
        setAttempt((n) => n + 1)
      },
    )
  }

  return (
    <div className="page page-narrow">
      <p>
        <Link to="/community" className="back-link">
          ← Community
        </Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>{mentorName ? `Ask ${mentorName} a question` : 'Ask a question'}</h1>
        {mentorId ? (
          <p className="lead">
            {mentorName ?? 'The mentor'} is e-mailed your question and it names them. It is still public: mentors, residents, alumni and other students see it
            and may answer too. You are e-mailed when someone answers; if you ask anonymously, once a day, without naming the question.
          </p>
        ) : (
          <p className="lead">
            Mentors, residents, alumni and other students will see it and may answer. You are e-mailed when someone does; if you ask anonymously, once a day,
            without naming the question.
          </p>
        )}
      </div>
      <form className="card form" noValidate onSubmit={onSubmit}>
        <ErrorSummary message={message} fields={errors} idFor={idFor} labels={LABELS} attempt={attempt} />
        <SelectField
          id={idFor('board')}
          label={LABELS.board}
          placeholder="Choose a board"
          options={boardOptions}
          value={board}
          error={errors.board}
          onChange={(e) => setBoard(e.currentTarget.value)}
        />
        <TextField
          id={idFor('title')}
          label={LABELS.title}
          hint="One line, for example: “How did you choose between EM and IM?”"
          value={title}
          maxLength={COMMUNITY_LIMITS.title}
          error={errors.title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <TextAreaField
          id={idFor('body')}
          label={LABELS.body}
          hint="What would help someone answer? Leave out anything that would identify you or a patient."
          value={body}
          rows={7}
          maxLength={COMMUNITY_LIMITS.body}
          error={errors.body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <RadioGroup
          id={idFor('anonymous')}
          name="anonymous"
          label={LABELS.anonymous}
          error={errors.anonymous}
          value={anonymous}
          onChange={setAnonymous}
          options={[
            { value: 'named', label: 'Ask with my name', description: 'Everyone in the community sees your name and class year beside the question.' },
            {
              value: 'anonymous',
              label: 'Ask anonymously',
              description:
                'Everyone sees “Anonymous student”: other students, mentors, advisors and deans. Your name is not on the question, in search, in e-mails, or in any count of your posts. Preceptor keeps who asked in case of abuse: only an administrator can look it up, one question at a time, and must write down why; that look-up is recorded.',
            },
          ]}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={ask.isPending}>
            {ask.isPending ? 'Posting…' : 'Post question'}
          </button>
          <Link to="/community" className="button button-ghost">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  )
}
