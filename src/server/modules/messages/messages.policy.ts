import { AppError } from '#shared/errors.ts'
import type { Actor } from '../../http/app-env.ts'

export const NO_CONVERSATION = 'No such conversation.'

/**
 * Only the student and the mentor of a conversation read or write it: not advisors, not admins,
 * not another student. Anyone else is told it does not exist, so an id reveals nothing.
 */
export function assertConversationParticipant(actor: Actor, c: { studentId: string; mentorId: string } | null): asserts c {
  if (!c || (actor.personId !== c.studentId && actor.personId !== c.mentorId)) throw new AppError('NOT_FOUND', NO_CONVERSATION)
}

/** The other person of the conversation, seen from the actor. */
export function otherParticipant(actor: Actor, c: { studentId: string; mentorId: string }): string {
  return actor.personId === c.studentId ? c.mentorId : c.studentId
}
