import { useEffect, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { friendlyIssue } from '#shared/contracts/friendly-issues.ts'
import { MockInterviewSchool, type RubricLevel } from '#shared/contracts/mock-interviews.ts'
import { AppError, type FieldErrors } from '#shared/errors.ts'
import { errorMessage } from '../../api/client.ts'
import { ErrorSummary, LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { TextAreaField, TextField } from '../../components/fields.tsx'
import { plural } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useRubricEditor, useSaveSchool } from './api.ts'
import { canDropTopLevel, controlFor, draftFrom, type DraftCompetency, labelFor, levelAbove, moved, newCompetency } from './rubric-draft.ts'
import './mock-interviews.css'

type Problem = { message: string | null; fields: FieldErrors }

/** Every issue of the rubric by its full path, so each lands on its own control. */
function formProblems(input: unknown): FieldErrors {
  const result = MockInterviewSchool.safeParse(input, { error: (issue) => friendlyIssue(issue) })
  const fields: FieldErrors = {}
  if (!result.success) for (const issue of result.error.issues) fields[issue.path.map(String).join('.') || 'competencies'] ??= issue.message
  return fields
}

/**
 * The office's rubric editor (admins): competencies with anchored levels, added, reworded,
 * reordered and retired. A competency past mocks scored is retired, never deleted, so those
 * mocks stay readable; one never scored is simply removed. Saved as a whole (audited).
 */
export function RubricEditorPage() {
  usePageTitle('Mock interview rubric')
  const editor = useRubricEditor()
  const save = useSaveSchool()
  const [limit, setLimit] = useState('')
  const [draft, setDraft] = useState<DraftCompetency[] | null>(null)
  const [problem, setProblem] = useState<Problem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [status, setStatus] = useState<string | null>(null)
  const [focusAfter, setFocusAfter] = useState<string | null>(null)

  useEffect(() => {
    if (editor.data && draft === null) {
      setDraft(draftFrom(editor.data))
      setLimit(String(editor.data.bookingsPerSeason))
    }
  }, [editor.data, draft])
  useEffect(() => {
    if (focusAfter) document.getElementById(focusAfter)?.focus()
    setFocusAfter(null)
  }, [focusAfter])

  const active = draft?.filter((c) => c.active) ?? []
  const retired = draft?.filter((c) => !c.active) ?? []
  const update = (id: string, change: (c: DraftCompetency) => DraftCompetency) => setDraft((d) => d?.map((c) => (c.id === id ? change(c) : c)) ?? d)
  const setLevel = (id: string, k: number, change: Partial<RubricLevel>) =>
    update(id, (c) => ({ ...c, levels: c.levels.map((l, j) => (j === k ? { ...l, ...change } : l)) }))
  const move = (from: number, to: number) => {
    const name = active[from]?.name || 'The competency'
    setDraft((d) =>
      d
        ? [
            ...moved(
              d.filter((c) => c.active),
              from,
              to,
            ),
            ...d.filter((c) => !c.active),
          ]
        : d,
    )
    setStatus(`${name} is now number ${to + 1} of ${active.length}. Save the rubric to keep the order.`)
    setFocusAfter(`rubric-${to}-${to < from ? 'up' : 'down'}`)
  }
  const retire = (c: DraftCompetency) => {
    if (c.scoreCount > 0) {
      setDraft((d) => (d ? [...d.filter((x) => x.id !== c.id), { ...c, active: false }] : d))
      setStatus(`${c.name || 'The competency'} is retired: new scoring forms leave it out, past mocks keep its scores. Save the rubric to confirm.`)
    } else {
      setDraft((d) => d?.filter((x) => x.id !== c.id) ?? d)
      setStatus(`${c.name || 'The new competency'} is removed (no mock was scored on it). Save the rubric to confirm.`)
    }
    setFocusAfter('rubric-add')
  }
  const restore = (c: DraftCompetency) => {
    setDraft((d) => (d ? [...d.filter((x) => x.active), { ...c, active: true }, ...d.filter((x) => !x.active && x.id !== c.id)] : d))
    setStatus(`${c.name} is back in the rubric, last. Save the rubric to confirm.`)
    setFocusAfter(`rubric-${active.length}-name`)
  }
  const add = () => {
    setDraft((d) => (d ? [...d.filter((c) => c.active), newCompetency(d.map((c) => c.id)), ...d.filter((c) => !c.active)] : d))
    setFocusAfter(`rubric-${active.length}-name`)
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setStatus(null)
    const input = {
      bookingsPerSeason: /^\d+$/.test(limit.trim()) ? Number(limit.trim()) : Number.NaN,
      competencies: active.map(({ id, name, description, levels }) => ({ id, name, description, levels })),
    }
    const found = formProblems(input)
    if (Number.isNaN(input.bookingsPerSeason)) found.bookingsPerSeason = 'Enter a whole number, such as 2.'
    if (Object.keys(found).length > 0) {
      setProblem({ message: null, fields: found })
      setAttempt((n) => n + 1)
      return
    }
    try {
      await save.mutateAsync(MockInterviewSchool.parse(input))
      setProblem({ message: null, fields: {} })
      const fresh = await editor.refetch()
      if (fresh.data) setDraft(draftFrom(fresh.data))
      setStatus('Saved. New scoring forms use this rubric; past mocks keep the competencies they were scored on.')
    } catch (cause) {
      const fields = cause instanceof AppError && cause.fields ? cause.fields : {}
      setProblem({ message: Object.keys(fields).length ? null : errorMessage(cause), fields })
      setAttempt((n) => n + 1)
    }
  }

  const labels = Object.fromEntries(Object.keys(problem.fields).map((path) => [path, labelFor(path)]))
  const err = (path: string) => problem.fields[path]

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Mock interview rubric</h1>
        <p className="lead">
          The competencies interviewers score after each mock, each with levels anchored by what an answer at that level sounds like. Students see their scores
          against these words. A competency that past mocks were scored on can be retired but not deleted, so those mocks stay readable.
        </p>
        <p>
          <Link to="/admin/mock-interviews/questions">Edit the question bank</Link>
        </p>
      </div>
      {editor.isPending ? <Loading label="Loading the rubric…" /> : null}
      {editor.isError ? <QueryError error={editor.error} onRetry={() => void editor.refetch()} /> : null}
      {draft ? (
        <>
          <ErrorSummary message={problem.message} fields={problem.fields} idFor={controlFor} labels={labels} attempt={attempt} />
          <form noValidate className="form rubric-editor" onSubmit={(e) => void onSubmit(e)}>
            <TextField
              id="rubric-limit"
              label="Mock interviews per student and season"
              hint="A season runs from July to June, as residency applications do."
              inputMode="numeric"
              value={limit}
              onChange={(e) => setLimit(e.currentTarget.value)}
              error={err('bookingsPerSeason')}
              autoComplete="off"
              className="rubric-limit"
            />
            <h2>Competencies in the rubric</h2>
            {active.length === 0 ? <p className="empty-state">No competency yet: add one.</p> : null}
            <ol className="rubric-list">
              {active.map((c, i) => (
                <li key={c.id} className="card rubric-card">
                  <fieldset className="rubric-fieldset">
                    <legend>
                      Competency {i + 1}
                      {c.name ? `: ${c.name}` : ''}
                    </legend>
                    <p className="mock-meta">
                      {c.scoreCount > 0
                        ? `Scored ${plural(c.scoreCount, 'time', 'times')} in past mocks, at levels ${c.scoresUsed.join(', ')}: those levels stay, their words may change.`
                        : 'Not scored in any mock yet.'}
                    </p>
                    <TextField
                      id={`rubric-${i}-name`}
                      label="Name"
                      value={c.name}
                      onChange={(e) => {
                        const name = e.currentTarget.value
                        update(c.id, (x) => ({ ...x, name }))
                      }}
                      error={err(`competencies.${i}.name`) ?? err(`competencies.${i}.id`)}
                      autoComplete="off"
                    />
                    <TextAreaField
                      id={`rubric-${i}-description`}
                      label="What it covers (optional)"
                      rows={2}
                      value={c.description}
                      onChange={(e) => {
                        const description = e.currentTarget.value
                        update(c.id, (x) => ({ ...x, description }))
                      }}
                      error={err(`competencies.${i}.description`)}
                    />
                    <fieldset
                      className="rubric-levels"
                      id={`rubric-${i}-levels`}
                      tabIndex={-1}
                      aria-describedby={err(`competencies.${i}.levels`) ? `rubric-${i}-levels-error` : undefined}
                    >
                      <legend>Levels, lowest first</legend>
                      {err(`competencies.${i}.levels`) ? (
                        <p className="field-error" id={`rubric-${i}-levels-error`}>
                          {err(`competencies.${i}.levels`)}
                        </p>
                      ) : null}
                      {c.levels.map((level, k) => (
                        <div key={level.score} className="rubric-level">
                          <TextField
                            id={`rubric-${i}-level-${k}-label`}
                            label={`Level ${level.score} label`}
                            value={level.label}
                            onChange={(e) => setLevel(c.id, k, { label: e.currentTarget.value })}
                            error={err(`competencies.${i}.levels.${k}.label`)}
                            autoComplete="off"
                          />
                          <TextAreaField
                            id={`rubric-${i}-level-${k}-anchor`}
                            label={`What a level ${level.score} answer sounds like`}
                            rows={2}
                            value={level.anchor}
                            onChange={(e) => setLevel(c.id, k, { anchor: e.currentTarget.value })}
                            error={err(`competencies.${i}.levels.${k}.anchor`)}
                          />
                        </div>
                      ))}
                      <div className="button-row">
                        <button
                          type="button"
                          className="button button-secondary"
                          onClick={() => update(c.id, (x) => ({ ...x, levels: [...x.levels, levelAbove(x.levels)] }))}
                        >
                          Add a level<span className="visually-hidden"> to {c.name || `competency ${i + 1}`}</span>
                        </button>
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={!canDropTopLevel(c)}
                          onClick={() => update(c.id, (x) => ({ ...x, levels: x.levels.slice(0, -1) }))}
                        >
                          Remove the top level<span className="visually-hidden"> of {c.name || `competency ${i + 1}`}</span>
                        </button>
                      </div>
                    </fieldset>
                    <div className="button-row">
                      <button type="button" id={`rubric-${i}-up`} className="button button-secondary" disabled={i === 0} onClick={() => move(i, i - 1)}>
                        Move up<span className="visually-hidden"> {c.name || `competency ${i + 1}`}</span>
                      </button>
                      <button
                        type="button"
                        id={`rubric-${i}-down`}
                        className="button button-secondary"
                        disabled={i === active.length - 1}
                        onClick={() => move(i, i + 1)}
                      >
                        Move down<span className="visually-hidden"> {c.name || `competency ${i + 1}`}</span>
                      </button>
                      <button type="button" className="button button-secondary" onClick={() => retire(c)}>
                        {c.scoreCount > 0 ? 'Retire' : 'Remove'}
                        <span className="visually-hidden"> {c.name || `competency ${i + 1}`}</span>
                      </button>
                    </div>
                  </fieldset>
                </li>
              ))}
            </ol>
            <div className="button-row">
              <button type="button" id="rubric-add" className="button button-secondary" onClick={add}>
                Add a competency
              </button>
              <button type="submit" className="button" disabled={save.isPending}>
                {save.isPending ? 'Saving…' : 'Save the rubric'}
              </button>
            </div>
            <LiveStatus message={status} />
          </form>
          <section aria-labelledby="rubric-retired" className="mock-section">
            <h2 id="rubric-retired">Retired competencies</h2>
            {retired.length === 0 ? (
              <p className="empty-state">None. A competency you retire stays here, with its past scores, and can be restored.</p>
            ) : (
              <ul className="mock-list">
                {retired.map((c) => (
                  <li key={c.id} className="card mock-card">
                    <h3 className="mock-when">{c.name}</h3>
                    <p className="mock-meta">
                      {plural(c.scoreCount, 'score', 'scores')} in past mocks, still shown on those mocks. Left out of new scoring forms.
                    </p>
                    <button type="button" className="button button-secondary" onClick={() => restore(c)}>
                      Restore<span className="visually-hidden"> {c.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  )
}
