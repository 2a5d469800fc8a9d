import type { InterestGroupRole } from '#shared/enums.ts'
import type { Actor } from '../../http/app-env.ts'

/** The office (advisors and admins) creates groups and names their leaders and faculty advisor. */
export function canCreateGroups(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('advisor') || actor.roles.includes('admin')
}

/**
 * Who runs a group — its announcements, its events, its member list: the office, and the group's
 * own student leaders. A leader of one group has no say over another (`myRole` is the caller's
 * place in *this* group).
 */
export function canManageGroup(actor: Pick<Actor, 'roles'>, myRole: InterestGroupRole | null): boolean {
  return canCreateGroups(actor) || (actor.roles.includes('student') && myRole === 'leader')
}

/**
 * Whether the caller sees a member who is on a directory hold (34 CFR §99.37): the office does,
 * and so does the member themself; other students, leaders included, and mentors do not.
 */
export function canSeeHeldMember(actor: Pick<Actor, 'roles' | 'personId'>, memberId: string): boolean {
  return canCreateGroups(actor) || actor.personId === memberId
}
