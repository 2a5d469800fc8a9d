import type { DueDateMoved } from '#shared/contracts/curriculum.ts'
import { movedBeforeText } from '#shared/curriculum.ts'
import { humanDate } from '#shared/human-date.ts'

export type NudgeEmailInput = {
  studentName: string
  advisorName: string
  milestoneTitle: string
  /** The student's own due date, YYYY-MM-DD. */
  dueDate: string
  /** Set when the academic calendar moved the date out of a break or holiday: the student is told why it is early. */
  dueMoved?: DueDateMoved | null
  late: boolean
  /** The advisor's words (already the default when they wrote none). */
  message: string
  /** The student's timeline. */
  link: string
}

/** A nudge about one milestone, as the student receives it: the preview shows exactly this. */
export function nudgeEmail(input: NudgeEmailInput): { subject: string; text: string } {
  const date = `${humanDate(input.dueDate)}${input.dueMoved ? ` (${movedBeforeText(input.dueMoved)})` : ''}`
  const when = input.late ? `It was due on ${date}.` : `It is due on ${date}.`
  return {
    subject: `Reminder: ${input.milestoneTitle}`,
    text: `Hello ${input.studentName},\n\n${input.message}\n\n${input.milestoneTitle}. ${when}\n\nSee your timeline:\n${input.link}\n\n${input.advisorName}\nOffice of Student Affairs\n`,
  }
}
