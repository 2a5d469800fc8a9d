import { useEffect, useState } from 'react'
import type { FormProblem } from './form-errors.ts'

const NO_PROBLEM: FormProblem = { message: null, fields: {} }

/**
 * The state of a form that creates a record or edits one: the draft (empty for a new record;
 * for an edit, null until the record has loaded, then filled from it once, so a refetch never
 * overwrites what the person typed), the problem the last submit met, and a counter of failed
 * attempts that the error summary uses to take focus again on each one.
 */
export function useRecordDraft<Draft, Loaded>(editing: boolean, loaded: Loaded | undefined, empty: Draft, draftFrom: (record: Loaded) => Draft) {
  const [draft, setDraft] = useState<Draft | null>(editing ? null : empty)
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (editing && loaded && !draft) setDraft(draftFrom(loaded))
  }, [editing, loaded, draft, draftFrom])

  return {
    draft,
    problem,
    attempt,
    /** Changes one field of the draft. */
    set: <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d)),
    /** Shows a problem and moves focus to the error summary. */
    fail: (next: FormProblem) => {
      setProblem(next)
      setAttempt((n) => n + 1)
    },
    clearProblem: () => setProblem(NO_PROBLEM),
  }
}
