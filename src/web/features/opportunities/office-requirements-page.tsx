import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { RequirementInput, RequirementRecordInput, type RequirementView, type VerificationQueueItem } from '#shared/contracts/shadowing.ts'
import { OPPORTUNITY_KIND_LABELS, OPPORTUNITY_KINDS, type OpportunityKind, type RequirementVerification } from '#shared/enums.ts'
import { nameInSentence } from '#shared/name-in-sentence.ts'
import { ErrorSummary, LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../components/fields.tsx'
import { type FormProblem, problemFrom, validate } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { dayText } from './shadowing-format.ts'
import { useRequirementList, useRetireRequirement, useSaveRequirement, useVerificationQueue, useVerifyRequirement } from './shadowing-api.ts'
import './opportunities.css'
import { OpportunityPicker, type PickedOpportunity } from './opportunity-picker.tsx'
import { RequirementDateFields } from './requirement-dates.tsx'

const EXPIRY_WORDS: Record<VerificationQueueItem['expiry'], string> = {
  expired: 'Expired',
  'expires-soon': 'Expires within 30 days',
  valid: 'Valid',
  'no-expiry': 'Does not expire',
}

/**
 * The office's requirements: what students must have before applying to or booking an
 * opportunity (set for every opportunity of a kind, or kept for one), and the queue of
 * students' records the office verifies, the longest waiting first.
 */
export function OfficeRequirementsPage() {
  usePageTitle('Requirements for opportunities')
  const list = useRequirementList()
  const queue = useVerificationQueue()
  const [adding, setAdding] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const items = queue.data?.items ?? []
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>Requirements for opportunities</h1>
        <p className="lead">
          What a student must have on record before applying to or booking an opportunity: training, immunisations, checks. Students confirm their own, or send
          them for the office to verify here.
        </p>
      </div>
      <LiveStatus message={status} />

      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">
          Waiting for verification ({items.length}
          {queue.data?.more ? '+' : ''})
        </h2>
        {queue.isPending ? <Loading /> : null}
        {queue.isError ? <QueryError error={queue.error} onRetry={() => void queue.refetch()} /> : null}
        {queue.data && items.length === 0 ? <p className="empty-state">Nothing is waiting: every record sent to the office is verified.</p> : null}
        <ul className="opportunity-list">
          {items.map((item) => (
            <QueueItem key={`${item.requirementId}-${item.studentId}`} item={item} onDone={setStatus} />
          ))}
        </ul>
        {queue.data?.more ? <p className="field-hint">The oldest 100 are shown; the next appear as these are verified.</p> : null}
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">Requirements in force ({list.data?.requirements.length ?? 0})</h2>
        {list.isPending ? <Loading /> : null}
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {adding ? (
          <RequirementForm
            requirement={null}
            onDone={(message) => {
              setAdding(false)
              if (message) setStatus(message)
            }}
          />
        ) : (
          <p>
            <button type="button" className="button" onClick={() => setAdding(true)}>
              Add a requirement
            </button>
          </p>
        )}
        <ul className="opportunity-list">
          {(list.data?.requirements ?? []).map((r) => (
            <RequirementItem key={r.id} requirement={r} onDone={setStatus} />
          ))}
        </ul>
      </section>
    </div>
  )
}

