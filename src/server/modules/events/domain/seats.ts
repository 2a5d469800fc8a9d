import type { ClassYear, EventRsvpStatus } from '#shared/enums.ts'

/**
 * The seat rules of an event, pure: who may RSVP, whether a new RSVP gets a seat or a place in
 * line, and who moves up when a seat frees. The service applies them under a row lock on the
 * event, so the counts it passes in cannot change underneath.
 */

/** Who an event is for: each list empty means no limit of that kind. */
export type EventAudience = { classYears: readonly ClassYear[]; specialtyIds: readonly string[]; interestGroupIds: readonly string[] }

/** What decides whether a student is invited: their class year, the specialties they are interested in, the interest groups they belong to. */
export type StudentAudienceFacts = { classYear: ClassYear | null; specialtyInterests: readonly string[]; interestGroupIds: readonly string[] }

/**
 * Whether a student is invited (decision 037). Class years narrow (an M1 event stays the M1s');
 * specialties and groups are alternatives to each other: "students interested in Emergency
 * Medicine, and the EM interest group's members" invites those who are either. An audience with
 * every list empty is every student.
 */
export function isInAudience(audience: EventAudience, student: StudentAudienceFacts): boolean {
  if (audience.classYears.length > 0 && (student.classYear === null || !audience.classYears.includes(student.classYear))) return false
  if (audience.specialtyIds.length === 0 && audience.interestGroupIds.length === 0) return true
  return (
    audience.specialtyIds.some((id) => student.specialtyInterests.includes(id)) || audience.interestGroupIds.some((id) => student.interestGroupIds.includes(id))
  )
}

/** Whether an event is open to every student (no limit of any kind). */
export function isForEveryStudent(audience: EventAudience): boolean {
  return audience.classYears.length === 0 && audience.specialtyIds.length === 0 && audience.interestGroupIds.length === 0
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
