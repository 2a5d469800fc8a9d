import { useId, useState, type FormEvent } from 'react'
import { type ExperienceView, ResearchOutputInput } from '#shared/contracts/opportunities.ts'
import { RESEARCH_OUTPUT_KIND_LABELS, RESEARCH_OUTPUT_KINDS, type ResearchOutputKind } from '#shared/enums.ts'
import { ErrorSummary, LiveStatus } from '../../components/feedback.tsx'
import { SelectField, TextAreaField, TextField } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { useAddResearchOutput, useRemoveResearchOutput } from './api.ts'
import { formatDay } from './opportunity-format.ts'

const FIELDS = ['kind', 'citation', 'date'] as const
const LABELS: Record<string, string> = { kind: 'Kind', citation: 'Citation', date: 'Date' }
type Draft = Record<(typeof FIELDS)[number], string>
const EMPTY: Draft = { kind: '', citation: '', date: '' }

/**
 * What came of one entry of the record: its abstracts, posters, presentations and publications,
 * each cited as on ERAS. The list builder counts them as research items.
 */
export function ResearchOutputs({ entry }: { entry: ExperienceView }) {
  const base = useId()
  const idFor = (field: string) => `${base}-${(FIELDS as readonly string[]).includes(field) ? field : 'citation'}`
  const add = useAddResearchOutput()
  const remove = useRemoveResearchOutput()
  const [adding, setAdding] = useState(false)
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [said, say] = useState<string | null>(null)
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const fail = (next: FormProblem) => {
    setProblem(next)
    setAttempt((n) => n + 1)
  }
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const result = validate(ResearchOutputInput, { kind: draft.kind as ResearchOutputKind, citation: draft.citation, date: draft.date || null })
    if (!result.ok) return fail({ message: null, fields: result.errors })
    try {
      await add.mutateAsync({ experienceId: entry.id, ...result.data })
      say(`${RESEARCH_OUTPUT_KIND_LABELS[result.data.kind]} added to ${entry.title}.`)
      setDraft(EMPTY)
      setProblem({ message: null, fields: {} })
      setAdding(false)
    } catch (cause) {
      fail(problemFrom(cause, FIELDS))
    }
  }
  const onRemove = async (outputId: string, kind: ResearchOutputKind) => {
    try {
      await remove.mutateAsync(outputId)
      say(`${RESEARCH_OUTPUT_KIND_LABELS[kind]} removed from ${entry.title}.`)
    } catch (cause) {
      fail(problemFrom(cause, FIELDS))
    }
  }
  return (
    <div className="research-outputs">
      <LiveStatus message={said} />
      {entry.outputs.length > 0 ? (
        <>
          <h4>What came of it</h4>
          <ul className="research-output-list">
            {entry.outputs.map((output) => (
              <li key={output.id}>
                <span className="tag">{RESEARCH_OUTPUT_KIND_LABELS[output.kind]}</span> {output.citation}
                {output.date ? ` (${formatDay(output.date)})` : null}{' '}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={remove.isPending}
                  onClick={() => void onRemove(output.id, output.kind)}
                >
                  Remove
                  <span className="visually-hidden">
                    {' '}
                    {RESEARCH_OUTPUT_KIND_LABELS[output.kind].toLowerCase()}: {output.citation}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {adding ? (
        <form noValidate className="form research-output-form" onSubmit={(e) => void onSubmit(e)} aria-label={`Add to ${entry.title}`}>
          <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
          <SelectField
            id={idFor('kind')}
            label="Kind"
            placeholder="Choose a kind"
            options={RESEARCH_OUTPUT_KINDS.map((k) => ({ value: k, label: RESEARCH_OUTPUT_KIND_LABELS[k] }))}
            value={draft.kind}
            onChange={(e) => set('kind', e.currentTarget.value)}
            error={problem.fields.kind}
          />
          <TextAreaField
            id={idFor('citation')}
            label="Citation"
            hint="As on your application: authors, title, where it was presented or published, and the year."
            rows={2}
            value={draft.citation}
            onChange={(e) => set('citation', e.currentTarget.value)}
            error={problem.fields.citation}
          />
          <TextField
            id={idFor('date')}
            type="date"
            label="Date (optional)"
            value={draft.date}
            onChange={(e) => set('date', e.currentTarget.value)}
            error={problem.fields.date}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={add.isPending}>
              {add.isPending ? 'Saving…' : 'Add'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p>
          <button type="button" className="button button-secondary button-small" onClick={() => setAdding(true)}>
            Add an abstract, poster, presentation or publication<span className="visually-hidden"> to {entry.title}</span>
          </button>
        </p>
      )}
    </div>
  )
}
