import type { FormEvent } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { OpportunityInput, opportunityInputProblems, type OpportunityView } from '#shared/contracts/opportunities.ts'
import { CLASS_YEAR_LABELS, CLASS_YEARS, OPPORTUNITY_KIND_LABELS, OPPORTUNITY_KINDS, type OpportunityKind } from '#shared/enums.ts'
import { SPECIALTIES_BY_NAME } from '#shared/reference/specialties.ts'
import {
  TIME_COMMITMENT_HINTS,
  TIME_COMMITMENT_LABELS,
  TIME_COMMITMENTS,
  type TimeCommitment,
  USUAL_TIME_COMMITMENT,
} from '#shared/reference/time-commitments.ts'
import { ErrorSummary, Loading, QueryError } from '../../components/feedback.tsx'
import { Checkbox, CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from '../../components/fields.tsx'
import { problemFrom, validate } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useRecordDraft } from '../../components/use-record-draft.ts'
import { useCreateOpportunity, useOpportunity, useUpdateOpportunity } from './api.ts'
import './opportunities.css'

type Draft = Record<(typeof TEXT_FIELDS)[number], string> & { classYears: string[]; remote: boolean }

const TEXT_FIELDS = [
  'kind',
  'title',
  'description',
  'specialtyId',
  'places',
  'applyBy',
  'startDate',
  'endDate',
  'timeCommitment',
  'commitment',
  'researchQuestion',
  'methods',
  'skillsWanted',
  'expectedOutput',
  'site',
  'dressCode',
  'whatToBring',
  'status',
] as const
const FIELDS = [...TEXT_FIELDS, 'classYears', 'remote'] as const
const LABELS: Record<string, string> = {
  kind: 'Kind',
  title: 'Title',
  description: 'Description',
  specialtyId: 'Specialty',
  classYears: 'Class years',
  remote: 'Remote',
  places: 'Places',
  applyBy: 'Apply by',
  startDate: 'Starts',
  endDate: 'Ends',
  timeCommitment: 'Time commitment',
  commitment: 'How much time, for the board',
  researchQuestion: 'Research question',
  methods: 'Methods',
  skillsWanted: 'Skills wanted',
  expectedOutput: 'Expected output',
  site: 'Site',
  dressCode: 'Dress code',
  whatToBring: 'What to bring',
  status: 'Status',
}
const ORDER = ['kind', 'title', 'description', 'specialtyId', 'classYears', 'remote', 'places', 'applyBy', 'startDate', 'endDate'] as const
const idFor = (field: string) => `opportunity-${(FIELDS as readonly string[]).includes(field) ? field : 'title'}`

const EMPTY: Draft = {
  ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<(typeof TEXT_FIELDS)[number], string>),
  status: 'published',
  places: '1',
  classYears: [],
  remote: false,
}