function QueueItem({ item, onDone }: { item: VerificationQueueItem; onDone: (message: string) => void }) {
  const verify = useVerifyRequirement()
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState({ completedOn: item.completedOn, expiresOn: item.expiresOn ?? '' })
  const [fields, setFields] = useState<Record<string, string>>({})
  const id = `verify-${item.requirementId}-${item.studentId}`
  const name = nameInSentence(item.requirementName)
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(RequirementRecordInput, { completedOn: draft.completedOn, expiresOn: draft.expiresOn || null })
    if (!checked.ok) return setFields(checked.errors)
    try {
      await verify.mutateAsync({ requirementId: item.requirementId, studentId: item.studentId, ...checked.data })
      onDone(`Verified ${item.studentName}’s ${name}.`)
    } catch (cause) {
      setFields(problemFrom(cause, ['completedOn', 'expiresOn']).fields)
    }
  }
  return (
    <li className="card opportunity-card">
      <h3>
        {item.studentName}: {item.requirementName}
      </h3>
      <p className="opportunity-meta">
        For {item.appliesTo} · completed {dayText(item.completedOn)}
        {item.expiresOn ? ` · expires ${dayText(item.expiresOn)}` : ''} · sent {dayText(item.recordedAt.slice(0, 10))}
      </p>
      <p
        className={`tag ${item.expiry === 'expired' ? 'requirement-expired' : item.expiry === 'expires-soon' ? 'requirement-awaiting-verification' : 'requirement-met'}`}
      >
        {EXPIRY_WORDS[item.expiry]}
      </p>
      {open ? (
        <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
          <p className="field-hint">Check the dates against the document the student sent; correct them if they differ.</p>
          <div className="opportunity-form-row">
            <RequirementDateFields id={id} draft={draft} setDraft={setDraft} fields={fields} expiresHint="Empty if it does not expire." />
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={verify.isPending}>
              Verify {name}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p>
          <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
            Verify
            <span className="visually-hidden">
              {' '}
              {item.studentName}’s {name}
            </span>
          </button>
        </p>
      )}
    </li>
  )
}

function RequirementItem({ requirement: r, onDone }: { requirement: RequirementView; onDone: (message: string) => void }) {
  const retire = useRetireRequirement()
  const [mode, setMode] = useState<'view' | 'edit' | 'retire'>('view')
  const [error, setError] = useState<string | null>(null)
  const name = nameInSentence(r.name)
  if (mode === 'edit')
    return (
      <li className="card">
        <RequirementForm
          requirement={r}
          onDone={(message) => {
            setMode('view')
            if (message) onDone(message)
          }}
        />
      </li>
    )
  return (
    <li className="card opportunity-card">
      <h3>{r.name}</h3>
      <p className="opportunity-meta">
        For{' '}
        {r.opportunityKind ? (
          `every ${OPPORTUNITY_KIND_LABELS[r.opportunityKind].toLowerCase()} opportunity`
        ) : r.opportunityId ? (
          <Link to={`/opportunities/${r.opportunityId}`}>{r.appliesTo}</Link>
        ) : (
          r.appliesTo
        )}{' '}
        · {r.verification === 'office' ? 'the office verifies it' : 'the student confirms it'}
      </p>
      {r.description ? <p className="prose">{r.description}</p> : null}
      {error ? <p className="notice notice-error">{error}</p> : null}
      {mode === 'retire' ? (
        <div className="notice notice-warning">
          <p>Stop asking for {name}? Students’ records of it stay; applications and bookings stop checking it.</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              disabled={retire.isPending}
              onClick={() =>
                void retire
                  .mutateAsync(r.id)
                  .then(() => onDone(`Stopped asking for ${name}.`))
                  .catch((cause: unknown) => setError(problemFrom(cause, []).message))
              }
            >
              Stop asking for {name}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setMode('view')}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" className="button button-secondary button-small" onClick={() => setMode('edit')}>
            Edit<span className="visually-hidden"> {name}</span>
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => setMode('retire')}>
            Retire<span className="visually-hidden"> {name}</span>
          </button>
        </div>
      )}
    </li>
  )
}

const FIELDS = ['name', 'description', 'verification', 'opportunityKind', 'opportunityId'] as const
const LABELS = {
  name: 'Name',
  description: 'What the student does',
  verification: 'Who vouches for it',
  opportunityKind: 'Applies to',
  opportunityId: 'Opportunity',
}

/**
 * Adding a requirement or changing one: for every opportunity of a kind, or for one opportunity
 * the office finds by searching the board (a site's badge, a lab's safety course).
 */
