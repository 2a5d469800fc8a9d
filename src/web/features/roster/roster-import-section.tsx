import type { ReactNode, RefObject } from 'react'
import type { RosterImportReport } from '#shared/contracts/roster.ts'
import { CLASS_YEAR_LABELS } from '#shared/enums.ts'
import { CsvFileField, CsvImportStatus, useCsvImport, useFocusOnReport } from '../../components/csv-import.tsx'
import { plural } from '../../components/format.ts'
import { useImportRoster } from './roster-api.ts'

/** The API takes about 1.9 MB of text: some 15,000 rows, more than any class. */
const MAX_BYTES = 1_900_000
/** Long lists show their first rows; the counts say how many there are. */
const SHOWN = 200

const EXAMPLE_CSV = [
  'school_id,name,email,class_year,expected_graduation,track,house,status',
  'S-20931,Ana Ruiz,ana.ruiz@school.example.edu,1,2030,MD,Osler,enrolled',
  'S-20417,Ben Okafor,ben.okafor@school.example.edu,3,2028,MD/PhD,Blackwell,on leave',
  '',
].join('\r\n')

function downloadExample() {
  const url = URL.createObjectURL(new Blob([EXAMPLE_CSV], { type: 'text/csv' }))
  const a = document.createElement('a')
  a.href = url
  a.download = 'class-roster-example.csv'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function RosterImportSection() {
  const run = useImportRoster()
  const { report, failure, fileError, resultRef, onCheck, onImport, onFile } = useCsvImport({
    maxBytes: MAX_BYTES,
    tooLarge: (mb) => `The file is ${mb} MB; at most 1.9 MB. Split it by class.`,
    send: async (file, dryRun) => run.mutateAsync({ csv: await file.text(), dryRun }),
  })
  return (
    <section className="card" aria-labelledby="roster-import-title">
      <h2 id="roster-import-title">Import the roster</h2>
      <ul>
        <li>
          One row per student. Required columns: <code>name</code>, <code>email</code>, <code>class_year</code> (1, 2, 3, 4 or research). Optional:{' '}
          <code>school_id</code>, <code>expected_graduation</code>, <code>track</code> (MD, MD/PhD, MD-MPH…), <code>house</code> (advisory dean or house),{' '}
          <code>status</code> (enrolled or on leave).
        </li>
        <li>Each row is matched to a student by school id, then by e-mail. New students get an invitation by e-mail.</li>
        <li>Students on record who are not in the file are listed, never removed. If any row has a problem, nothing is changed.</li>
      </ul>
      <p>
        <button type="button" className="button button-secondary" onClick={downloadExample}>
          Download an example file
        </button>
      </p>
      <form onSubmit={onCheck} noValidate>
        <CsvFileField id="roster-file" hint="UTF-8, at most 1.9 MB. Checking changes nothing." error={fileError} onFile={onFile} />
        <button type="submit" className="button" disabled={run.isPending}>
          Check the file
        </button>
      </form>
      <CsvImportStatus
        pending={run.isPending}
        dryRun={run.variables?.dryRun ?? true}
        importingLabel="Applying the roster"
        className="roster-progress"
        failure={failure}
      />
      {report && !run.isPending ? <RosterReport report={report} headingRef={resultRef} onApply={onImport} /> : null}
    </section>
  )
}

function RosterReport({ report, headingRef, onApply }: { report: RosterImportReport; headingRef: RefObject<HTMLHeadingElement | null>; onApply: () => void }) {
  useFocusOnReport(report, headingRef)
  const ok = report.problemCount === 0
  const work = report.invites.length + report.changes.length
  const title = report.applied ? 'Roster applied' : ok ? 'Checked: ready to apply' : 'Checked: the file has problems'
  return (
    <div className="roster-report">
      <h3 ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <ul>
        <li>{plural(report.rowCount, 'row read', 'rows read')}</li>
        <li>
          {report.applied ? 'Invited' : 'To invite'}: {plural(report.invites.length, 'new student', 'new students')}
        </li>
        <li>
          {report.applied ? 'Changed' : 'To change'}: {plural(report.changes.length, 'student', 'students')}; {plural(report.unchanged, 'student', 'students')}{' '}
          already up to date
        </li>
        <li>Not in the file: {plural(report.missing.length, 'student', 'students')} on record (kept as they are)</li>
        {ok ? null : <li className="roster-bad">{plural(report.problemCount, 'problem', 'problems')}: nothing can be applied until they are fixed.</li>}
      </ul>
      {report.ignoredColumns.length > 0 ? <p>Columns not in the format, ignored: {report.ignoredColumns.join(', ')}.</p> : null}

      {report.problems.length > 0 ? (
        <>
          <h4>Problems</h4>
          <ol className="roster-problems">
            {report.problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a checked file's problems never reorder; one cell may have two
              <li key={`${p.row}-${p.column}-${i}`}>
                <strong>
                  Row {p.row}
                  {p.column ? `, ${plainColumn(p.column)}` : ''}:
                </strong>{' '}
                {p.message}
              </li>
            ))}
          </ol>
          {report.problemCount > report.problems.length ? <p>The first {report.problems.length} are listed; fix them and check again for the rest.</p> : null}
        </>
      ) : null}

      {report.applied ? (
        <p className="notice notice-success">
          Done: {work === 0 ? 'nothing needed changing.' : 'the roster is up to date, and each change is in the audit log.'}
        </p>
      ) : ok && work > 0 ? (
        <p>
          <button type="button" className="button" onClick={onApply}>
            Apply: invite {report.invites.length}, change {report.changes.length}
          </button>
        </p>
      ) : ok ? (
        <p className="notice notice-success">Everyone in the file is already up to date: there is nothing to apply.</p>
      ) : null}

      {report.invites.length > 0 ? (
        <Listing title={report.applied ? 'Invited' : 'Will be invited'} count={report.invites.length}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Class</th>
              </tr>
            </thead>
            <tbody>
              {report.invites.slice(0, SHOWN).map((i) => (
                <tr key={i.row}>
                  <td>{i.row}</td>
                  <td>{i.name}</td>
                  <td>{i.email}</td>
                  <td>{CLASS_YEAR_LABELS[i.classYear]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Listing>
      ) : null}

      {report.changes.length > 0 ? (
        <Listing title={report.applied ? 'Changed' : 'Will change'} count={report.changes.length}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Student</th>
                <th scope="col">Changes (before → after)</th>
              </tr>
            </thead>
            <tbody>
              {report.changes.slice(0, SHOWN).map((c) => (
                <tr key={c.row}>
                  <td>{c.row}</td>
                  <td>{c.name}</td>
                  <td>
                    <ul className="roster-changes">
                      {c.changes.map((f) => (
                        <li key={f.field}>
                          {f.label}: {f.before} → {f.after}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Listing>
      ) : null}

      {report.houseDeans.length > 0 ? (
        <Listing title={report.applied ? 'Advisory deans from houses' : 'Advisory deans the houses will give'} count={report.houseDeans.length}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">House</th>
                <th scope="col">Advisory dean</th>
              </tr>
            </thead>
            <tbody>
              {report.houseDeans.slice(0, SHOWN).map((d) => (
                <tr key={`${d.personId ?? d.name}-${d.house}`}>
                  <td>{d.name}</td>
                  <td>{d.house}</td>
                  <td>
                    {d.outcome === 'assign'
                      ? d.advisorName
                      : d.outcome === 'reassign'
                        ? `${d.currentAdvisorName ?? 'Their dean'} → ${d.advisorName}`
                        : `Keeps ${d.currentAdvisorName ?? 'their dean'} (chosen by hand; the house names ${d.advisorName})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Listing>
      ) : null}

      {report.missing.length > 0 ? (
        <Listing title="On record but not in the file (kept)" count={report.missing.length}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">E-mail</th>
                <th scope="col">Class</th>
              </tr>
            </thead>
            <tbody>
              {report.missing.slice(0, SHOWN).map((m) => (
                <tr key={m.personId}>
                  <td>{m.name}</td>
                  <td>{m.email}</td>
                  <td>{m.classYear ? CLASS_YEAR_LABELS[m.classYear] : 'No class year'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Listing>
      ) : null}
    </div>
  )
}

/** A column as people say it: `class_year` is "class year", `email` is "e-mail". */
export function plainColumn(column: string): string {
  const words = column.replace(/_/g, ' ')
  return words.toLowerCase() === 'email' ? 'e-mail' : words
}

/** A long list folded away, its count in its summary, its first rows in a scrollable region. */
export function Listing({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <details className="roster-listing">
      <summary>
        {title} ({count.toLocaleString('en-US')})
      </summary>
      <div className="table-wrap" role="region" aria-label={title} tabIndex={0}>
        {children}
      </div>
      {count > SHOWN ? <p>The first {SHOWN} are shown.</p> : null}
    </details>
  )
}
