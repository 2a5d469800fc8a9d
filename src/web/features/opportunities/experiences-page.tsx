import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { ExperienceInput, type ExperienceView } from '#shared/contracts/opportunities.ts'
import { EXPERIENCE_KIND_LABELS, EXPERIENCE_KINDS, type ExperienceKind } from '#shared/enums.ts'
import { ErrorSummary, Loading, QueryError } from '../../components/feedback.tsx'
import { SelectField, TextAreaField, TextField } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useAddExperience, useExperiences } from './api.ts'
import { datesLabel } from './opportunity-format.ts'
import { ResearchOutputs } from './research-outputs.tsx'
import './opportunities.css'

const FIELDS = ['kind', 'title', 'organization', 'startDate', 'endDate', 'hours', 'description'] as const
const LABELS: Record<string, string> = {
  kind: 'Kind',
  title: 'Title',
  organization: 'Organization',
  startDate: 'Started',
  endDate: 'Ended',
  hours: 'Hours',
  description: 'What you did',
}
const idFor = (field: string) => `experience-${(FIELDS as readonly string[]).includes(field) ? field : 'title'}`
type Draft = Record<(typeof FIELDS)[number], string>
const EMPTY: Draft = { kind: '', title: '', organization: '', startDate: '', endDate: '', hours: '', description: '' }

function Entry({ entry: e }: { entry: ExperienceView }) {
  const dates = datesLabel(e)
  return (
    <li className="card opportunity-card">
      <p className="opportunity-kind">{EXPERIENCE_KIND_LABELS[e.kind]}</p>
      <h3>{e.opportunityId ? <Link to={`/opportunities/${e.opportunityId}`}>{e.title}</Link> : e.title}</h3>
      <p className="opportunity-meta">{[e.organization, dates, e.hours !== null ? `${e.hours} hours` : null].filter(Boolean).join(' · ')}</p>
      <p className={`tag ${e.confirmedBy ? 'application-accepted' : 'application-submitted'}`}>
        {e.confirmedBy ? `Confirmed by ${e.confirmedBy}` : e.opportunityId ? 'Waiting for the poster to confirm' : 'Added by you'}
      </p>
      {e.description && !e.opportunityId ? <p className="prose">{e.description}</p> : null}
      <ResearchOutputs entry={e} />
    </li>
  )
}

/** A student's experience record: what they did through the board, confirmed by its poster, and what they add from elsewhere. */
export function ExperiencesPage() {
  usePageTitle('My experience record')
  const experiences = useExperiences()
  const add = useAddExperience()
  const [adding, setAdding] = useState(false)
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const fail = (next: FormProblem) => {
    setProblem(next)
    setAttempt((n) => n + 1)
  }
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const hours = draft.hours.trim()
    const input = {
      ...draft,
      kind: draft.kind as ExperienceKind,
      startDate: draft.startDate || null,
      endDate: draft.endDate || null,
      hours: hours === '' ? null : /^\d+$/.test(hours) ? Number(hours) : Number.NaN,
    }
    const result = validate(ExperienceInput, input)
    const fields: Record<string, string> = result.ok ? {} : { ...result.errors }
    if (Number.isNaN(input.hours)) fields.hours = 'Give the hours as a whole number, or leave it empty.'
    if (!result.ok || Object.keys(fields).length > 0) return fail({ message: null, fields })
    try {
      await add.mutateAsync(result.data)
      setDraft(EMPTY)
      setProblem({ message: null, fields: {} })
      setAdding(false)
    } catch (cause) {
      fail(problemFrom(cause, FIELDS))
    }
  }
  const list = experiences.data?.experiences ?? []
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>My experience record</h1>
        <p className="lead">
          Research, clinical, volunteer, leadership and teaching experiences, with dates and hours: what residency applications ask for later. Opportunities you
          are accepted to appear here by themselves.
        </p>
        {!adding ? (
          <p className="button-row">
            <button type="button" className="button" onClick={() => setAdding(true)}>
              Add an experience
            </button>
            {list.length > 0 ? (
              <Link to="/experiences/eras-draft" className="button button-secondary">
                Draft my ERAS experiences
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>
      {adding ? (
        <section className="card" aria-labelledby="add-experience">
          <h2 id="add-experience">Add an experience from elsewhere</h2>
          <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
          <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
            <SelectField
              id={idFor('kind')}
              label="Kind"
              placeholder="Choose a kind"
              options={EXPERIENCE_KINDS.map((k) => ({ value: k, label: EXPERIENCE_KIND_LABELS[k] }))}
              value={draft.kind}
              onChange={(e) => set('kind', e.currentTarget.value)}
              error={problem.fields.kind}
            />
            <TextField
              id={idFor('title')}
              label="Title"
              value={draft.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={problem.fields.title}
            />
            <TextField
              id={idFor('organization')}
              label="Organization (optional)"
              value={draft.organization}
              onChange={(e) => set('organization', e.currentTarget.value)}
              error={problem.fields.organization}
            />
            <div className="opportunity-form-row">
              <TextField
                id={idFor('startDate')}
                type="date"
                label="Started (optional)"
                value={draft.startDate}
                onChange={(e) => set('startDate', e.currentTarget.value)}
                error={problem.fields.startDate}
              />
              <TextField
                id={idFor('endDate')}
                type="date"
                label="Ended (optional)"
                value={draft.endDate}
                onChange={(e) => set('endDate', e.currentTarget.value)}
                error={problem.fields.endDate}
              />
            </div>
            <TextField
              id={idFor('hours')}
              label="Hours (optional)"
              inputMode="numeric"
              value={draft.hours}
              onChange={(e) => set('hours', e.currentTarget.value)}
              error={problem.fields.hours}
            />
            <TextAreaField
              id={idFor('description')}
              label="What you did (optional)"
              rows={3}
              value={draft.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={problem.fields.description}
            />
            <div className="button-row">
              <button type="submit" className="button" disabled={add.isPending}>
                {add.isPending ? 'Saving…' : 'Add to my record'}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setAdding(false)}>
                Cancel
              </button>
            </div>
          </form>
        </section>
      ) : null}
      {experiences.isPending ? <Loading /> : null}
      {experiences.isError ? <QueryError error={experiences.error} onRetry={() => void experiences.refetch()} /> : null}
      <section aria-labelledby="experience-list">
        <h2 id="experience-list">Experiences ({list.length})</h2>
        {experiences.data && list.length === 0 ? (
          <p className="empty-state">
            Nothing yet. <Link to="/opportunities">Find a research project or shadowing day</Link>, or add an experience from elsewhere.
          </p>
        ) : null}
        <ul className="opportunity-list">
          {list.map((e) => (
            <Entry key={e.id} entry={e} />
          ))}
        </ul>
      </section>
    </div>
  )
}
