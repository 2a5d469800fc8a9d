import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react'
import { ADVISOR_ASSIGNMENT_MAX, type AssignmentResultsResponse } from '#shared/contracts/advising.ts'
import { CLASS_YEAR_LABELS, CLASS_YEARS, type ClassYear } from '#shared/enums.ts'
import { errorMessage, isAppError } from '../../api/client.ts'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { Checkbox, SelectField, TextAreaField, TextField } from '../../components/fields.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { Pagination } from '../../components/pagination.tsx'
import { useAdvisors, useBulkAssignAdvisor, useImportAdvisorAssignments, useSetStudentAdvisors, useStudentAdvisors } from './advising-api.ts'
import './advising.css'

// A school lists hundreds of students: a page of them at a time keeps the table readable and
// quick on a phone; the selection holds across pages, so a bulk assignment can span them.
const PAGE_SIZE = 50

/** Whether a student's name or e-mail holds every word typed, in any case. */
function matchesWords(student: { name: string; email: string }, words: string): boolean {
  const haystack = `${student.name} ${student.email}`.toLowerCase()
  return words
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word))
}

const OUTCOME_LABELS = { assigned: 'Assigned', 'to-assign': 'Will be assigned', 'already-assigned': 'Already assigned', rejected: 'Not assigned' } as const

