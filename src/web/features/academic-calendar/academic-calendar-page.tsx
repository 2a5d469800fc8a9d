import { type FormEvent, useEffect, useState } from 'react'
import { AcademicCalendarInput, type AcademicDateView } from '#shared/contracts/academic-calendar.ts'
import { friendlyIssue } from '#shared/contracts/friendly-issues.ts'
import { ACADEMIC_DATE_KIND_LABELS, ACADEMIC_DATE_KINDS, type AcademicDateKind } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import { errorMessage } from '../../api/client.ts'
import { ErrorSummary, LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { SelectField, TextField } from '../../components/fields.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useAcademicCalendar, useSaveAcademicCalendar } from './api.ts'
import './academic-calendar.css'

type Row = { key: number; kind: AcademicDateKind | ''; name: string; startsOn: string; endsOn: string }

let nextKey = 1
const rowOf = (d: Pick<AcademicDateView, 'kind' | 'name' | 'startsOn' | 'endsOn'>): Row => ({ key: nextKey++, ...d })
const blank = (): Row => ({ key: nextKey++, kind: '', name: '', startsOn: '', endsOn: '' })

/** `dates.3.endsOn` is the last day of the fourth row. */
const idFor = (path: string) => {
  const [, index, field] = path.split('.')
  return index !== undefined && field ? `calendar-${index}-${field}` : 'calendar-add'
}
const FIELD_NAMES: Record<string, string> = { kind: 'kind', name: 'name', startsOn: 'first day', endsOn: 'last day' }
const labelsFor = (paths: string[]) =>
  Object.fromEntries(
    paths.map((path) => {
      const [, index, field] = path.split('.')
      return [path, index !== undefined && field ? `Row ${Number(index) + 1}, ${FIELD_NAMES[field] ?? field}` : '']
    }),
  )

/**
 * The school's academic calendar, for the office: when each academic year starts, its breaks
 * and its holidays. Series of events skip these days, the event form warns about them, and
 * students see them on their timeline. The whole list is saved at once.
 */
export function AcademicCalendarPage() {
  usePageTitle('Academic calendar')
  const calendar = useAcademicCalendar()
  const save = useSaveAcademicCalendar()
  const [rows, setRows] = useState<Row[] | null>(null)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [said, setSaid] = useState<string | null>(null)

  useEffect(() => {
    if (calendar.data && rows === null) setRows(calendar.data.dates.map(rowOf))
  }, [calendar.data, rows])

  const update = (key: number, change: Partial<Row>) => setRows((list) => (list ?? []).map((r) => (r.key === key ? { ...r, ...change } : r)))

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    if (!rows) return
    setSaid(null)
    // A single day needs only its first day.
    const input = { dates: rows.map((r) => ({ kind: r.kind, name: r.name, startsOn: r.startsOn, endsOn: r.endsOn || r.startsOn })) }
    const result = AcademicCalendarInput.safeParse(input, { error: (issue) => friendlyIssue(issue) })
    if (!result.success) {
      const found: Record<string, string> = {}
      for (const issue of result.error.issues) found[issue.path.map(String).join('.')] ??= issue.message
      setFields(found)
      setMessage(null)
      setAttempt((n) => n + 1)
      return
    }
    try {
      const saved = await save.mutateAsync(result.data)
      setRows(saved.dates.map(rowOf))
      setFields({})
      setMessage(null)
      setSaid(`Saved: ${saved.dates.length} dates. Series created from now on skip the breaks and holidays.`)
    } catch (cause) {
      setFields(cause instanceof AppError && cause.fields ? cause.fields : {})
      setMessage(cause instanceof AppError && cause.fields ? null : errorMessage(cause))
      setAttempt((n) => n + 1)
    }
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Academic calendar</h1>
        <p className="lead">
          When each academic year starts, and its breaks and holidays. A series of events skips dates that fall on them, and creating an event on one shows a
          warning.
        </p>
      </div>
      {calendar.isPending ? <Loading /> : null}
      {calendar.isError ? <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} /> : null}
      {rows ? (
        <>
          <ErrorSummary message={message} fields={fields} idFor={idFor} labels={labelsFor(Object.keys(fields))} attempt={attempt} />
          <form noValidate className="form academic-calendar-form" onSubmit={(e) => void onSubmit(e)}>
            {rows.length === 0 ? <p className="empty-state">No dates yet. Add the start of the academic year, then its breaks and holidays.</p> : null}
            <ol className="calendar-rows">
              {rows.map((r, i) => {
                const err = (field: string) => fields[`dates.${i}.${field}`]
                return (
                  <li key={r.key}>
                    <fieldset className="calendar-row">
                      <legend>
                        Row {i + 1}
                        {r.name ? `: ${r.name}` : ''}
                      </legend>
                      <SelectField
                        id={`calendar-${i}-kind`}
                        label="Kind"
                        placeholder="Choose"
                        options={ACADEMIC_DATE_KINDS.map((k) => ({ value: k, label: ACADEMIC_DATE_KIND_LABELS[k] }))}
                        value={r.kind}
                        onChange={(e) => update(r.key, { kind: e.currentTarget.value as AcademicDateKind })}
                        error={err('kind')}
                      />
                      <TextField
                        id={`calendar-${i}-name`}
                        label="Name"
                        autoComplete="off"
                        value={r.name}
                        onChange={(e) => update(r.key, { name: e.currentTarget.value })}
                        error={err('name')}
                      />
                      <TextField
                        id={`calendar-${i}-startsOn`}
                        type="date"
                        label="First day"
                        value={r.startsOn}
                        onChange={(e) => update(r.key, { startsOn: e.currentTarget.value })}
                        error={err('startsOn')}
                      />
                      <TextField
                        id={`calendar-${i}-endsOn`}
                        type="date"
                        label="Last day, if several"
                        value={r.endsOn === r.startsOn ? '' : r.endsOn}
                        onChange={(e) => update(r.key, { endsOn: e.currentTarget.value })}
                        error={err('endsOn')}
                      />
                      <button
                        type="button"
                        className="button button-secondary button-small calendar-remove"
                        onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
                      >
                        Remove
                        <span className="visually-hidden">
                          {' '}
                          row {i + 1}
                          {r.name ? `, ${r.name}` : ''}
                        </span>
                      </button>
                    </fieldset>
                  </li>
                )
              })}
            </ol>
            <div className="button-row">
              <button type="button" id="calendar-add" className="button button-secondary" onClick={() => setRows([...rows, blank()])}>
                Add a date
              </button>
              <button type="submit" className="button" disabled={save.isPending}>
                {save.isPending ? 'Saving…' : 'Save the calendar'}
              </button>
            </div>
            <LiveStatus message={said} />
          </form>
        </>
      ) : null}
    </div>
  )
}
