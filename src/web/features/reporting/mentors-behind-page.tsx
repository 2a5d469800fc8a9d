import { Link, useSearchParams } from 'react-router'
import { MENTOR_MEASURE_LABELS } from '#shared/contracts/reporting.ts'
import { MENTOR_KIND_LABELS } from '#shared/enums.ts'
import { formatMoment, plural } from '../../components/format.ts'
import { BehindFigure } from './behind-figure.tsx'
import { mentorKindOf, mentorMeasureOf } from './report-lists.ts'
import { mentorsCsvUrl, useMentorsBehind } from './reporting-api.ts'

/** The mentors behind one figure of the school dashboard, with their CSV. */
export function MentorsBehindPage() {
  const [params] = useSearchParams()
  const measure = mentorMeasureOf(params.get('measure'))
  const kind = mentorKindOf(params.get('kind'))
  const title = `${measure === 'all' ? 'Mentors' : `${MENTOR_MEASURE_LABELS[measure]} mentors`} · ${kind ? MENTOR_KIND_LABELS[kind] : 'every kind'}`
  return (
    <BehindFigure
      title={title}
      query={useMentorsBehind(measure, kind)}
      loadingLabel="Loading the mentors…"
      status={(data) => `${plural(data.items.length, 'mentor', 'mentors')}.`}
      csvUrl={mentorsCsvUrl(measure, kind)}
    >
      {(data) => (
        <table className="table table-stack report-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Mentor</th>
              <th scope="col">Kind</th>
              <th scope="col">Mentees</th>
              <th scope="col">Unanswered requests</th>
              <th scope="col">Waiting since</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((mentor) => (
              <tr key={mentor.id}>
                <th scope="row">
                  <Link to={`/mentors/${mentor.id}`}>{mentor.name}</Link>
                </th>
                <td data-label="Kind">{MENTOR_KIND_LABELS[mentor.kind]}</td>
                <td data-label="Mentees">
                  {mentor.activeMentorships} of {mentor.capacity}
                </td>
                <td data-label="Unanswered">{mentor.unansweredRequests}</td>
                <td data-label="Since">{mentor.oldestUnansweredAt ? formatMoment(mentor.oldestUnansweredAt, { dateStyle: 'medium' }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </BehindFigure>
  )
}
