import { type FormEvent, useState } from 'react'
import { DepartmentAdvisingInput, type SpecialtyPage } from '#shared/contracts/specialties.ts'
import { ErrorSummary, LiveStatus } from '../../components/feedback.tsx'
import { TextAreaField, TextField } from '../../components/fields.tsx'
import { type FormProblem, problemFrom, validate } from '../../components/form-errors.ts'
import { useSetDepartmentAdvising } from './api.ts'

const FIELDS = ['specialtyAdvisorEmail', 'chairEmail', 'chairAvailability'] as const
const LABELS = { specialtyAdvisorEmail: 'Specialty advisor', chairEmail: 'Department chair', chairAvailability: 'Chair’s availability' }

/** The office names the department's specialty advisor and says when its chair has time for residency conversations. */
export function AdvisingSettingsForm({ page }: { page: SpecialtyPage }) {
  const settings = page.advisingSettings
  const save = useSetDepartmentAdvising(page.specialty.departmentId)
  const [draft, setDraft] = useState({
    specialtyAdvisorEmail: settings?.specialtyAdvisorEmail ?? '',
    chairEmail: settings?.chairEmail ?? '',
    chairAvailability: settings?.chairAvailability ?? '',
  })
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [saved, setSaved] = useState<string | null>(null)
  const idFor = (field: string) => `advising-${FIELDS.includes(field as (typeof FIELDS)[number]) ? field : 'specialtyAdvisorEmail'}`
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setAttempt((n) => n + 1)
    const result = validate(DepartmentAdvisingInput, {
      specialtyAdvisorEmail: draft.specialtyAdvisorEmail.trim() || null,
      chairEmail: draft.chairEmail.trim() || null,
      chairAvailability: draft.chairAvailability,
    })
    if (!result.ok) return setProblem({ message: null, fields: result.errors })
    try {
      await save.mutateAsync(result.data)
      setProblem({ message: null, fields: {} })
      setSaved(`Saved for every specialty of ${page.specialty.departmentName}.`)
    } catch (cause) {
      setProblem(problemFrom(cause, FIELDS))
    }
  }
  return (
    <section aria-labelledby="advising-settings" className="card">
      <h2 id="advising-settings">Office: advisor and chair of {page.specialty.departmentName}</h2>
      <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
      <LiveStatus message={saved} />
      <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
        <TextField
          id={idFor('specialtyAdvisorEmail')}
          type="email"
          label="Specialty advisor (optional)"
          hint="The school e-mail of the department’s designated specialty advisor."
          value={draft.specialtyAdvisorEmail}
          onChange={(e) => setDraft({ ...draft, specialtyAdvisorEmail: e.currentTarget.value })}
          error={problem.fields.specialtyAdvisorEmail}
          spellCheck={false}
        />
        <TextField
          id={idFor('chairEmail')}
          type="email"
          label="Department chair (optional)"
          value={draft.chairEmail}
          onChange={(e) => setDraft({ ...draft, chairEmail: e.currentTarget.value })}
          error={problem.fields.chairEmail}
          spellCheck={false}
        />
        <TextAreaField
          id={idFor('chairAvailability')}
          label="Chair’s availability for residency conversations (optional)"
          hint="When and how students can ask for a conversation, in a sentence or two."
          rows={2}
          value={draft.chairAvailability}
          onChange={(e) => setDraft({ ...draft, chairAvailability: e.currentTarget.value })}
          error={problem.fields.chairAvailability}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save advisor and chair'}
          </button>
        </div>
      </form>
    </section>
  )
}
