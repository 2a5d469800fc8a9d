import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GROUP_MEASURES, type GroupMeasure } from '#shared/contracts/office-reports.ts'
import { IDENTITY_ATTRIBUTES } from '#shared/enums.ts'
import { splitByGroup, type SplitPerson } from './group-split.ts'
import { cellIsSmall, revealedByLine, shownCellsOfLine, type LineCell } from './small-cells.ts'

const MIN = 10

describe('small-cell rule', () => {
  it.each([
    [{ people: 9 }, true],
    [{ people: 10 }, false],
    [{ people: 0 }, true],
    [{ people: 40, others: 9 }, true],
    [{ people: 10, others: 10 }, false],
  ] as const)('cell %o is small: %s', (cell, expected) => {
    expect(cellIsSmall(cell, MIN)).toBe(expected)
  })

  it('shows every cell of 10 or more when none is hidden', () => {
    expect(shownCellsOfLine([{ people: 10 }, { people: 25 }, { people: 11 }], true, MIN)).toEqual([true, true, true])
  })

  it('hides the next smallest cell when one hidden cell could be recovered from the shown total', () => {
    // 3 + 40 + 12 + 20 = 75 shown: hiding only the 3 would leave it as 75 − 72.
    expect(shownCellsOfLine([{ people: 3 }, { people: 40 }, { people: 12 }, { people: 20 }], true, MIN)).toEqual([false, true, false, true])
  })

  it('keeps hiding until the hidden cells together hold the minimum', () => {
    // 2 and 3 are small; together 5, so the 11 goes too (16).
    expect(shownCellsOfLine([{ people: 2 }, { people: 3 }, { people: 11 }, { people: 30 }], true, MIN)).toEqual([false, false, false, true])
  })

  it('hides nothing more when the line’s sum is not shown', () => {
    expect(shownCellsOfLine([{ people: 3 }, { people: 40 }], false, MIN)).toEqual([false, true])
  })

  it('hides the next cell when the hidden cells’ "everyone else" together are too few', () => {
    // The first cell is hidden because only 4 others share its column; 4 alone would be recovered.
    const line: LineCell[] = [
      { people: 30, others: 4 },
      { people: 12, others: 50 },
      { people: 15, others: 40 },
    ]
    expect(shownCellsOfLine(line, true, MIN)).toEqual([false, false, true])
  })

  it('chooses the first of equal cells, so every read hides the same ones', () => {
    expect(shownCellsOfLine([{ people: 1 }, { people: 20 }, { people: 20 }], true, MIN)).toEqual([false, false, true])
  })

  const lineArb = fc.array(
    fc.record({ people: fc.nat(60), others: fc.option(fc.nat(60), { nil: undefined }) }).map((c) => (c.others === undefined ? { people: c.people } : c)),
    { minLength: 1, maxLength: 8 },
  )

  it('never reveals fewer than the minimum people, shown or by subtraction (property)', () => {
    fc.assert(
      fc.property(lineArb, fc.boolean(), (cells: LineCell[], sumShownWanted) => {
        const total = cells.reduce((n, c) => n + c.people, 0)
        const othersTotal = cells.reduce((n, c) => n + (c.others ?? 0), 0)
        const compared = cells.some((c) => c.others !== undefined)
        // A caller shows the line's sum only when it passes the rule itself.
        const sumShown = sumShownWanted && total >= MIN && (!compared || othersTotal >= MIN)
        const shown = shownCellsOfLine(cells, sumShown, MIN)
        for (const cell of revealedByLine(cells, shown, sumShown)) {
          expect(cell.people).toBeGreaterThanOrEqual(MIN)
          if (cell.others !== undefined) expect(cell.others).toBeGreaterThanOrEqual(MIN)
        }
      }),
      { numRuns: 2000 },
    )
  })
})

