import { formatMoment } from '../../components/format.ts'

/** The calendar day of an instant where the viewer is (YYYY-MM-DD sorts and subtracts as days). */
function dayIn(instant: Date, timeZone: string | undefined): number {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant).split('-').map(Number)
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000
}

export type DeadlineReminder = { text: string; soon: boolean }

/**
 * The reminder on a saved opportunity, from the deadline its poster set, counted in calendar days
 * where the viewer is ("Closes in 3 days", "Closes tomorrow at 5:00 PM"). `soon` within a week,
 * when the card marks it. `open` is the server's word (published and before the deadline).
 */
export function deadlineReminder(applyBy: string | null, open: boolean, now: Date, timeZone?: string): DeadlineReminder {
  if (!open) return { text: 'Applications have closed', soon: false }
  if (!applyBy) return { text: 'No deadline: open until the places are filled', soon: false }
  const deadline = new Date(applyBy)
  const days = dayIn(deadline, timeZone) - dayIn(now, timeZone)
  const at = formatMoment(deadline, { hour: 'numeric', minute: '2-digit', timeZone })
  if (days <= 0) return { text: `Closes today at ${at}`, soon: true }
  if (days === 1) return { text: `Closes tomorrow at ${at}`, soon: true }
  return { text: `Closes in ${days} days`, soon: days <= 7 }
}
