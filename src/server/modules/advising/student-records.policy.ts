import type { Role } from '#shared/enums.ts'

/**
 * Who may read a student's record (application profile, scores, program list, rank order list,
 * simulation results, letter requests): the student, and advisors assigned to that student in
 * `student_advisors`, and advisors an admin gave the school-wide scope (decision 015), read for read
 * audited alike. Nobody else — admins included: they run the school's data, not its
 * students' applications — unless the record's owner grants a role its own right to it
 * (`grantedRoles`: the Office, as admins, delivers every letter, so letters grant `admin`).
 */
export type StudentRecordReader = 'self' | 'assigned-advisor' | 'school-wide' | 'granted-role' | null

export function studentRecordReader(
  actor: { personId: string; roles: readonly Role[]; schoolWide?: boolean },
  studentId: string,
  isAssignedAdvisor: boolean,
  grantedRoles: readonly Role[] = [],
): StudentRecordReader {
  if (actor.personId === studentId && actor.roles.includes('student')) return 'self'
  if (actor.roles.includes('advisor') && isAssignedAdvisor) return 'assigned-advisor'
  if (actor.roles.includes('advisor') && actor.schoolWide === true) return 'school-wide'
  if (grantedRoles.some((role) => actor.roles.includes(role))) return 'granted-role'
  return null
}
