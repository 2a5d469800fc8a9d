import type { TimelineMilestone } from '#shared/contracts/curriculum.ts'
import { COMPLETION_RULE_LABELS, movedBeforeText } from '#shared/curriculum.ts'
import { daysUntil, formatDueDate } from '../letters/letter-format.ts'

/** "in 3 weeks", "tomorrow", "5 days ago": how far a date is, in words a student reads at a glance. */
export function howFar(days: number): string {
  const abs = Math.abs(days)
  const span =
    abs === 0 ? 'today' : abs === 1 ? '1 day' : abs < 14 ? `${abs} days` : abs < 61 ? `${Math.round(abs / 7)} weeks` : `${Math.round(abs / 30)} months`
  if (abs === 0) return span
  if (abs === 1) return days > 0 ? 'tomorrow' : 'yesterday'
  return days > 0 ? `in ${span}` : `${span} ago`
}

const withWeekday = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' })

/** A moved date names its weekday: the student sees at once it is the Friday before the break, not the month's end. */
function movedDate(isoDate: string): string {
  const [y, mo, d] = isoDate.split('-').map(Number)
  return y && mo && d ? withWeekday.format(new Date(y, mo - 1, d)) : isoDate
}

/**
 * The due line of a milestone: the date, what it is relative to, and how far it is —
 * "Due by Oct 31, 2026 (end of October of Year 1), in 3 weeks"; a date the academic calendar
 * moved says so: "Due by Fri, Dec 18, 2026 (moved before the winter break; end of December of
 * Year 1), in 2 weeks".
 */
export function dueLine(
  m: Pick<TimelineMilestone, 'dueDate' | 'dueWindow' | 'status'> & { dueMoved?: TimelineMilestone['dueMoved'] },
  now = new Date(),
): string {
  const date = m.dueMoved ? movedDate(m.dueDate) : formatDueDate(m.dueDate)
  const days = daysUntil(m.dueDate, now)
  const far = days === null ? '' : `, ${howFar(days)}`
  const relative = m.dueMoved ? `${movedBeforeText(m.dueMoved)}; end of ${m.dueWindow}` : `end of ${m.dueWindow}`
  if (m.status === 'late') return `Was due by ${date} (${relative})${far}`
  if (m.status === 'passed') return `Optional, was suggested by ${date} (${relative})`
  if (m.status === 'done') return `Due by ${date} (${relative})`
  return `Due by ${date} (${relative})${far}`
}

/** How a done milestone was done, in the student's words. */
export function doneLine(m: TimelineMilestone): string | null {
  if (m.doneBy === 'ticked')
    return m.doneAt ? `Done: you ticked it on ${new Date(m.doneAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}.` : 'Done: you ticked it.'
  if (m.doneBy === 'event') {
    const went = m.events.find((e) => e.attended)
    return went ? `Done: you went to ${went.title}.` : 'Done: you went to an event for it.'
  }
  if (m.doneBy === 'rule' && m.rule)
    return `Done automatically: ${COMPLETION_RULE_LABELS[m.rule]
      .replace(/^You /, 'you ')
      .replace(/^Your /, 'your ')
      .replace(/^A /, 'a ')}.`
  return null
}

export const STATUS_LABELS: Record<TimelineMilestone['status'], string> = {
  done: 'Done',
  late: 'Late',
  'due-soon': 'Due soon',
  upcoming: 'Coming up',
  passed: 'Optional, passed',
}
