import type { Role } from '#shared/enums.ts'

/** Parts of a student's record that `student-record.read.<what>` names, in the student's words. */
const RECORD_PARTS: Record<string, string> = {
  letters: 'your letter requests',
  'application-profile': 'your residency application profile',
  'program-list': 'your residency program list',
  'rank-list': 'your rank order list',
  'rank-list-export': 'your rank order list (downloaded as a file)',
  'advising-board': 'your advising board',
  experiences: 'your experience record',
  'class-simulation': 'your results in a class simulation',
  'list-builder': 'your residency chances',
}

/**
 * What an audit row about a student's record means to the student (34 CFR §99.32): a read of
 * their records or a disclosure, in plain words — or null for rows that are neither (someone's
 * own actions on a shared object, e-mail bookkeeping). Never content: an audit row holds none.
 */
export function describeAccess(action: string): string | null {
  if (action.startsWith('person.roles-set:')) return 'Changed your roles'
  if (action.startsWith('student-record.read.')) {
    const part = action.slice('student-record.read.'.length)
    return `Read ${RECORD_PARTS[part] ?? `your ${part.replaceAll('-', ' ')}`}`
  }
  switch (action) {
    case 'profile.identity-read':
      return 'Read the identity fields you shared on your profile'
    case 'letter.read':
      return 'Read a letter of recommendation written for you'
    case 'letter.read.waived':
      return 'Read a confidential letter written for you (you waived the right to read it, so it is not shown here)'
    case 'letter.delivered':
      return 'Sent a letter of recommendation on your behalf'
    case 'mentorship.read':
      return 'Read one of your mentorships, as an administrator'
    case 'mentorship-request.read':
      return 'Read one of your mentorship requests, as an administrator'
    case 'person.disabled':
      return 'Disabled your account'
    case 'person.enabled':
      return 'Enabled your account'
    case 'records.amendment.decided':
      return 'Decided your request to correct a record'
    default:
      return null
  }
}

/** The reader's role as the student should know it: the most official one they hold. */
export function readerRole(roles: readonly Role[]): string {
  if (roles.includes('admin')) return 'Administrator, Office of Student Affairs'
  if (roles.includes('advisor')) return 'Advisor, Office of Student Affairs'
  if (roles.includes('mentor')) return 'Mentor or letter writer'
  if (roles.includes('student')) return 'Student'
  return 'Former member of the school'
}
