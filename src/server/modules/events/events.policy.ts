import type { Actor } from '../../http/app-env.ts'
import { type EventAudience, isForEveryStudent, isInAudience, type StudentAudienceFacts } from './domain/seats.ts'

/** Advisors and admins run the office's events: they create, edit and cancel them and see who comes. */
export function canManageEvents(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('advisor') || actor.roles.includes('admin')
}

/**
 * Who sees an event. Staff see every event. A student sees those of their audience (every
 * student, their class year, their specialty interests or groups). A mentor who is not a student sees only events open to every
 * student: they may come to hear or speak, but a class's own sessions are the class's. A
 * near-peer mentor is a student too, so their class year decides.
 */
export function canSeeEvent(actor: Pick<Actor, 'roles'>, audience: EventAudience, student: StudentAudienceFacts | null): boolean {
  if (canManageEvents(actor)) return true
  if (actor.roles.includes('student')) return student !== null && isInAudience(audience, student)
  return actor.roles.includes('mentor') && isForEveryStudent(audience)
}
