import type { ClassYear, OpportunityStatus } from '#shared/enums.ts'
import type { Actor } from '../../http/app-env.ts'
import { isForClassYear } from './domain/applications.ts'

/** Mentors (faculty, residents) and staff (advisors, admins) post opportunities. */
export function canPostOpportunities(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('mentor') || actor.roles.includes('advisor') || actor.roles.includes('admin')
}

/** Whether the caller posted the opportunity: only its poster edits it and sees and decides its applicants. */
export function isPoster(actor: Pick<Actor, 'personId'>, opportunity: { posterId: string | null }): boolean {
  return opportunity.posterId !== null && opportunity.posterId === actor.personId
}

/**
 * Who sees an opportunity. Its poster always. Anyone else only once it is published (a draft is
 * the poster's alone), and a student only if it is for their class year. A closed one stays
 * visible to the students who applied to it (their application is there), and to staff and
 * mentors who oversee or post alongside; other students no longer see it.
 */
export function canSeeOpportunity(
  actor: Pick<Actor, 'personId' | 'roles'>,
  opportunity: { posterId: string | null; status: OpportunityStatus; classYears: readonly ClassYear[] },
  context: { classYear: ClassYear | null; hasApplied: boolean },
): boolean {
  if (isPoster(actor, opportunity)) return true
  if (opportunity.status === 'draft') return false
  if (context.hasApplied) return true
  if (actor.roles.includes('advisor') || actor.roles.includes('admin') || actor.roles.includes('mentor')) {
    if (!actor.roles.includes('student')) return true
  }
  return opportunity.status === 'published' && isForClassYear(opportunity.classYears, context.classYear)
}
