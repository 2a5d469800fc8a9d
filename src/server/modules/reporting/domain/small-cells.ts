import { SMALL_CELL_MINIMUM } from '#shared/contracts/office-reports.ts'

/**
 * Small-cell suppression (decision 029), one rule for every figure about a self-identified group
 * and every match outcome:
 *
 * 1. A cell — the people of one group in one column (a class year, a match year, a specialty) — is
 *    shown only when it holds at least `SMALL_CELL_MINIMUM` people and, when it is compared with
 *    "everyone else" in a column whose total is shown elsewhere, everyone else are that many too
 *    (otherwise the total minus the cell gives them away).
 * 2. When a line of cells adds up to a total that is shown (a group's class years to the group in
 *    the whole school; specialties to all graduates), the hidden cells of the line together must
 *    hold at least the minimum people, and so must everyone else behind them; while they do not,
 *    the smallest shown cell of the line is hidden too. A line has one such sum, so the hidden
 *    cells can be learnt only together, never one by one.
 * 3. A difference (a group's rate against everyone else's) is shown only where the cell is.
 *
 * The rule looks at how many people a cell holds, never at the figure inside it, so one pattern
 * serves every measure of a line, and hiding a cell says nothing about its figures.
 */

export type LineCell = {
  /** People of the group in this column. */
  people: number
  /** Everyone else in the column, when the column's total is shown elsewhere; undefined when there is no such comparison. */
  others?: number
}

const small = (n: number, minimum: number) => n < minimum

/** Rule 1 for one cell. */
export function cellIsSmall(cell: LineCell, minimum = SMALL_CELL_MINIMUM): boolean {
  return small(cell.people, minimum) || (cell.others !== undefined && small(cell.others, minimum))
}

/**
 * Which cells of a line may be shown (rules 1 and 2). `sumShown`: the line's cells add up to a
 * total that is shown (rule 2 applies); pass false when the line is alone.
 */
export function shownCellsOfLine(cells: readonly LineCell[], sumShown: boolean, minimum = SMALL_CELL_MINIMUM): boolean[] {
  const shown = cells.map((cell) => !cellIsSmall(cell, minimum))
  if (!sumShown) return shown
  const hiddenTogetherTooSmall = () => {
    let people = 0
    let others = 0
    let anyHidden = false
    let compared = false
    cells.forEach((cell, i) => {
      if (shown[i]) return
      anyHidden = true
      people += cell.people
      if (cell.others !== undefined) {
        compared = true
        others += cell.others
      }
    })
    return anyHidden && (small(people, minimum) || (compared && small(others, minimum)))
  }
  while (hiddenTogetherTooSmall()) {
    // The smallest cell still shown (the first of equals, so the pattern is the same on every read).
    let next = -1
    cells.forEach((cell, i) => {
      if (shown[i] && (next === -1 || cell.people < (cells[next] as LineCell).people)) next = i
    })
    if (next === -1) break
    shown[next] = false
  }
  return shown
}

/**
 * What the cells of a line reveal, as sets of people: each shown cell, and the hidden cells
 * together when the line's sum is shown. Used by tests to check that nothing smaller than the
 * minimum is revealed, by the rule or by subtraction.
 */
export function revealedByLine(cells: readonly LineCell[], shown: readonly boolean[], sumShown: boolean): LineCell[] {
  const revealed = cells.filter((_, i) => shown[i])
  const hidden = cells.filter((_, i) => !shown[i])
  if (sumShown && hidden.length > 0) {
    const compared = hidden.some((c) => c.others !== undefined)
    const together: LineCell = { people: hidden.reduce((n, c) => n + c.people, 0) }
    if (compared) together.others = hidden.reduce((n, c) => n + (c.others ?? 0), 0)
    revealed.push(together)
  }
  return revealed
}
