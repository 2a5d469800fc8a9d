import type { RefObject } from 'react'
import { Link } from 'react-router'
import type { ImportPastOutcomesResponse } from '#shared/contracts/calibration.ts'
import { CsvFileField, CsvImportStatus, CsvRejectsTable, useCsvImport, useFocusOnReport } from '../../components/csv-import.tsx'
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
  const { report, failure, fileError, resultRef, onCheck, onImport, onFile } = useCsvImport({
    maxBytes: MAX_BYTES,
    tooLarge: (mb) => `The file is ${mb} MB; at most 8 MB. Split it by match year: each file replaces only the years it holds.`,
    send: async (file, dryRun) => run.mutateAsync({ csv: await file.text(), dryRun }),
  })

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
        <CsvFileField id="cal-file" hint="UTF-8, at most 8 MB and 60,000 rows. Checking saves nothing." error={fileError} onFile={onFile} />
        <button type="submit" className="button" disabled={run.isPending}>
          Check the file
        </button>
      </form>

      <CsvImportStatus
        pending={run.isPending}
        dryRun={run.variables?.dryRun ?? true}
        importingLabel="Importing past outcomes"
        className="cal-progress"
        failure={failure}
      />

      {report && !run.isPending ? <ImportReport report={report} headingRef={resultRef} onImport={onImport} /> : null}
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
  useFocusOnReport(report, headingRef)
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
      <CsvRejectsTable
        rejects={report.rejects}
        rejectCount={report.rejectCount}
        caption="Problems, row by row"
        label="Problems found"
        wrapClassName="table-wrap"
        tableClassName="table cal-table"
      />
    </section>
  )
}
