import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react'
import { Link } from 'react-router'
import type { ImportPastOutcomesResponse } from '#shared/contracts/calibration.ts'
import { errorMessage } from '../../api/client.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useImportPastOutcomes } from './calibration-api.ts'
import { yearsText } from './calibration-format.ts'
import './calibration.css'
import { plural } from '../../components/format.ts'

const MAX_BYTES = 8 * 1024 * 1024

/** Two graduates of 2024 (one matched, one not): the format at a glance. */
export const EXAMPLE_CSV = [
  'match_year,graduate_id,applicant_type,specialty,step2,step1,research_items,aoa,gold_humanism,clerkship_honors,experiences,tie_states,tie_regions,needs_visa,program_id,signalled,away_rotation,interviewed,matched_program_id',
  '2024,G-0193,us-md,internal-medicine,251,pass,6,no,yes,4,9,OH,midwest,no,1234140C0,yes,no,yes,1234140C0',
  '2024,G-0193,us-md,internal-medicine,251,pass,6,no,yes,4,9,OH,midwest,no,2261140C0,no,no,yes,1234140C0',
  '2024,G-0193,us-md,internal-medicine,251,pass,6,no,yes,4,9,OH,midwest,no,3389140C0,no,yes,no,1234140C0',
  '2024,G-0207,us-do,family-medicine,232,pass,1,no,no,1,6,,,no,4410120C0,no,no,no,',
  '2024,G-0207,us-do,family-medicine,232,pass,1,no,no,1,6,,,no,5520120C0,yes,no,yes,',
  '',
].join('\r\n')

