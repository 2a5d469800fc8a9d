import {
  GROUP_MEASURE_LABELS,
  type EquityReport,
  type GroupSplit,
  type OutcomesReport,
  type ParticipationReport,
  type ParticipationRow,
} from '#shared/contracts/office-reports.ts'
import { writeCsv, type CsvValue } from '#shared/csv/write-csv.ts'
import { CLASS_YEAR_LABELS, IDENTITY_ATTRIBUTE_LABELS, type ClassYear } from '#shared/enums.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'

/** The word in a hidden cell's place: the rule hid it, it is not zero. */
export const HIDDEN = 'hidden (small group)'

const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10)
const columnLabel = (column: string) => CLASS_YEAR_LABELS[column as ClassYear] ?? (column === 'all' ? 'All' : column)
const specialtyName = (id: string | null) => (id === null ? 'Undecided' : (findSpecialty(id)?.name ?? id))

/** One row per group, column and measure; a hidden cell carries no number, only `HIDDEN`. */
function splitRows(split: GroupSplit, name: string): CsvValue[][] {
  return split.rows.flatMap((row) =>
    [...split.columns.map((c, i) => [columnLabel(c), row.byColumn[i]] as const), ['All', row.total] as const].flatMap(([column, cell]) =>
      split.measures.map((measure) => {
        const base = [name, IDENTITY_ATTRIBUTE_LABELS[row.group], column, GROUP_MEASURE_LABELS[measure]]
        if (!cell?.shown) return [...base, HIDDEN]
        const f = cell.figures.find((x) => x.measure === measure)
        return [...base, cell.people, f?.count, percent(f?.rate), cell.others, f?.othersCount, percent(f?.othersRate), percent(f?.difference)]
      }),
    ),
  )
}

const SPLIT_HEADER = [
  'figure',
  'group',
  'column',
  'measure',
  'people',
  'count',
  'rate_percent',
  'everyone_else_people',
  'everyone_else_count',
  'everyone_else_rate_percent',
  'difference_points',
]

export function equityCsv(report: EquityReport): string {
  return writeCsv(SPLIT_HEADER, [...splitRows(report.engagement, 'Engagement'), ...splitRows(report.outcomes, 'Match outcomes')])
}

export function outcomesCsv(report: OutcomesReport): string {
  return writeCsv(
    ['specialty', 'graduates', 'matched', 'school_rate_percent', 'national_matched', 'national_unmatched', 'national_rate_percent', 'difference_points'],
    [
      ...report.specialties.map((s) => [
        specialtyName(s.specialtyId),
        s.shown ? s.applicants : HIDDEN,
        s.matched,
        percent(s.rate),
        s.national?.matched,
        s.national?.unmatched,
        percent(s.national?.rate),
        percent(s.difference),
      ]),
      ['All specialties', report.total.shown ? report.total.applicants : HIDDEN, report.total.matched, percent(report.total.rate)],
      [report.nationalSource],
    ],
  )
}

export function participationCsv(report: ParticipationReport): string {
  const measures = ['applied', 'accepted', 'experience'] as const
  const plain = (figure: string, key: string, r: ParticipationRow): CsvValue[][] =>
    measures.map((m) => [figure, key, 'All', GROUP_MEASURE_LABELS[m], r.students, r[m], percent(r.students === 0 ? null : r[m] / r.students)])
  return writeCsv(SPLIT_HEADER, [
    ...report.byClassYear.flatMap((r) => plain('By class year', CLASS_YEAR_LABELS[r.classYear], r)),
    ...report.bySpecialty.flatMap((r) => plain('By specialty interest', specialtyName(r.specialtyId), r)),
    ...plain('Every student', 'All', report.total),
    ...splitRows(report.byGroup, 'By group'),
  ])
}
