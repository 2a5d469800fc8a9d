import { type FormEvent, useState } from 'react'
import {
  CIM_PHASE_LABELS,
  CIM_PHASES,
  COMPLETION_RULE_LABELS,
  COMPLETION_RULES,
  CURRICULUM_YEAR_LABELS,
  CURRICULUM_YEARS,
  MilestoneInput,
  MONTH_NAMES,
  type MilestoneView,
} from '#shared/contracts/curriculum.ts'
import { ErrorSummary, LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { Checkbox, CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useEvents } from '../events/api.ts'
import { useDeleteMilestone, useMilestones, useSaveMilestone } from './api.ts'
import './curriculum.css'

type Draft = { title: string; year: string; phase: string; dueMonth: string; required: boolean; why: string; links: string; eventIds: string[]; rule: string }
const EMPTY: Draft = { title: '', year: '', phase: '', dueMonth: '', required: true, why: '', links: '', eventIds: [], rule: '' }
/** In the order of the form, so the error summary reads top to bottom. */
const FIELDS = ['title', 'year', 'dueMonth', 'phase', 'required', 'why', 'links', 'eventIds', 'rule'] as const
const LABELS: Record<string, string> = {
  title: 'Title',
  year: 'Year',
  phase: 'Careers in Medicine phase',
  dueMonth: 'Due by the end of',
  required: 'Required',
  why: 'Why it matters',
  links: 'Links',
  eventIds: 'Events that count',
  rule: 'Done automatically when',
}
const idFor = (field: string) => `milestone-${FIELDS.includes(field as (typeof FIELDS)[number]) ? field : 'title'}`
const NO_PROBLEM: FormProblem = { message: null, fields: {} }

const draftFrom = (m: MilestoneView): Draft => ({
  title: m.title,
  year: m.year,
  phase: m.phase,
  dueMonth: String(m.dueMonth),
  required: m.required,
  why: m.why,
  links: m.links.join('\n'),
  eventIds: m.eventIds,
  rule: m.rule ?? '',
})

/** The office's curriculum: every milestone by year, and the form that adds or changes one. */
export function MilestonesPage() {
  usePageTitle('Career curriculum')
  const milestones = useMilestones()
  const events = useEvents()
  const save = useSaveMilestone()
  const remove = useDeleteMilestone()
  const [editing, setEditing] = useState<string | null>(null)
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM)
  const [attempt, setAttempt] = useState(0)
  const [said, say] = useState<string | null>(null)
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const fail = (next: FormProblem) => {
    setProblem(next)
    setAttempt((n) => n + 1)
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const input = {
      title: draft.title,
      year: draft.year,
      phase: draft.phase,
      dueMonth: draft.dueMonth ? Number(draft.dueMonth) : Number.NaN,
      required: draft.required,
      why: draft.why,
      links: draft.links
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      eventIds: draft.eventIds,
      rule: draft.rule || null,
    }
    const result = validate(MilestoneInput, input)
    if (!result.ok) {
      const fields: Record<string, string> = {}
      for (const key of [...FIELDS, ...Object.keys(result.errors)]) if (result.errors[key] !== undefined) fields[key] ??= result.errors[key]
      return fail({ message: null, fields })
    }
    setProblem(NO_PROBLEM)
    try {
      const saved = await save.mutateAsync({ id: editing, input: result.data })
      say(`${saved.title} is saved: due by the end of ${saved.dueWindow}.`)
      setEditing(null)
      setDraft(EMPTY)
    } catch (cause) {
      fail(problemFrom(cause, FIELDS))
    }
  }

  const onRemove = (m: MilestoneView) => {
    if (!window.confirm(`Remove “${m.title}” from the curriculum? Students’ ticks of it go too.`)) return
    remove.mutate(m.id, { onSuccess: () => say(`${m.title} is removed.`) })
  }

  const eventOptions = [...(events.data?.upcoming ?? []), ...(events.data?.past ?? [])]
    .filter((e) => e.status === 'scheduled' || draft.eventIds.includes(e.id))
    .map((e) => ({ value: e.id, label: `${e.title} (${new Date(e.startAt).toLocaleDateString(undefined, { dateStyle: 'medium' })})` }))

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Career curriculum</h1>
        <p className="lead">
          Milestones for each year, by the AAMC’s Careers in Medicine phases. Each class sees them dated from its graduation year (a year starts in the month of
          the academic calendar’s latest year start, July without one); students tick them, and a milestone also counts as done when a student goes to one of
          its events or when its rule holds.
        </p>
      </div>
      <LiveStatus message={said} />
      {milestones.isPending ? <Loading /> : null}
      {milestones.isError ? <QueryError error={milestones.error} onRetry={() => void milestones.refetch()} /> : null}
      {milestones.data
        ? CURRICULUM_YEARS.map((year) => {
            const items = milestones.data.items.filter((m) => m.year === year)
            return items.length === 0 ? null : (
              <section key={year} className="card timeline-year" aria-labelledby={`curriculum-${year}`}>
                <h2 id={`curriculum-${year}`}>{CURRICULUM_YEAR_LABELS[year]}</h2>
                <ol className="milestone-list">
                  {items.map((m) => (
                    <li key={m.id} className="milestone">
                      <div className="milestone-text">
                        <p className="milestone-title">
                          {m.title}
                          {m.required ? null : <span className="milestone-optional"> (optional)</span>}
                        </p>
                        <p>
                          By the end of {m.dueWindow} · {CIM_PHASE_LABELS[m.phase]}
                          {m.rule ? ` · done automatically when: ${COMPLETION_RULE_LABELS[m.rule].toLowerCase()}` : ''}
                          {m.eventIds.length > 0 ? ` · ${m.eventIds.length} linked event${m.eventIds.length === 1 ? '' : 's'}` : ''}
                        </p>
                      </div>
                      <div className="button-row">
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          onClick={() => {
                            setEditing(m.id)
                            setDraft(draftFrom(m))
                            setProblem(NO_PROBLEM)
                            document.getElementById('milestone-form-title')?.focus()
                          }}
                        >
                          Edit<span className="visually-hidden"> {m.title}</span>
                        </button>
                        <button type="button" className="button button-quiet button-small" onClick={() => onRemove(m)} disabled={remove.isPending}>
                          Remove<span className="visually-hidden"> {m.title}</span>
                        </button>
                      </div>
                    </li>
                  ))}
                </ol>
              </section>
            )
          })
        : null}
      <section className="card timeline-year" aria-labelledby="milestone-form-title">
        <h2 id="milestone-form-title" tabIndex={-1}>
          {editing ? 'Change the milestone' : 'Add a milestone'}
        </h2>
        <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
        <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
          <TextField
            id={idFor('title')}
            label="Title"
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={problem.fields.title}
            autoComplete="off"
          />
          <SelectField
            id={idFor('year')}
            label="Year"
            placeholder="Choose a year"
            options={CURRICULUM_YEARS.map((y) => ({ value: y, label: CURRICULUM_YEAR_LABELS[y] }))}
            value={draft.year}
            onChange={(e) => set('year', e.currentTarget.value)}
            error={problem.fields.year}
          />
          <SelectField
            id={idFor('dueMonth')}
            label="Due by the end of"
            hint="A month of that year. Each class sees the date from its graduation year."
            placeholder="Choose a month"
            options={MONTH_NAMES.map((name, i) => ({ value: String(i + 1), label: name }))}
            value={draft.dueMonth}
            onChange={(e) => set('dueMonth', e.currentTarget.value)}
            error={problem.fields.dueMonth}
          />
          <SelectField
            id={idFor('phase')}
            label="Careers in Medicine phase"
            placeholder="Choose a phase"
            options={CIM_PHASES.map((p) => ({ value: p, label: CIM_PHASE_LABELS[p] }))}
            value={draft.phase}
            onChange={(e) => set('phase', e.currentTarget.value)}
            error={problem.fields.phase}
          />
          <Checkbox
            id={idFor('required')}
            label="Required"
            hint="Unticked: optional; it is never shown as late."
            checked={draft.required}
            onChange={(e) => set('required', e.currentTarget.checked)}
            error={problem.fields.required}
          />
          <TextAreaField
            id={idFor('why')}
            label="Why it matters (optional)"
            rows={3}
            value={draft.why}
            onChange={(e) => set('why', e.currentTarget.value)}
            error={problem.fields.why}
          />
          <TextAreaField
            id={idFor('links')}
            label="Links (optional)"
            hint="One per line, each starting with https://."
            rows={3}
            value={draft.links}
            onChange={(e) => set('links', e.currentTarget.value)}
            error={problem.fields.links}
            spellCheck={false}
          />
          {eventOptions.length > 0 ? (
            <CheckboxGroup
              id={idFor('eventIds')}
              name="eventIds"
              label="Events that count (optional)"
              hint="A student with a place at one of these, once it is over, has done the milestone."
              columns={false}
              options={eventOptions}
              values={draft.eventIds}
              onChange={(v) => set('eventIds', v)}
              error={problem.fields.eventIds}
            />
          ) : null}
          <SelectField
            id={idFor('rule')}
            label="Done automatically when (optional)"
            placeholder="Only by a tick or an event"
            options={COMPLETION_RULES.map((r) => ({
              value: r,
              label: COMPLETION_RULE_LABELS[r].replace(/^You /, 'The student ').replace(/^Your /, 'The student’s '),
            }))}
            value={draft.rule}
            onChange={(e) => set('rule', e.currentTarget.value)}
            error={problem.fields.rule}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={save.isPending}>
              {editing ? 'Save changes' : 'Add milestone'}
            </button>
            {editing ? (
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  setEditing(null)
                  setDraft(EMPTY)
                  setProblem(NO_PROBLEM)
                }}
              >
                Cancel
              </button>
            ) : null}
          </div>
        </form>
      </section>
    </div>
  )
}
