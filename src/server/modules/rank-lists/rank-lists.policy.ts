import type { StudentRecordReader } from '../advising/student-records.policy.ts'

/**
 * Who may do what to a rank order list. Reading goes through the one gate for student records
 * (`studentRecords.assertCanRead`: the student and their assigned advisors, never admins or
 * other advisors); these rules decide the writes once the reader is known.
 */

/** Only the student edits, submits and couples their own list. */
export const canEditList = (reader: StudentRecordReader): boolean => reader === 'self'

/** The student and their assigned advisors write in the comment thread. */
export const canComment = (reader: StudentRecordReader): boolean => reader === 'self' || reader === 'assigned-advisor'

/** Only an assigned advisor signs off, and never their own list. */
export const canSignOff = (reader: StudentRecordReader): boolean => reader === 'assigned-advisor'
