/**
 * The order of a student's saved list: what still takes applications first, the nearest deadline
 * first (those open until filled after the dated ones), then what has closed, latest saved first.
 * The list is there to be acted on before deadlines pass.
 */
export function compareSaved(
  a: { open: boolean; applyBy: string | null; savedAt: string },
  b: { open: boolean; applyBy: string | null; savedAt: string },
): number {
  if (a.open !== b.open) return a.open ? -1 : 1
  if (a.open) {
    if (a.applyBy !== b.applyBy) {
      if (a.applyBy === null) return 1
      if (b.applyBy === null) return -1
      return Date.parse(a.applyBy) - Date.parse(b.applyBy)
    }
  }
  return Date.parse(b.savedAt) - Date.parse(a.savedAt)
}
