import { Link, useSearchParams } from 'react-router'
import { SEASON_MEASURE_LABELS, type SeasonListItem } from '#shared/contracts/season-reports.ts'
import { CLASS_YEAR_LABELS } from '#shared/enums.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import { plural } from '../../components/format.ts'
import { BehindFigure } from './behind-figure.tsx'
import { classYearOf, seasonMeasureOf } from './report-lists.ts'
import { seasonCsvUrl, useSeasonStudents } from './season-reports-api.ts'

const RANK_LIST_WORDS: Record<SeasonListItem['rankList'], string> = {
  draft: 'Not submitted',
  submitted: 'Submitted',
  'signed-off': 'Signed off',
  'changed-since-sign-off': 'Changed since sign-off',
}

/** The students behind one figure of the residency-season dashboard, with their CSV. */
export function SeasonBehindPage() {
  const [params] = useSearchParams()
  const measure = seasonMeasureOf(params.get('measure'))
  const classYear = classYearOf(params.get('classYear'))
  const title = `${SEASON_MEASURE_LABELS[measure]} · ${classYear ? CLASS_YEAR_LABELS[classYear] : 'every class year'}`
  return (
    <BehindFigure
      title={title}
      query={useSeasonStudents(measure, classYear)}
      loadingLabel="Loading the students…"
      status={(data) => `${plural(data.items.length, 'student', 'students')}${data.scope === 'assigned' ? ' of those assigned to you' : ''}.`}
      csvUrl={seasonCsvUrl(measure, classYear)}
      back={{ to: '/reports/season', label: 'Residency season' }}
    >
      {(data) => (
        <table className="table table-stack report-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Class year</th>
              <th scope="col">Profile</th>
              <th scope="col">Programs (typical)</th>
              <th scope="col">Rank list</th>
              <th scope="col">Class simulation</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/advising/students/${s.id}`}>{s.name}</Link>
                </th>
                <td data-label="Class year">{CLASS_YEAR_LABELS[s.classYear]}</td>
                <td data-label="Profile">
                  {s.profileComplete ? 'Complete' : 'Not complete'}
                  {s.preferredSpecialtyId ? <span className="cell-sub"> · {findSpecialty(s.preferredSpecialtyId)?.name ?? s.preferredSpecialtyId}</span> : null}
                </td>
                <td data-label="Programs (typical)">
                  {s.programs}
                  {s.typicalApplications === null ? null : <span className="cell-sub"> ({s.typicalApplications} typical)</span>}
                </td>
                <td data-label="Rank list">{RANK_LIST_WORDS[s.rankList]}</td>
                <td data-label="Class simulation">
                  {s.atRiskReasons === null ? 'Not simulated' : s.atRiskReasons.length === 0 ? 'Not flagged' : s.atRiskReasons.join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </BehindFigure>
  )
}
