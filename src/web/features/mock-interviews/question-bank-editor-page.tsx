import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { QuestionInput, type QuestionBankEditor } from '#shared/contracts/mock-interviews.ts'
import { MOCK_QUESTION_KIND_LABELS, MOCK_QUESTION_KINDS, type MockQuestionKind } from '#shared/enums.ts'
import { SPECIALTIES_BY_NAME } from '#shared/reference/specialties.ts'
import { ErrorSummary, LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { SelectField, TextAreaField, TextField } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { plural } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useCreateQuestion, useQuestionBankEditor, useUpdateQuestion } from './api.ts'
import './mock-interviews.css'

type Question = QuestionBankEditor['questions'][number]
type Draft = { text: string; specialtyId: string; kind: string; tags: string }
const FIELDS = ['text', 'specialtyId', 'kind', 'tags'] as const
const LABELS: Record<string, string> = { text: 'Question', specialtyId: 'Specialty', kind: 'Kind', tags: 'Tags' }
const EVERY = 'every'
const EMPTY: Draft = { text: '', specialtyId: EVERY, kind: 'traditional', tags: '' }

const draftOf = (q: Question): Draft => ({ text: q.text, specialtyId: q.specialtyId ?? EVERY, kind: q.kind, tags: q.tags.join(', ') })
const inputOf = (d: Draft, retired: boolean) => ({
  text: d.text,
  specialtyId: d.specialtyId === EVERY ? null : d.specialtyId,
  kind: d.kind as MockQuestionKind,
  tags: d.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean),
  retired,
})

