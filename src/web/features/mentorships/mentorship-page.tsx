import { useId, useState, type FormEvent } from 'react'
import { Link, useParams } from 'react-router'
import type { MentorshipView } from '#shared/contracts/mentorships.ts'
import { MENTORSHIP_CLOSURE_REASONS, type MentorshipClosureReason } from '#shared/enums.ts'
import { errorMessage } from '../../api/client.ts'
import { useSession } from '../../api/identity.ts'
import {
  useAddActionItem,
  useAddGoal,
  useAddNote,
  useCloseMentorship,
  useMakeOngoing,
  useMentorship,
  useUpdateActionItem,
  useUpdateGoal,
} from '../../api/mentorships.ts'
import { LiveStatus } from '../../components/feedback.tsx'
import { RadioGroup, TextAreaField, TextField, optionsFrom } from '../../components/fields.tsx'
import { formatDateTime } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { PageError, PageLoading } from '../../components/status-pages.tsx'
import { MessagesSection } from '../messages/messages-section.tsx'
import { MeetingsSection } from './meetings-section.tsx'
import { CLOSURE_REASON_LABELS, formatIsoDate, KIND_SHORT } from './mentorship-format.ts'

type Say = (message: string) => void
const CLOSURE_OPTIONS = optionsFrom(MENTORSHIP_CLOSURE_REASONS, CLOSURE_REASON_LABELS)
const PROGRESS_OPTIONS = [0, 25, 50, 75, 100]

function InlineError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="field-error">
      {error}
    </p>
  ) : null
}

function GoalsBlock({ mentorship, active, say }: { mentorship: MentorshipView; active: boolean; say: Say }) {
  const add = useAddGoal(mentorship.id)
  const update = useUpdateGoal(mentorship.id)
  const [title, setTitle] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const onAdd = (event: FormEvent) => {
    event.preventDefault()
    if (!title.trim()) {
      setFieldError('Write the goal first.')
      document.getElementById('goal-new')?.focus()
      return
    }
    setFieldError(undefined)
    add.mutate(title.trim(), {
      onSuccess: () => {
        setTitle('')
        say(`Goal added: ${title.trim()}.`)
      },
      onError: (f) => setError(errorMessage(f)),
    })
  }
  return (
    <section className="card mentorship-block" aria-labelledby="goals-title">
      <h2 id="goals-title">Goals</h2>
      {mentorship.goals.length === 0 ? <p className="empty">No goals yet. Agree on one or two together.</p> : null}
      <ul className="goal-list">
        {mentorship.goals.map((goal) => (
          <li key={goal.id} className="goal">
            <p className="goal-title">{goal.title}</p>
            <div className="goal-progress">
              <span className="progress-track" aria-hidden="true">
                <span className="progress-fill" style={{ width: `${goal.progress}%` }} />
              </span>
              {active ? (
                <label className="goal-progress-select">
                  <span className="visually-hidden">Progress on “{goal.title}”</span>
                  <select
                    value={PROGRESS_OPTIONS.includes(goal.progress) ? String(goal.progress) : String(goal.progress)}
                    onChange={(e) => {
                      const progress = Number(e.currentTarget.value)
                      update.mutate(
                        { goalId: goal.id, progress },
                        { onSuccess: () => say(`“${goal.title}” is ${progress}% done.`), onError: (f) => setError(errorMessage(f)) },
                      )
                    }}
                  >
                    {[...new Set([...PROGRESS_OPTIONS, goal.progress])]
                      .sort((a, b) => a - b)
                      .map((p) => (
                        <option key={p} value={p}>
                          {p}% done
                        </option>
                      ))}
                  </select>
                </label>
              ) : (
                <span>{goal.progress}% done</span>
              )}
            </div>
          </li>
        ))}
      </ul>
      <InlineError error={error} />
      {active ? (
        <form noValidate className="inline-add" onSubmit={onAdd}>
          <TextField id="goal-new" label="New goal" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={300} error={fieldError} />
          <button type="submit" className="button button-secondary" disabled={add.isPending}>
            Add goal
          </button>
        </form>
      ) : null}
    </section>
  )
}

