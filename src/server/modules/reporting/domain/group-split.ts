import { SMALL_CELL_MINIMUM, type GroupCell, type GroupMeasure, type GroupRow, type GroupSplit } from '#shared/contracts/office-reports.ts'
import { IDENTITY_ATTRIBUTES, type IdentityAttribute } from '#shared/enums.ts'
import { shownCellsOfLine, type LineCell } from './small-cells.ts'

/** One person of a split: their column (a class year…), the groups they share, and the measures they count under. */
export type SplitPerson<M extends GroupMeasure> = {
  column: string
  /** Only groups the person chose to share with the office; empty otherwise. */
  groups: readonly IdentityAttribute[]
  measures: ReadonlySet<M>
}

type Tally<M extends GroupMeasure> = { people: number; counts: Map<M, number> }

const emptyTally = <M extends GroupMeasure>(): Tally<M> => ({ people: 0, counts: new Map() })

function add<M extends GroupMeasure>(tally: Tally<M>, person: SplitPerson<M>) {
  tally.people += 1
  for (const m of person.measures) tally.counts.set(m, (tally.counts.get(m) ?? 0) + 1)
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000)

const hiddenCell: GroupCell = { shown: false, people: null, others: null, figures: [] }

function shownCell<M extends GroupMeasure>(group: Tally<M>, column: Tally<M>, measures: readonly M[]): GroupCell {
  const others = column.people - group.people
  return {
    shown: true,
    people: group.people,
    others,
    figures: measures.map((measure) => {
      const count = group.counts.get(measure) ?? 0
      const othersCount = (column.counts.get(measure) ?? 0) - count
      const rate = ratio(count, group.people)
      const othersRate = ratio(othersCount, others)
      return { measure, count, rate, othersCount, othersRate, difference: Math.round((rate - othersRate) * 10_000) / 10_000 }
    }),
  }
}

/**
 * Each group against everyone else, per column and in total, with the small-cell rule applied
 * (`small-cells.ts`). The columns' totals and the whole's are taken to be shown elsewhere (the
 * dashboard shows them), so every cell is compared with everyone else and each group's columns
 * add up to its shown total. A column no one is in is left out of the line: it reveals nobody.
 */
export function splitByGroup<M extends GroupMeasure>(
  people: readonly SplitPerson<M>[],
  columns: readonly string[],
  measures: readonly M[],
  minimum = SMALL_CELL_MINIMUM,
): GroupSplit {
  const whole = emptyTally<M>()
  const byColumn = new Map(columns.map((c) => [c, emptyTally<M>()]))
  const byGroup = new Map(IDENTITY_ATTRIBUTES.map((g) => [g, { total: emptyTally<M>(), columns: new Map(columns.map((c) => [c, emptyTally<M>()])) }]))
  for (const person of people) {
    const column = byColumn.get(person.column)
    if (!column) continue
    add(whole, person)
    add(column, person)
    for (const group of new Set(person.groups)) {
      const tallies = byGroup.get(group)
      if (!tallies) continue
      add(tallies.total, person)
      add(tallies.columns.get(person.column) as Tally<M>, person)
    }
  }

  const rows: GroupRow[] = IDENTITY_ATTRIBUTES.map((group) => {
    const tallies = byGroup.get(group) as { total: Tally<M>; columns: Map<string, Tally<M>> }
    const totalShown = shownCellsOfLine([{ people: tallies.total.people, others: whole.people - tallies.total.people }], false, minimum)[0] as boolean
    const inLine = columns.filter((c) => (byColumn.get(c) as Tally<M>).people > 0)
    const line: LineCell[] = inLine.map((c) => {
      const cell = tallies.columns.get(c) as Tally<M>
      return { people: cell.people, others: (byColumn.get(c) as Tally<M>).people - cell.people }
    })
    const shown = shownCellsOfLine(line, totalShown, minimum)
    const shownColumns = new Set(inLine.filter((_, i) => shown[i]))
    return {
      group,
      byColumn: columns.map((c) => (shownColumns.has(c) ? shownCell(tallies.columns.get(c) as Tally<M>, byColumn.get(c) as Tally<M>, measures) : hiddenCell)),
      total: totalShown ? shownCell(tallies.total, whole, measures) : hiddenCell,
    }
  })
  return { columns: [...columns], measures: [...measures], rows }
}
