import type { PersonStatus, Role } from '#shared/enums.ts'
import { isListedInDirectory } from '../directory/directory.policy.ts'

/**
 * Who may see and do what in a mentorship. Pure: the service loads, these decide.
 *
 * Only the two sides see a request or a mentorship; admins may read one too, and each such read
 * is audited. Advisors see the list of quiet mentorships (names and dates), never their content.
 * Private notes are their writer's alone: no role reads them through a view; an admin reads
 * them only through the audited, reasoned access route.
 */

export type Viewer = { personId: string; roles: readonly Role[] }
export type Sides = { studentId: string; mentorId: string }
export type Side = 'student' | 'mentor'

export function sideOf(viewer: Viewer, sides: Sides): Side | null {
  if (viewer.personId === sides.mentorId) return 'mentor'
  if (viewer.personId === sides.studentId) return 'student'
  return null
}

/** How the viewer sees a request or mentorship: as one side, as an admin (audited), or not at all. */
export function mentorshipViewOf(viewer: Viewer, sides: Sides): Side | 'admin' | null {
  return sideOf(viewer, sides) ?? (viewer.roles.includes('admin') ? 'admin' : null)
}

/** A request answers to the side that did not send it. */
export function answeringSide(initiatedBy: Side): Side {
  return initiatedBy === 'student' ? 'mentor' : 'student'
}

/**
 * A mentor a student may ask, or who may offer: listed in the directory (active, mentor role and
 * profile, no FERPA directory hold) and accepting new mentees.
 */
export function isRequestableMentor(person: {
  status: PersonStatus
  directoryHold: boolean
  roles: readonly Role[]
  hasMentorProfile: boolean
  accepting: boolean | null
}): boolean {
  return isListedInDirectory(person) && person.accepting === true
}

/** A private note is read by its writer, and by nobody else through any view. */
export function canReadPrivateNote(viewer: Viewer, note: { authorId: string }): boolean {
  return viewer.personId === note.authorId
}
