import { findSpecialty } from '#shared/reference/specialties.ts'
import { PairedBarChart } from '../../components/charts/paired-bar-chart.tsx'
import { officeReportCsv, useOutcomesReport } from './office-reports-api.ts'
import { percent, percentTenth, points, ReportFrame, SmallCellRule } from './report-frame.tsx'

const specialtyName = (id: string) => findSpecialty(id)?.name ?? id

/** The school's match results by specialty against the published national rates. */
export function OutcomesPage() {
  const query = useOutcomesReport()
  return (
    <ReportFrame
      title="Match results against the nation"
      lead="How the school’s graduates matched in each specialty they applied to, beside the national rate for U.S. MD seniors."
      query={query}
      csvUrl={officeReportCsv.outcomes}
    >
      {(data) => (
        <>
          <p>
            The school’s figures are its U.S. MD graduates in the past outcomes the office imported
            {data.years.length > 0 ? ` (match years ${[...data.years].sort().join(', ')})` : ''}, by the specialty they applied in; “matched” means they matched
            to a program.
          </p>
          <p>{data.nationalSource}</p>
          <SmallCellRule />
          {data.specialties.length === 0 ? (
            <p className="empty-state">No past outcomes have been imported yet.</p>
          ) : (
            <PairedBarChart
              title="Matched, the school against the nation, by specialty"
              description={data.specialties
                .filter((s) => s.shown)
                .map(
                  (s) =>
                    `${specialtyName(s.specialtyId)}: ${percent(s.rate)} at the school, ${s.national ? percentTenth(s.national.rate) : 'no national rate'} nationally.`,
                )
                .join(' ')}
              valueName="The school"
              comparisonName="U.S. MD seniors"
              bars={data.specialties.map((s) => ({
                label: specialtyName(s.specialtyId),
                value: s.rate,
                comparison: s.national?.rate ?? null,
                note: 'not shown (fewer than 10)',
              }))}
            >
              <table className="table table-stack report-table">
                <caption className="visually-hidden">Match results by specialty against the national rate</caption>
                <thead>
                  <tr>
                    <th scope="col">Specialty</th>
                    <th scope="col">Graduates</th>
                    <th scope="col">Matched</th>
                    <th scope="col">National rate</th>
                    <th scope="col">Difference</th>
                  </tr>
                </thead>
                <tbody>
                  {data.specialties.map((s) => (
                    <tr key={s.specialtyId}>
                      <th scope="row">{specialtyName(s.specialtyId)}</th>
                      <td data-label="Graduates">{s.shown ? s.applicants : <span className="report-hidden">not shown</span>}</td>
                      <td data-label="Matched">
                        {s.shown ? (
                          <>
                            {percent(s.rate)} <span className="cell-sub">({s.matched})</span>
                          </>
                        ) : (
                          <span className="report-hidden">not shown</span>
                        )}
                      </td>
                      <td data-label="National rate">
                        {s.national ? (
                          <>
                            {percentTenth(s.national.rate)}{' '}
                            <span className="cell-sub">
                              ({s.national.matched} of {s.national.matched + s.national.unmatched})
                            </span>
                          </>
                        ) : (
                          'not published'
                        )}
                      </td>
                      <td data-label="Difference">{s.difference === null ? '—' : points(s.difference)}</td>
                    </tr>
                  ))}
                  <tr className="report-total">
                    <th scope="row">Every specialty</th>
                    <td data-label="Graduates">{data.total.shown ? data.total.applicants : <span className="report-hidden">not shown</span>}</td>
                    <td data-label="Matched">
                      {data.total.shown ? (
                        <>
                          {percent(data.total.rate)} <span className="cell-sub">({data.total.matched})</span>
                        </>
                      ) : (
                        <span className="report-hidden">not shown</span>
                      )}
                    </td>
                    <td data-label="National rate">—</td>
                    <td data-label="Difference">—</td>
                  </tr>
                </tbody>
              </table>
            </PairedBarChart>
          )}
        </>
      )}
    </ReportFrame>
  )
}
