import { Link, useSearchParams } from 'react-router'
import { ADVISING_SLOT_LABELS } from '#shared/contracts/advising.ts'
import { STUDENT_MEASURE_LABELS } from '#shared/contracts/reporting.ts'
import { CLASS_YEAR_LABELS } from '#shared/enums.ts'
import { formatMoment, plural } from '../../components/format.ts'
import { BehindFigure } from './behind-figure.tsx'
import { classYearOf, studentMeasureOf } from './report-lists.ts'
import { studentsCsvUrl, useStudentsBehind } from './reporting-api.ts'

/** The students behind one figure of the school dashboard, with their CSV. */
export function StudentsBehindPage() {
  const [params] = useSearchParams()
  const measure = studentMeasureOf(params.get('measure'))
  const classYear = classYearOf(params.get('classYear'))
  const title = `${STUDENT_MEASURE_LABELS[measure]} · ${classYear ? CLASS_YEAR_LABELS[classYear] : 'every class year'}`
  return (
    <BehindFigure
      title={title}
      query={useStudentsBehind(measure, classYear)}
      loadingLabel="Loading the students…"
      status={(data) => `${plural(data.items.length, 'student', 'students')}${data.scope === 'assigned' ? ' of those assigned to you' : ''}.`}
      csvUrl={studentsCsvUrl(measure, classYear)}
    >
      {(data) => (
        <table className="table table-stack report-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Class year</th>
              <th scope="col">Mentors</th>
              <th scope="col">Empty board slots</th>
              <th scope="col">Last meeting</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((student) => (
              <tr key={student.id}>
                <th scope="row">
                  <Link to={`/advising/students/${student.id}`}>{student.name}</Link>
                </th>
                <td data-label="Class year">{CLASS_YEAR_LABELS[student.classYear]}</td>
                <td data-label="Mentors">{student.mentors}</td>
                <td data-label="Empty slots">
                  {student.emptySlots.length > 0 ? student.emptySlots.map((slot) => ADVISING_SLOT_LABELS[slot]).join(', ') : 'None'}
                </td>
                <td data-label="Last meeting">{student.lastMeetingAt ? formatMoment(student.lastMeetingAt, { dateStyle: 'medium' }) : 'Never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </BehindFigure>
  )
}
