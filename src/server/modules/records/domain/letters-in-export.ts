/** What the export needs of a student's letter request (the letters module's student view). */
export type StudentLetter = {
  id: string
  writer: { name: string }
  purpose: string
  status: string
  waivedRightOfAccess: boolean
  waiverRecordedAt: string
  createdAt: string
  submittedAt: string | null
  deliveredAt: string | null
}

/**
 * How a letter whose right of access the student waived (FERPA, 20 U.S.C. §1232g(a)(1)(D)) is
 * named in their records: that it exists and who wrote it, never what it says.
 */
export function confidentialLetterSentence(writerName: string): string {
  return `A confidential letter from ${writerName}, which you waived the right to read.`
}