function ActionItemsBlock({ mentorship, active, say }: { mentorship: MentorshipView; active: boolean; say: Say }) {
  const add = useAddActionItem(mentorship.id)
  const update = useUpdateActionItem(mentorship.id)
  const [title, setTitle] = useState('')
  const [dueDate, setDueDate] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const items = [...mentorship.actionItems].sort((a, b) => Number(a.done) - Number(b.done) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'))
  const onAdd = (event: FormEvent) => {
    event.preventDefault()
    if (!title.trim()) {
      setFieldError('Say what is to be done.')
      document.getElementById('action-new')?.focus()
      return
    }
    setFieldError(undefined)
    add.mutate(
      { title: title.trim(), dueDate: dueDate || null },
      {
        onSuccess: () => {
          setTitle('')
          setDueDate('')
          say(`Action item added: ${title.trim()}.`)
        },
        onError: (f) => setError(errorMessage(f)),
      },
    )
  }
  return (
    <section className="card mentorship-block" aria-labelledby="actions-title">
      <h2 id="actions-title">Action items</h2>
      {items.length === 0 ? <p className="empty">Nothing to do yet.</p> : null}
      <ul className="action-list">
        {items.map((item) => (
          <li key={item.id} className={item.done ? 'action-item is-done' : 'action-item'}>
            <label className="choice">
              <input
                type="checkbox"
                checked={item.done}
                disabled={!active}
                onChange={(e) => {
                  const done = e.currentTarget.checked
                  update.mutate(
                    { itemId: item.id, done },
                    { onSuccess: () => say(`“${item.title}” marked ${done ? 'done' : 'not done'}.`), onError: (f) => setError(errorMessage(f)) },
                  )
                }}
              />
              <span>
                {item.title}
                {item.dueDate ? <span className="choice-description">Due {formatIsoDate(item.dueDate)}</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <InlineError error={error} />
      {active ? (
        <form noValidate className="inline-add" onSubmit={onAdd}>
          <TextField
            id="action-new"
            label="New action item"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={300}
            error={fieldError}
          />
          <TextField id="action-due" type="date" label="Due (optional)" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} />
          <button type="submit" className="button button-secondary" disabled={add.isPending}>
            Add item
          </button>
        </form>
      ) : null}
    </section>
  )
}

function NotesBlock({ mentorship, viewerId, active, say }: { mentorship: MentorshipView; viewerId: string; active: boolean; say: Say }) {
  const add = useAddNote(mentorship.id)
  const [body, setBody] = useState('')
  const [visibility, setVisibility] = useState('shared')
  const [fieldError, setFieldError] = useState<string | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const other = mentorship.student.id === viewerId ? mentorship.mentor : mentorship.student
  const notes = [...mentorship.notes].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  const onAdd = (event: FormEvent) => {
    event.preventDefault()
    if (!body.trim()) {
      setFieldError('Write the note first.')
      document.getElementById('note-new')?.focus()
      return
    }
    setFieldError(undefined)
    add.mutate(
      { body: body.trim(), visibility: visibility === 'private' ? 'private' : 'shared' },
      {
        onSuccess: () => {
          setBody('')
          say(visibility === 'private' ? 'Private note saved. Only you can see it.' : `Note shared with ${other.name}.`)
        },
        onError: (f) => setError(errorMessage(f)),
      },
    )
  }
  return (
    <section className="card mentorship-block" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      {notes.length === 0 ? <p className="empty">No notes yet.</p> : null}
      <ul className="note-list">
        {notes.map((note) => (
          <li key={note.id} className={`note note-${note.visibility}`}>
            <p className="note-meta">
              {note.visibility === 'private' ? <span className="note-private-label">Only you can see this note</span> : <span>Shared</span>} ·{' '}
              {note.author.id === viewerId ? 'You' : note.author.name}, {formatDateTime(note.createdAt)}
            </p>
            <p className="prose">{note.body}</p>
          </li>
        ))}
      </ul>
      <InlineError error={error} />
      {active ? (
        <form noValidate className="form" onSubmit={onAdd}>
          <TextAreaField
            id="note-new"
            label="New note"
            rows={4}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={fieldError}
          />
          <RadioGroup
            id="note-visibility"
            name="note-visibility"
            label="Who sees it"
            value={visibility}
            onChange={setVisibility}
            options={[
              { value: 'shared', label: `Shared with ${other.name}` },
              { value: 'private', label: 'Private to me', description: 'Only you can see this note. Not shown to the other side.' },
            ]}
          />
          <div className="button-row">
            <button type="submit" className="button button-secondary" disabled={add.isPending}>
              Save note
            </button>
          </div>
        </form>
      ) : null}
    </section>
  )
}

function CloseBlock({ mentorship, say }: { mentorship: MentorshipView; say: Say }) {
  const close = useCloseMentorship(mentorship.id)
  const id = useId()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  if (!open) {
    return (
      <section className="card mentorship-block" aria-labelledby={`close-${id}`}>
        <h2 id={`close-${id}`}>Close the mentorship</h2>
        <p>When it has run its course. Closing frees a place for another student; your notes stay here to read.</p>
        <button type="button" className="button button-danger-outline" onClick={() => setOpen(true)}>
          Close the mentorship…
        </button>
      </section>
    )
  }
  const onClose = (event: FormEvent) => {
    event.preventDefault()
    if (!reason) {
      setReasonError('Choose a reason from the list.')
      document.getElementById('close-reason')?.querySelector('input')?.focus()
      return
    }
    setReasonError(undefined)
    close.mutate(
      { reason: reason as MentorshipClosureReason, thankYouNote: note.trim() },
      { onSuccess: () => say('The mentorship is closed. Thank you for the time you gave each other.'), onError: (f) => setError(errorMessage(f)) },
    )
  }
  return (
    <section className="card mentorship-block" aria-labelledby={`close-${id}`}>
      <h2 id={`close-${id}`}>Close the mentorship</h2>
      <form noValidate className="form" onSubmit={onClose}>
        <RadioGroup
          id="close-reason"
          name="close-reason"
          label="Why are you closing it?"
          options={CLOSURE_OPTIONS}
          value={reason}
          onChange={setReason}
          error={reasonError}
        />
        <TextAreaField
          id="close-note"
          label="Thank-you note (optional)"
          hint="Sent to the other side with the closing."
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <InlineError error={error} />
        <div className="button-row">
          <button type="submit" className="button button-danger" disabled={close.isPending}>
            Close the mentorship
          </button>
          <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
            Keep it open
          </button>
        </div>
      </form>
    </section>
  )
}

export function MentorshipPage() {
  const { mentorshipId = '' } = useParams()
  const { data: session } = useSession()
  const viewerId = session?.person.id ?? ''
  const mentorship = useMentorship(mentorshipId)
  const makeOngoing = useMakeOngoing(mentorshipId)
  const [announcement, setAnnouncement] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const m = mentorship.data
  const other = m ? (m.student.id === viewerId ? m.mentor : m.student) : null
  usePageTitle(other ? `Mentorship with ${other.name}` : 'Mentorship')

  if (mentorship.isPending) return <PageLoading title="Mentorship" label="Loading the mentorship…" />
  if (mentorship.isError) {
    return (
      <PageError
        title="Mentorship"
        error={mentorship.error}
        onRetry={() => void mentorship.refetch()}
        back={{ to: '/mentorships', label: 'Go to my mentorships' }}
      />
    )
  }
  if (!m || !other) return null
  const active = m.status === 'active'
  const viewerIsMentor = m.mentor.id === viewerId

  return (
    <div className="page mentorship-page">
      <p className="back-link">
        <Link to="/mentorships">← My mentorships</Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>Mentorship with {other.name}</h1>
        <p className="lead">
          {viewerIsMentor ? 'Your mentee' : 'Your mentor'} · {KIND_SHORT[m.kind]} · began {formatDateTime(m.startedAt)}
          {m.status === 'closed' ? ` · closed ${formatDateTime(m.closedAt)}` : ''}
        </p>
      </div>
      <LiveStatus message={announcement} />
      {m.status === 'closed' ? (
        <div className="notice notice-info">
          <p>This mentorship is closed{m.closureReason ? `: ${CLOSURE_REASON_LABELS[m.closureReason].toLowerCase()}` : ''}.</p>
          {m.thankYouNote ? <p className="prose">“{m.thankYouNote}”</p> : null}
        </div>
      ) : null}
      {active && m.kind === 'coffee-chat' ? (
        <div className="notice notice-info">
          <p>This began as a one-off conversation. If you both want to keep meeting, make it an ongoing mentorship.</p>
          <InlineError error={error} />
          <button
            type="button"
            className="button button-secondary"
            disabled={makeOngoing.isPending}
            onClick={() =>
              makeOngoing.mutate(undefined, { onSuccess: () => setAnnouncement('It is now an ongoing mentorship.'), onError: (f) => setError(errorMessage(f)) })
            }
          >
            Make it ongoing
          </button>
        </div>
      ) : null}
      <div className="mentorship-grid">
        <MeetingsSection mentorship={m} viewerId={viewerId} say={setAnnouncement} />
        {/* Messages are the two people's own: staff who oversee the mentorship do not see them. */}
        {viewerIsMentor || m.student.id === viewerId ? <MessagesSection mentorshipId={m.id} say={setAnnouncement} /> : null}
        <GoalsBlock mentorship={m} active={active} say={setAnnouncement} />
        <ActionItemsBlock mentorship={m} active={active} say={setAnnouncement} />
        <NotesBlock mentorship={m} viewerId={viewerId} active={active} say={setAnnouncement} />
        {active ? <CloseBlock mentorship={m} say={setAnnouncement} /> : null}
      </div>
    </div>
  )
}
