import { type FormEvent, useState } from 'react'
import { SlotRunInput } from '#shared/contracts/event-slots.ts'
import type { EventView } from '#shared/contracts/events.ts'
import { ErrorSummary, LiveStatus } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'
import { type FormProblem, problemFrom, validate } from '../../components/form-errors.ts'
import { useAddSlots } from './slots-api.ts'
import { formatWhen } from './event-format.ts'

const FIELDS = ['startAt', 'lengthMinutes', 'count', 'label'] as const
const LABELS: Record<string, string> = { startAt: 'First slot starts', lengthMinutes: 'Minutes per slot', count: 'How many', label: 'Label' }
const idFor = (field: string) => `slots-${FIELDS.includes(field as (typeof FIELDS)[number]) ? field : 'startAt'}`

/** `datetime-local` values are wall times in this browser's zone, the office's. */
function toLocalInput(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}
const fromLocalInput = (value: string) => (value && !Number.isNaN(new Date(value).getTime()) ? new Date(value).toISOString() : '')
const wholeOrNaN = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value) : Number.NaN)

const NO_PROBLEM: FormProblem = { message: null, fields: {} }

/** Staff: add a run of back-to-back slots, a number of them or until the event ends, with an optional label. */
export function AddSlotsForm({ event }: { event: EventView }) {
  const add = useAddSlots(event.id)
  const [startAt, setStartAt] = useState(() => toLocalInput(event.startAt))
  const [lengthMinutes, setLength] = useState('10')
  const [count, setCount] = useState('')
  const [label, setLabel] = useState('')
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM)
  const [attempt, setAttempt] = useState(0)
  const [said, setSaid] = useState<string | null>(null)

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setSaid(null)
    const input = { startAt: fromLocalInput(startAt), lengthMinutes: wholeOrNaN(lengthMinutes), count: count.trim() === '' ? null : wholeOrNaN(count), label }
    const result = validate(SlotRunInput, input)
    const fields: Record<string, string> = result.ok ? {} : { ...result.errors }
    if (!input.startAt) fields.startAt = 'Choose a date and time.'
    if (Number.isNaN(input.lengthMinutes)) fields.lengthMinutes = 'Enter a whole number of minutes, such as 10.'
    if (Number.isNaN(input.count)) fields.count = 'Enter a whole number, or leave it empty to fill the event.'
    if (!result.ok || Object.keys(fields).length > 0) {
      setProblem({ message: null, fields })
      setAttempt((n) => n + 1)
      return
    }
    setProblem(NO_PROBLEM)
    try {
      const next = await add.mutateAsync(result.data)
      setSaid(`Slots added: the event now has ${next.slots.length}.`)
      setCount('')
      setLabel('')
    } catch (cause) {
      setProblem(problemFrom(cause, FIELDS))
      setAttempt((n) => n + 1)
    }
  }

  return (
    <form noValidate className="form slot-form" aria-labelledby="add-slots" onSubmit={(e) => void onSubmit(e)}>
      <h3 id="add-slots">Add slots</h3>
      <p className="field-hint">The event runs {formatWhen(event)}. Slots follow one another without gaps and may not overlap slots already added.</p>
      <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
      <div className="event-form-row">
        <TextField
          id={idFor('startAt')}
          type="datetime-local"
          label="First slot starts"
          value={startAt}
          onChange={(e) => setStartAt(e.currentTarget.value)}
          error={problem.fields.startAt}
        />
        <TextField
          id={idFor('lengthMinutes')}
          label="Minutes per slot"
          inputMode="numeric"
          autoComplete="off"
          value={lengthMinutes}
          onChange={(e) => setLength(e.currentTarget.value)}
          error={problem.fields.lengthMinutes}
        />
      </div>
      <div className="event-form-row">
        <TextField
          id={idFor('count')}
          label="How many (optional)"
          hint="Empty: as many as fit before the event ends."
          inputMode="numeric"
          autoComplete="off"
          value={count}
          onChange={(e) => setCount(e.currentTarget.value)}
          error={problem.fields.count}
        />
        <TextField
          id={idFor('label')}
          label="Label (optional)"
          hint="What these slots are for, such as a program’s name."
          autoComplete="off"
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={problem.fields.label}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add slots'}
        </button>
      </div>
      <LiveStatus message={said} />
    </form>
  )
}
