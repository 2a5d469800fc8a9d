import { type FormEvent, useEffect, useRef, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { checkInCodeFrom, formatCheckInCode, type AttendanceEntry, type CheckInResult } from '#shared/contracts/event-attendance.ts'
import { CLASS_YEAR_LABELS } from '#shared/enums.ts'
import { errorMessage } from '../../api/client.ts'
import { LiveStatus, Loading, Notice, QueryError } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'
import { problemFrom } from '../../components/form-errors.ts'
import { formatMoment } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useAddWalkIn, useAttendance, useCheckIn, useUndoCheckIn, useWalkInSearch } from './attendance-api.ts'
import { formatWhen } from './event-format.ts'
import './check-in.css'

const yearOf = (e: { classYear: AttendanceEntry['classYear'] }) => (e.classYear ? ` (${CLASS_YEAR_LABELS[e.classYear]})` : '')

/** A time of check-in in the event's own zone, as the event's times are written. */
const timeAt = (iso: string, timeZone: string) => formatMoment(iso, { hour: 'numeric', minute: '2-digit', timeZone })

function said(result: CheckInResult, timeZone: string): string {
  const at = result.entry.checkedInAt ? timeAt(result.entry.checkedInAt, timeZone) : ''
  return result.alreadyCheckedIn ? `${result.entry.name} was already checked in at ${at}.` : `Checked in: ${result.entry.name}${yearOf(result.entry)} at ${at}.`
}

/**
 * Check-in at the door, made for a phone: scan a student's pass with the phone's camera (its QR
 * code opens this page with the code filled in) or type the code; or find them on the roster;
 * or add a student who came without a place. Every control is a native one, so it all works by
 * keyboard too.
 */
