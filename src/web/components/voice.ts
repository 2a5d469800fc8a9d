/**
 * The words a page uses for the student it is about. A student reading their own page is "you";
 * staff reading a student's page read the student's first name ("Maya’s chances"), never "your",
 * which on a staff view would mean the advisor.
 */

/** "Maya" from "Maya Robinson"; the whole name when it has one word. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name.trim()
}

/** "Maya’s", "James’s" (the apostrophe-s after every name, as most style guides advise). */
export function possessive(name: string): string {
  return `${name}’s`
}

export type StudentVoice = {
  /** "you" or "Maya" */
  who: string
  /** "You" or "Maya" — to open a sentence */
  Who: string
  /** "your" or "Maya’s" */
  whose: string
  /** "Your" or "Maya’s" — to open a sentence */
  Whose: string
  /** "You have" or "Maya has" */
  WhoHas: string
}

const SELF: StudentVoice = { who: 'you', Who: 'You', whose: 'your', Whose: 'Your', WhoHas: 'You have' }

/**
 * How a page speaks of its student: to them (`studentName` null: the student's own page), or of
 * them by first name (staff). While the name is loading, staff read "the student".
 */
export function studentVoice(view: { ownPage: true } | { ownPage: false; studentName: string | null | undefined }): StudentVoice {
  if (view.ownPage) return SELF
  const name = view.studentName ? firstName(view.studentName) : null
  if (!name) return { who: 'the student', Who: 'The student', whose: 'the student’s', Whose: 'The student’s', WhoHas: 'The student has' }
  return { who: name, Who: name, whose: possessive(name), Whose: possessive(name), WhoHas: `${name} has` }
}
