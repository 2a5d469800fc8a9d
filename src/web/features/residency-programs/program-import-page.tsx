import { useRef, useState, type FormEvent, type RefObject } from 'react'
import { Link } from 'react-router'
import { MAX_PROGRAMS_CSV_BYTES, type ProgramsImportReport } from '#shared/contracts/residency-programs.ts'
import { errorMessage } from '../../api/client.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useImportPrograms } from './programs-api.ts'
import './residency-programs.css'
import { plural } from '../../components/format.ts'

const MB = MAX_PROGRAMS_CSV_BYTES / 1024 / 1024

/** Admins: check a programs CSV, read what would be rejected and why, then import the rest. */
export function ProgramImportPage() {
  usePageTitle('Import residency programs')
  const run = useImportPrograms()
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [report, setReport] = useState<ProgramsImportReport | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const resultRef = useRef<HTMLHeadingElement>(null)

  const go = async (dryRun: boolean) => {
    setFailure(null)
    if (!file) {
      setFileError('Choose a CSV file first.')
      return
    }
    if (file.size > MAX_PROGRAMS_CSV_BYTES) {
      setFileError(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; at most ${MB} MB. Split it by specialty.`)
      return
    }
    try {
      setReport(await run.mutateAsync({ file, dryRun }))
      requestAnimationFrame(() => resultRef.current?.focus())
    } catch (cause) {
      setFailure(errorMessage(cause))
    }
  }
  const onCheck = (event: FormEvent) => {
    event.preventDefault()
    void go(true)
  }

  return (
    <div className="page rp-import">
      <p className="rp-back">
        <Link to="/residency/programs">← Residency programs</Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>Import residency programs</h1>
        <p className="lead">
          Add programs or update them from a CSV file: one program per row, matched by its program id. First check the file: nothing is saved until you import,
          and rows with a problem are never saved.
        </p>
      </div>

      <form className="card" onSubmit={onCheck} noValidate>
        <div className={`field${fileError ? ' field-invalid' : ''}`}>
          <label htmlFor="rp-file">CSV file</label>
          <p id="rp-file-hint" className="field-hint">
            UTF-8, at most {MB} MB and 20,000 programs, a header row first. Required columns: id, name, specialty, track, state, positions, setting, step2_p25,
            step2_p75. An export is a ready-made example with every column.{' '}
            <a href="/api/residency-programs/export.csv" download>
              Download the current programs
            </a>
            .
          </p>
          {fileError ? (
            <p id="rp-file-error" className="field-error">
              <span className="visually-hidden">Error: </span>
              {fileError}
            </p>
          ) : null}
          <input
            id="rp-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`rp-file-hint${fileError ? ' rp-file-error' : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null)
              setFileError(null)
              setReport(null)
            }}
          />
        </div>
        <div className="rp-filter-actions">
          <button type="submit" className="button" disabled={run.isPending}>
            Check the file
          </button>
        </div>
      </form>

      <div role="status" aria-live="polite">
        {run.isPending ? (
          <div className="card rp-progress">
            <p>{run.variables?.dryRun ? 'Checking every row…' : 'Importing… keep this page open.'}</p>
            <progress aria-label={run.variables?.dryRun ? 'Checking the file' : 'Importing programs'} />
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
  report: ProgramsImportReport
  headingRef: RefObject<HTMLHeadingElement | null>
  onImport: () => void
}) {
  const title = report.imported ? 'Imported' : report.accepted > 0 ? 'Checked: ready to import' : 'Checked: nothing can be imported'
  return (
    <section className="card rp-report" aria-labelledby="rp-report-title">
      <h2 id="rp-report-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <ul className="rp-report-summary">
        <li>{plural(report.rows, 'program row read', 'program rows read')}</li>
        <li>
          {report.imported ? '' : 'Would be '}
          {plural(report.created, 'new program', 'new programs')} added, {plural(report.updated, 'program', 'programs')} updated
        </li>
        <li className={report.rejectedRows > 0 ? 'rp-report-bad' : undefined}>{plural(report.rejectedRows, 'row', 'rows')} rejected (not saved)</li>
      </ul>
      {report.ignoredColumns.length > 0 ? <p>Columns not in the format, ignored: {report.ignoredColumns.join(', ')}.</p> : null}
      {report.missingOptionalColumns.length > 0 && report.accepted > 0 ? (
        <p className="field-hint">Not in the file, so programs already stored keep what they have: {report.missingOptionalColumns.join(', ')}.</p>
      ) : null}
      {report.imported ? (
        <div className="notice notice-success">
          <p>
            Done. <Link to="/residency/programs">See the programs</Link>.
          </p>
        </div>
      ) : report.accepted > 0 ? (
        <p className="rp-import-action">
          <button type="button" className="button" onClick={onImport}>
            Import {plural(report.accepted, 'program', 'programs')}
          </button>{' '}
          {report.rejectedRows > 0 ? <span className="muted">The rejected rows are left out; fix them and import the file again to add them.</span> : null}
        </p>
      ) : null}
      {report.rejects.length > 0 ? (
        <div className="rp-table-scroll" role="region" aria-label="Rejected rows" tabIndex={0}>
          <table className="rp-table">
            <caption>
              What was rejected and why{report.rejectCount > report.rejects.length ? ` (the first ${report.rejects.length} of ${report.rejectCount})` : ''}
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
