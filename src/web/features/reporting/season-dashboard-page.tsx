import { Link } from 'react-router'
import { SEASON_MEASURE_LABELS, type SeasonMeasure, type SeasonRow } from '#shared/contracts/season-reports.ts'
import { CLASS_YEAR_LABELS } from '#shared/enums.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { FigureLink } from './figure-link.tsx'
import { seasonPage, useSeasonDashboard } from './season-reports-api.ts'
import './reporting.css'

const COLUMNS: readonly {
  measure: SeasonMeasure
  key: 'students' | 'profileComplete' | 'belowGuide' | 'rankListSubmitted' | 'rankListSignedOff' | 'atRisk'
  head: string
}[] = [
  { measure: 'all', key: 'students', head: 'Students' },
  { measure: 'profile-complete', key: 'profileComplete', head: 'Profile complete' },
  { measure: 'below-guide', key: 'belowGuide', head: 'Fewer programs than typical' },
  { measure: 'rank-list-submitted', key: 'rankListSubmitted', head: 'Rank list submitted' },
  { measure: 'rank-list-signed-off', key: 'rankListSignedOff', head: 'Signed off' },
  { measure: 'at-risk', key: 'atRisk', head: 'At risk' },
]

/** The residency season per class year: application profiles, program lists, rank lists and the class simulation's at-risk students. */
export function SeasonDashboardPage() {
  usePageTitle('Residency season')
  const dashboard = useSeasonDashboard()
  const data = dashboard.data
  const rows = data ? [...data.byClassYear.filter((r) => r.students > 0), data.total] : []
  const yearName = (row: SeasonRow) => (row.classYear ? CLASS_YEAR_LABELS[row.classYear] : data?.scope === 'school' ? 'Whole school' : 'All your students')
  return (
    <div className="page office-report">
      <div className="page-header">
        <p className="report-back">
          <Link to="/reports/school">School dashboard</Link>
        </p>
        <h1 tabIndex={-1}>Residency season</h1>
        <p className="lead">
          Where {data?.scope === 'assigned' ? 'the students assigned to you' : 'every class'} stands in the application season. Open a number to see the
          students behind it.
        </p>
      </div>
      {dashboard.isPending ? <Loading label="Counting…" /> : null}
      {dashboard.isError ? <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {data ? (
        <>
          <div className="report-toolbar report-actions">
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              Print
            </button>
          </div>
          <section aria-labelledby="season-heading" className="report-section">
            <h2 id="season-heading">By class year</h2>
            <table className="table table-stack report-table">
              <caption className="visually-hidden">The residency season by class year</caption>
              <thead>
                <tr>
                  <th scope="col">Class year</th>
                  {COLUMNS.map((c) => (
                    <th key={c.measure} scope="col">
                      {c.head}
                    </th>
                  ))}
                  <th scope="col">Programs on list (median)</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.classYear ?? 'total'} className={row.classYear ? undefined : 'report-total'}>
                    <th scope="row">{yearName(row)}</th>
                    {COLUMNS.map((c) => (
                      <td key={c.measure} data-label={c.head}>
                        <FigureLink
                          value={row[c.key]}
                          to={seasonPage(c.measure, row.classYear)}
                          label={`${yearName(row)}: ${SEASON_MEASURE_LABELS[c.measure].toLowerCase()}`}
                        />
                        {c.measure === 'at-risk' ? <span className="cell-sub"> of {row.simulated} simulated</span> : null}
                      </td>
                    ))}
                    <td data-label="Programs on list (median)">
                      {row.medianPrograms === null ? 'No lists' : `${row.medianPrograms} (${row.withList} with a list)`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              <Link to={seasonPage('profile-incomplete', null)}>Students whose application profile is not complete</Link>
            </p>
          </section>
          <section aria-labelledby="season-definitions" className="report-section">
            <h2 id="season-definitions">How these are counted</h2>
            <dl className="report-definitions">
              <dt>Profile complete</dt>
              <dd>The list builder’s application profile is saved with a preferred specialty and a Step 1 or Step 2 result.</dd>
              <dt>Fewer programs than typical</dt>
              <dd>
                The student has a program list, but fewer programs on it than applicants in their preferred specialty typically apply to (the list builder’s
                figure, from national data or the school’s own calibration). The list builder’s advice for each student, on their own page, never asks for more
                than this.
              </dd>
              <dt>Rank list submitted, signed off</dt>
              <dd>The student submitted their rank order list; an advisor signed off its current version.</dd>
              <dt>At risk</dt>
              <dd>
                {data.latestSimulationAt
                  ? `Flagged by the newest class simulation that included the student (the latest finished ${new Date(data.latestSimulationAt).toLocaleDateString()}): a short list, mostly reaches, one specialty only, or a low chance of matching. Students never simulated are not counted.`
                  : 'No class simulation has finished yet, so no student is flagged. Advisors run one from Class simulation.'}
              </dd>
            </dl>
            <p className="field-hint">Counted {new Date(data.generatedAt).toLocaleString()}. Active students only.</p>
          </section>
        </>
      ) : null}
    </div>
  )
}
