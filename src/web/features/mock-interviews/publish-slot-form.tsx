import { useState, type FormEvent } from 'react'
import { SlotInput, slotInputProblems } from '#shared/contracts/mock-interviews.ts'
import { MOCK_INTERVIEW_KIND_LABELS, MOCK_INTERVIEW_KINDS, type MockInterviewKind, type MockInterviewPlace } from '#shared/enums.ts'
import { SPECIALTIES_BY_NAME } from '#shared/reference/specialties.ts'
import { ErrorSummary, LiveStatus } from '../../components/feedback.tsx'
import { RadioGroup, SelectField, TextField } from '../../components/fields.tsx'
import { problemFrom, validate } from '../../components/form-errors.ts'
import { usePublishSlot } from './api.ts'
import { slotWhen } from './mock-format.ts'

const FIELDS = ['specialtyId', 'kind', 'startAt', 'durationMinutes', 'place', 'room', 'onlineLink'] as const
const LABELS: Record<string, string> = {
  specialtyId: 'Specialty',
  kind: 'Kind of interview',
  startAt: 'Starts',
  durationMinutes: 'Minutes',
  place: 'Where',
  room: 'Room',
  onlineLink: 'Online link',
}
const idFor = (field: string) => `slot-${FIELDS.includes(field as (typeof FIELDS)[number]) ? field : 'specialtyId'}`
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone
const fromLocalInput = (value: string) => (value && !Number.isNaN(new Date(value).getTime()) ? new Date(value).toISOString() : '')

type Draft = { specialtyId: string; kind: string; startAt: string; durationMinutes: string; place: string; room: string; onlineLink: string }
const EMPTY: Draft = { specialtyId: '', kind: 'traditional', startAt: '', durationMinutes: '30', place: 'in-person', room: '', onlineLink: '' }

/** Publish one slot: specialty and kind, when, and a room or a checked online link. */
export function PublishSlotForm({ defaultSpecialty }: { defaultSpecialty: string }) {
  const publish = usePublishSlot()
  const [draft, setDraft] = useState<Draft>({ ...EMPTY, specialtyId: defaultSpecialty })
  const [problem, setProblem] = useState<{ message: string | null; fields: Record<string, string> }>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [saved, setSaved] = useState<string | null>(null)
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }))

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(null)
    const input = {
      specialtyId: draft.specialtyId,
      kind: draft.kind as MockInterviewKind,
      startAt: fromLocalInput(draft.startAt),
      durationMinutes: /^\d+$/.test(draft.durationMinutes) ? Number(draft.durationMinutes) : Number.NaN,
      timeZone: zone(),
      place: draft.place as MockInterviewPlace,
      room: draft.room,
      onlineLink: draft.onlineLink,
    }
    const result = validate(SlotInput, input)
    const found: Record<string, string> = { ...slotInputProblems(input), ...(result.ok ? {} : result.errors) }
    if (!input.startAt) found.startAt = 'Choose a date and time.'
    if (Number.isNaN(input.durationMinutes)) found.durationMinutes = 'Enter whole minutes, such as 30.'
    if (!result.ok || Object.keys(found).length > 0) {
      setProblem({ message: null, fields: found })
      setAttempt((n) => n + 1)
      return
    }
    try {
      const slot = await publish.mutateAsync(result.data)
      setProblem({ message: null, fields: {} })
      setSaved(`Published: ${slotWhen(slot)}. Students can book it now.`)
      setDraft((d) => ({ ...d, startAt: '' }))
    } catch (cause) {
      setProblem(problemFrom(cause, FIELDS))
      setAttempt((n) => n + 1)
    }
  }

  return (
    <>
      <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
      <form noValidate className="form card mock-publish" onSubmit={(e) => void onSubmit(e)}>
        <SelectField
          id={idFor('specialtyId')}
          label="Specialty"
          placeholder="Choose a specialty"
          options={SPECIALTIES_BY_NAME.map((s) => ({ value: s.id, label: s.name }))}
          value={draft.specialtyId}
          onChange={(e) => set('specialtyId', e.currentTarget.value)}
          error={problem.fields.specialtyId}
        />
        <SelectField
          id={idFor('kind')}
          label="Kind of interview"
          options={MOCK_INTERVIEW_KINDS.map((k) => ({ value: k, label: MOCK_INTERVIEW_KIND_LABELS[k] }))}
          value={draft.kind}
          onChange={(e) => set('kind', e.currentTarget.value)}
          error={problem.fields.kind}
        />
        <div className="mock-form-row">
          <TextField
            id={idFor('startAt')}
            type="datetime-local"
            label="Starts"
            hint={`In ${zone().replace(/_/g, ' ')} time.`}
            value={draft.startAt}
            onChange={(e) => set('startAt', e.currentTarget.value)}
            error={problem.fields.startAt}
          />
          <TextField
            id={idFor('durationMinutes')}
            label="Minutes"
            inputMode="numeric"
            value={draft.durationMinutes}
            onChange={(e) => set('durationMinutes', e.currentTarget.value)}
            error={problem.fields.durationMinutes}
            autoComplete="off"
          />
        </div>
        <RadioGroup
          id={idFor('place')}
          name="place"
          label="Where"
          options={[
            { value: 'in-person', label: 'In person' },
            { value: 'online', label: 'Online' },
          ]}
          value={draft.place}
          onChange={(value) => set('place', value)}
          error={problem.fields.place}
        />
        {draft.place === 'in-person' ? (
          <TextField
            id={idFor('room')}
            label="Room"
            hint="The room and building."
            value={draft.room}
            onChange={(e) => set('room', e.currentTarget.value)}
            error={problem.fields.room}
          />
        ) : (
          <TextField
            id={idFor('onlineLink')}
            type="url"
            label="Online link"
            hint="One link that starts with https://; the student gets it with the booking."
            value={draft.onlineLink}
            onChange={(e) => set('onlineLink', e.currentTarget.value)}
            error={problem.fields.onlineLink}
            spellCheck={false}
          />
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={publish.isPending}>
            {publish.isPending ? 'Publishing…' : 'Publish slot'}
          </button>
        </div>
        <LiveStatus message={saved} />
      </form>
    </>
  )
}
