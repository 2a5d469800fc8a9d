import { type FormEvent, useState } from 'react'
import { ShadowingSlotInput } from '#shared/contracts/shadowing.ts'
import { errorMessage } from '../../api/client.ts'
import { ErrorSummary, Loading, QueryError } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'
import { problemFrom, validate } from '../../components/form-errors.ts'
import { useAddSlot, useRemoveSlot, useShadowingBookings, useShadowingSlots } from './shadowing-api.ts'
import { dayWhen, placesLeftLabel } from './shadowing-format.ts'

const FIELDS = ['startAt', 'endAt', 'site', 'dressCode', 'whatToBring', 'places'] as const
const LABELS: Record<string, string> = {
  startAt: 'Starts',
  endAt: 'Ends',
  site: 'Where',
  dressCode: 'Dress code',
  whatToBring: 'What to bring',
  places: 'Places',
}
const idFor = (field: string) => `slot-${FIELDS.includes(field as (typeof FIELDS)[number]) ? field : 'startAt'}`
const fromLocalInput = (value: string) => (value && !Number.isNaN(new Date(value).getTime()) ? new Date(value).toISOString() : '')
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone.replace(/_/g, ' ')

type Draft = Record<(typeof FIELDS)[number], string>
const EMPTY: Draft = { startAt: '', endAt: '', site: '', dressCode: '', whatToBring: '', places: '1' }

/** The poster's days: add one (when, where, what to wear and bring, places), see who booked each, remove one. */
export function SlotManager({ opportunityId }: { opportunityId: string }) {
  const slots = useShadowingSlots(opportunityId)
  const bookings = useShadowingBookings(opportunityId)
  const add = useAddSlot(opportunityId)
  const remove = useRemoveSlot()
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [problem, setProblem] = useState<{ message: string | null; fields: Record<string, string> }>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [status, setStatus] = useState<string | null>(null)
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }))

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setStatus(null)
    const input = {
      ...draft,
      startAt: fromLocalInput(draft.startAt),
      endAt: fromLocalInput(draft.endAt),
      places: /^\d+$/.test(draft.places) ? Number(draft.places) : Number.NaN,
    }
    const result = validate(ShadowingSlotInput, input)
    const found: Record<string, string> = result.ok ? {} : { ...result.errors }
    if (!input.startAt) found.startAt = 'Choose a date and time.'
    if (!input.endAt) found.endAt = 'Choose a date and time.'
    if (!result.ok || Object.keys(found).length > 0) {
      setProblem({ message: null, fields: found })
      setAttempt((n) => n + 1)
      return
    }
    try {
      await add.mutateAsync(result.data)
      setProblem({ message: null, fields: {} })
      setStatus(`Added ${dayWhen(result.data)}. Students can book it now.`)
      setDraft((d) => ({ ...d, startAt: '', endAt: '' }))
    } catch (cause) {
      setProblem(problemFrom(cause, FIELDS))
      setAttempt((n) => n + 1)
    }
  }

  const bookedOn = (slotId: string) => (bookings.data?.bookings ?? []).filter((b) => b.slotId === slotId && b.status === 'booked')

  return (
    <section className="card" aria-labelledby="manage-days">
      <h2 id="manage-days">Your shadowing days</h2>
      {slots.isPending ? <Loading /> : null}
      {slots.isError ? <QueryError error={slots.error} onRetry={() => void slots.refetch()} /> : null}
      <div role="status" aria-live="polite" className="live-status">
        {status ? <p className="notice notice-success">{status}</p> : null}
      </div>
      {slots.data && slots.data.slots.length === 0 ? <p>No days yet: add the first below.</p> : null}
      <ul className="shadowing-days">
        {(slots.data?.slots ?? []).map((slot) => {
          const students = bookedOn(slot.id)
          return (
            <li key={slot.id} className="shadowing-day">
              <h3>{dayWhen(slot)}</h3>
              <p>
                {[slot.site, placesLeftLabel(slot)].filter(Boolean).join(' · ')}
                <br />
                {students.length ? `Booked by ${students.map((b) => b.studentName).join(', ')}` : 'Nobody has booked it yet.'}
              </p>
              {new Date(slot.startAt).getTime() > Date.now() ? (
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={`Remove ${dayWhen(slot)}`}
                  disabled={remove.isPending}
                  onClick={() =>
                    void remove
                      .mutateAsync(slot.id)
                      .then(() => setStatus(`Removed ${dayWhen(slot)}.${students.length ? ' The students booked on it were told.' : ''}`))
                      .catch((cause: unknown) => setStatus(errorMessage(cause)))
                  }
                >
                  Remove this day
                </button>
              ) : null}
            </li>
          )
        })}
      </ul>
      <h3>Add a day</h3>
      <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
      <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
        <div className="shadowing-form-row">
          <TextField
            id={idFor('startAt')}
            type="datetime-local"
            label="Starts"
            hint={`In ${zone()} time.`}
            value={draft.startAt}
            onChange={(e) => set('startAt', e.currentTarget.value)}
            error={problem.fields.startAt}
          />
          <TextField
            id={idFor('endAt')}
            type="datetime-local"
            label="Ends"
            hint={`In ${zone()} time.`}
            value={draft.endAt}
            onChange={(e) => set('endAt', e.currentTarget.value)}
            error={problem.fields.endAt}
          />
        </div>
        <TextField
          id={idFor('site')}
          label="Where"
          hint="Leave empty to use the opportunity's site."
          value={draft.site}
          onChange={(e) => set('site', e.currentTarget.value)}
          error={problem.fields.site}
        />
        <TextField
          id={idFor('dressCode')}
          label="Dress code"
          value={draft.dressCode}
          onChange={(e) => set('dressCode', e.currentTarget.value)}
          error={problem.fields.dressCode}
        />
        <TextField
          id={idFor('whatToBring')}
          label="What to bring"
          value={draft.whatToBring}
          onChange={(e) => set('whatToBring', e.currentTarget.value)}
          error={problem.fields.whatToBring}
        />
        <TextField
          id={idFor('places')}
          label="Places"
          inputMode="numeric"
          autoComplete="off"
          value={draft.places}
          onChange={(e) => set('places', e.currentTarget.value)}
          error={problem.fields.places}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add this day'}
          </button>
        </div>
      </form>
    </section>
  )
}
