import { GROUP_MEASURE_LABELS, type GroupCell, type GroupMeasure, type GroupSplit } from '#shared/contracts/office-reports.ts'
import { CLASS_YEAR_LABELS, IDENTITY_ATTRIBUTE_LABELS, type ClassYear } from '#shared/enums.ts'
import { PairedBarChart } from '../../components/charts/paired-bar-chart.tsx'
import { percent, points } from './report-frame.tsx'

const columnName = (column: string) => CLASS_YEAR_LABELS[column as ClassYear] ?? 'All'

function Cell({ cell, measure }: { cell: GroupCell | undefined; measure: GroupMeasure }) {
  const figure = cell?.figures.find((f) => f.measure === measure)
  if (!cell?.shown || !figure) return <span className="report-hidden">not shown</span>
  return (
    <>
      <strong>{percent(figure.rate)}</strong> <span className="cell-sub">of {cell.people}</span>
      <br />
      <span className="cell-sub">everyone else {percent(figure.othersRate)}</span>
    </>
  )
}

/**
 * One measure split by group: a chart of each group's rate against everyone else's (where both
 * are shown), then the table by column with the whole in the last column and the difference.
 */
export function GroupSplitView({
  split,
  measure,
  scopeName,
  headingLevel = 3,
}: {
  split: GroupSplit
  measure: GroupMeasure
  scopeName: string
  headingLevel?: 3 | 4
}) {
  const label = GROUP_MEASURE_LABELS[measure]
  const Heading = `h${headingLevel}` as const
  const shownRows = split.rows.filter((r) => r.total.shown)
  const multi = split.columns.length > 1
  return (
    <section className="report-split" aria-label={label}>
      <Heading>{label}</Heading>
      <PairedBarChart
        title={`${label}: each group against everyone else, ${scopeName}`}
        description={
          shownRows.length === 0
            ? 'Every group is too small to show.'
            : shownRows
                .map((r) => {
                  const f = r.total.figures.find((x) => x.measure === measure)
                  return `${IDENTITY_ATTRIBUTE_LABELS[r.group]}: ${percent(f?.rate)} against ${percent(f?.othersRate)} for everyone else.`
                })
                .join(' ')
        }
        valueName="The group"
        comparisonName="Everyone else"
        bars={split.rows.map((r) => {
          const f = r.total.figures.find((x) => x.measure === measure)
          return { label: IDENTITY_ATTRIBUTE_LABELS[r.group], value: f?.rate ?? null, comparison: f?.othersRate ?? null, note: 'not shown (small group)' }
        })}
      >
        <table className="table table-stack report-table">
          <caption className="visually-hidden">
            {label} by group{multi ? ' and class year' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              {multi
                ? split.columns.map((c) => (
                    <th key={c} scope="col">
                      {columnName(c)}
                    </th>
                  ))
                : null}
              <th scope="col">All</th>
              <th scope="col">Difference</th>
            </tr>
          </thead>
          <tbody>
            {split.rows.map((row) => {
              const f = row.total.figures.find((x) => x.measure === measure)
              return (
                <tr key={row.group}>
                  <th scope="row">{IDENTITY_ATTRIBUTE_LABELS[row.group]}</th>
                  {multi
                    ? split.columns.map((c, i) => (
                        <td key={c} data-label={columnName(c)}>
                          <Cell cell={row.byColumn[i]} measure={measure} />
                        </td>
                      ))
                    : null}
                  <td data-label="All">
                    <Cell cell={row.total} measure={measure} />
                  </td>
                  <td data-label="Difference">{row.total.shown && f ? points(f.difference) : <span className="report-hidden">not shown</span>}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </PairedBarChart>
    </section>
  )
}
