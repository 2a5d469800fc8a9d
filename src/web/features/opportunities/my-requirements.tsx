import { nameInSentence } from '#shared/name-in-sentence.ts'
import { type FormEvent, useState } from 'react'
import type { RequirementStanding } from '#shared/contracts/shadowing.ts'
import { RequirementRecordInput } from '#shared/contracts/shadowing.ts'
import { problemFrom, validate } from '../../components/form-errors.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { useMyRequirements, useRecordRequirement } from './shadowing-api.ts'
import { REQUIREMENT_STATE_LABELS, requirementDetail } from './shadowing-format.ts'
import { RequirementDateFields } from './requirement-dates.tsx'

/** "My requirements": each requirement the school sets, where the student stands, and a form to record it. */
export function MyRequirements() {
  const requirements = useMyRequirements()
  const list = requirements.data?.requirements ?? []
  return (
    <section aria-labelledby="my-requirements-heading" id="my-requirements" className="card">
      <h2 id="my-requirements-heading">My requirements</h2>
      <p>Trainings, immunisations and checks some opportunities ask for. Record each when you complete it, with the day it expires.</p>
      {requirements.isPending ? <Loading /> : null}
      {requirements.isError ? <QueryError error={requirements.error} onRetry={() => void requirements.refetch()} /> : null}
      {requirements.data && list.length === 0 ? <p>The school asks for none at the moment.</p> : null}
      <ul className="requirement-list">
        {list.map((r) => (
          <RequirementItem key={r.id} requirement={r} />
        ))}
      </ul>
    </section>
  )
}

function RequirementItem({ requirement: r }: { requirement: RequirementStanding }) {
  const record = useRecordRequirement()
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState({ completedOn: r.completedOn ?? '', expiresOn: r.expiresOn ?? '' })
  const [fields, setFields] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState<string | null>(null)
  const id = `requirement-${r.id}`
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(null)
    const result = validate(RequirementRecordInput, { completedOn: draft.completedOn, expiresOn: draft.expiresOn || null })
    if (!result.ok) return setFields(result.errors)
    try {
      await record.mutateAsync({ requirementId: r.id, ...result.data })
      setFields({})
      setOpen(false)
      setSaved(r.verification === 'office' ? 'Recorded: the office will verify it.' : 'Recorded.')
    } catch (cause) {
      setFields(problemFrom(cause, ['completedOn', 'expiresOn']).fields)
    }
  }
  return (
    <li>
      <strong>{r.name}</strong> <span className={`tag requirement-${r.state}`}>{REQUIREMENT_STATE_LABELS[r.state]}</span>
      <p>
        For {r.appliesTo}. {r.problem ?? requirementDetail(r)}
      </p>
      <div role="status" aria-live="polite" className="live-status">
        {saved ? <p className="notice notice-success">{saved}</p> : null}
      </div>
      {open ? (
        <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
          <RequirementDateFields id={id} draft={draft} setDraft={setDraft} fields={fields} expiresHint="Leave empty if it does not expire." />
          <div className="button-row">
            <button type="submit" className="button" disabled={record.isPending}>
              Save {nameInSentence(r.name)}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {r.state === 'missing' ? `Record ${nameInSentence(r.name)}` : `Update ${nameInSentence(r.name)}`}
        </button>
      )}
    </li>
  )
}
