import type { IdentityVisibility, PersonStatus, Role } from '#shared/enums.ts'

/**
 * Who may see what of a person. Pure functions: the service loads, these decide. Each rule
 * answers for one viewer and one target; tests cover every role.
 */

export type Viewer = { personId: string; roles: readonly Role[] }
export type Target = { id: string; roles: readonly Role[]; status: PersonStatus; directoryHold: boolean }

const isStaff = (viewer: Viewer) => viewer.roles.includes('admin') || viewer.roles.includes('advisor')

/**
 * Mentors and advisors are visible to everyone signed in; students only to themselves and to
 * school officials (advisors, admins). A FERPA directory hold hides a person from everyone
 * else, whatever their roles; invited or disabled people are visible to staff only.
 */
export function canViewPerson(viewer: Viewer, target: Target): boolean {
  if (viewer.personId === target.id || isStaff(viewer)) return true
  if (target.status !== 'active' || target.directoryHold) return false
  return target.roles.includes('mentor') || target.roles.includes('advisor')
}

export function canViewStudentSection(viewer: Viewer, target: Target): boolean {
  return target.roles.includes('student') && (viewer.personId === target.id || isStaff(viewer))
}

/** Contact goes through the app's requests; addresses are for the person and staff. */
export function canViewEmail(viewer: Viewer, target: Target): boolean {
  return viewer.personId === target.id || isStaff(viewer)
}

/**
 * Self-identified identity fields follow the owner's own visibility setting, and nothing else:
 * admins do not see them unless the owner shared them that widely.
 */
export function canViewIdentity(viewer: Viewer, ownerId: string, visibility: IdentityVisibility): boolean {
  if (viewer.personId === ownerId) return true
  switch (visibility) {
    case 'private':
      return false
    case 'advisors':
      return viewer.roles.includes('advisor')
    case 'mentors-and-advisors':
      return viewer.roles.includes('advisor') || viewer.roles.includes('mentor')
    case 'everyone':
      return true
  }
}
