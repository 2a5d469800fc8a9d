import { IDENTITY_VISIBILITIES, type PersonStatus, type Role } from '#shared/enums.ts'
import { canViewIdentity, type Viewer } from '../profiles/profiles.policy.ts'

/**
 * Who the directory lists, and what of them a viewer sees. The listing rule is stricter than
 * `canViewPerson`: a FERPA directory hold keeps a person out of search, facets, counts and the
 * directory's profile pages for everyone, staff included (staff still reach a held person's
 * record through the people pages, where `canViewPerson` lets them).
 *
 * The database computes the same rule into `directory_entries.listed` (migration `directory`);
 * the tests hold the two together.
 */
export function isListedInDirectory(person: { status: PersonStatus; directoryHold: boolean; roles: readonly Role[]; hasMentorProfile: boolean }): boolean {
  return person.status === 'active' && !person.directoryHold && person.roles.includes('mentor') && person.hasMentorProfile
}

/**
 * For each identity visibility level, in `IDENTITY_VISIBILITIES` order, whether this viewer may
 * see identity fields shared at that level: `canViewIdentity` asked once per level, for someone
 * other than the viewer (the viewer's own fields are always theirs to see).
 */
export function identityLevelsVisibleTo(viewer: Viewer): boolean[] {
  const someoneElse = `${viewer.personId}-other`
  return IDENTITY_VISIBILITIES.map((level) => canViewIdentity(viewer, someoneElse, level))
}