/** `datetime-local` values are wall times in this browser's zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

function draftFrom(o: OpportunityView): Draft {
  return {
    kind: o.kind,
    title: o.title,
    description: o.description,
    specialtyId: o.specialtyId ?? '',
    places: String(o.places),
    applyBy: toLocalInput(o.applyBy),
    startDate: o.startDate ?? '',
    endDate: o.endDate ?? '',
    timeCommitment: o.timeCommitment,
    commitment: o.commitment,
    researchQuestion: o.researchQuestion,
    methods: o.methods,
    skillsWanted: o.skillsWanted,
    expectedOutput: o.expectedOutput,
    site: o.site,
    dressCode: o.dressCode,
    whatToBring: o.whatToBring,
    status: o.status,
    classYears: o.classYears,
    remote: o.remote,
  }
}

/** Mentors and staff: post an opportunity, or change one (publish, close, more places). */
export function OpportunityFormPage() {
  const { opportunityId } = useParams()
  const editing = opportunityId !== undefined
  usePageTitle(editing ? 'Edit opportunity' : 'Post an opportunity')
  const navigate = useNavigate()
  const existing = useOpportunity(opportunityId ?? '', editing)
  const create = useCreateOpportunity()
  const update = useUpdateOpportunity(opportunityId ?? '')
  const { draft, problem, attempt, set, fail, clearProblem } = useRecordDraft(editing, existing.data, EMPTY, draftFrom)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!draft) return
    const places = draft.places.trim()
    const applyBy = draft.applyBy && !Number.isNaN(new Date(draft.applyBy).getTime()) ? new Date(draft.applyBy).toISOString() : null
    const input = {
      ...draft,
      kind: draft.kind as OpportunityKind,
      specialtyId: draft.specialtyId || null,
      commitment: (draft.commitment || null) as TimeCommitment | null,
      places: /^\d+$/.test(places) ? Number(places) : Number.NaN,
      applyBy,
      startDate: draft.startDate || null,
      endDate: draft.endDate || null,
    }
    const result = validate(OpportunityInput, input)
    // A deadline already passed may stay as it was on an edit; only a new one must lie ahead.
    const unchangedDeadline = editing && applyBy !== null && existing.data?.applyBy === applyBy
    const found: Record<string, string> = { ...opportunityInputProblems(input, unchangedDeadline ? null : new Date()), ...(result.ok ? {} : result.errors) }
    if (Number.isNaN(input.places)) found.places = 'Enter a whole number of places.'
    const fields: Record<string, string> = {}
    for (const key of [...ORDER, ...Object.keys(found)]) if (found[key] !== undefined) fields[key] ??= found[key]
    if (!result.ok || Object.keys(fields).length > 0) return fail({ message: null, fields })
    clearProblem()
    try {
      const saved = editing ? await update.mutateAsync(result.data) : await create.mutateAsync(result.data)
      navigate(`/opportunities/${saved.id}`)
    } catch (cause) {
      fail(problemFrom(cause, FIELDS))
    }
  }

  const pending = create.isPending || update.isPending
  const research = draft?.kind === 'research-project' || draft?.kind === 'scholarly-year'
  const shadowing = draft?.kind === 'shadowing'
  const text = (field: (typeof TEXT_FIELDS)[number], label: string, hint?: string) =>
    draft ? (
      <TextField
        id={idFor(field)}
        label={label}
        hint={hint}
        value={draft[field]}
        onChange={(e) => set(field, e.currentTarget.value)}
        error={problem.fields[field]}
        autoComplete="off"
      />
    ) : null
  const area = (field: (typeof TEXT_FIELDS)[number], label: string, hint?: string) =>
    draft ? (
      <TextAreaField
        id={idFor(field)}
        label={label}
        hint={hint}
        rows={3}
        value={draft[field]}
        onChange={(e) => set(field, e.currentTarget.value)}
        error={problem.fields[field]}
      />
    ) : null
  return (
    <div className="page page-narrow">
      <p>
        <Link to={editing ? `/opportunities/${opportunityId}` : '/opportunities/posted'} className="back-link">
          ← {editing ? 'Back to the opportunity' : 'My postings'}
        </Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>{editing ? 'Edit opportunity' : 'Post an opportunity'}</h1>
        <p className="lead">Students of the class years you choose find it on the board and apply with a short statement. You answer each one.</p>
      </div>
      {editing && existing.isPending ? <Loading /> : null}
      {editing && existing.isError ? <QueryError error={existing.error} onRetry={() => void existing.refetch()} /> : null}
      {draft ? (
        <>
          <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
          <form noValidate className="form card opportunity-form" onSubmit={(e) => void onSubmit(e)}>
            <SelectField
              id={idFor('kind')}
              label="Kind"
              placeholder="Choose a kind"
              options={OPPORTUNITY_KINDS.map((k) => ({ value: k, label: OPPORTUNITY_KIND_LABELS[k] }))}
              value={draft.kind}
              onChange={(e) => set('kind', e.currentTarget.value)}
              error={problem.fields.kind}
            />
            {text('title', 'Title')}
            {area('description', 'Description', 'What the student will do and learn.')}
            <SelectField
              id={idFor('specialtyId')}
              label="Specialty (optional)"
              placeholder="Any specialty"
              options={SPECIALTIES_BY_NAME.map((s) => ({ value: s.id, label: s.name }))}
              value={draft.specialtyId}
              onChange={(e) => set('specialtyId', e.currentTarget.value)}
              error={problem.fields.specialtyId}
            />
            <CheckboxGroup
              id={idFor('classYears')}
              name="classYears"
              label="Class years"
              hint="Leave all unticked for every class year."
              options={CLASS_YEARS.map((y) => ({ value: y, label: CLASS_YEAR_LABELS[y] }))}
              values={draft.classYears}
              onChange={(v) => set('classYears', v)}
              error={problem.fields.classYears}
            />
            <Checkbox id={idFor('remote')} label="Can be done remotely" checked={draft.remote} onChange={(e) => set('remote', e.currentTarget.checked)} />
            <TextField
              id={idFor('places')}
              label="Places"
              hint="How many students you can take."
              inputMode="numeric"
              value={draft.places}
              onChange={(e) => set('places', e.currentTarget.value)}
              error={problem.fields.places}
              autoComplete="off"
            />
            <TextField
              id={idFor('applyBy')}
              type="datetime-local"
              label="Apply by (optional)"
              hint="Empty: open until you close it."
              value={draft.applyBy}
              onChange={(e) => set('applyBy', e.currentTarget.value)}
              error={problem.fields.applyBy}
            />
            <div className="opportunity-form-row">
              <TextField
                id={idFor('startDate')}
                type="date"
                label="Starts (optional)"
                value={draft.startDate}
                onChange={(e) => set('startDate', e.currentTarget.value)}
                error={problem.fields.startDate}
              />
              <TextField
                id={idFor('endDate')}
                type="date"
                label="Ends (optional)"
                value={draft.endDate}
                onChange={(e) => set('endDate', e.currentTarget.value)}
                error={problem.fields.endDate}
              />
            </div>
            <SelectField
              id={idFor('commitment')}
              label="How much time, for the board"
              hint="Students filter the board by this. Your own words below say it exactly."
              placeholder={
                draft.kind
                  ? `As usual for the kind: ${TIME_COMMITMENT_LABELS[USUAL_TIME_COMMITMENT[draft.kind as OpportunityKind]].toLowerCase()}`
                  : 'As usual for the kind'
              }
              options={TIME_COMMITMENTS.map((c) => ({ value: c, label: `${TIME_COMMITMENT_LABELS[c]} (${TIME_COMMITMENT_HINTS[c].toLowerCase()})` }))}
              value={draft.commitment}
              onChange={(e) => set('commitment', e.currentTarget.value)}
              error={problem.fields.commitment}
            />
            {text('timeCommitment', 'Time commitment (optional)', 'e.g. 4 hours a week, or one clinic day.')}
            {research ? (
              <>
                {area('researchQuestion', 'Research question (optional)')}
                {area('methods', 'Methods (optional)')}
                {area('skillsWanted', 'Skills wanted (optional)')}
                {text('expectedOutput', 'Expected output (optional)', 'e.g. an abstract, a poster, a paper.')}
              </>
            ) : null}
            {text('site', 'Site (optional)', 'The clinic, service, hospital or lab.')}
            {shadowing ? (
              <>
                {text('dressCode', 'Dress code (optional)')}
                {text('whatToBring', 'What to bring (optional)')}
              </>
            ) : null}
            <RadioGroup
              id={idFor('status')}
              name="status"
              label="Status"
              options={[
                { value: 'published', label: 'Published: on the board, taking applications' },
                { value: 'draft', label: 'Draft: only you see it' },
                { value: 'closed', label: 'Closed: no more applications' },
              ]}
              value={draft.status}
              onChange={(v) => set('status', v)}
              error={problem.fields.status}
            />
            <div className="button-row">
              <button type="submit" className="button" disabled={pending}>
                {pending ? 'Saving…' : editing ? 'Save' : 'Post'}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </div>
  )
}