describe('splitByGroup', () => {
  const columns = ['M1', 'M2', 'M3', 'M4']
  const person = (column: string, groups: SplitPerson<GroupMeasure>['groups'], measures: GroupMeasure[] = []): SplitPerson<GroupMeasure> => ({
    column,
    groups,
    measures: new Set(measures),
  })

  it('gives each group’s rate against everyone else’s, and the difference', () => {
    const people = [
      ...Array.from({ length: 12 }, (_, i) => person('M1', ['first-generation'], i < 6 ? ['no-mentor'] : [])),
      ...Array.from({ length: 20 }, (_, i) => person('M1', [], i < 5 ? ['no-mentor'] : [])),
    ]
    const split = splitByGroup(people, columns, ['no-mentor'])
    const row = split.rows.find((r) => r.group === 'first-generation')
    expect(row?.total).toEqual({
      shown: true,
      people: 12,
      others: 20,
      figures: [{ measure: 'no-mentor', count: 6, rate: 0.5, othersCount: 5, othersRate: 0.25, difference: 0.25 }],
    })
    // M1 holds the whole group; the empty years are out of the line.
    expect(row?.byColumn[0]?.shown).toBe(true)
    expect(row?.byColumn.slice(1).every((c) => !c.shown && c.people === null && c.figures.length === 0)).toBe(true)
    // A group no one shares is hidden everywhere.
    expect(split.rows.find((r) => r.group === 'veteran')?.total.shown).toBe(false)
  })

  it('hides a year that could be recovered from the group’s school total, and the next smallest year with it', () => {
    const people = [
      ...Array.from({ length: 3 }, () => person('M1', ['lgbtq'])),
      ...Array.from({ length: 15 }, () => person('M2', ['lgbtq'])),
      ...Array.from({ length: 25 }, () => person('M3', ['lgbtq'])),
      ...Array.from({ length: 60 }, (_, i) => person(columns[i % 4] as string, [])),
    ]
    const row = splitByGroup(people, columns, ['no-mentor']).rows.find((r) => r.group === 'lgbtq')
    expect(row?.total.people).toBe(43)
    expect(row?.byColumn.map((c) => c.shown)).toEqual([false, false, true, false])
  })

  const splitArb = fc.array(
    fc.record({
      column: fc.constantFrom(...columns),
      groups: fc.subarray([...IDENTITY_ATTRIBUTES], { maxLength: 3 }),
      measures: fc.subarray([...GROUP_MEASURES]),
    }),
    { maxLength: 220 },
  )

  it('never carries a number for fewer than the minimum, in any cell, against everyone else, or by subtraction from the total (property)', () => {
    fc.assert(
      fc.property(splitArb, (raw) => {
        const people = raw.map((p) => person(p.column, p.groups, p.measures))
        const split = splitByGroup(people, columns, [...GROUP_MEASURES])
        const columnSize = columns.map((c) => people.filter((p) => p.column === c).length)
        for (const row of split.rows) {
          for (const cell of [...row.byColumn, row.total]) {
            if (!cell.shown) {
              expect(cell).toEqual({ shown: false, people: null, others: null, figures: [] })
              continue
            }
            expect(cell.people).toBeGreaterThanOrEqual(MIN)
            expect(cell.others).toBeGreaterThanOrEqual(MIN)
          }
          if (!row.total.shown) continue
          // What subtraction from the shown total gives: the hidden years together.
          const hidden = row.byColumn.map((c, i) => ({ c, i })).filter(({ c, i }) => !c.shown && (columnSize[i] as number) > 0)
          if (hidden.length === 0) continue
          const shownPeople = row.byColumn.reduce((n, c) => n + (c.people ?? 0), 0)
          const hiddenPeople = (row.total.people as number) - shownPeople
          const hiddenOthers = hidden.reduce((n, { i }) => n + (columnSize[i] as number), 0) - hiddenPeople
          expect(hiddenPeople).toBeGreaterThanOrEqual(MIN)
          expect(hiddenOthers).toBeGreaterThanOrEqual(MIN)
        }
      }),
      { numRuns: 400 },
    )
  })
})
