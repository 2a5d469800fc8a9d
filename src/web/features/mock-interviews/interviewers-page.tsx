import { Loading, QueryError } from '../../components/feedback.tsx'
import { plural } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useInterviewerReport } from './api.ts'
import './mock-interviews.css'

/** "+0.3", "−0.6", "0.0": a rounded zero has no sign. */
function signed(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded).toFixed(1)}`
}

/** The office's view: each interviewer's severity (with its range) and consistency, from every score given. */
export function InterviewersPage() {
  usePageTitle('Mock interviewers')
  const report = useInterviewerReport()
  const data = report.data
  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Mock interviewers</h1>
        <p className="lead">
          How strictly each interviewer scores, compared with the others on the same students, and how steady their scores are. Students see each mock's score
          adjusted for this; decision 019 explains the model.
        </p>
      </div>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <QueryError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {data ? (
        data.interviewers.length === 0 ? (
          <p className="empty-state">No mock interviews have been scored yet.</p>
        ) : (
          <>
            <p>
              From {plural(data.totalScores, 'score', 'scores')}. Severity is in rubric points: negative means stricter than the average interviewer. Spread is
              how far an interviewer's scores fall, typically, from what the model expects (everyone's: {data.residualSpread.toFixed(2)}).
            </p>
            <div className="table-scroll" role="region" aria-label="Interviewers' severity and consistency" tabIndex={0}>
              <table className="mock-severity">
                <caption className="visually-hidden">Interviewers, strictest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Interviewer</th>
                    <th scope="col">Mocks</th>
                    <th scope="col">Severity</th>
                    <th scope="col">Likely range</th>
                    <th scope="col">In words</th>
                    <th scope="col">Spread</th>
                    <th scope="col">Consistency</th>
                  </tr>
                </thead>
                <tbody>
                  {data.interviewers.map((row) => (
                    <tr key={row.interviewer.id}>
                      <th scope="row">{row.interviewer.name}</th>
                      <td>{row.mocks}</td>
                      <td>{signed(row.severity)}</td>
                      <td>
                        {signed(row.low)} to {signed(row.high)}
                      </td>
                      <td>{row.severityWords}</td>
                      <td>{row.spread.toFixed(2)}</td>
                      <td>{row.consistencyWords}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )
      ) : null}
    </div>
  )
}
