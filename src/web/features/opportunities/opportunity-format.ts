import type { OpportunitySummary } from '#shared/contracts/opportunities.ts'
import { CLASS_YEAR_LABELS, type OpportunityApplicationStatus, OPPORTUNITY_KIND_LABELS } from '#shared/enums.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import { formatMoment } from '../../components/format.ts'

export const kindLabel = (o: Pick<OpportunitySummary, 'kind'>) => OPPORTUNITY_KIND_LABELS[o.kind]
export const specialtyLabel = (id: string | null) => (id ? (findSpecialty(id)?.name ?? id) : 'Any specialty')

export function classYearsLabel(o: Pick<OpportunitySummary, 'classYears'>): string {
  return o.classYears.length === 0 ? 'Every class year' : o.classYears.map((y) => CLASS_YEAR_LABELS[y]).join(', ')
}

/** A calendar date (`2027-03-01`) as "March 1, 2027", read as the date it is wherever the viewer is. */
export function formatDay(date: string): string {
  return formatMoment(`${date}T12:00:00Z`, { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' })
}

export function datesLabel(o: Pick<OpportunitySummary, 'startDate' | 'endDate'>): string | null {
  if (o.startDate && o.endDate) return o.startDate === o.endDate ? formatDay(o.startDate) : `${formatDay(o.startDate)} to ${formatDay(o.endDate)}`
  if (o.startDate) return `From ${formatDay(o.startDate)}`
  return o.endDate ? `Until ${formatDay(o.endDate)}` : null
}

export function deadlineLabel(o: Pick<OpportunitySummary, 'applyBy'>): string {
  if (!o.applyBy) return 'Open until filled'
  return `Apply by ${formatMoment(o.applyBy, { month: 'long', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' })}`
}

export function placesLabel(o: Pick<OpportunitySummary, 'places' | 'placesLeft'>): string {
  if (o.placesLeft === 0) return 'All places taken'
  return `${o.placesLeft} of ${o.places} ${o.places === 1 ? 'place' : 'places'} left`
}

export const APPLICATION_STATUS_LABELS: Record<OpportunityApplicationStatus, string> = {
  submitted: 'Applied',
  shortlisted: 'Shortlisted',
  accepted: 'Accepted',
  declined: 'Not accepted',
  withdrawn: 'Withdrawn',
}
