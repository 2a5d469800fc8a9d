import type { ClassYear, ExperienceKind, OpportunityApplicationStatus, OpportunityKind, OpportunityStatus } from '#shared/enums.ts'

/**
 * The rules of an opportunity's applications, pure: who may apply, which decision may follow
 * which status, and whether a place is left. The service applies them under a row lock on the
 * opportunity, so the counts it passes in cannot change underneath.
 */

/** Whether a student of `classYear` is among those invited: an empty list is every class year. */
export function isForClassYear(classYears: readonly ClassYear[], classYear: ClassYear | null): boolean {
  return classYears.length === 0 || (classYear !== null && classYears.includes(classYear))
}

/** Whether applications are taken: published, before its deadline (if it has one). */
export function isOpenForApplications(opportunity: { status: OpportunityStatus; applyBy: Date | null }, now: Date): boolean {
  return opportunity.status === 'published' && (opportunity.applyBy === null || now.getTime() < opportunity.applyBy.getTime())
}

export function placesLeft(places: number, accepted: number): number {
  return Math.max(0, places - accepted)
}

/** What may happen next to an application, by whom. Accepted, declined and withdrawn are final. */
const POSTER_MOVES: Record<OpportunityApplicationStatus, readonly OpportunityApplicationStatus[]> = {
  submitted: ['shortlisted', 'accepted', 'declined'],
  shortlisted: ['accepted', 'declined'],
  accepted: [],
  declined: [],
  withdrawn: [],
}

export function canPosterMove(from: OpportunityApplicationStatus, to: OpportunityApplicationStatus): boolean {
  return POSTER_MOVES[from].includes(to)
}

/** A student may withdraw while the poster has not decided. */
export function canWithdraw(status: OpportunityApplicationStatus): boolean {
  return status === 'submitted' || status === 'shortlisted'
}

/** The experience an accepted opportunity becomes: research for projects and scholarly years, clinical for shadowing and summer programs. */
export function experienceKindFor(kind: OpportunityKind): ExperienceKind {
  return kind === 'research-project' || kind === 'scholarly-year' ? 'research' : 'clinical'
}
