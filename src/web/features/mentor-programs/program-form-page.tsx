import type { FormEvent } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { CreateMentorProgram, PAIRING_METHODS, type MentorProgramView, type PairingMethod } from '#shared/contracts/mentor-programs.ts'
import { CLASS_YEAR_LABELS, CLASS_YEARS, type ClassYear } from '#shared/enums.ts'
import { AppError, type FieldErrors } from '#shared/errors.ts'
import { errorMessage } from '../../api/client.ts'
import { ErrorSummary, Loading, QueryError } from '../../components/feedback.tsx'
import { CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from '../../components/fields.tsx'
import { validate, type FormProblem } from '../../components/form-errors.ts'
import { useRecordDraft } from '../../components/use-record-draft.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useCreateProgram, useProgram, usePrograms, useUpdateProgram } from './api.ts'
import './mentor-programs.css'

type Draft = {
  name: string
  description: string
  pairingMethod: PairingMethod
  maxPerMentor: string
  classYears: string[]
  students: string
  mentors: string
  rankingDeadline: string
  keepFromProgramId: string
}

const EMPTY: Draft = {
  name: '',
  description: '',
  pairingMethod: 'max-fit',
  maxPerMentor: '2',
  classYears: [],
  students: '',
  mentors: '',
  rankingDeadline: '',
  keepFromProgramId: '',
}

const FIELDS = [
  'name',
  'description',
  'pairingMethod',
  'maxPerMentor',
  'classYears',
  'studentEmails',
  'mentors',
  'rankingDeadline',
  'keepFromProgramId',
] as const
const LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  pairingMethod: 'How pairs are made',
  maxPerMentor: 'Most students per mentor',
  classYears: 'Class years',
  studentEmails: 'Students',
  mentors: 'Mentors',
  rankingDeadline: 'Ranking deadline',
  keepFromProgramId: 'Keep pairs from',
}
const idFor = (field: string) => `program-${FIELDS.includes(field as (typeof FIELDS)[number]) ? field : 'name'}`

const METHOD_OPTIONS = PAIRING_METHODS.map((value) => ({
  value,
  label: value === 'student-ranks' ? 'Students rank mentors' : 'Best total fit',
  description:
    value === 'student-ranks'
      ? 'Each student puts the program’s mentors in order; mentors prefer the students they fit best. The pairing is stable: no student and mentor would both rather be together than with whom they got.'
      : 'Preceptor pairs as many students as the seats allow and, among those pairings, the one with the largest total fit (specialty, help wanted, stage, site, research). Proven optimal.',
}))

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')

function draftFrom(view: MentorProgramView): Draft {
  return {
    name: view.name,
    description: view.description,
    pairingMethod: view.pairingMethod,
    maxPerMentor: String(view.maxPerMentor),
    classYears: view.classYears,
    students: view.students
      .filter((s) => s.source === 'listed')
      .map((s) => s.email)
      .join('\n'),
    mentors: view.mentors.map((m) => (m.capacity === null ? m.email : `${m.email}, ${m.capacity}`)).join('\n'),
    rankingDeadline: view.rankingDeadline ? view.rankingDeadline.slice(0, 10) : '',
    keepFromProgramId: view.keepFromProgram?.id ?? '',
  }
}

/** Turns a line "e-mail" or "e-mail, capacity" into a mentor entry; a bad capacity is reported by line. */
function parseMentors(text: string): { mentors: { email: string; capacity: number | null }[]; errors: string[] } {
  const errors: string[] = []
  const mentors = lines(text).map((line, i) => {
    const [email = '', capacity = ''] = line.split(',').map((part) => part.trim())
    if (capacity !== '' && !/^\d+$/.test(capacity)) errors.push(`Line ${i + 1}: the capacity after the comma must be a whole number.`)
    return { email, capacity: capacity === '' || !/^\d+$/.test(capacity) ? null : Number(capacity) }
  })
  return { mentors, errors }
}

/** Server errors keyed `studentEmails.3` or `mentors.2.email` become one message per list, by line. */
function listProblems(error: unknown): FormProblem {
  if (!(error instanceof AppError) || !error.fields) return { message: errorMessage(error), fields: {} }
  const grouped: Record<string, string[]> = {}
  for (const [path, text] of Object.entries(error.fields)) {
    const [field = 'name', index] = path.split('.')
    const known = FIELDS.includes(field as (typeof FIELDS)[number]) ? field : 'name'
    grouped[known] = [...(grouped[known] ?? []), index !== undefined && /^\d+$/.test(index) ? `Line ${Number(index) + 1}: ${text}` : text]
  }
  const fields: FieldErrors = {}
  for (const [field, texts] of Object.entries(grouped)) fields[field] = texts.slice(0, 6).join(' ') + (texts.length > 6 ? ` And ${texts.length - 6} more.` : '')
  return { message: error.message, fields }
}

