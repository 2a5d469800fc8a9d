import type { LetterStatus } from '#shared/enums.ts'

/** What may happen to a letter request, and who does it. */
export type LetterEvent = 'accept' | 'decline' | 'start' | 'submit' | 'deliver' | 'withdraw'

/**
 * The request state machine. A writer accepts or declines, may mark the letter in progress, and
 * submits it; a writer without an account submits straight from `requested` through their
 * one-time link. Only an admin delivers. A student may withdraw until the letter is submitted.
 * A writer may replace a submitted letter until it is delivered.
 */
const TRANSITIONS: Record<LetterStatus, Partial<Record<LetterEvent, LetterStatus>>> = {
  requested: { accept: 'accepted', decline: 'declined', submit: 'submitted', withdraw: 'withdrawn' },
  accepted: { decline: 'declined', start: 'in-progress', submit: 'submitted', withdraw: 'withdrawn' },
  'in-progress': { decline: 'declined', submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { submit: 'submitted', deliver: 'delivered' },
  delivered: {},
  declined: {},
  withdrawn: {},
}

/** The status after `event`, or null when the event is not allowed from `status`. */
export function transition(status: LetterStatus, event: LetterEvent): LetterStatus | null {
  return TRANSITIONS[status][event] ?? null
}

/** The statuses from which `event` is allowed: used for conditional updates (no lost races). */
export function statusesAllowing(event: LetterEvent): LetterStatus[] {
  return (Object.keys(TRANSITIONS) as LetterStatus[]).filter((status) => transition(status, event) !== null)
}

/** The writer still owes a letter: reminders and nudges apply, lateness counts. */
export function isOpen(status: LetterStatus): boolean {
  return status === 'requested' || status === 'accepted' || status === 'in-progress'
}

/** The letter exists (a thank-you is due). */
export function isDone(status: LetterStatus): boolean {
  return status === 'submitted' || status === 'delivered'
}
