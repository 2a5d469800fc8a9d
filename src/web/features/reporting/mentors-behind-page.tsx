import { Link, useSearchParams } from 'react-router'
import { MENTOR_MEASURE_LABELS } from '#shared/contracts/reporting.ts'
import { MENTOR_KIND_LABELS } from '#shared/enums.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { formatMoment, plural } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { mentorKindOf, mentorMeasureOf } from './report-lists.ts'
import { mentorsCsvUrl, useMentorsBehind } from './reporting-api.ts'
import './reporting.css'

/** The mentors behind one figure of the school dashboard, with their CSV. */
export function MentorsBehindPage() {
  const [params] = useSearchParams()
  const measure = mentorMeasureOf(params.get('measure'))
  const kind = mentorKindOf(params.get('kind'))
  const title = `${measure === 'all' ? 'Mentors' : `${MENTOR_MEASURE_LABELS[measure]} mentors`} · ${kind ? MENTOR_KIND_LABELS[kind] : 'every kind'}`
  usePageTitle(title)
  const mentors = useMentorsBehind(measure, kind)
  const data = mentors.data

  return (
    <div className="page">
      <div className="page-header">
        <p>
          <Link to="/reports/school">School dashboard</Link>
        </p>
        <h1 tabIndex={-1}>{title}</h1>
      </div>
      {mentors.isPending ? <Loading label="Loading the mentors…" /> : null}
      {mentors.isError ? <QueryError error={mentors.error} onRetry={() => void mentors.refetch()} /> : null}
      {data ? (
        <>
          <div className="report-toolbar">
            <p role="status">{plural(data.items.length, 'mentor', 'mentors')}.</p>
            {data.items.length > 0 ? (
              <a className="button button-secondary" href={mentorsCsvUrl(measure, kind)} download>
                Export CSV
              </a>
            ) : null}
          </div>
          {data.items.length > 0 ? (
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
          ) : (
            <p className="empty-state">Nobody is counted here.</p>
          )}
        </>
      ) : null}
    </div>
  )
}
