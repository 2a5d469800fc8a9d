import type { EventSlotView } from '#shared/contracts/event-slots.ts'
import { formatMoment } from '../../components/format.ts'

/** "2:10–2:20 PM EST": a slot in the event's own zone. */
export function slotTime(slot: Pick<EventSlotView, 'startAt' | 'endAt'>, timeZone: string): string {
  const from = formatMoment(slot.startAt, { hour: 'numeric', minute: '2-digit', timeZone })
  const to = formatMoment(slot.endAt, { hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' })
  return `${from}–${to}`
}

/** "2:10 PM EST": when a slot starts, in the event's own zone. */
export function slotStart(startAt: string, timeZone: string): string {
  return formatMoment(startAt, { hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' })
}

/** Slots grouped by label in order of their first slot (one group, unnamed, when none has a label). */
export function groupByLabel(slots: readonly EventSlotView[]): { label: string; slots: EventSlotView[] }[] {
  const groups = new Map<string, EventSlotView[]>()
  for (const slot of slots) {
    const group = groups.get(slot.label)
    if (group) group.push(slot)
    else groups.set(slot.label, [slot])
  }
  return [...groups].map(([label, list]) => ({ label, slots: list }))
}
