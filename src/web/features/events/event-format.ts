import type { EventSummary } from '#shared/contracts/events.ts'
import { CLASS_YEAR_LABELS, EVENT_KIND_LABELS } from '#shared/enums.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import { formatMoment } from '../../components/format.ts'

export const kindLabel = (e: Pick<EventSummary, 'kind'>) => EVENT_KIND_LABELS[e.kind]

/** "Tuesday, November 3, 4:00–5:00 PM" in the event's own zone, named when it is not the viewer's. */
export function formatWhen(e: Pick<EventSummary, 'startAt' | 'endAt' | 'timeZone'>): string {
  const day = formatMoment(e.startAt, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: e.timeZone })
  const from = formatMoment(e.startAt, { hour: 'numeric', minute: '2-digit', timeZone: e.timeZone })
  const to = formatMoment(e.endAt, { hour: 'numeric', minute: '2-digit', timeZone: e.timeZone, timeZoneName: 'short' })
  return `${day}, ${from}–${to}`
}

export function formatWhere(e: Pick<EventSummary, 'room' | 'site' | 'onlineLink'>): string {
  const place = [e.room, e.site].filter(Boolean).join(', ')
  if (place && e.onlineLink) return `${place}, or online`
  return place || 'Online'
}

export function audienceLabel(e: Pick<EventSummary, 'classYears'> & Partial<Pick<EventSummary, 'specialtyIds' | 'interestGroupIds'>>): string {
  const years = e.classYears.length === 0 ? 'Every student' : e.classYears.map((y) => CLASS_YEAR_LABELS[y]).join(', ')
  const interests = (e.specialtyIds ?? []).map((id) => findSpecialty(id)?.name ?? id)
  const groups = e.interestGroupIds?.length ?? 0
  const narrowed = [
    ...(interests.length > 0 ? [`interested in ${interests.join(' or ')}`] : []),
    ...(groups > 0 ? [`members of ${groups} interest ${groups === 1 ? 'group' : 'groups'}`] : []),
  ]
  return narrowed.length === 0 ? years : `${years}, ${narrowed.join(' or ')}`
}

/** The caller's place at the event, in words. */
export function rsvpLabel(e: Pick<EventSummary, 'myRsvp'>): string | null {
  if (!e.myRsvp) return null
  if (e.myRsvp.status === 'confirmed') return 'You have a place'
  return `On the waitlist, number ${e.myRsvp.waitlistPosition ?? '?'}`
}

export function seatsLabel(e: Pick<EventSummary, 'capacity' | 'confirmedCount' | 'waitlistCount'>): string {
  if (e.capacity === null) return `${e.confirmedCount} going`
  const left = Math.max(0, e.capacity - e.confirmedCount)
  if (left > 0) return `${left} of ${e.capacity} places left`
  return e.waitlistCount > 0 ? `Full, ${e.waitlistCount} on the waitlist` : 'Full'
}

/** "12 of 30 slots left": an event booked by time slot counts slots, not places. */
export function slotsLabel(slots: NonNullable<EventSummary['slots']>): string {
  if (slots.free === 0) return `All ${slots.total} time slots are taken`
  return `${slots.free} of ${slots.total} time ${slots.total === 1 ? 'slot' : 'slots'} left`
}

export function formatDeadline(e: Pick<EventSummary, 'rsvpClosesAt' | 'timeZone'>): string {
  return formatMoment(e.rsvpClosesAt, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: e.timeZone,
    timeZoneName: 'short',
  })
}
