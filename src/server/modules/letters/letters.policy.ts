import type { Role } from '#shared/enums.ts'

/**
 * Who may see what of a letter request. Pure: the service loads, these decide; the table in
 * letters.policy.test.ts covers every relation and role (decision 008).
 */

export type Viewer = { personId: string; roles: readonly Role[] }
export type RequestParties = { studentId: string; writerPersonId: string | null; waivedRightOfAccess: boolean }

/** How the viewer relates to the request; decides which view of it they get. */
export type LetterViewKind = 'student' | 'writer' | 'admin' | 'advisor'

export function letterViewOf(viewer: Viewer, request: RequestParties): LetterViewKind | null {
  if (request.writerPersonId !== null && viewer.personId === request.writerPersonId) return 'writer'
  if (viewer.personId === request.studentId) return 'student'
  if (viewer.roles.includes('admin')) return 'admin'
  if (viewer.roles.includes('advisor')) return 'advisor'
  return null
}

/**
 * The letter's content: its writer and admins (who deliver letters), and the student only when
 * they did not waive access. The student's own relation wins over any role they hold, so an
 * admin who is also the student still cannot read a letter they waived.
 */
export function canReadLetterContent(viewer: Viewer, request: RequestParties): boolean {
  if (request.writerPersonId !== null && viewer.personId === request.writerPersonId) return true
  if (viewer.personId === request.studentId) return !request.waivedRightOfAccess
  return viewer.roles.includes('admin')
}

/** Letter metadata (size, when uploaded) belongs with the content: same rule. */
export const canSeeLetterSection = canReadLetterContent

/** The packet (CV, personal statement, talking points): the student, the writer, admins. */
export function canSeePacket(viewer: Viewer, request: RequestParties): boolean {
  const kind = letterViewOf(viewer, request)
  return kind === 'student' || kind === 'writer' || kind === 'admin'
}

/** Issuing or revoking a writer's one-time link: the student and admins. */
export function canManageUploadLink(viewer: Viewer, request: RequestParties): boolean {
  return viewer.personId === request.studentId || viewer.roles.includes('admin')
}

/** Accept, decline, mark in progress, upload: the writer named on the request only. */
export function isWriterOf(viewer: Viewer, request: RequestParties): boolean {
  return request.writerPersonId !== null && viewer.personId === request.writerPersonId
}
