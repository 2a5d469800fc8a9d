import type { Actor } from '../../http/app-env.ts'

/** The Office of Student Affairs writes the curriculum: advisors (its staff) and admins. */
export function canManageCurriculum(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('advisor') || actor.roles.includes('admin')
}

/** Only a student has a timeline and ticks milestones on it (a near-peer mentor is a student too). */
export function hasTimeline(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('student')
}
