import { Link } from 'react-router'
import { LETTER_MEASURE_LABELS, LETTERS_DASHBOARD_RULES, type LetterMeasure } from '#shared/contracts/season-reports.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { FigureLink } from './figure-link.tsx'
import { lettersPage, useLettersDashboard } from './season-reports-api.ts'
import './reporting.css'

/**
 * The office's letters dashboard: letters outstanding by due date and by writer, document
 * reviews and mock interviews outstanding, each number a link to the students behind it. Status
 * and dates only: nobody reads a letter here.
 */
export function LettersDashboardPage() {
  usePageTitle('Letters dashboard')
  const dashboard = useLettersDashboard()
  const data = dashboard.data
  const row = (measure: LetterMeasure, value: number) => (
    <tr key={measure}>
      <th scope="row">{LETTER_MEASURE_LABELS[measure]}</th>
      <td data-label="Count">
        <FigureLink value={value} to={lettersPage(measure)} label={LETTER_MEASURE_LABELS[measure].toLowerCase()} />
      </td>
    </tr>
  )
  return (
    <div className="page office-report">
      <div className="page-header">
        <p className="report-back">
          <Link to="/reports/school">School dashboard</Link>
        </p>
        <h1 tabIndex={-1}>Letters dashboard</h1>
        <p className="lead">
          {data?.scope === 'assigned'
            ? 'Letters, document reviews and mock interviews of the students assigned to you'
            : 'Letters, document reviews and mock interviews of every student'}{' '}
          still waiting on someone. Open a number to see the students behind it. Only status and dates are shown: nobody reads a letter here.
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
          <section aria-labelledby="letters-heading" className="report-section">
            <h2 id="letters-heading">Letters of recommendation</h2>
            <p>
              {data.letters.outstanding} letters outstanding for {data.letters.students} students.
            </p>
            <table className="table table-stack report-table">
              <caption className="visually-hidden">Letters outstanding by due date</caption>
              <thead>
                <tr>
                  <th scope="col">Letters</th>
                  <th scope="col">Count</th>
                </tr>
              </thead>
              <tbody>
                {row('overdue', data.letters.overdue)}
                {row('due-soon', data.letters.dueSoon)}
                {row('due-later', data.letters.dueLater)}
                {row('outstanding', data.letters.outstanding)}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="writers-heading" className="report-section">
            <h2 id="writers-heading">By writer</h2>
            {data.byWriter.length === 0 ? (
              <p className="empty-state">No writer owes a letter.</p>
            ) : (
              <table className="table table-stack report-table">
                <caption className="visually-hidden">Letters outstanding by writer, the most overdue first</caption>
                <thead>
                  <tr>
                    <th scope="col">Writer</th>
                    <th scope="col">Outstanding</th>
                    <th scope="col">Overdue</th>
                  </tr>
                </thead>
                <tbody>
                  {data.byWriter.map((w) => (
                    <tr key={w.writer}>
                      <th scope="row">
                        {w.name}
                        {w.hasAccount ? null : <span className="cell-sub"> (outside the app)</span>}
                      </th>
                      <td data-label="Outstanding">
                        <FigureLink value={w.outstanding} to={lettersPage('outstanding', w.writer)} label={`${w.name}: outstanding`} />
                      </td>
                      <td data-label="Overdue">
                        <FigureLink value={w.overdue} to={lettersPage('overdue', w.writer)} label={`${w.name}: overdue`} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section aria-labelledby="reviews-heading" className="report-section">
            <h2 id="reviews-heading">Document reviews and mock interviews</h2>
            <table className="table table-stack report-table">
              <caption className="visually-hidden">Document reviews and mock interviews outstanding</caption>
              <thead>
                <tr>
                  <th scope="col">Waiting on</th>
                  <th scope="col">Count</th>
                </tr>
              </thead>
              <tbody>
                {row('reviews-open', data.reviews.open)}
                {row('reviews-overdue', data.reviews.overdue)}
                {row('mocks-upcoming', data.mockInterviews.upcoming)}
                {row('mocks-awaiting-feedback', data.mockInterviews.awaitingFeedback)}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="letters-definitions" className="report-section">
            <h2 id="letters-definitions">How these are counted</h2>
            <dl className="report-definitions">
              <dt>Outstanding</dt>
              <dd>The writer has not sent the letter yet: requested, accepted or being written. Declined and withdrawn requests are not counted.</dd>
              <dt>Overdue</dt>
              <dd>Outstanding, and the due date has passed (a letter is due by the end of its due date).</dd>
              <dt>Due soon</dt>
              <dd>Due today or within the next {LETTERS_DASHBOARD_RULES.dueSoonDays} days.</dd>
              <dt>Document reviews</dt>
              <dd>A CV, personal statement or other document a student shared with a reviewer, who has not said they are done.</dd>
              <dt>Mock interviews</dt>
              <dd>Booked and not scored yet: still to come, or held and awaiting the interviewer’s feedback.</dd>
            </dl>
            <p className="field-hint">Counted {new Date(data.generatedAt).toLocaleString()}. Active students only.</p>
          </section>
        </>
      ) : null}
    </div>
  )
}
