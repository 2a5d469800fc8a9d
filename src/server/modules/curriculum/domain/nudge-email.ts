import { humanDate } from '#shared/human-date.ts'

export type NudgeEmailInput = {
  studentName: string
  advisorName: string
  milestoneTitle: string
  /** The student's own due date, YYYY-MM-DD. */
  dueDate: string
  late: boolean
  /** The advisor's words (already the default when they wrote none). */
  message: string
  /** The student's timeline. */
  link: string
}

/** A nudge about one milestone, as the student receives it: the preview shows exactly this. */
export function nudgeEmail(input: NudgeEmailInput): { subject: string; text: string } {
  const when = input.late ? `It was due on ${humanDate(input.dueDate)}.` : `It is due on ${humanDate(input.dueDate)}.`
  return {
    subject: `Reminder: ${input.milestoneTitle}`,
    text: `Hello ${input.studentName},\n\n${input.message}\n\n${input.milestoneTitle}. ${when}\n\nSee your timeline:\n${input.link}\n\n${input.advisorName}\nOffice of Student Affairs\n`,
  }
}