function RequirementForm({ requirement, onDone }: { requirement: RequirementView | null; onDone: (message: string | null) => void }) {
  const save = useSaveRequirement()
  const prefix = requirement ? `edit-${requirement.id}` : 'new-requirement'
  const idFor = (field: string) => `${prefix}-${field}`
  const [draft, setDraft] = useState({
    name: requirement?.name ?? '',
    description: requirement?.description ?? '',
    verification: (requirement?.verification ?? '') as RequirementVerification | '',
    opportunityKind: (requirement?.opportunityKind ?? (requirement?.opportunityId ? 'one' : '')) as OpportunityKind | 'one' | '',
    opportunity: requirement?.opportunityId ? { id: requirement.opportunityId, title: requirement.appliesTo } : (null as PickedOpportunity | null),
  })
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const fail = (next: FormProblem) => {
    setProblem(next)
    setAttempt((n) => n + 1)
  }
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const one = draft.opportunityKind === 'one'
    const checked = validate(RequirementInput, {
      name: draft.name,
      description: draft.description,
      verification: draft.verification || undefined,
      opportunityKind: one || draft.opportunityKind === '' ? null : draft.opportunityKind,
      opportunityId: one ? (draft.opportunity?.id ?? null) : null,
    })
    // "One opportunity" with none chosen yet: say so at the list of opportunities, not at "Applies to".
    if (one && !draft.opportunity) {
      const fields = checked.ok ? {} : { ...checked.errors }
      delete fields.opportunityKind
      return fail({ message: null, fields: { ...fields, opportunityId: 'Choose the opportunity it applies to.' } })
    }
    if (!checked.ok) return fail({ message: null, fields: checked.errors })
    try {
      await save.mutateAsync({ requirementId: requirement?.id ?? null, ...checked.data })
      onDone(requirement ? `Saved ${nameInSentence(checked.data.name)}.` : `Added ${nameInSentence(checked.data.name)}.`)
    } catch (cause) {
      fail(problemFrom(cause, FIELDS))
    }
  }
  const kindOptions = [
    ...OPPORTUNITY_KINDS.map((k) => ({ value: k, label: `Every ${OPPORTUNITY_KIND_LABELS[k].toLowerCase()} opportunity` })),
    { value: 'one', label: 'One opportunity' },
  ]
  return (
    <section className="card" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`}>{requirement ? `Edit ${nameInSentence(requirement.name)}` : 'Add a requirement'}</h3>
      <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
      <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
        <TextField
          id={idFor('name')}
          label="Name"
          hint="As a heading, e.g. “Influenza vaccine” or “HIPAA training”."
          value={draft.name}
          onChange={(e) => {
            // Read now: React may run the updater after the event is done with.
            const value = e.currentTarget.value
            setDraft((d) => ({ ...d, name: value }))
          }}
          error={problem.fields.name}
        />
        <TextAreaField
          id={idFor('description')}
          label="What the student does (optional)"
          rows={3}
          value={draft.description}
          onChange={(e) => {
            const value = e.currentTarget.value
            setDraft((d) => ({ ...d, description: value }))
          }}
          error={problem.fields.description}
        />
        <RadioGroup
          id={idFor('verification')}
          name={`${prefix}-verification`}
          label="Who vouches for it"
          options={[
            { value: 'student', label: 'The student confirms it', description: 'Met as soon as the student records it.' },
            { value: 'office', label: 'The office verifies it', description: 'Waits in the queue above until the office checks the document.' },
          ]}
          value={draft.verification}
          onChange={(value) => setDraft((d) => ({ ...d, verification: value as RequirementVerification }))}
          error={problem.fields.verification}
        />
        <SelectField
          id={idFor('opportunityKind')}
          label="Applies to"
          placeholder="Choose what it applies to"
          options={kindOptions}
          value={draft.opportunityKind}
          onChange={(e) => {
            const value = e.currentTarget.value as OpportunityKind | 'one' | ''
            setDraft((d) => ({ ...d, opportunityKind: value }))
          }}
          error={problem.fields.opportunityKind}
        />
        {draft.opportunityKind === 'one' ? (
          <OpportunityPicker
            id={idFor('opportunityId')}
            picked={draft.opportunity}
            onPick={(opportunity) => setDraft((d) => ({ ...d, opportunity }))}
            error={problem.fields.opportunityId}
          />
        ) : null}
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            {requirement ? 'Save changes' : 'Add requirement'}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  )
}
