import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { CreateMentorshipRequest } from '#shared/contracts/mentorships.ts'
import type { DirectoryMentorProfile } from '#shared/contracts/directory.ts'
import { MENTOR_OFFERING_LABELS, MENTOR_OFFERINGS, MENTORSHIP_KIND_LABELS, MENTORSHIP_KINDS } from '#shared/enums.ts'
import type { FieldErrors } from '#shared/errors.ts'
import { useMyMentorshipRequests, useRequestMentor } from '../../api/mentorships.ts'
import { ErrorSummary, LiveStatus } from '../../components/feedback.tsx'
import { CheckboxGroup, RadioGroup, TextAreaField, type Option } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { formatDateTime } from '../../components/format.ts'
import { isOpenRequest, REQUEST_STATUS_LABELS } from './mentorship-format.ts'

const FIELD_ORDER = ['kind', 'message', 'goals', 'helpWanted'] as const
const LABELS: Record<string, string> = { kind: 'Kind of mentorship', message: 'Message', goals: 'Your goals', helpWanted: 'Help you would like' }
const fieldId = (field: string) => `mentorship-request-${field}`

const KIND_DESCRIPTIONS = {
  ongoing: 'Meet now and then over months, with goals you set together.',
  'coffee-chat': 'One conversation, for example about a specialty or a decision you face.',
} as const
const KIND_OPTIONS: Option[] = MENTORSHIP_KINDS.map((value) => ({ value, label: MENTORSHIP_KIND_LABELS[value], description: KIND_DESCRIPTIONS[value] }))

function ordered(fields: FieldErrors): FieldErrors {
  const result: FieldErrors = {}
  for (const key of FIELD_ORDER) if (fields[key]) result[key] = fields[key]
  for (const [key, value] of Object.entries(fields)) result[key] ??= value
  return result
}

type Mentor = Pick<DirectoryMentorProfile, 'id' | 'name' | 'offers' | 'accepting' | 'openPlaces'>

/** On a mentor's directory page: a student asks them for mentorship. */
export function RequestMentorshipForm({ mentor }: { mentor: Mentor }) {
  const requests = useMyMentorshipRequests()
  const create = useRequestMentor()
  const [open, setOpen] = useState(false)
  const [kind, setKind] = useState('')
  const [message, setMessage] = useState('')
  const [goals, setGoals] = useState('')
  const [helpWanted, setHelpWanted] = useState<string[]>([])
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [sent, setSent] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    // Opening the form moves focus to it; a keyboard user lands where they type next.
    if (open) heading.current?.focus()
  }, [open])
  const firstName = mentor.name.split(/\s+/)[0] ?? mentor.name

  const existing = requests.data?.sent.find((r) => r.mentor.id === mentor.id && isOpenRequest(r))
  const openSent = requests.data?.openSent ?? 0
  const max = requests.data?.maxOpenRequests ?? null
  const fields = ordered(problem.fields)

  const fail = (next: FormProblem) => {
    setProblem(next)
    setAttempt((n) => n + 1)
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const result = validate(CreateMentorshipRequest, { mentorId: mentor.id, kind: kind || undefined, message, goals, helpWanted })
    if (!result.ok) return fail({ message: null, fields: result.errors })
    setProblem({ message: null, fields: {} })
    try {
      await create.mutateAsync(result.data)
      setSent(`Your request was sent to ${mentor.name}. They usually answer within two weeks; you will get an e-mail either way.`)
      setOpen(false)
    } catch (cause) {
      fail(problemFrom(cause, FIELD_ORDER))
    }
  }

  if (sent) {
    return (
      <div className="mentorship-request-done">
        <LiveStatus message={sent} />
        <p>
          <Link className="button" to="/mentorships">
            See my mentorships
          </Link>
        </p>
      </div>
    )
  }

  if (existing) {
    return (
      <div className="notice notice-info">
        <p>
          You asked {firstName} on {formatDateTime(existing.createdAt)}. {REQUEST_STATUS_LABELS[existing.status]}
          {existing.viewedAt ? ` (seen ${formatDateTime(existing.viewedAt)})` : ''}.
        </p>
        <p>
          <Link to="/mentorships">See my mentorships</Link>
        </p>
      </div>
    )
  }

  if (!mentor.accepting || mentor.openPlaces <= 0) {
    return <p>{firstName} is not taking new mentees right now. Look for another mentor, or ask your advisor for an introduction.</p>
  }

  if (!open) {
    return (
      <>
        <p>
          Ask {firstName} to mentor you. Say who you are, what you hope for and what help you would like.
          {max !== null ? ` You have ${openSent} of ${max} open requests.` : ''}
        </p>
        <p>
          <button type="button" className="button" aria-expanded="false" onClick={() => setOpen(true)}>
            Request mentorship
          </button>
        </p>
      </>
    )
  }

  const offers = new Set<string>(mentor.offers)
  const helpOptions: Option[] = MENTOR_OFFERINGS.map((value) => ({
    value,
    label: `${MENTOR_OFFERING_LABELS[value]}${offers.has(value) ? '' : ' (not listed)'}`,
  }))

  return (
    <div className="mentorship-request">
      <ErrorSummary message={problem.message} fields={fields} idFor={fieldId} labels={LABELS} attempt={attempt} />
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="form" aria-labelledby="mentorship-request-title">
        <h3 id="mentorship-request-title" ref={heading} tabIndex={-1}>
          Request mentorship from {mentor.name}
        </h3>
        <RadioGroup id={fieldId('kind')} name="kind" label="What would you like?" options={KIND_OPTIONS} value={kind} onChange={setKind} error={fields.kind} />
        <TextAreaField
          id={fieldId('message')}
          label="Message"
          hint={`Introduce yourself to ${firstName}: your year, your interests, why them.`}
          maxLength={2000}
          rows={5}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          error={fields.message}
        />
        <TextAreaField
          id={fieldId('goals')}
          label="Your goals (optional)"
          hint="What you hope to get out of it, for example: choose between internal medicine and emergency medicine by spring."
          maxLength={2000}
          rows={3}
          value={goals}
          onChange={(e) => setGoals(e.currentTarget.value)}
          error={fields.goals}
        />
        <CheckboxGroup
          id={fieldId('helpWanted')}
          name="helpWanted"
          label="Help you would like"
          hint={`Choose at least one. “Not listed” means ${firstName} does not list it among what they offer.`}
          options={helpOptions}
          values={helpWanted}
          onChange={setHelpWanted}
          error={fields.helpWanted}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? 'Sending…' : 'Send request'}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setOpen(false)
              setProblem({ message: null, fields: {} })
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    </div>
  )
}
