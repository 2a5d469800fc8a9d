import type { LetterReminderKind, LetterStatus } from '#shared/enums.ts'
import { dueEnd } from './letter-dates.ts'
import { isOpen } from './letter-status.ts'
import { MS_PER_DAY } from '#shared/time.ts'

/**
 * Most urgent first: the reminder sent is the most urgent one that applies. "Due in 14 days"
 * counts to the start of the due date; "overdue" begins when the due date has ended.
 */
const THRESHOLDS: readonly { kind: LetterReminderKind; fromDueEndMs: number }[] = [
  { kind: 'overdue', fromDueEndMs: 0 },
  { kind: 'due-in-2-days', fromDueEndMs: 3 * MS_PER_DAY },
  { kind: 'due-in-7-days', fromDueEndMs: 8 * MS_PER_DAY },
  { kind: 'due-in-14-days', fromDueEndMs: 15 * MS_PER_DAY },
]

/** No reminder in the first day after a request: the request e-mail itself is still fresh. */
export const REMINDER_GRACE_MS = MS_PER_DAY

export type RemindableRequest = { status: LetterStatus; dueDate: string; createdAt: Date }

/**
 * The reminder to send now, or null. Polite: one e-mail at a time, the most urgent that applies
 * (14, 7 and 2 days before the due date, then once when it has passed), never one already
 * sent, never a less urgent one after a more urgent one, and none once the letter is submitted,
 * declined or withdrawn.
 */
export function reminderDue(request: RemindableRequest, now: Date, alreadySent: ReadonlySet<LetterReminderKind>): LetterReminderKind | null {
  if (!isOpen(request.status)) return null
  if (now.getTime() - request.createdAt.getTime() < REMINDER_GRACE_MS) return null
  const left = dueEnd(request.dueDate).getTime() - now.getTime()
  const applicable = THRESHOLDS.find((t) => left <= t.fromDueEndMs)
  if (!applicable || alreadySent.has(applicable.kind)) return null
  return applicable.kind
}