function downloadExample() {
  const url = URL.createObjectURL(new Blob([EXAMPLE_CSV], { type: 'text/csv' }))
  const a = document.createElement('a')
  a.href = url
  a.download = 'past-outcomes-example.csv'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Admins: check a past-outcomes CSV (nothing is saved), read every problem, then import. */
export function PastOutcomesImportPage() {
  usePageTitle('Import past outcomes')
  const run = useImportPastOutcomes()
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [report, setReport] = useState<ImportPastOutcomesResponse | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const resultRef = useRef<HTMLHeadingElement>(null)

  const go = async (dryRun: boolean) => {
    setFailure(null)
    if (!file) {
      setFileError('Choose a CSV file first.')
      return
    }
    if (file.size > MAX_BYTES) {
      setFileError(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; at most 8 MB. Split it by match year: each file replaces only the years it holds.`)
      return
    }
    try {
      const csv = await file.text()
      setReport(await run.mutateAsync({ csv, dryRun }))
    } catch (cause) {
      setFailure(errorMessage(cause))
    }
  }
  const onCheck = (event: FormEvent) => {
    event.preventDefault()
    void go(true)
  }

  return (
    <div className="page cal-page">
      <p className="cal-back">
        <Link to="/residency/calibration">← List builder calibration</Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>Import past outcomes</h1>
        <p className="lead">
          What happened to the school’s graduates in past Matches: their profile, the programs they applied to, where they interviewed and where they matched.
          The list builder can then be recalibrated on them.
        </p>
      </div>

      <section className="card" aria-labelledby="cal-format-title">
        <h2 id="cal-format-title">The file</h2>
        <ul>
          <li>
            One row per graduate and program applied to. The graduate’s own columns (year, type, scores, ties, matched program) repeat on each of their rows.
          </li>
          <li>
            Required columns: <code>match_year</code>, <code>graduate_id</code> (the school’s id, never a name), <code>applicant_type</code>,{' '}
            <code>specialty</code>, <code>program_id</code>, <code>interviewed</code>, <code>matched_program_id</code> (empty if the graduate did not match).
          </li>
          <li>
            Optional: <code>step2</code>, <code>step1</code>, <code>research_items</code>, <code>aoa</code>, <code>gold_humanism</code>,{' '}
            <code>clerkship_honors</code>, <code>experiences</code>, <code>tie_states</code>, <code>tie_regions</code>, <code>needs_visa</code>,{' '}
            <code>signalled</code>, <code>away_rotation</code>.
          </li>
          <li>
            <strong>Each match year in the file replaces everything stored for that year.</strong> Years not in the file are kept.
          </li>
          <li>Programs must already be in the programs table (import them first). If any row has a problem, nothing is imported.</li>
        </ul>
        <p>
          <button type="button" className="button button-secondary" onClick={downloadExample}>
            Download an example file
          </button>
        </p>
      </section>

      <form className="card" onSubmit={onCheck} noValidate>
        <div className={`field${fileError ? ' field-invalid' : ''}`}>
          <label htmlFor="cal-file">CSV file</label>
          <p id="cal-file-hint" className="field-hint">
            UTF-8, at most 8 MB and 60,000 rows. Checking saves nothing.
          </p>
          {fileError ? (
            <p id="cal-file-error" className="field-error">
              <span className="visually-hidden">Error: </span>
              {fileError}
            </p>
          ) : null}
          <input
            id="cal-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`cal-file-hint${fileError ? ' cal-file-error' : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null)
              setFileError(null)
              setReport(null)
            }}
          />
        </div>
        <button type="submit" className="button" disabled={run.isPending}>
          Check the file
        </button>
      </form>

      <div role="status" aria-live="polite">
        {run.isPending ? (
          <div className="card cal-progress">
            <p>{run.variables?.dryRun ? 'Checking every row…' : 'Importing… keep this page open.'}</p>
            <progress aria-label={run.variables?.dryRun ? 'Checking the file' : 'Importing past outcomes'} />
          </div>
        ) : null}
      </div>
      {failure ? (
        <div role="alert" className="notice notice-error">
          <p>{failure}</p>
        </div>
      ) : null}

      {report && !run.isPending ? <ImportReport report={report} headingRef={resultRef} onImport={() => void go(false)} /> : null}
    </div>
  )
}

function ImportReport({
  report,
  headingRef,
  onImport,
}: {
  report: ImportPastOutcomesResponse
  headingRef: RefObject<HTMLHeadingElement | null>
  onImport: () => void
}) {
  const ok = report.rejectCount === 0 && report.graduates > 0
  // The result takes focus once it is on screen, so a screen reader reads it next.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new report takes focus
  useEffect(() => {
    headingRef.current?.focus()
  }, [report, headingRef])
  const title = report.imported ? 'Imported' : ok ? 'Checked: ready to import' : 'Checked: the file has problems'
  const replaced = report.years.filter((y) => y.replaces > 0)
  return (
    <section className="card cal-import-report" aria-labelledby="cal-report-title">
      <h2 id="cal-report-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <ul>
        <li>{plural(report.rows, 'row read', 'rows read')}</li>
        {ok ? (
          <li>
            {plural(report.graduates, 'graduate', 'graduates')} in {yearsText(report.years.map((y) => y.year))}
          </li>
        ) : null}
        {report.rejectCount > 0 ? (
          <li className="cal-bad">{plural(report.rejectedRows, 'row has', 'rows have')} problems: nothing can be imported until they are fixed.</li>
        ) : null}
      </ul>
      {report.ignoredColumns.length > 0 ? <p>Columns not in the format, ignored: {report.ignoredColumns.join(', ')}.</p> : null}
      {ok ? (
        <div className="table-wrap" role="region" aria-label="What the file holds, by year" tabIndex={0}>
          <table className="table cal-table">
            <caption>{report.imported ? 'Imported, by match year' : 'What would be imported, by match year'}</caption>
            <thead>
              <tr>
                <th scope="col">Match year</th>
                <th scope="col">Graduates</th>
                <th scope="col">Applications</th>
                <th scope="col">Interviews</th>
                <th scope="col">Matched</th>
                <th scope="col">Replaces</th>
              </tr>
            </thead>
            <tbody>
              {report.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td>{y.graduates.toLocaleString('en-US')}</td>
                  <td>{y.applications.toLocaleString('en-US')}</td>
                  <td>{y.interviews.toLocaleString('en-US')}</td>
                  <td>{y.matched.toLocaleString('en-US')}</td>
                  <td>{y.replaces > 0 ? plural(y.replaces, 'graduate stored', 'graduates stored') : 'nothing (new year)'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {report.imported ? (
        <div className="notice notice-success">
          <p>
            Done. <Link to="/residency/calibration">Recalibrate the list builder</Link> on the new data.
          </p>
        </div>
      ) : ok ? (
        <>
          {replaced.length > 0 ? (
            <p className="notice notice-warning">
              Importing replaces what is stored for {yearsText(replaced.map((y) => y.year))} (
              {plural(
                replaced.reduce((s, y) => s + y.replaces, 0),
                'graduate',
                'graduates',
              )}
              ).
            </p>
          ) : null}
          <p>
            <button type="button" className="button" onClick={onImport}>
              Import {plural(report.graduates, 'graduate', 'graduates')}
            </button>
          </p>
        </>
      ) : null}
      {report.rejects.length > 0 ? (
        <div className="table-wrap" role="region" aria-label="Problems found" tabIndex={0}>
          <table className="table cal-table">
            <caption>
              Problems, row by row{report.rejectCount > report.rejects.length ? ` (the first ${report.rejects.length} of ${report.rejectCount})` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.rejects.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a checked file's rejects never reorder; one cell may have two
                <tr key={`${r.row}-${r.column}-${i}`}>
                  <td>{r.row}</td>
                  <td>{r.column ?? 'whole row'}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}
