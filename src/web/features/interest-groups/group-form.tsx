import { type FormEvent, useState } from 'react'
import { InterestGroupInput } from '#shared/contracts/interest-groups.ts'
import { SPECIALTIES_BY_NAME } from '#shared/reference/specialties.ts'
import { ErrorSummary } from '../../components/feedback.tsx'
import { SelectField, TextAreaField, TextField } from '../../components/fields.tsx'
import { type FormProblem, problemFrom, validate } from '../../components/form-errors.ts'

const FIELDS = ['name', 'specialtyId', 'description', 'leaderEmails', 'facultyAdvisorEmail'] as const
const LABELS: Record<string, string> = {
  name: 'Name',
  specialtyId: 'Specialty',
  description: 'About the group',
  leaderEmails: 'Student leaders',
  facultyAdvisorEmail: 'Faculty advisor',
}
export type GroupDraft = { name: string; specialtyId: string; description: string; leaderEmails: string; facultyAdvisorEmail: string }
export const EMPTY_GROUP: GroupDraft = { name: '', specialtyId: '', description: '', leaderEmails: '', facultyAdvisorEmail: '' }

/** The office's form for a group: its name, specialty, leaders and advisor (by school e-mail). */
export function GroupForm({
  idPrefix,
  initial,
  submitLabel,
  onSave,
}: {
  idPrefix: string
  initial: GroupDraft
  submitLabel: string
  onSave: (input: InterestGroupInput) => Promise<unknown>
}) {
  const [draft, setDraft] = useState(initial)
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [pending, setPending] = useState(false)
  const idFor = (field: string) => `${idPrefix}-${FIELDS.includes(field as (typeof FIELDS)[number]) ? field : 'name'}`
  const set = (key: keyof GroupDraft, value: string) => setDraft((d) => ({ ...d, [key]: value }))

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const input = {
      name: draft.name,
      specialtyId: draft.specialtyId || null,
      description: draft.description,
      leaderEmails: draft.leaderEmails.split(/[\s,;]+/).filter(Boolean),
      facultyAdvisorEmail: draft.facultyAdvisorEmail.trim() || null,
    }
    const result = validate(InterestGroupInput, input)
    setAttempt((n) => n + 1)
    if (!result.ok) return setProblem({ message: null, fields: Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k.split('.')[0] ?? k, v])) })
    setPending(true)
    try {
      await onSave(result.data)
      setProblem({ message: null, fields: {} })
      if (initial === EMPTY_GROUP) setDraft(EMPTY_GROUP)
    } catch (cause) {
      setProblem(problemFrom(cause, FIELDS))
    } finally {
      setPending(false)
    }
  }

  return (
    <>
      <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
      <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
        <TextField
          id={idFor('name')}
          label="Name"
          value={draft.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={problem.fields.name}
          autoComplete="off"
        />
        <SelectField
          id={idFor('specialtyId')}
          label="Specialty (optional)"
          hint="None for a group that is not about one specialty (wilderness medicine, global health …)."
          placeholder="No one specialty"
          options={SPECIALTIES_BY_NAME.map((s) => ({ value: s.id, label: s.name }))}
          value={draft.specialtyId}
          onChange={(e) => set('specialtyId', e.currentTarget.value)}
          error={problem.fields.specialtyId}
        />
        <TextAreaField
          id={idFor('description')}
          label="About the group (optional)"
          rows={3}
          value={draft.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={problem.fields.description}
        />
        <TextAreaField
          id={idFor('leaderEmails')}
          label="Student leaders"
          hint="Their school e-mail addresses, one per line. Leaders write to members and run the group’s events."
          rows={2}
          value={draft.leaderEmails}
          onChange={(e) => set('leaderEmails', e.currentTarget.value)}
          error={problem.fields.leaderEmails}
          spellCheck={false}
        />
        <TextField
          id={idFor('facultyAdvisorEmail')}
          type="email"
          label="Faculty advisor (optional)"
          hint="The school e-mail of a faculty mentor or advisor."
          value={draft.facultyAdvisorEmail}
          onChange={(e) => set('facultyAdvisorEmail', e.currentTarget.value)}
          error={problem.fields.facultyAdvisorEmail}
          spellCheck={false}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={pending}>
            {pending ? 'Saving…' : submitLabel}
          </button>
        </div>
      </form>
    </>
  )
}
