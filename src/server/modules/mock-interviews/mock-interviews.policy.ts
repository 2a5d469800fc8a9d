import type { MentorOffering, Role } from '#shared/enums.ts'

/**
 * Who interviews: a mentor whose profile offers mock interviews (faculty, residents, fellows,
 * alumni, near-peers), or an advisor who advises a specialty (a specialty advisor).
 */
export function canInterview(roles: readonly Role[], mentorOffers: readonly MentorOffering[] | null, advisesSpecialtyId: string | null): boolean {
  if (roles.includes('mentor') && mentorOffers?.includes('mock-interviews')) return true
  return roles.includes('advisor') && advisesSpecialtyId !== null
}

/** What the caller is to one mock: its student, its interviewer, or neither (staff then go through the student-record gate). */
export function relationToMock(actorId: string, mock: { studentId: string; interviewerId: string }): 'student' | 'interviewer' | null {
  if (actorId === mock.studentId) return 'student'
  if (actorId === mock.interviewerId) return 'interviewer'
  return null
}

/** Staff who see every interviewer's severity: advisors and admins (the office). */
export function canSeeInterviewerCalibration(roles: readonly Role[]): boolean {
  return roles.includes('advisor') || roles.includes('admin')
}
