import { useEffect, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { UpdateAvailability, type AvailabilityView } from '#shared/contracts/mentorships.ts'
import { MEETING_LOCATION_KINDS, type MeetingLocationKind } from '#shared/enums.ts'
import type { FieldErrors } from '#shared/errors.ts'
import { useMyAvailability, useSetAvailability } from '../../api/mentorships.ts'
import { ErrorSummary, LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { SelectField, TextField, optionsFrom } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { formatWallTime } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { timeZoneLabel } from '#shared/reference/time-zones.ts'
import { zoneOptions } from '../../components/time-zone-options.ts'
import { browserTimeZone, formatIsoDate, LOCATION_LABELS, WEEKDAY_LABELS } from './mentorship-format.ts'
import { CalendarFeed } from './calendar-feed.tsx'
import { WeekGrid } from './week-grid-view.tsx'
import './availability.css'

type SlotDraft = { key: number; weekday: string; startTime: string; durationMinutes: string; locationKind: MeetingLocationKind; locationDetail: string }

const WEEKDAY_OPTIONS = WEEKDAY_LABELS.map((label, index) => ({ value: String(index + 1), label }))
const DURATION_OPTIONS = [15, 20, 30, 45, 60, 90, 120].map((m) => ({ value: String(m), label: `${m} minutes` }))
const LOCATION_OPTIONS = optionsFrom(MEETING_LOCATION_KINDS, LOCATION_LABELS)

let nextKey = 1
const draftFrom = (slot: AvailabilityView['slots'][number]): SlotDraft => ({
  key: nextKey++,
  weekday: String(slot.weekday),
  startTime: slot.startTime,
  durationMinutes: String(slot.durationMinutes),
  locationKind: slot.locationKind,
  locationDetail: slot.locationDetail,
})

export function AvailabilityPage() {
  usePageTitle('My availability')
  const availability = useMyAvailability()
  const save = useSetAvailability()
  const [timeZone, setTimeZone] = useState('')
  const [everyZone, setEveryZone] = useState(false)
  const [slots, setSlots] = useState<SlotDraft[]>([])
  const [exceptions, setExceptions] = useState<string[]>([])
  const [newException, setNewException] = useState('')
  const [exceptionError, setExceptionError] = useState<string | undefined>(undefined)
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [saved, setSaved] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)

  useEffect(() => {
    if (!availability.data || loaded) return
    const data = availability.data
    // A mentor who never saved starts in the zone of where they work, else their browser's.
    const neverSaved = data.slots.length === 0 && data.exceptions.length === 0
    setTimeZone(neverSaved ? (data.defaultTimeZone ?? browserTimeZone()) : data.timeZone || browserTimeZone())
    setSlots(data.slots.map(draftFrom))
    setExceptions([...data.exceptions].sort())
    setLoaded(true)
  }, [availability.data, loaded])

  const fail = (next: FormProblem) => {
    setProblem(next)
    setAttempt((n) => n + 1)
  }

  const change = (key: number, patch: Partial<SlotDraft>) => setSlots((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)))

  // From the week grid a day is chosen already, so focus goes to the start time; from the list, to the day.
  const addSlot = (weekday?: number) => {
    const key = nextKey++
    setSlots((list) => [...list, { key, weekday: String(weekday ?? 2), startTime: '12:00', durationMinutes: '30', locationKind: 'video', locationDetail: '' }])
    setTimeout(() => document.getElementById(weekday ? `slot-${key}-startTime` : `slot-${key}-weekday`)?.focus(), 0)
  }

  const editSlot = (key: number) => {
    const field = document.getElementById(`slot-${key}-startTime`)
    field?.scrollIntoView({ block: 'center' })
    field?.focus()
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(null)
    const input = {
      timeZone,
      slots: slots.map((s) => ({
        weekday: Number(s.weekday),
        startTime: s.startTime,
        durationMinutes: Number(s.durationMinutes),
        locationKind: s.locationKind,
        locationDetail: s.locationDetail,
      })),
      exceptions,
    }
    const local: FieldErrors = {}
    slots.forEach((s, index) => {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s.startTime)) local[`slots.${index}`] = `Weekly time ${index + 1}: choose a start time.`
    })
    const result = validate(UpdateAvailability, input)
    if (!result.ok || Object.keys(local).length > 0) return fail({ message: null, fields: { ...(result.ok ? {} : result.errors), ...local } })
    setProblem({ message: null, fields: {} })
    try {
      const next = await save.mutateAsync(result.data)
      setSlots(next.slots.map(draftFrom))
      setExceptions([...next.exceptions].sort())
      setSaved(`Your availability is saved: ${next.slots.length} weekly ${next.slots.length === 1 ? 'time' : 'times'} in ${timeZoneLabel(next.timeZone)}.`)
    } catch (cause) {
      fail(problemFrom(cause, ['timeZone', 'slots', 'exceptions']))
    }
  }

  const idFor = (field: string) => {
    const [top, index] = field.split('.')
    if (top === 'slots' && index !== undefined) return `slot-${slots[Number(index)]?.key ?? 0}-startTime`
    if (top === 'slots') return 'availability-add-slot'
    if (top === 'exceptions') return 'exception-new'
    return 'availability-timeZone'
  }

  return (
    <div className="page page-narrow">
      <p className="back-link">
        <Link to="/mentorships">← My mentorships</Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>My availability</h1>
        <p className="lead">The times each week when your mentees may book you. They see them in their own time zone; you set them in yours.</p>
      </div>
      {availability.isPending ? <Loading /> : null}
      {availability.isError ? <QueryError error={availability.error} onRetry={() => void availability.refetch()} /> : null}
      <LiveStatus message={saved} />
      {loaded ? (
        <>
          <ErrorSummary
            message={problem.message}
            fields={problem.fields}
            idFor={idFor}
            labels={{ timeZone: 'Time zone', exceptions: 'Dates off' }}
            attempt={attempt}
          />
          <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
            <section className="card mentorship-block" aria-labelledby="zone-title">
              <h2 id="zone-title">Your time zone</h2>
              <SelectField
                id="availability-timeZone"
                label="Time zone"
                hint={`Your browser is in ${timeZoneLabel(browserTimeZone())}. Weekly times keep their local time when the clocks change.`}
                options={zoneOptions(timeZone, everyZone)}
                value={timeZone}
                onChange={(e) => setTimeZone(e.currentTarget.value)}
                error={problem.fields.timeZone}
              />
              <button type="button" className="button-link" aria-controls="availability-timeZone" onClick={() => setEveryZone((every) => !every)}>
                {everyZone ? 'Show the usual time zones only' : 'Outside the United States? Show every time zone'}
              </button>
            </section>

            <section className="card mentorship-block" aria-labelledby="weekly-title">
              <h2 id="weekly-title">Weekly times</h2>
              <p className="field-hint">
                Mentees are not offered times on US federal holidays (or the Friday or Monday a weekend holiday is observed); they can still propose a time on
                one.
              </p>
              {slots.length === 0 ? <p className="empty">No weekly times yet: mentees cannot book you, only propose a time. Add one on a day below.</p> : null}
              <WeekGrid slots={slots} onEdit={editSlot} onAdd={addSlot} />
              {slots.length > 0 ? <h3 className="slot-editor-title">Details of each weekly time</h3> : null}
              <ol className="slot-editor-list">
                {slots.map((slot, index) => (
                  <li key={slot.key}>
                    <fieldset className="slot-editor">
                      <legend>
                        Weekly time {index + 1}: {WEEKDAY_LABELS[Number(slot.weekday) - 1]} at {slot.startTime ? formatWallTime(slot.startTime) : '—'}
                      </legend>
                      <div className="slot-editor-grid">
                        <SelectField
                          id={`slot-${slot.key}-weekday`}
                          label="Day"
                          options={WEEKDAY_OPTIONS}
                          value={slot.weekday}
                          onChange={(e) => change(slot.key, { weekday: e.currentTarget.value })}
                        />
                        <TextField
                          id={`slot-${slot.key}-startTime`}
                          type="time"
                          label="Starts"
                          value={slot.startTime}
                          onChange={(e) => change(slot.key, { startTime: e.currentTarget.value })}
                          error={problem.fields[`slots.${index}`] ? 'Choose a start time.' : undefined}
                        />
                        <SelectField
                          id={`slot-${slot.key}-duration`}
                          label="Length"
                          options={DURATION_OPTIONS}
                          value={slot.durationMinutes}
                          onChange={(e) => change(slot.key, { durationMinutes: e.currentTarget.value })}
                        />
                        <SelectField
                          id={`slot-${slot.key}-location`}
                          label="Where"
                          options={LOCATION_OPTIONS}
                          value={slot.locationKind}
                          onChange={(e) => change(slot.key, { locationKind: e.currentTarget.value as MeetingLocationKind })}
                        />
                      </div>
                      <TextField
                        id={`slot-${slot.key}-detail`}
                        label="Room, link or phone number (optional)"
                        value={slot.locationDetail}
                        maxLength={300}
                        onChange={(e) => change(slot.key, { locationDetail: e.currentTarget.value })}
                      />
                      <button
                        type="button"
                        className="button button-ghost button-small"
                        onClick={() => setSlots((list) => list.filter((s) => s.key !== slot.key))}
                      >
                        Remove weekly time {index + 1}
                      </button>
                    </fieldset>
                  </li>
                ))}
              </ol>
              <button id="availability-add-slot" type="button" className="button button-secondary" onClick={() => addSlot()}>
                Add a weekly time
              </button>
            </section>

            <section className="card mentorship-block" aria-labelledby="exceptions-title">
              <h2 id="exceptions-title">Dates off</h2>
              <p className="section-intro">Days when your weekly times do not apply: leave, conferences, call.</p>
              {exceptions.length > 0 ? (
                <ul className="exception-list">
                  {exceptions.map((date) => (
                    <li key={date}>
                      <span>{formatIsoDate(date)}</span>
                      <button
                        type="button"
                        className="button button-ghost button-small"
                        onClick={() => setExceptions((list) => list.filter((d) => d !== date))}
                      >
                        Remove<span className="visually-hidden"> {formatIsoDate(date)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="inline-add">
                <TextField
                  id="exception-new"
                  type="date"
                  label="Add a date off"
                  value={newException}
                  onChange={(e) => setNewException(e.currentTarget.value)}
                  error={exceptionError ?? problem.fields.exceptions}
                />
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    if (!/^\d{4}-\d{2}-\d{2}$/.test(newException)) {
                      setExceptionError('Choose a date first.')
                      document.getElementById('exception-new')?.focus()
                      return
                    }
                    setExceptionError(undefined)
                    setExceptions((list) => [...new Set([...list, newException])].sort())
                    setNewException('')
                  }}
                >
                  Add date
                </button>
              </div>
            </section>

            <div className="form-actions">
              <button type="submit" className="button" disabled={save.isPending}>
                {save.isPending ? 'Saving…' : 'Save availability'}
              </button>
            </div>
          </form>
          <CalendarFeed contents="your confirmed meetings" />
        </>
      ) : null}
    </div>
  )
}
