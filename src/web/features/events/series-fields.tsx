import { Link } from 'react-router'
import type { EventSeriesCreated } from '#shared/contracts/event-slots.ts'
import { AppError } from '#shared/errors.ts'
import { RadioGroup, SelectField, TextField } from '../../components/fields.tsx'
import { formatMoment } from '../../components/format.ts'

/** The "Repeats" part of the new-event form, as typed. */
export type SeriesDraft = { repeat: '' | 'monthly-weekday' | 'weekly'; everyWeeks: string; ends: 'count' | 'until'; count: string; until: string }
export const NO_SERIES: SeriesDraft = { repeat: '', everyWeeks: '2', ends: 'count', count: '6', until: '' }
export const SERIES_FIELDS = ['repeat', 'everyWeeks', 'count', 'until'] as const
export const SERIES_LABELS: Record<string, string> = { repeat: 'Repeats', everyWeeks: 'Every how many weeks', count: 'How many times', until: 'Last date' }

const whole = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value) : Number.NaN)

/** The series part of the request, or the fields at fault. */
export function seriesRequest(
  draft: SeriesDraft,
):
  | { ok: true; value: { repeat: 'monthly-weekday' | 'weekly'; everyWeeks: number; count: number | null; until: string | null } }
  | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {}
  const everyWeeks = draft.repeat === 'weekly' ? whole(draft.everyWeeks) : 1
  if (Number.isNaN(everyWeeks)) fields.everyWeeks = 'Enter a whole number of weeks, such as 2.'
  const count = draft.ends === 'count' ? whole(draft.count) : null
  if (Number.isNaN(count)) fields.count = 'Enter how many times, such as 6.'
  const until = draft.ends === 'until' ? draft.until : null
  if (until === '') fields.until = 'Choose the last date.'
  if (draft.repeat === '' || Object.keys(fields).length > 0) return { ok: false, fields }
  return { ok: true, value: { repeat: draft.repeat, everyWeeks, count, until } }
}

/** The server names the first event's fields `event.title`…: shown at the form's own fields. */
export function unwrapSeriesError(cause: unknown): unknown {
  if (!(cause instanceof AppError) || !cause.fields) return cause
  const fields = Object.fromEntries(Object.entries(cause.fields).map(([key, text]) => [key.replace(/^event\./, ''), text]))
  return new AppError(cause.code, cause.message, fields)
}

/** "Repeats": does not, every month on the same weekday, or every N weeks; until a date or a number of times. */
export function SeriesFields({
  draft,
  onChange,
  errors,
}: {
  draft: SeriesDraft
  onChange: (next: SeriesDraft) => void
  errors: Record<string, string | undefined>
}) {
  const set = <K extends keyof SeriesDraft>(key: K, value: SeriesDraft[K]) => onChange({ ...draft, [key]: value })
  return (
    <div className="series-fields">
      <SelectField
        id="event-repeat"
        label="Repeats"
        options={[
          { value: '', label: 'Does not repeat' },
          { value: 'monthly-weekday', label: 'Every month, on the same weekday (such as the second Tuesday)' },
          { value: 'weekly', label: 'Every few weeks, on the same weekday' },
        ]}
        value={draft.repeat}
        onChange={(e) => set('repeat', e.currentTarget.value as SeriesDraft['repeat'])}
        error={errors.repeat}
      />
      {draft.repeat ? (
        <>
          {draft.repeat === 'weekly' ? (
            <TextField
              id="event-everyWeeks"
              label="Every how many weeks"
              hint="1 for every week, 2 for every other week."
              inputMode="numeric"
              autoComplete="off"
              value={draft.everyWeeks}
              onChange={(e) => set('everyWeeks', e.currentTarget.value)}
              error={errors.everyWeeks}
            />
          ) : null}
          <RadioGroup
            id="event-ends"
            name="ends"
            label="Ends"
            options={[
              { value: 'count', label: 'After a number of times' },
              { value: 'until', label: 'On a last date' },
            ]}
            value={draft.ends}
            onChange={(value) => set('ends', value as SeriesDraft['ends'])}
          />
          {draft.ends === 'count' ? (
            <TextField
              id="event-count"
              label="How many times"
              hint="Dates on a holiday or in a break of the academic calendar count, but get no event: the form names them."
              inputMode="numeric"
              autoComplete="off"
              value={draft.count}
              onChange={(e) => set('count', e.currentTarget.value)}
              error={errors.count}
            />
          ) : (
            <TextField
              id="event-until"
              type="date"
              label="Last date"
              hint="Dates on a holiday or in a break of the academic calendar are skipped."
              value={draft.until}
              onChange={(e) => set('until', e.currentTarget.value)}
              error={errors.until}
            />
          )}
        </>
      ) : null}
    </div>
  )
}

/** After a series is made: its events, and the dates skipped with the holiday or break of each. */
export function SeriesCreated({ created }: { created: EventSeriesCreated }) {
  const day = (iso: string, timeZone?: string) =>
    formatMoment(iso.length === 10 ? `${iso}T12:00:00Z` : iso, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      ...(timeZone ? { timeZone } : { timeZone: 'UTC' }),
    })
  return (
    <div className="card" role="status">
      <h2>
        {created.events.length} {created.events.length === 1 ? 'event' : 'events'} created
      </h2>
      <p>{created.rule}.</p>
      <ul className="series-dates">
        {created.events.map((e) => (
          <li key={e.id}>
            <Link to={`/events/${e.id}`}>{day(e.startAt, e.timeZone)}</Link>
          </li>
        ))}
      </ul>
      {created.skipped.length > 0 ? (
        <>
          <h3>Skipped for the academic calendar</h3>
          <ul className="series-dates">
            {created.skipped.map((s) => (
              <li key={s.date}>
                {day(s.date)}: {s.reason}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>No date fell on a holiday or in a break.</p>
      )}
    </div>
  )
}
