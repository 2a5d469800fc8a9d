import type { StartedInMonth } from '#shared/contracts/season-reports.ts'

/** How many calendar months the engagement dashboard's "started per month" covers, the current one included. */
export const STARTED_MONTHS = 12

/** The first instant (UTC) of the oldest month shown. */
export function startedSince(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (STARTED_MONTHS - 1), 1))
}

/**
 * Every month from `startedSince(now)` to now's month, oldest first, with mentorships (ongoing)
 * and coffee chats started in it — months with none included, so the chart's axis has no gaps.
 */
export function startedByMonth(rows: readonly { month: string; kind: 'ongoing' | 'coffee-chat'; started: number }[], now: Date): StartedInMonth[] {
  const since = startedSince(now)
  const months: StartedInMonth[] = Array.from({ length: STARTED_MONTHS }, (_, i) => {
    const d = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + i, 1))
    return { month: d.toISOString().slice(0, 7), mentorships: 0, coffeeChats: 0 }
  })
  const byMonth = new Map(months.map((m) => [m.month, m]))
  for (const r of rows) {
    const m = byMonth.get(r.month)
    if (!m) continue
    if (r.kind === 'coffee-chat') m.coffeeChats += r.started
    else m.mentorships += r.started
  }
  return months
}