export function CheckInPage() {
  const { eventId = '' } = useParams()
  const [params] = useSearchParams()
  const scanned = checkInCodeFrom(params.get('code') ?? '')
  const attendance = useAttendance(eventId)
  const checkIn = useCheckIn(eventId)
  const addWalkIn = useAddWalkIn(eventId)
  const undo = useUndoCheckIn(eventId)
  const [code, setCode] = useState(scanned ? formatCheckInCode(scanned) : '')
  const [codeError, setCodeError] = useState<string | undefined>()
  const [status, setStatus] = useState<string | null>(null)
  const [alert, setAlert] = useState<string | null>(null)
  const [filter, setFilter] = useState('')
  const [walkInName, setWalkInName] = useState('')
  const walkIns = useWalkInSearch(eventId, walkInName)
  const checkInButton = useRef<HTMLButtonElement>(null)
  const a = attendance.data
  usePageTitle(a ? `Check-in: ${a.title}` : 'Check-in')

  // A scanned pass: the code is filled in, and the button that checks it in has focus, one tap away.
  useEffect(() => {
    if (scanned && a?.checkInOpen) checkInButton.current?.focus()
  }, [scanned, a?.checkInOpen])

  const run = (request: Promise<CheckInResult>) => {
    setAlert(null)
    request.then(
      (result) => {
        setStatus(said(result, a?.timeZone ?? 'America/New_York'))
        setCode('')
        setCodeError(undefined)
      },
      (cause: unknown) => {
        const problem = problemFrom(cause, ['code'])
        setCodeError(problem.fields.code)
        setAlert(problem.fields.code ? null : (problem.message ?? errorMessage(cause)))
      },
    )
  }

  const submitCode = (e: FormEvent) => {
    e.preventDefault()
    if (!checkInCodeFrom(code)) {
      setCodeError(code.trim() ? 'A code is six letters and digits, such as K7P-2QX.' : 'Type the code on the student’s pass, or find them below.')
      return
    }
    run(checkIn.mutateAsync({ code }))
  }

  const takeBack = (entry: AttendanceEntry) => {
    setAlert(null)
    undo.mutateAsync({ studentId: entry.studentId }).then(
      () => setStatus(`Check-in taken back: ${entry.name}.`),
      (cause: unknown) => setAlert(errorMessage(cause)),
    )
  }

  const shown = (a?.roster ?? []).filter((r) => r.name.toLowerCase().includes(filter.trim().toLowerCase()))
  const busy = checkIn.isPending || addWalkIn.isPending || undo.isPending

  return (
    <div className="page page-narrow check-in-page">
      <p>
        <Link to={`/events/${encodeURIComponent(eventId)}`} className="back-link">
          ← Back to the event
        </Link>
      </p>
      {attendance.isPending ? <Loading /> : null}
      {attendance.isError ? <QueryError error={attendance.error} onRetry={() => void attendance.refetch()} /> : null}
      {a ? (
        <>
          <div className="page-header">
            <p className="event-kind">Check-in</p>
            <h1 tabIndex={-1}>{a.title}</h1>
            <p className="event-meta">{formatWhen(a)}</p>
          </div>
          <p className="check-in-count">
            <strong>{a.counts.checkedIn - a.counts.walkIns}</strong> of {a.counts.places} with a place checked in
            {a.counts.walkIns > 0 ? `, and ${a.counts.walkIns} walk-in${a.counts.walkIns === 1 ? '' : 's'}` : ''}.
          </p>
          {a.status === 'cancelled' ? <Notice tone="warning">This event is cancelled: no one can be checked in.</Notice> : null}
          {a.status !== 'cancelled' && !a.checkInOpen ? (
            <Notice tone="info">
              Check-in opens an hour before the start, at{' '}
              {formatMoment(a.checkInOpensAt, { weekday: 'long', hour: 'numeric', minute: '2-digit', timeZone: a.timeZone })}.
            </Notice>
          ) : null}
          <LiveStatus message={status} />
          {alert ? (
            <p role="alert" className="notice notice-error">
              {alert}
            </p>
          ) : null}

          <section aria-labelledby="check-in-code" className="card">
            <h2 id="check-in-code">Scan or type a pass</h2>
            <form onSubmit={submitCode} noValidate className="check-in-code-form">
              <TextField
                id="check-in-code-input"
                label="Pass code"
                hint="Scan the QR code on the student’s phone with your camera, or type the code under it."
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={codeError}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                inputMode="text"
              />
              <button ref={checkInButton} type="submit" className="button" disabled={busy || !a.checkInOpen}>
                Check in
              </button>
            </form>
          </section>

          <section aria-labelledby="check-in-roster" className="card">
            <h2 id="check-in-roster">Roster ({a.roster.length})</h2>
            <TextField id="check-in-filter" label="Find by name" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
            {shown.length === 0 ? (
              <p className="empty-state">{a.roster.length === 0 ? 'No one has a place yet.' : 'No one on the roster by that name.'}</p>
            ) : null}
            <ul className="check-in-roster">
              {shown.map((entry) => (
                <li key={entry.studentId} className={entry.state === 'checked-in' ? 'is-checked-in' : undefined}>
                  <span className="check-in-name">
                    {entry.name}
                    <span className="event-meta">
                      {entry.classYear ? CLASS_YEAR_LABELS[entry.classYear] : 'Student'}
                      {entry.hadPlace ? '' : ' · walk-in'}
                      {entry.checkedInAt ? ` · in at ${timeAt(entry.checkedInAt, a.timeZone)}` : ''}
                      {entry.state === 'no-show' ? ' · did not come' : ''}
                    </span>
                  </span>
                  {entry.state === 'checked-in' ? (
                    <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => takeBack(entry)}>
                      Undo<span className="visually-hidden"> check-in for {entry.name}</span>
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={busy || !a.checkInOpen}
                      onClick={() => run(checkIn.mutateAsync({ studentId: entry.studentId }))}
                    >
                      Check in<span className="visually-hidden"> {entry.name}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="check-in-walk-in" className="card">
            <h2 id="check-in-walk-in">Add a walk-in</h2>
            <TextField
              id="check-in-walk-in-name"
              label="Student’s name"
              hint="A student of the school who came without a place. Type at least two letters."
              type="search"
              value={walkInName}
              onChange={(e) => setWalkInName(e.target.value)}
              autoComplete="off"
            />
            {walkIns.isError ? <p className="field-error">{errorMessage(walkIns.error)}</p> : null}
            {walkIns.data && walkIns.data.candidates.length === 0 ? <p className="empty-state">No student by that name.</p> : null}
            <ul className="check-in-roster">
              {(walkIns.data?.candidates ?? []).map((c) => (
                <li key={c.studentId}>
                  <span className="check-in-name">
                    {c.name}
                    <span className="event-meta">
                      {c.classYear ? CLASS_YEAR_LABELS[c.classYear] : 'Student'}
                      {c.onRoster ? ' · on the roster above' : ''}
                    </span>
                  </span>
                  {c.onRoster ? null : (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={busy || !a.checkInOpen}
                      onClick={() => {
                        run(addWalkIn.mutateAsync({ studentId: c.studentId }))
                        setWalkInName('')
                      }}
                    >
                      Add<span className="visually-hidden"> {c.name} as a walk-in</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  )
}
