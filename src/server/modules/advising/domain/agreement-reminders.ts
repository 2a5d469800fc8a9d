import { MS_PER_DAY } from '#shared/time.ts'

/** Days an agreement request waits before its one reminder. */
export const AGREEMENT_REMINDER_DAYS = 7

/**
 * Days after its reminder that an unanswered request lapses: the slot opens again and the
 * advisor who asked is told, instead of a student's board showing "awaiting agreement" forever.
 */
export const AGREEMENT_LAPSE_DAYS_AFTER_REMINDER = 14

/** The latest `assignedAt` of a request due its reminder at `now`. */
export function agreementReminderCutoff(now: Date): Date {
  return new Date(now.getTime() - AGREEMENT_REMINDER_DAYS * MS_PER_DAY)
}

/**
 * Whether a board assignment is owed its reminder at `now`: still waiting for the person's
 * answer, asked at least a week ago, and not reminded yet (there is only ever one).
 */
export function isAgreementReminderDue(request: { assignedAt: Date; agreedAt: Date | null; remindedAt: Date | null }, now: Date): boolean {
  return request.agreedAt === null && request.remindedAt === null && request.assignedAt.getTime() <= agreementReminderCutoff(now).getTime()
}

/** When a request reminded at `remindedAt` lapses if still unanswered. */
export function agreementLapsesAt(remindedAt: Date): Date {
  return new Date(remindedAt.getTime() + AGREEMENT_LAPSE_DAYS_AFTER_REMINDER * MS_PER_DAY)
}

/** The latest reminder time of a request that has lapsed at `now`. */
export function agreementLapseCutoff(now: Date): Date {
  return new Date(now.getTime() - AGREEMENT_LAPSE_DAYS_AFTER_REMINDER * MS_PER_DAY)
}
