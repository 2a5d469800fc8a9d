import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { CalibrationList, CalibrationReportView, CalibrationView, PastOutcomesSummary } from '#shared/contracts/calibration.ts'
import { errorMessage } from '../../api/client.ts'
import { useSession } from '../../api/identity.ts'
import { Loading, Notice, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { hasRole } from '../identity/roles.ts'
import { useCalibration, useCalibrations, useCreateCalibration, usePastOutcomes, useSetCalibrationActive } from './calibration-api.ts'
import { brier, compareBrier, pct, signed, yearsText } from './calibration-format.ts'
import { CalibrationPlot } from './calibration-plot.tsx'
import './calibration.css'
import { formatDateTime, plural } from '../../components/format.ts'

/**
 * Staff: how well the list builder's chances fit the school's own graduates, and (admins) the
 * switch between the national figures and a recalibration on the school's past outcomes.
 */
export function CalibrationPage() {
  usePageTitle('List builder calibration')
  const session = useSession()
  const isAdmin = hasRole(session.data, 'admin')
  const pastOutcomes = usePastOutcomes()
  const calibrations = useCalibrations()
  const [params, setParams] = useSearchParams()
  const list = calibrations.data
  const selectedId = params.get('calibration') ?? list?.activeId ?? list?.items[0]?.id ?? null

  return (
    <div className="page cal-page">
      <div className="page-header">
        <h1 tabIndex={-1}>List builder calibration</h1>
        <p className="lead">
          The list builder’s chances of an interview and of matching start from national figures. Here you can check them against what happened to the school’s
          own graduates and, if the school’s version predicts better, switch it on for every student.
        </p>
      </div>

      <section className="card" aria-labelledby="cal-data-title">
        <h2 id="cal-data-title">The school’s past outcomes</h2>
        {pastOutcomes.isPending ? (
          <Loading />
        ) : pastOutcomes.isError ? (
          <QueryError error={pastOutcomes.error} onRetry={() => void pastOutcomes.refetch()} />
        ) : (
          <PastOutcomesTable summary={pastOutcomes.data} />
        )}
        {isAdmin ? (
          <p>
            <Link to="/residency/calibration/import" className="button button-secondary">
              Import past outcomes (CSV)
            </Link>
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="cal-list-title">
        <h2 id="cal-list-title">Calibrations</h2>
        {calibrations.isPending ? (
          <Loading />
        ) : calibrations.isError ? (
          <QueryError error={calibrations.error} onRetry={() => void calibrations.refetch()} />
        ) : (
          <>
            <ActiveStatement list={calibrations.data} />
            {isAdmin ? <RecalibrateForm years={pastOutcomes.data?.years.length ?? 0} onCreated={(id) => setParams({ calibration: id })} /> : null}
            <CalibrationsTable list={calibrations.data} selectedId={selectedId} />
          </>
        )}
      </section>

      {selectedId ? <Report id={selectedId} isAdmin={isAdmin} /> : null}
    </div>
  )
}

function PastOutcomesTable({ summary }: { summary: PastOutcomesSummary }) {
  if (summary.years.length === 0) {
    return <p>No past outcomes yet. An admin imports them from a CSV: one row per graduate and program applied to, with interviews and the match result.</p>
  }
  const total = summary.years.reduce((s, y) => s + y.graduates, 0)
  return (
    <>
      <p>
        {plural(total, 'graduate', 'graduates')} over {plural(summary.years.length, 'match year', 'match years')} ({yearsText(summary.years.map((y) => y.year))}
        ).
      </p>
      <div className="table-wrap" role="region" aria-label="Past outcomes by match year" tabIndex={0}>
        <table className="table cal-table">
          <caption className="visually-hidden">Past outcomes by match year</caption>
          <thead>
            <tr>
              <th scope="col">Match year</th>
              <th scope="col">Graduates</th>
              <th scope="col">Applications</th>
              <th scope="col">Interviews</th>
              <th scope="col">Matched</th>
              <th scope="col">Imported</th>
            </tr>
          </thead>
          <tbody>
            {summary.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td>{y.graduates.toLocaleString('en-US')}</td>
                <td>{y.applications.toLocaleString('en-US')}</td>
                <td>{y.interviews.toLocaleString('en-US')}</td>
                <td>
                  {y.matched.toLocaleString('en-US')} ({y.graduates ? pct(y.matched / y.graduates) : '—'})
                </td>
                <td>{y.importedAt ? formatDateTime(y.importedAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

function ActiveStatement({ list }: { list: CalibrationList }) {
  const active = list.items.find((c) => c.id === list.activeId)
  return active ? (
    <Notice tone="success">
      <p>
        The list builder uses the school’s calibration of {formatDateTime(active.createdAt)} (fitted on {yearsText(active.years)}).
      </p>
    </Notice>
  ) : (
    <Notice tone="info">
      <p>The list builder uses the national figures: no calibration on the school’s data is switched on.</p>
    </Notice>
  )
}

function RecalibrateForm({ years, onCreated }: { years: number; onCreated: (id: string) => void }) {
  const create = useCreateCalibration()
  const [heldOut, setHeldOut] = useState<'auto' | '1' | '2'>('auto')
  const [storeFitOn, setStoreFitOn] = useState<'all-years' | 'training-years'>('all-years')
  const [failure, setFailure] = useState<string | null>(null)
  const doneRef = useRef<HTMLParagraphElement>(null)
  const [done, setDone] = useState<string | null>(null)
  const showDone = done !== null && !create.isPending
  useEffect(() => {
    if (showDone) doneRef.current?.focus()
  }, [showDone])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setFailure(null)
    setDone(null)
    try {
      const view = await create.mutateAsync({ ...(heldOut === 'auto' ? {} : { heldOutYears: Number(heldOut) as 1 | 2 }), storeFitOn })
      setDone(`Calibration ready: the report is below. It is not switched on until you activate it.`)
      onCreated(view.id)
    } catch (cause) {
      setFailure(errorMessage(cause))
    }
  }

  if (years < 2) {
    return <p className="muted">Recalibrating needs at least two match years of past outcomes: one to fit on, one to test on.</p>
  }
  return (
    <form className="cal-form" onSubmit={submit} noValidate>
      <h3>Recalibrate on the past outcomes</h3>
      <div className="field">
        <label htmlFor="cal-held-out">Years held out for testing</label>
        <p id="cal-held-out-hint" className="field-hint">
          The newest years are kept aside: the model is fitted on the years before them and scored on them, so the report shows how it does on years it has not
          seen.
        </p>
        <select id="cal-held-out" aria-describedby="cal-held-out-hint" value={heldOut} onChange={(e) => setHeldOut(e.currentTarget.value as typeof heldOut)}>
          <option value="auto">Automatic (2 with four years or more, else 1)</option>
          <option value="1">The newest year</option>
          <option value="2">The two newest years</option>
        </select>
      </div>
      <fieldset className="field">
        <legend>Coefficients to store</legend>
        <label className="cal-radio">
          <input type="radio" name="cal-store" value="all-years" checked={storeFitOn === 'all-years'} onChange={() => setStoreFitOn('all-years')} /> Refit on
          every year after the test (recommended: the newest years are the most like next year)
        </label>
        <label className="cal-radio">
          <input
            type="radio"
            name="cal-store"
            value="training-years"
            checked={storeFitOn === 'training-years'}
            onChange={() => setStoreFitOn('training-years')}
          />{' '}
          Keep the fit that was tested (training years only)
        </label>
      </fieldset>
      <button type="submit" className="button" disabled={create.isPending}>
        Recalibrate
      </button>
      <div role="status" aria-live="polite" className="cal-status">
        {create.isPending ? (
          <div className="cal-progress">
            <p>Fitting and testing the model on the school’s graduates… this takes a few seconds.</p>
            <progress aria-label="Recalibrating" />
          </div>
        ) : done ? (
          <p ref={doneRef} tabIndex={-1}>
            {done}
          </p>
        ) : null}
      </div>
      {failure ? (
        <div role="alert" className="notice notice-error">
          <p>{failure}</p>
        </div>
      ) : null}
    </form>
  )
}

function CalibrationsTable({ list, selectedId }: { list: CalibrationList; selectedId: string | null }) {
  if (list.items.length === 0) return <p>No calibrations yet.</p>
  return (
    <div className="table-wrap" role="region" aria-label="Calibrations" tabIndex={0}>
      <table className="table cal-table">
        <caption className="visually-hidden">Calibrations, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Made</th>
            <th scope="col">Years (held out)</th>
            <th scope="col">Interviews: Brier, school vs national</th>
            <th scope="col">Matching: Brier, school vs national</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((c) => (
            <tr key={c.id} className={c.id === selectedId ? 'cal-row-selected' : undefined}>
              <th scope="row">
                <Link to={`?calibration=${c.id}`} aria-current={c.id === selectedId ? 'true' : undefined}>
                  {formatDateTime(c.createdAt)}
                </Link>
                {c.createdBy ? <span className="muted"> by {c.createdBy}</span> : null}
              </th>
              <td>
                {yearsText(c.years)} ({yearsText(c.heldOutYears)})
              </td>
              <td>
                {brier(c.interviewBrier.calibrated)} vs {brier(c.interviewBrier.prior)}
              </td>
              <td>
                {brier(c.matchBrier.calibrated)} vs {brier(c.matchBrier.prior)}
              </td>
              <td>
                {c.active ? <strong>In use</strong> : 'Off'}
                {c.warnings > 0 ? <span className="muted"> · {plural(c.warnings, 'warning', 'warnings')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function Report({ id, isAdmin }: { id: string; isAdmin: boolean }) {
  const query = useCalibration(id)
  const toggle = useSetCalibrationActive()
  const [failure, setFailure] = useState<string | null>(null)
  // Loading and failing keep the section's heading, so the reader knows which report is missing.
  if (query.isPending || query.isError)
    return (
      <section className="card cal-report" aria-labelledby="cal-report-title">
        <h2 id="cal-report-title">Report</h2>
        {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : <Loading label="Loading the report…" />}
      </section>
    )
  const view: CalibrationView = query.data
  const { report } = view
  const setActive = async (active: boolean) => {
    setFailure(null)
    try {
      await toggle.mutateAsync({ id, active })
    } catch (cause) {
      setFailure(errorMessage(cause))
    }
  }

  return (
    <section className="card cal-report" aria-labelledby="cal-report-title">
      <h2 id="cal-report-title">Report: calibration of {formatDateTime(view.createdAt)}</h2>
      <p>
        Status: {view.active ? <strong>in use by the list builder</strong> : <strong>off</strong>}
        {view.createdBy ? ` · made by ${view.createdBy}` : ''}
        {view.fitMs !== null ? ` · fitted in ${(view.fitMs / 1000).toFixed(1)} s` : ''}
      </p>
      {isAdmin ? (
        <div className="button-row">
          {view.active ? (
            <button type="button" className="button button-secondary" disabled={toggle.isPending} onClick={() => void setActive(false)}>
              Switch off (use the national figures)
            </button>
          ) : (
            <button type="button" className="button" disabled={toggle.isPending} onClick={() => void setActive(true)}>
              Use this calibration in the list builder
            </button>
          )}
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {toggle.isSuccess && !toggle.isPending ? (
          <p>{view.active ? 'Switched on: students now see chances from this calibration.' : 'Switched off: students see the national figures.'}</p>
        ) : null}
      </div>
      {failure ? (
        <div role="alert" className="notice notice-error">
          <p>{failure}</p>
        </div>
      ) : null}

      {report.warnings.length > 0 ? (
        <Notice tone="warning">
          <p>
            <strong>Read with care:</strong>
          </p>
          <ul>
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Notice>
      ) : null}

      <h3>What it rests on</h3>
      <DataStatement report={report} />

      <h3>Brier scores on the held-out {report.years.heldOut.length === 1 ? 'year' : 'years'}</h3>
      <p>
        The Brier score is the average squared gap between the predicted chance and what happened (1 if it did, 0 if not). <strong>Lower is better</strong>: 0
        is perfect, and 0.25 is a coin toss (saying 50 % every time). “Past rate” means always predicting the rate seen in the training years.
      </p>
      <BrierTable report={report} />

      <h3>Predicted against observed</h3>
      <div className="cal-plots">
        <CalibrationPlot title="Interviews" what="applications" calibrated={report.interview.calibrated} prior={report.interview.prior} />
        <CalibrationPlot title="Matching" what="graduates" calibrated={report.match.calibrated} prior={report.match.prior} />
      </div>

      <h3>What changed in the coefficients</h3>
      <p>
        Each factor’s weight on the log-odds scale (± its uncertainty), before and after the school’s data. A factor the data say little about stays near the
        national figure with a wide uncertainty. Stored from{' '}
        {report.storedFitOn === 'all-years' ? `every year (${yearsText(report.years.all)})` : `the training years (${yearsText(report.years.training)})`}.
      </p>
      <CoefficientTable title="Interview model (chance of an interview at a program)" rows={report.coefficients.interview} />
      <CoefficientTable title="Ranking model (chance of matching given the number of interviews)" rows={report.coefficients.match} />
    </section>
  )
}

function DataStatement({ report }: { report: CalibrationReportView }) {
  const { data, years } = report
  return (
    <ul>
      <li>
        Fitted on {plural(data.trainingGraduates, 'graduate', 'graduates')} of {yearsText(years.training)}; tested on{' '}
        {plural(data.heldOutGraduates, 'graduate', 'graduates')} of {yearsText(years.heldOut)}.
      </li>
      <li>
        In all: {plural(data.applications, 'application', 'applications')}, {plural(data.interviews, 'interview', 'interviews')},{' '}
        {plural(data.matched, 'graduate', 'graduates')} matched of {data.graduates.toLocaleString('en-US')}.
      </li>
      {data.otherSpecialtyApplications > 0 ? (
        <li>
          {plural(data.otherSpecialtyApplications, 'application', 'applications')} to programs outside the graduate’s own specialty were left out of the fit.
        </li>
      ) : null}
    </ul>
  )
}

function BrierTable({ report }: { report: CalibrationReportView }) {
  const rows = [
    { what: 'Interviews', unit: 'applications', scores: report.interview },
    { what: 'Matching', unit: 'graduates', scores: report.match },
  ] as const
  return (
    <>
      <div className="table-wrap" role="region" aria-label="Brier scores" tabIndex={0}>
        <table className="table cal-table">
          <caption className="visually-hidden">Brier scores on the held-out years; lower is better</caption>
          <thead>
            <tr>
              <th scope="col">Prediction</th>
              <th scope="col">Scored on</th>
              <th scope="col">School’s calibration</th>
              <th scope="col">National figures</th>
              <th scope="col">Past rate</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ what, unit, scores }) => (
              <tr key={what}>
                <th scope="row">{what}</th>
                <td>{plural(scores.calibrated.count, unit.slice(0, -1), unit)}</td>
                <td>
                  <strong>{brier(scores.calibrated.brier)}</strong>
                </td>
                <td>{brier(scores.prior.brier)}</td>
                <td>
                  {brier(scores.baseRate.brier)} <span className="muted">(always {pct(scores.baseRate.rate)})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul>
        {rows.map(({ what, scores }) => (
          <li key={what}>
            {what}: the school’s calibration is {compareBrier(scores.calibrated.brier, scores.prior.brier)} the national figures and{' '}
            {compareBrier(scores.calibrated.brier, scores.baseRate.brier)} always saying the past rate.
          </li>
        ))}
      </ul>
    </>
  )
}

function CoefficientTable({ title, rows }: { title: string; rows: CalibrationReportView['coefficients']['interview'] }) {
  return (
    <div className="table-wrap" role="region" aria-label={title} tabIndex={0}>
      <table className="table cal-table cal-coefficients">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Factor</th>
            <th scope="col">National</th>
            <th scope="col">School</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const moved = Math.abs(c.fitted - c.prior)
            const big = moved >= c.priorSd
            return (
              <tr key={c.name} className={big ? 'cal-row-moved' : undefined}>
                <th scope="row">{c.label}</th>
                <td>
                  {signed(c.prior)} <span className="muted">± {c.priorSd.toFixed(2)}</span>
                </td>
                <td>
                  {signed(c.fitted)} <span className="muted">± {c.fittedSd.toFixed(2)}</span>
                </td>
                <td>
                  {moved < 0.005 ? 'none' : signed(c.fitted - c.prior)}
                  {big ? <span className="cal-moved-note"> (more than its national uncertainty)</span> : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
