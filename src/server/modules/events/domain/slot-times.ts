import { MS_PER_MINUTE } from '#shared/time.ts'

/**
 * The times of an event's slots, pure: staff generate a run of back-to-back slots (a headshot
 * every ten minutes), and a slot may not overlap another of the same event nor fall outside it.
 */

export type SlotTimes = { startAt: Date; endAt: Date }

/** At most this many slots in one run (a day of ten-minute slots is 144; this is a mistake guard, not a policy). */
export const MAX_SLOTS_PER_RUN = 200

/**
 * Back-to-back slots of `lengthMinutes` from `startAt`: `count` of them, or (no count) as many
 * as fit whole before `until` — the event's end. Never a partial slot.
 */
export function generateSlotTimes(startAt: Date, lengthMinutes: number, count: number | null, until: Date): SlotTimes[] {
  const length = lengthMinutes * MS_PER_MINUTE
  const slots: SlotTimes[] = []
  for (let start = startAt.getTime(); slots.length < (count ?? MAX_SLOTS_PER_RUN + 1); start += length) {
    if (count === null && start + length > until.getTime()) break
    slots.push({ startAt: new Date(start), endAt: new Date(start + length) })
  }
  return slots
}

/** Whether two slots share a moment: touching ends (10:00–10:10 and 10:10–10:20) do not. */
export function overlaps(a: SlotTimes, b: SlotTimes): boolean {
  return a.startAt.getTime() < b.endAt.getTime() && b.startAt.getTime() < a.endAt.getTime()
}

/** The first of `existing` that one of `added` overlaps, with the added slot; null when none does. */
export function findOverlap<T extends SlotTimes>(added: readonly SlotTimes[], existing: readonly T[]): { added: SlotTimes; existing: T } | null {
  for (const slot of added) {
    const clash = existing.find((other) => overlaps(slot, other))
    if (clash) return { added: slot, existing: clash }
  }
  return null
}

/** Whether every slot lies within the event, from its start to its end. */
export function isWithinEvent(slots: readonly SlotTimes[], event: SlotTimes): boolean {
  return slots.every((s) => s.startAt.getTime() >= event.startAt.getTime() && s.endAt.getTime() <= event.endAt.getTime())
}
