import type { Role } from '#shared/enums.ts'

type Caller = { personId: string; roles: readonly Role[] }

/**
 * How a caller stands to a version: its student (`owner`), a reviewer it was shared with
 * (`reviewer`), or nobody. There is no third way in: no role — advisor, admin — reads a
 * student's documents because of the role; an advisor reads a version only when the student
 * shared that version with them.
 */
export type VersionAccess = 'owner' | 'reviewer' | null

export function versionAccess(caller: Caller, studentId: string, sharedWithCaller: boolean): VersionAccess {
  if (caller.personId === studentId && caller.roles.includes('student')) return 'owner'
  if (sharedWithCaller) return 'reviewer'
  return null
}

/** Who may take part in a thread: the document's student and the reviewer who started it. Other reviewers never see it. */
export function canTakePartInThread(caller: Caller, studentId: string, threadAuthorId: string): boolean {
  return caller.personId === threadAuthorId || (caller.personId === studentId && caller.roles.includes('student'))
}

/**
 * Who a student may ask for a review: an active mentor listed in the directory (faculty,
 * residents, fellows, alumni, near-peers) or an advisor, never themself. Not only the people
 * they already have a mentorship with: the usual ask is a mentor in the specialty met once at
 * a fair, as with letters, and the student alone decides who reads their words.
 */
export function canReview(candidate: { id: string; isListedMentor: boolean; isAdvisor: boolean }, studentId: string): boolean {
  return candidate.id !== studentId && (candidate.isListedMentor || candidate.isAdvisor)
}