/** Row-by-row outcome of a bulk assignment or an import; rejected rows first. */
function Results({ results, title }: { results: AssignmentResultsResponse; title: string }) {
  const rows = [...results.rows].sort((a, b) => Number(b.outcome === 'rejected') - Number(a.outcome === 'rejected') || a.row - b.row)
  return (
    <div>
      {results.dryRun ? (
        <p className={results.rejected > 0 ? 'notice notice-warning' : 'notice notice-info'}>
          Checked, nothing saved yet: {results.toAssign} will be assigned, {results.alreadyAssigned} already assigned, {results.rejected} with a problem.
          {results.rejected > 0
            ? results.toAssign > 0
              ? ' Fix those rows in the file and check again, or apply to save the others.'
              : ' Fix those rows in the file and check again.'
            : ''}
        </p>
      ) : (
        <p className={results.rejected > 0 ? 'notice notice-warning' : 'notice notice-success'}>
          {results.assigned} assigned, {results.alreadyAssigned} already assigned, {results.rejected} not assigned.
          {results.rejected > 0 ? ' The rows not assigned say why; fix them and try those again.' : ''}
        </p>
      )}
      <div className="table-wrap">
        <table className="table board-results">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Assignment</th>
              <th scope="col">Outcome</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.row}-${r.label}`}>
                <td>{r.row}</td>
                <td>{r.column ? <code>{r.column}</code> : ''}</td>
                <td>{r.label}</td>
                <td>{OUTCOME_LABELS[r.outcome]}</td>
                <td>{r.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function CsvImport() {
  const importCsv = useImportAdvisorAssignments()
  const [csv, setCsv] = useState('')
  const [fileName, setFileName] = useState<string | null>(null)
  const fieldError = isAppError(importCsv.error)
    ? (importCsv.error.fields?.csv ?? importCsv.error.message)
    : importCsv.error
      ? errorMessage(importCsv.error)
      : undefined

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    if (!file) return
    setFileName(file.name)
    setCsv(await file.text())
  }
  // The file checked last: applying is offered only for exactly those rows.
  const [checked, setChecked] = useState<string | null>(null)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    importCsv.mutate({ csv, dryRun: true }, { onSuccess: () => setChecked(csv) })
  }
  const onApply = () => importCsv.mutate({ csv, dryRun: false }, { onSuccess: () => setChecked(null) })
  const canApply = checked === csv && importCsv.data?.dryRun === true && importCsv.data.toAssign > 0
  return (
    <section className="card" aria-labelledby="advisors-import">
      <h2 id="advisors-import">Import assignments from a CSV file</h2>
      <p>
        One assignment per row, with a header row naming the columns <code>student_email</code> and <code>advisor_email</code>. First the file is checked and
        nothing is saved: every row says what it will do, or its problem and column. Then apply it: the rows without a problem are saved together.
      </p>
      <p>
        A student has one advisory dean. A row giving a student a second one is refused; to change a student’s dean, remove the current one on the student’s row
        above, then assign the new one.
      </p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="advisors-csv-file">CSV file</label>
          <input id="advisors-csv-file" type="file" accept=".csv,text/csv" onChange={(event) => void onFile(event)} />
          {fileName ? <p className="field-hint">Read {fileName}. You can check or edit it below.</p> : null}
        </div>
        <TextAreaField
          id="advisors-csv"
          label="Or paste the rows"
          hint="For example: student_email,advisor_email then maya.robinson@school.edu,elena.vargas@school.edu"
          value={csv}
          onChange={(event) => setCsv(event.target.value)}
          error={fieldError}
          rows={6}
        />
        <div className="board-csv-actions">
          {/* The page's one primary action is assigning the selected students above: the import's
              steps are secondary, the one to take next the louder of the two. */}
          <button type="submit" className={canApply ? 'button button-quiet' : 'button button-secondary'} disabled={importCsv.isPending || csv.trim() === ''}>
            {importCsv.isPending && importCsv.variables?.dryRun ? 'Checking…' : 'Check the file'}
          </button>
          {canApply ? (
            <button type="button" className="button button-secondary" disabled={importCsv.isPending} onClick={onApply}>
              {importCsv.isPending ? 'Saving…' : `Apply: assign ${importCsv.data?.toAssign ?? 0}`}
            </button>
          ) : null}
        </div>
      </form>
      <LiveStatus
        message={
          importCsv.data
            ? importCsv.data.dryRun
              ? `Checked: ${importCsv.data.toAssign} will be assigned, ${importCsv.data.rejected} with a problem. Nothing is saved yet.`
              : `Import done: ${importCsv.data.assigned} assigned, ${importCsv.data.rejected} not assigned.`
            : null
        }
        tone="info"
      />
      {importCsv.data ? <Results results={importCsv.data} title="Import results, row by row" /> : null}
    </section>
  )
}

/** Admins: which advisors advise which students — one student at a time, many at once, or by CSV. */
export function AdvisorsAdminPage() {
  usePageTitle('Advisors of students')
  const [classYear, setClassYear] = useState<ClassYear | ''>('')
  const [unassigned, setUnassigned] = useState(false)
  const [words, setWords] = useState('')
  const [page, setPage] = useState(1)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [advisorId, setAdvisorId] = useState('')
  const [advisorError, setAdvisorError] = useState<string | undefined>(undefined)
  const advisors = useAdvisors()
  const students = useStudentAdvisors(classYear, unassigned)
  const bulk = useBulkAssignAdvisor()
  const setAdvisors = useSetStudentAdvisors()
  const [status, setStatus] = useState<string | null>(null)

  const advisorOptions = useMemo(
    () =>
      (advisors.data?.items ?? []).map((a) => ({
        value: a.id,
        label: `${a.name} (${a.advisesSpecialtyName ? `${a.advisesSpecialtyName} specialty advisor` : 'Student Affairs'}, ${a.studentCount} ${a.studentCount === 1 ? 'student' : 'students'})`,
      })),
    [advisors.data],
  )
  // Every student matching the filters counts towards the selection; the table shows one page.
  const matching = useMemo(() => (students.data?.items ?? []).filter((row) => matchesWords(row.student, words)), [students.data, words])
  const lastPage = Math.max(1, Math.ceil(matching.length / PAGE_SIZE))
  const currentPage = Math.min(page, lastPage)
  const shown = matching.slice((currentPage - 1) * PAGE_SIZE, currentPage * PAGE_SIZE)
  const shownSelected = matching.filter((row) => selected.has(row.student.id))
  const allShownSelected = shown.length > 0 && shown.every((row) => selected.has(row.student.id))

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected)
    if (on) next.add(id)
    else next.delete(id)
    setSelected(next)
  }
  const toggleAll = (on: boolean) => {
    const next = new Set(selected)
    for (const row of shown) {
      if (on) next.add(row.student.id)
      else next.delete(row.student.id)
    }
    setSelected(next)
  }

  const onAssign = (event: FormEvent) => {
    event.preventDefault()
    setStatus(null)
    if (!advisorId) {
      setAdvisorError('Choose the advisor to assign.')
      document.getElementById('bulk-advisor')?.focus()
      return
    }
    setAdvisorError(undefined)
    const ids = shownSelected.map((row) => row.student.id)
    bulk.mutate(
      { advisorId, studentIds: ids },
      {
        onSuccess: (result) => {
          setSelected(new Set())
          setStatus(`${result.assigned} assigned, ${result.alreadyAssigned} already assigned, ${result.rejected} not assigned.`)
        },
      },
    )
  }

  const removeAdvisor = (studentId: string, current: readonly { id: string }[], removeId: string, names: { student: string; advisor: string }) => {
    setStatus(null)
    setAdvisors.mutate(
      { studentId, advisorIds: current.filter((a) => a.id !== removeId).map((a) => a.id) },
      { onSuccess: () => setStatus(`${names.advisor} no longer advises ${names.student}.`) },
    )
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Advisors of students</h1>
        <p className="lead">
          Each student needs one advisory dean from the Office of Student Affairs; specialty advisors can be assigned too. An advisor sees the advising board,
          application and rank order list of the students assigned here, and only theirs.
        </p>
      </div>
      <LiveStatus message={status} />

      <section className="card" aria-labelledby="advisors-assign">
        <h2 id="advisors-assign">Assign students to an advisor</h2>
        <div className="board-filters">
          <SelectField
            id="advisors-class-year"
            label="Class year"
            value={classYear}
            onChange={(event) => {
              setClassYear(event.target.value as ClassYear | '')
              setPage(1)
            }}
            placeholder="Every year"
            options={CLASS_YEARS.map((year) => ({ value: year, label: CLASS_YEAR_LABELS[year] }))}
          />
          <Checkbox
            id="advisors-unassigned"
            label="Only students without an advisor"
            checked={unassigned}
            onChange={(event) => {
              setUnassigned(event.target.checked)
              setPage(1)
            }}
          />
          <TextField
            id="advisors-find"
            label="Find a student"
            hint="Name or e-mail"
            type="search"
            value={words}
            onChange={(event) => {
              setWords(event.target.value)
              setPage(1)
            }}
          />
        </div>
        {students.isPending || advisors.isPending ? <Loading label="Loading students and advisors…" /> : null}
        {students.isError ? <QueryError error={students.error} onRetry={() => void students.refetch()} /> : null}
        {advisors.isError ? <QueryError error={advisors.error} onRetry={() => void advisors.refetch()} /> : null}
        {students.data ? (
          <form className="form" onSubmit={onAssign} noValidate>
            <SelectField
              id="bulk-advisor"
              label="Advisor"
              value={advisorId}
              onChange={(event) => {
                setAdvisorId(event.target.value)
                setAdvisorError(undefined)
              }}
              placeholder="Choose an advisor"
              options={advisorOptions}
              error={advisorError}
            />
            <div className="button-row">
              <button type="submit" className="button" disabled={bulk.isPending || shownSelected.length === 0 || shownSelected.length > ADVISOR_ASSIGNMENT_MAX}>
                {bulk.isPending ? 'Assigning…' : `Assign ${shownSelected.length} selected ${shownSelected.length === 1 ? 'student' : 'students'}`}
              </button>
            </div>
            {shownSelected.length > ADVISOR_ASSIGNMENT_MAX ? (
              <p className="field-error">At most {ADVISOR_ASSIGNMENT_MAX} students at once; narrow the list by class year.</p>
            ) : null}
            {bulk.isError ? (
              <p className="notice notice-error" role="alert">
                {errorMessage(bulk.error)}
              </p>
            ) : null}
            {bulk.data ? <Results results={bulk.data} title="Assignment results, student by student" /> : null}

            <p role="status">
              {matching.length} {matching.length === 1 ? 'student matches' : 'students match'}, {shownSelected.length} selected
              {students.isFetching ? ' (updating…)' : ''}.
            </p>
            {matching.length > PAGE_SIZE ? (
              <div className="button-row">
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setSelected(new Set([...selected, ...matching.map((row) => row.student.id)]))}
                >
                  Select all {matching.length} matching
                </button>
              </div>
            ) : null}
            {shown.length > 0 ? (
              <div className="table-wrap">
                <table className="table board-table">
                  <caption className="visually-hidden">Students and their advisors</caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <input
                          type="checkbox"
                          aria-label="Select every student on this page"
                          checked={allShownSelected}
                          onChange={(event) => toggleAll(event.target.checked)}
                        />
                      </th>
                      <th scope="col">Student</th>
                      <th scope="col">Class year</th>
                      <th scope="col">Advisors</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((row) => (
                      <tr key={row.student.id}>
                        <td>
                          <label className="board-select">
                            <input type="checkbox" checked={selected.has(row.student.id)} onChange={(event) => toggle(row.student.id, event.target.checked)} />
                            <span className="narrow-only"> Select</span>
                            <span className="visually-hidden"> {row.student.name}</span>
                          </label>
                        </td>
                        <th scope="row">
                          {row.student.name}
                          <span className="cell-sub cell-email"> {row.student.email}</span>
                        </th>
                        <td data-label="Class year">{row.student.classYear ? CLASS_YEAR_LABELS[row.student.classYear] : 'Not set'}</td>
                        <td data-label="Advisors">
                          {row.advisors.length === 0 ? (
                            <span className="board-missing-cell">
                              <span aria-hidden="true">⚠ </span>None yet
                            </span>
                          ) : (
                            <ul className="link-list">
                              {row.advisors.map((a) => (
                                <li key={a.id}>
                                  {a.name}{' '}
                                  <button
                                    type="button"
                                    className="button button-small button-ghost"
                                    disabled={setAdvisors.isPending}
                                    onClick={() => removeAdvisor(row.student.id, row.advisors, a.id, { student: row.student.name, advisor: a.name })}
                                  >
                                    Remove
                                    <span className="visually-hidden">
                                      {' '}
                                      {a.name} as advisor of {row.student.name}
                                    </span>
                                  </button>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {shown.length > 0 ? (
              <Pagination
                page={currentPage}
                pageSize={PAGE_SIZE}
                total={matching.length}
                noun={['student', 'students']}
                onPage={setPage}
                label="Pages of students"
              />
            ) : (
              <p className="empty-state">No active student matches these filters.</p>
            )}
          </form>
        ) : null}
        {setAdvisors.isError ? (
          <p className="notice notice-error" role="alert">
            {errorMessage(setAdvisors.error)}
          </p>
        ) : null}
      </section>

      <CsvImport />
    </div>
  )
}
