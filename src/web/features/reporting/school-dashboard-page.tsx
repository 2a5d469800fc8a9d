import { Link } from 'react-router'
import {
  DASHBOARD_RULES,
  MENTOR_MEASURE_LABELS,
  STUDENT_MEASURE_LABELS,
  type EngagementRow,
  type MentorLoadRow,
  type MentorMeasure,
  type StudentMeasure,
} from '#shared/contracts/reporting.ts'
import { CLASS_YEAR_LABELS, MENTOR_KIND_LABELS } from '#shared/enums.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { mentorsPage, studentsPage, useSchoolDashboard } from './reporting-api.ts'
import { StartedByMonth } from './started-by-month.tsx'
import './reporting.css'

const STUDENT_COLUMNS: readonly { measure: StudentMeasure; key: keyof Omit<EngagementRow, 'classYear'> }[] = [
  { measure: 'all', key: 'students' },
  { measure: 'no-mentor', key: 'noMentor' },
  { measure: 'empty-board-slots', key: 'emptyBoardSlots' },
  { measure: 'no-recent-meeting', key: 'noRecentMeeting' },
]

const MENTOR_COLUMNS: readonly { measure: MentorMeasure; key: 'mentors' | 'atCapacity' | 'overCapacity' | 'silent' }[] = [
  { measure: 'all', key: 'mentors' },
  { measure: 'at-capacity', key: 'atCapacity' },
  { measure: 'over-capacity', key: 'overCapacity' },
  { measure: 'silent', key: 'silent' },
]

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`)

/** A figure that opens the list behind it; zero has nothing behind it. */
function Figure({ value, to, label }: { value: number; to: string; label: string }) {
  if (value === 0) return <>0</>
  return (
    <Link to={to} className="figure-link">
      {value}
      <span className="visually-hidden"> — {label}</span>
    </Link>
  )
}

/** The office's view of the school: engagement by class year and mentor load, each figure a link to the people behind it. */
export function SchoolDashboardPage() {
  usePageTitle('School dashboard')
  const dashboard = useSchoolDashboard()
  const data = dashboard.data
  const engagementRows = data ? [...data.engagement.byClassYear, data.engagement.total] : []
  const mentorRows = data ? [...data.mentors.byKind.filter((row) => row.mentors > 0), data.mentors.total] : []
  const yearName = (row: EngagementRow) => (row.classYear ? CLASS_YEAR_LABELS[row.classYear] : data?.scope === 'school' ? 'Whole school' : 'All your students')
  const kindName = (row: MentorLoadRow) => (row.kind ? MENTOR_KIND_LABELS[row.kind] : 'Every mentor')

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>School dashboard</h1>
        <p className="lead">
          {data?.scope === 'assigned'
            ? 'Engagement of the students assigned to you, and the load of the school’s mentors. Open a number to see who is behind it.'
            : 'Engagement of every student by class year, and the load of the school’s mentors. Open a number to see who is behind it.'}
        </p>
      </div>
      <nav aria-label="More reports">
        <ul className="report-links">
          <li>
            <Link to="/reports/equity">Equity: the same figures by group</Link>
          </li>
          <li>
            <Link to="/reports/outcomes">Match results against the nation</Link>
          </li>
          <li>
            <Link to="/reports/participation">Participation in opportunities</Link>
          </li>
          <li>
            <Link to="/reports/letters">Letters, reviews and mock interviews</Link>
          </li>
          <li>
            <Link to="/reports/season">Residency season</Link>
          </li>
        </ul>
      </nav>
      {dashboard.isPending ? <Loading label="Counting…" /> : null}
      {dashboard.isError ? <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {data ? (
        <>
          <section aria-labelledby="engagement-heading" className="report-section">
            <h2 id="engagement-heading">Students</h2>
            <table className="table table-stack report-table">
              <caption className="visually-hidden">Students by class year</caption>
              <thead>
                <tr>
                  <th scope="col">Class year</th>
                  {STUDENT_COLUMNS.map((column) => (
                    <th key={column.measure} scope="col">
                      {STUDENT_MEASURE_LABELS[column.measure]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {engagementRows.map((row) => (
                  <tr key={row.classYear ?? 'total'} className={row.classYear ? undefined : 'report-total'}>
                    <th scope="row">{yearName(row)}</th>
                    {STUDENT_COLUMNS.map((column) => (
                      <td key={column.measure} data-label={STUDENT_MEASURE_LABELS[column.measure]}>
                        <Figure
                          value={row[column.key]}
                          to={studentsPage(column.measure, row.classYear)}
                          label={`${yearName(row)}: ${STUDENT_MEASURE_LABELS[column.measure].toLowerCase()}`}
                        />
                        {column.measure !== 'all' && row.students > 0 ? <span className="cell-sub"> ({percent(row[column.key], row.students)})</span> : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="started-heading" className="report-section">
            <h2 id="started-heading">Started per month</h2>
            <p>A mentorship counts in the month it started, whether it is still going or has closed. A coffee chat is a single conversation.</p>
            <StartedByMonth months={data.startedByMonth} scopeName={data.scope === 'school' ? 'whole school' : 'your students'} />
          </section>

          <section aria-labelledby="mentors-heading" className="report-section">
            <h2 id="mentors-heading">Mentors</h2>
            <p>
              {data.mentors.total.activeMentorships} active mentorships fill {percent(data.mentors.total.activeMentorships, data.mentors.total.capacity)} of{' '}
              {data.mentors.total.capacity} places.
            </p>
            <table className="table table-stack report-table">
              <caption className="visually-hidden">Mentor load by kind of mentor</caption>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">{MENTOR_MEASURE_LABELS.all}</th>
                  <th scope="col">Load</th>
                  {MENTOR_COLUMNS.slice(1).map((column) => (
                    <th key={column.measure} scope="col">
                      {MENTOR_MEASURE_LABELS[column.measure]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {mentorRows.map((row) => (
                  <tr key={row.kind ?? 'total'} className={row.kind ? undefined : 'report-total'}>
                    <th scope="row">{kindName(row)}</th>
                    <td data-label={MENTOR_MEASURE_LABELS.all}>
                      <Figure value={row.mentors} to={mentorsPage('all', row.kind)} label={`${kindName(row)}: all`} />
                    </td>
                    <td data-label="Load">
                      {row.activeMentorships} of {row.capacity} <span className="cell-sub">({percent(row.activeMentorships, row.capacity)})</span>
                    </td>
                    {MENTOR_COLUMNS.slice(1).map((column) => (
                      <td key={column.measure} data-label={MENTOR_MEASURE_LABELS[column.measure]}>
                        <Figure
                          value={row[column.key]}
                          to={mentorsPage(column.measure, row.kind)}
                          label={`${kindName(row)}: ${MENTOR_MEASURE_LABELS[column.measure].toLowerCase()}`}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="definitions-heading" className="report-section">
            <h2 id="definitions-heading">How these are counted</h2>
            <dl className="report-definitions">
              <dt>No mentor</dt>
              <dd>No ongoing mentorship. A coffee chat alone does not count.</dd>
              <dt>Empty advising-board slots</dt>
              <dd>At least one required slot of the student’s advising board is empty.</dd>
              <dt>{STUDENT_MEASURE_LABELS['no-recent-meeting']}</dt>
              <dd>Has a mentor, but no confirmed meeting in the last {DASHBOARD_RULES.noMeetingDays} days.</dd>
              <dt>Full, over capacity</dt>
              <dd>Active mentorships equal to, or more than, the places the mentor offers.</dd>
              <dt>Silent</dt>
              <dd>
                A student’s request has waited {DASHBOARD_RULES.silentAfterDays} days or more without an answer, or expired unanswered in the last{' '}
                {DASHBOARD_RULES.expiredWithinDays} days.
              </dd>
            </dl>
            <p className="field-hint">Counted {new Date(data.generatedAt).toLocaleString()}. Active students only.</p>
          </section>
        </>
      ) : null}
    </div>
  )
}
