import { GROUP_SOURCE } from '#shared/contracts/office-reports.ts'
import { GroupSplitView } from './group-split-view.tsx'
import { officeReportCsv, useEquityReport } from './office-reports-api.ts'
import { ReportFrame, SmallCellRule } from './report-frame.tsx'

/** Engagement and match outcomes by self-identified group, small groups hidden (decision 029). */
export function EquityPage() {
  const query = useEquityReport()
  const scopeName = query.data?.scope === 'assigned' ? 'your students' : 'the whole school'
  return (
    <ReportFrame
      title="Equity"
      lead="How access to mentoring and match results differ across the groups students chose to share with the office."
      query={query}
      csvUrl={officeReportCsv.equity}
    >
      {(data) => (
        <>
          <p>{GROUP_SOURCE}</p>
          {data.scope === 'assigned' ? <p className="field-hint">These cover the students assigned to you, so most groups are too small to show.</p> : null}
          <SmallCellRule />
          <section aria-labelledby="equity-engagement" className="report-section">
            <h2 id="equity-engagement">Engagement</h2>
            {data.engagement.measures.map((measure) => (
              <GroupSplitView key={measure} split={data.engagement} measure={measure} scopeName={scopeName} />
            ))}
          </section>
          <section aria-labelledby="equity-outcomes" className="report-section">
            <h2 id="equity-outcomes">Match results</h2>
            <p>Past graduates whose record is linked to their student account, every match year together.</p>
            <GroupSplitView split={data.outcomes} measure="matched" scopeName="past graduates" />
          </section>
          <p className="field-hint">Counted {new Date(data.generatedAt).toLocaleString()}. Active students only.</p>
        </>
      )}
    </ReportFrame>
  )
}
