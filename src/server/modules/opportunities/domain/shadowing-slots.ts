import { MS_PER_HOUR } from '#shared/time.ts'

/**
 * The rules of shadowing days, pure: what makes a slot a field error, how many places are left,
 * and until when a booking may be cancelled. The service applies them under the opportunity's
 * row lock, so the counts it passes in cannot change underneath.
 */

/** A booking may be cancelled until this long before the day starts; after that the poster expects the student. */
export const CANCEL_NOTICE_HOURS = 24

export type SlotTimes = { startAt: Date; endAt: Date }

/** Whether two slots share any moment (touching ends, 12:00–13:00 then 13:00–14:00, do not). */
export function slotsOverlap(a: SlotTimes, b: SlotTimes): boolean {
  return a.startAt.getTime() < b.endAt.getTime() && b.startAt.getTime() < a.endAt.getTime()
}

/**
 * A new slot's problems by field: an end not after the start (`endAt`), a start already passed
 * (`startAt`), or a clash with another slot of the same opportunity (`startAt`, naming it by
 * `describe`). Empty when the slot may be added.
 */
export function slotProblems(slot: SlotTimes, others: readonly SlotTimes[], now: Date, describe: (other: SlotTimes) => string): Record<string, string> {
  const problems: Record<string, string> = {}
  if (slot.endAt.getTime() <= slot.startAt.getTime()) problems.endAt = 'The end must be after the start.'
  if (slot.startAt.getTime() <= now.getTime()) problems.startAt = 'This time has passed: choose a day in the future.'
  else {
    const clash = others.find((other) => slotsOverlap(slot, other))
    if (clash && !problems.endAt) problems.startAt = `This overlaps the day of ${describe(clash)}: choose another time.`
  }
  return problems
}

export function slotPlacesLeft(places: number, booked: number): number {
  return Math.max(0, places - booked)
}

/** Whether a student may still cancel: until `CANCEL_NOTICE_HOURS` before the start. */
export function canCancelBooking(startAt: Date, now: Date): boolean {
  return startAt.getTime() - now.getTime() >= CANCEL_NOTICE_HOURS * MS_PER_HOUR
}
