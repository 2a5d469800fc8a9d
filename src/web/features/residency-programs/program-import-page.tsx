import type { RefObject } from 'react'
import { Link } from 'react-router'
import { MAX_PROGRAMS_CSV_BYTES, type ProgramsImportReport } from '#shared/contracts/residency-programs.ts'
import { CsvFileField, CsvImportStatus, CsvRejectsTable, useCsvImport, useFocusOnReport } from '../../components/csv-import.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useImportPrograms } from './programs-api.ts'
import './residency-programs.css'
import { plural } from '../../components/format.ts'

const MB = MAX_PROGRAMS_CSV_BYTES / 1024 / 1024

/** Admins: check a programs CSV, read what would be rejected and why, then import the rest. */
export function ProgramImportPage() {
  usePageTitle('Import residency programs')
  const run = useImportPrograms()
  const { report, failure, fileError, resultRef, onCheck, onImport, onFile } = useCsvImport({
    maxBytes: MAX_PROGRAMS_CSV_BYTES,
    tooLarge: (mb) => `The file is ${mb} MB; at most ${MB} MB. Split it by specialty.`,
    send: (file, dryRun) => run.mutateAsync({ file, dryRun }),
  })

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
        <CsvFileField
          id="rp-file"
          hint={
            <>
              UTF-8, at most {MB} MB and 20,000 programs, a header row first. Required columns: id, name, specialty, track, state, positions, setting,
              step2_p25, step2_p75. An export is a ready-made example with every column.{' '}
              <a href="/api/residency-programs/export.csv" download>
                Download the current programs
              </a>
              .
            </>
          }
          error={fileError}
          onFile={onFile}
        />
        <div className="rp-filter-actions">
          <button type="submit" className="button" disabled={run.isPending}>
            Check the file
          </button>
        </div>
      </form>

      <CsvImportStatus
        pending={run.isPending}
        dryRun={run.variables?.dryRun ?? true}
        importingLabel="Importing programs"
        className="rp-progress"
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
  report: ProgramsImportReport
  headingRef: RefObject<HTMLHeadingElement | null>
  onImport: () => void
}) {
  useFocusOnReport(report, headingRef)
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
      <CsvRejectsTable
        rejects={report.rejects}
        rejectCount={report.rejectCount}
        caption="What was rejected and why"
        label="Rejected rows"
        wrapClassName="rp-table-scroll"
        tableClassName="rp-table"
      />
    </section>
  )
}
