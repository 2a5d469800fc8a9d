/**
 * The FERPA waiver of the right to read a letter (34 CFR 99.12). The student answers it on every
 * request — there is no default on the wire, and not waiving never blocks a request. The answer
 * is stored with who gave it, when, and for which request, and it never changes afterwards.
 * A revocation in writing applies to letters requested after it only: requests made before it
 * keep the waiver they were made with, and each later request is again the student's explicit
 * choice.
 */

export type WaiverRecord = { waivedRightOfAccess: boolean; waiverRecordedAt: Date; waiverRecordedBy: string }

export function recordWaiver(answer: boolean, studentId: string, now: Date): WaiverRecord {
  return { waivedRightOfAccess: answer === true, waiverRecordedAt: now, waiverRecordedBy: studentId }
}
