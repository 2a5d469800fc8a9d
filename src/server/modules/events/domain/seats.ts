import type { ClassYear, EventRsvpStatus } from '#shared/enums.ts'

/**
 * The seat rules of an event, pure: who may RSVP, whether a new RSVP gets a seat or a place in
 * line, and who moves up when a seat frees. The service applies them under a row lock on the
 * event, so the counts it passes in cannot change underneath.
 */

/** Whether a student of `classYear` is invited: an empty audience is every student. */
export function isInAudience(audience: readonly ClassYear[], classYear: ClassYear | null): boolean {
  if (audience.length === 0) return true
  return classYear !== null && audience.includes(classYear)
}

/** A new RSVP's status: a seat while one is free (no capacity: always), else the waitlist. */
export function statusForNewRsvp(capacity: number | null, confirmed: number): Extract<EventRsvpStatus, 'confirmed' | 'waitlisted'> {
  return capacity === null || confirmed < capacity ? 'confirmed' : 'waitlisted'
}

/** How many of the waitlist move up when `confirmed` of `capacity` seats are taken (all of them without a limit). */
export function seatsToFill(capacity: number | null, confirmed: number, waitlisted: number): number {
  if (capacity === null) return waitlisted
  return Math.max(0, Math.min(waitlisted, capacity - confirmed))
}

/** Whether RSVPs and cancels are still taken: a scheduled event, before its cut-off. */
export function isRsvpOpen(event: { status: 'scheduled' | 'cancelled'; rsvpClosesAt: Date }, now: Date): boolean {
  return event.status === 'scheduled' && now.getTime() < event.rsvpClosesAt.getTime()
}