/** One question's form, for a new question or to edit one; `prefix` keeps its controls' ids apart. */
function QuestionForm({
  prefix,
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  prefix: string
  initial: Draft
  submitLabel: string
  onSave: (input: QuestionInput) => Promise<unknown>
  onCancel?: () => void
}) {
  const [draft, setDraft] = useState(initial)
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [pending, setPending] = useState(false)
  const idFor = (field: string) => `${prefix}-${FIELDS.includes(field as (typeof FIELDS)[number]) ? field : 'text'}`
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }))

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const result = validate(QuestionInput, inputOf(draft, false))
    if (!result.ok) {
      setProblem({ message: null, fields: result.errors })
      setAttempt((n) => n + 1)
      return
    }
    setPending(true)
    try {
      await onSave(result.data)
      setProblem({ message: null, fields: {} })
      if (!onCancel) setDraft(EMPTY)
    } catch (cause) {
      setProblem(problemFrom(cause, FIELDS))
      setAttempt((n) => n + 1)
    } finally {
      setPending(false)
    }
  }

  return (
    <>
      <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
      <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
        <TextAreaField
          id={idFor('text')}
          label="Question"
          rows={3}
          maxLength={600}
          value={draft.text}
          onChange={(e) => set('text', e.currentTarget.value)}
          error={problem.fields.text}
        />
        <div className="mock-form-row">
          <SelectField
            id={idFor('specialtyId')}
            label="Specialty"
            options={[{ value: EVERY, label: 'Every specialty' }, ...SPECIALTIES_BY_NAME.map((s) => ({ value: s.id, label: s.name }))]}
            value={draft.specialtyId}
            onChange={(e) => set('specialtyId', e.currentTarget.value)}
            error={problem.fields.specialtyId}
          />
          <SelectField
            id={idFor('kind')}
            label="Kind"
            options={MOCK_QUESTION_KINDS.map((k) => ({ value: k, label: MOCK_QUESTION_KIND_LABELS[k] }))}
            value={draft.kind}
            onChange={(e) => set('kind', e.currentTarget.value)}
            error={problem.fields.kind}
          />
        </div>
        <TextField
          id={idFor('tags')}
          label="Tags (optional)"
          hint="Up to six, separated by commas, such as: ethics, teamwork."
          value={draft.tags}
          onChange={(e) => set('tags', e.currentTarget.value)}
          error={problem.fields.tags}
          autoComplete="off"
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={pending}>
            {pending ? 'Saving…' : submitLabel}
          </button>
          {onCancel ? (
            <button type="button" className="button button-secondary" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </>
  )
}

function QuestionItem({ question, onSaved }: { question: Question; onSaved: (message: string) => void }) {
  const update = useUpdateQuestion()
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const where = question.specialtyName ?? 'Every specialty'
  const short = question.text.length > 60 ? `${question.text.slice(0, 57)}…` : question.text
  const toggle = async () => {
    setError(null)
    try {
      await update.mutateAsync({ id: question.id, input: QuestionInput.parse(inputOf(draftOf(question), !question.retired)) })
      onSaved(question.retired ? `Restored: “${short}” is back in students’ question bank.` : `Retired: “${short}” is no longer shown to students.`)
    } catch (cause) {
      setError(problemFrom(cause, FIELDS).message ?? 'That did not work.')
    }
  }
  return (
    <li className="card mock-card">
      {editing ? (
        <QuestionForm
          prefix={`question-${question.id}`}
          initial={draftOf(question)}
          submitLabel="Save the question"
          onCancel={() => setEditing(false)}
          onSave={async (input) => {
            await update.mutateAsync({ id: question.id, input: { ...input, retired: question.retired } })
            setEditing(false)
            onSaved(`Saved: “${short}”.`)
          }}
        />
      ) : (
        <>
          <p className="mock-kind">
            {where} · {MOCK_QUESTION_KIND_LABELS[question.kind]}
          </p>
          <p className="mock-question-text">{question.text}</p>
          {question.tags.length ? <p className="mock-tags">Tags: {question.tags.join(', ')}</p> : null}
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              Edit<span className="visually-hidden"> “{short}”</span>
            </button>
            <button type="button" className="button button-secondary" disabled={update.isPending} onClick={() => void toggle()}>
              {question.retired ? 'Restore' : 'Retire'}
              <span className="visually-hidden"> “{short}”</span>
            </button>
          </div>
          {error ? (
            <p role="alert" className="field-error">
              {error}
            </p>
          ) : null}
        </>
      )}
    </li>
  )
}

/** The office's question bank: the school's own questions by specialty and kind, added, edited, retired and restored. */
export function QuestionBankEditorPage() {
  usePageTitle('Mock interview questions')
  const bank = useQuestionBankEditor()
  const create = useCreateQuestion()
  const [status, setStatus] = useState<string | null>(null)
  const [specialty, setSpecialty] = useState('')
  const shown = (bank.data?.questions ?? []).filter((q) => !specialty || (specialty === EVERY ? q.specialtyId === null : q.specialtyId === specialty))
  const inUse = shown.filter((q) => !q.retired)
  const retired = shown.filter((q) => q.retired)

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Mock interview questions</h1>
        <p className="lead">
          The school’s own interview questions. Students see the questions of their declared specialty and those for every specialty beside their mock
          interviews. A retired question leaves their list and can be restored.
        </p>
        <p>
          <Link to="/admin/mock-interviews/rubric">Edit the rubric</Link>
        </p>
      </div>
      <section aria-labelledby="question-new" className="mock-section">
        <h2 id="question-new">Add a question</h2>
        <div className="card">
          <QuestionForm
            prefix="question-new"
            initial={EMPTY}
            submitLabel="Add the question"
            onSave={async (input) => {
              await create.mutateAsync(input)
              setStatus('Added. Students of that specialty see it now.')
            }}
          />
        </div>
      </section>
      <LiveStatus message={status} />
      {bank.isPending ? <Loading label="Loading the questions…" /> : null}
      {bank.isError ? <QueryError error={bank.error} onRetry={() => void bank.refetch()} /> : null}
      {bank.data ? (
        <>
          <section aria-labelledby="question-in-use" className="mock-section">
            <h2 id="question-in-use">Questions in use</h2>
            <SelectField
              id="question-filter"
              label="Show the questions of"
              options={[{ value: EVERY, label: 'Every specialty (general questions)' }, ...SPECIALTIES_BY_NAME.map((s) => ({ value: s.id, label: s.name }))]}
              placeholder="All specialties"
              value={specialty}
              onChange={(e) => setSpecialty(e.currentTarget.value)}
            />
            <p className="mock-count" role="status">
              {plural(inUse.length, 'question', 'questions')} in use, {retired.length} retired.
            </p>
            {inUse.length === 0 ? <p className="empty-state">No questions in use here yet.</p> : null}
            <ul className="mock-list">
              {inUse.map((q) => (
                <QuestionItem key={q.id} question={q} onSaved={setStatus} />
              ))}
            </ul>
          </section>
          <section aria-labelledby="question-retired" className="mock-section">
            <h2 id="question-retired">Retired questions</h2>
            {retired.length === 0 ? <p className="empty-state">None.</p> : null}
            <ul className="mock-list">
              {retired.map((q) => (
                <QuestionItem key={q.id} question={q} onSaved={setStatus} />
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  )
}
