import type { Role } from '#shared/enums.ts'

/**
 * Who may read a student's residency-application record (application profile, scores, program
 * list, rank order list, simulation results): the student, and advisors assigned to that
 * student in `student_advisors`. Nobody else — admins included: they run the school's data,
 * not its students' applications.
 */
export type StudentRecordReader = 'self' | 'assigned-advisor' | null

export function studentRecordReader(
  actor: { personId: string; roles: readonly Role[] },
  studentId: string,
  isAssignedAdvisor: boolean,
): StudentRecordReader {
  if (actor.personId === studentId && actor.roles.includes('student')) return 'self'
  if (actor.roles.includes('advisor') && isAssignedAdvisor) return 'assigned-advisor'
  return null
}
