import { Link, useSearchParams } from 'react-router'
import { ADVISING_SLOT_LABELS, ADVISING_SLOTS, type AdvisingSlot } from '#shared/contracts/advising.ts'
import { CLASS_YEAR_LABELS, CLASS_YEARS, type ClassYear } from '#shared/enums.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { SelectField } from '../../components/fields.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useMyStudents } from './advising-api.ts'
import './advising.css'

const isSlot = (value: string | null): value is AdvisingSlot => value !== null && (ADVISING_SLOTS as readonly string[]).includes(value)
const isClassYear = (value: string | null): value is ClassYear => value !== null && (CLASS_YEARS as readonly string[]).includes(value)

/** An advisor's assigned students, each board at a glance, filterable by the slot missing. */
export function MyStudentsPage() {
  usePageTitle('My students')
  const [params, setParams] = useSearchParams()
  const missingParam = params.get('missing')
  const yearParam = params.get('classYear')
  const missing: AdvisingSlot | '' = isSlot(missingParam) ? missingParam : ''
  const classYear: ClassYear | '' = isClassYear(yearParam) ? yearParam : ''
  const students = useMyStudents(missing, classYear)

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
  }

  const data = students.data
  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>My students</h1>
        <p className="lead">
          The students you advise and their advising boards: who fills each slot, and which slots are empty. Open a student to see suggestions and fill a slot.
        </p>
      </div>
      {data ? (
        <ul className="board-counts" aria-label="Students missing each slot">
          {ADVISING_SLOTS.map((slot) => (
            <li key={slot} className="tag">
              {data.missingCounts[slot] > 0 ? (
                <Link to={`?missing=${slot}`} aria-current={missing === slot ? 'true' : undefined}>
                  {data.missingCounts[slot]} without {ADVISING_SLOT_LABELS[slot].toLowerCase()}
                </Link>
              ) : (
                <>0 without {ADVISING_SLOT_LABELS[slot].toLowerCase()}</>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="board-filters">
        <SelectField
          id="filter-missing"
          label="Show students missing"
          value={missing}
          onChange={(event) => setParam('missing', event.target.value)}
          placeholder="Any slot (all my students)"
          options={ADVISING_SLOTS.map((slot) => ({ value: slot, label: `a ${ADVISING_SLOT_LABELS[slot].toLowerCase()}` }))}
        />
        <SelectField
          id="filter-class-year"
          label="Class year"
          value={classYear}
          onChange={(event) => setParam('classYear', event.target.value)}
          placeholder="Every year"
          options={CLASS_YEARS.map((year) => ({ value: year, label: CLASS_YEAR_LABELS[year] }))}
        />
      </div>
      {students.isPending ? <Loading label="Loading your students…" /> : null}
      {students.isError ? <QueryError error={students.error} onRetry={() => void students.refetch()} /> : null}
      {data ? (
        <>
          <p role="status">
            {data.total === 0
              ? 'No students are assigned to you yet. The Office of Student Affairs assigns them.'
              : `Showing ${data.items.length} of your ${data.total} ${data.total === 1 ? 'student' : 'students'}${students.isFetching ? ' (updating…)' : ''}.`}
          </p>
          {data.items.length > 0 ? (
            <div className="table-wrap">
              <table className="table board-table">
                <caption className="visually-hidden">My students and their advising boards</caption>
                <thead>
                  <tr>
                    <th scope="col">Student</th>
                    <th scope="col">Declared specialty</th>
                    {ADVISING_SLOTS.map((slot) => (
                      <th key={slot} scope="col">
                        {ADVISING_SLOT_LABELS[slot]}
                      </th>
                    ))}
                    <th scope="col">Also mentoring</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((row) => (
                    <tr key={row.student.id}>
                      <th scope="row">
                        <Link to={`/advising/students/${row.student.id}`}>{row.student.name}</Link>
                        <span className="cell-sub">
                          {' '}
                          {row.student.classYear ? CLASS_YEAR_LABELS[row.student.classYear] : ''}
                          {row.emptySlots.length > 0 ? ` · ${row.emptySlots.length} empty` : ' · all filled'}
                        </span>
                      </th>
                      <td data-label="Declared specialty">{row.declaredSpecialtyName ?? 'None yet'}</td>
                      {row.slots.map((slot) => {
                        // A slot the student need not fill (the near-peer slot in the final year) is not flagged.
                        const missing = slot.holderNames.length === 0 && row.emptySlots.includes(slot.slot)
                        return (
                          <td key={slot.slot} data-label={ADVISING_SLOT_LABELS[slot.slot]} className={missing ? 'board-missing-cell' : undefined}>
                            {slot.holderNames.length > 0 ? (
                              slot.holderNames.join(', ')
                            ) : missing ? (
                              <>
                                <span aria-hidden="true">⚠ </span>Empty
                              </>
                            ) : (
                              'Optional'
                            )}
                          </td>
                        )
                      })}
                      <td data-label="Also mentoring">{row.otherNames.length > 0 ? row.otherNames.join(', ') : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : data.total > 0 ? (
            <p className="empty-state">None of your students matches these filters.</p>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