/** Create a program, or edit one before it is published. */
export function MentorProgramFormPage() {
  const { mentorProgramId } = useParams()
  const editing = mentorProgramId !== undefined
  usePageTitle(editing ? 'Edit mentor program' : 'New mentor program')
  const navigate = useNavigate()
  const existing = useProgram(mentorProgramId ?? '', editing)
  const programs = usePrograms()
  const create = useCreateProgram()
  const update = useUpdateProgram(mentorProgramId ?? '')
  const { draft, problem, attempt, set, fail, clearProblem } = useRecordDraft(editing, existing.data, EMPTY, draftFrom)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!draft) return
    const { mentors, errors: mentorErrors } = parseMentors(draft.mentors)
    const input = {
      name: draft.name,
      description: draft.description,
      pairingMethod: draft.pairingMethod,
      maxPerMentor: /^\d+$/.test(draft.maxPerMentor.trim()) ? Number(draft.maxPerMentor.trim()) : Number.NaN,
      classYears: draft.classYears as ClassYear[],
      studentEmails: lines(draft.students).map((e) => e.toLowerCase()),
      mentors,
      rankingDeadline: draft.rankingDeadline ? `${draft.rankingDeadline}T23:59:00Z` : null,
      keepFromProgramId: draft.keepFromProgramId || null,
    }
    const result = validate(CreateMentorProgram, input)
    const fields: FieldErrors = result.ok ? {} : { ...result.errors }
    if (result.ok === false && fields.studentEmails) fields.studentEmails = `Write one e-mail address a line. ${fields.studentEmails}`
    if (mentorErrors.length > 0) fields.mentors = mentorErrors.join(' ')
    if (Number.isNaN(input.maxPerMentor)) fields.maxPerMentor = 'Enter a whole number from 1 to 50.'
    if (!result.ok || Object.keys(fields).length > 0) return fail({ message: null, fields })
    clearProblem()
    try {
      const saved = editing ? await update.mutateAsync(result.data) : await create.mutateAsync(result.data)
      navigate(`/admin/programs/${saved.id}`, { state: { saved: editing ? 'Program saved.' : 'Program created.' } })
    } catch (cause) {
      fail(listProblems(cause))
    }
  }

  const pending = create.isPending || update.isPending
  const keepOptions = (programs.data?.programs ?? [])
    .filter((p) => p.id !== mentorProgramId && (p.status === 'published' || p.status === 'archived'))
    .map((p) => ({ value: p.id, label: p.name }))

  return (
    <div className="page page-narrow">
      <p>
        <Link to={editing ? `/admin/programs/${mentorProgramId}` : '/admin/programs'} className="back-link">
          ← {editing ? 'Back to the program' : 'All programs'}
        </Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>{editing ? 'Edit mentor program' : 'New mentor program'}</h1>
        <p className="lead">
          Who takes part, how many students each mentor takes, and how pairs are made. Nothing is sent to anyone until you open the ranking or publish.
        </p>
      </div>
      {editing && existing.isPending ? <Loading /> : null}
      {editing && existing.isError ? <QueryError error={existing.error} onRetry={() => void existing.refetch()} /> : null}
      {editing && existing.data?.status === 'review' ? (
        <p className="notice notice-warning">This program has draft pairs. Saving a change discards them; run the pairing again afterwards.</p>
      ) : null}
      {draft ? (
        <>
          <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
          <form noValidate className="form card" onSubmit={(e) => void onSubmit(e)}>
            <TextField
              id={idFor('name')}
              label="Name"
              hint="For example “M1 near-peer mentoring 2027”."
              value={draft.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={problem.fields.name}
              autoComplete="off"
            />
            <TextAreaField
              id={idFor('description')}
              label="Description (optional)"
              hint="Students and mentors read this on their program page."
              rows={3}
              value={draft.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={problem.fields.description}
            />
            <RadioGroup
              id={idFor('pairingMethod')}
              name="pairingMethod"
              label="How pairs are made"
              options={METHOD_OPTIONS}
              value={draft.pairingMethod}
              onChange={(v) => set('pairingMethod', v as PairingMethod)}
              error={problem.fields.pairingMethod}
            />
            <TextField
              id={idFor('maxPerMentor')}
              label="Most students per mentor"
              hint="A hard limit for every mentor in this program, whatever their capacity. From 1 to 50."
              inputMode="numeric"
              value={draft.maxPerMentor}
              onChange={(e) => set('maxPerMentor', e.currentTarget.value)}
              error={problem.fields.maxPerMentor}
              autoComplete="off"
            />
            <CheckboxGroup
              id={idFor('classYears')}
              name="classYears"
              label="Class years (optional)"
              hint="Every active student of these years takes part."
              columns
              options={CLASS_YEARS.map((y) => ({ value: y, label: CLASS_YEAR_LABELS[y] }))}
              values={draft.classYears}
              onChange={(v) => set('classYears', v)}
              error={problem.fields.classYears}
            />
            <TextAreaField
              id={idFor('studentEmails')}
              label="More students (optional)"
              hint="One e-mail address a line, for students beyond those class years."
              rows={4}
              value={draft.students}
              onChange={(e) => set('students', e.currentTarget.value)}
              error={problem.fields.studentEmails}
              spellCheck={false}
            />
            <TextAreaField
              id={idFor('mentors')}
              label="Mentors"
              hint="One e-mail address a line. A mentor takes as many students as they have open places; to take fewer in this program, add a comma and a number (for example “a.ames@school.edu, 1”)."
              rows={5}
              value={draft.mentors}
              onChange={(e) => set('mentors', e.currentTarget.value)}
              error={problem.fields.mentors}
              spellCheck={false}
            />
            {draft.pairingMethod === 'student-ranks' ? (
              <TextField
                id={idFor('rankingDeadline')}
                type="date"
                label="Ranking deadline (optional)"
                hint="Students can change their order until the end of this day (UTC)."
                value={draft.rankingDeadline}
                onChange={(e) => set('rankingDeadline', e.currentTarget.value)}
                error={problem.fields.rankingDeadline}
              />
            ) : null}
            <SelectField
              id={idFor('keepFromProgramId')}
              label="Keep pairs from an earlier program (optional)"
              hint="A pair from that program is kept when both the student and the mentor ask for it."
              placeholder="No earlier program"
              options={keepOptions}
              value={draft.keepFromProgramId}
              onChange={(e) => set('keepFromProgramId', e.currentTarget.value)}
              error={problem.fields.keepFromProgramId}
            />
            <div className="button-row">
              <button type="submit" className="button" disabled={pending}>
                {pending ? 'Saving…' : editing ? 'Save program' : 'Create program'}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </div>
  )
}
