import type { RequirementStanding, ShadowingSlotView } from '#shared/contracts/shadowing.ts'
import type { RequirementState } from '#shared/enums.ts'
import { formatMoment, formatTime, plural } from '../../components/format.ts'

/** "Wed, Mar 10, 8:00 AM – 4:00 PM" in the viewer's zone and clock. */
export function dayWhen(slot: Pick<ShadowingSlotView, 'startAt' | 'endAt'>): string {
  return `${formatMoment(slot.startAt, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })} – ${formatTime(slot.endAt)}`
}

export function placesLeftLabel(slot: Pick<ShadowingSlotView, 'places' | 'placesLeft'>): string {
  return slot.placesLeft === 0 ? 'Full' : `${plural(slot.placesLeft, 'place', 'places')} left of ${slot.places}`
}

export const REQUIREMENT_STATE_LABELS: Record<RequirementState, string> = {
  met: 'Done',
  missing: 'Not recorded',
  'awaiting-verification': 'Waiting for the office',
  expired: 'Expired',
}

/** A calendar day (YYYY-MM-DD) as "3 May 2026". */
export function dayText(date: string): string {
  return formatMoment(`${date}T12:00:00Z`, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}

/** What the student reads beside a requirement's state. */
export function requirementDetail(r: RequirementStanding): string {
  const parts = [r.verification === 'office' ? 'Verified by the Office of Student Affairs.' : 'You confirm it yourself.']
  if (r.completedOn) parts.push(`Completed ${dayText(r.completedOn)}.`)
  if (r.expiresOn) parts.push(r.state === 'expired' ? `Expired ${dayText(r.expiresOn)}.` : `Expires ${dayText(r.expiresOn)}.`)
  if (r.verifiedByName) parts.push(`Verified by ${r.verifiedByName}.`)
  return parts.join(' ')
}
