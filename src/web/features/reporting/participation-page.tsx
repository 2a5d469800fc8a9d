import { GROUP_SOURCE, type ParticipationRow } from '#shared/contracts/office-reports.ts'
import { CLASS_YEAR_LABELS } from '#shared/enums.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import { GroupSplitView } from './group-split-view.tsx'
import { officeReportCsv, useParticipationReport } from './office-reports-api.ts'
import { percent, ReportFrame, SmallCellRule } from './report-frame.tsx'

const MEASURES = [
  { key: 'applied', label: 'Applied' },
  { key: 'accepted', label: 'Accepted' },
  { key: 'experience', label: 'Experience entries' },
] as const

function ParticipationTable({
  caption,
  rowName,
  rows,
}: {
  caption: string
  rowName: string
  rows: { name: string; row: ParticipationRow; total?: boolean }[]
}) {
  return (
    <table className="table table-stack report-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowName}</th>
          <th scope="col">Students</th>
          {MEASURES.map((m) => (
            <th key={m.key} scope="col">
              {m.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ name, row, total }) => (
          <tr key={name} className={total ? 'report-total' : undefined}>
            <th scope="row">{name}</th>
            <td data-label="Students">{row.students}</td>
            {MEASURES.map((m) => (
              <td key={m.key} data-label={m.label}>
                {row[m.key]} {row.students > 0 ? <span className="cell-sub">({percent(row[m.key] / row.students)})</span> : null}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Participation in opportunities (research, shadowing, summer experiences) by class year, specialty interest and group. */
export function ParticipationPage() {
  const query = useParticipationReport()
  return (
    <ReportFrame
      title="Participation in opportunities"
      lead="Students who applied to a research project, shadowing day, summer experience or scholarly year, who were accepted, and who have entries in their experience record."
      query={query}
      csvUrl={officeReportCsv.participation}
    >
      {(data) => (
        <>
          <section aria-labelledby="participation-years" className="report-section">
            <h2 id="participation-years">By class year</h2>
            <ParticipationTable
              caption="Participation by class year"
              rowName="Class year"
              rows={[
                ...data.byClassYear.map((r) => ({ name: CLASS_YEAR_LABELS[r.classYear], row: r })),
                { name: data.scope === 'assigned' ? 'All your students' : 'Whole school', row: data.total, total: true },
              ]}
            />
          </section>
          <section aria-labelledby="participation-specialties" className="report-section">
            <h2 id="participation-specialties">By specialty interest</h2>
            <p className="field-hint">The first specialty a student names on their profile.</p>
            <ParticipationTable
              caption="Participation by specialty interest"
              rowName="Specialty"
              rows={data.bySpecialty.map((r) => ({ name: r.specialtyId ? (findSpecialty(r.specialtyId)?.name ?? r.specialtyId) : 'Undecided', row: r }))}
            />
          </section>
          <section aria-labelledby="participation-groups" className="report-section">
            <h2 id="participation-groups">By group</h2>
            <p>{GROUP_SOURCE}</p>
            <SmallCellRule />
            {data.byGroup.measures.map((measure) => (
              <GroupSplitView
                key={measure}
                split={data.byGroup}
                measure={measure}
                scopeName={data.scope === 'assigned' ? 'your students' : 'the whole school'}
              />
            ))}
          </section>
          <p className="field-hint">
            Counted {new Date(data.generatedAt).toLocaleString()}. Active students only; a withdrawn application is not counted as applied.
          </p>
        </>
      )}
    </ReportFrame>
  )
}
