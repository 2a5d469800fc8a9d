import type { EmailToQueue } from '../notifications/notifications.service.ts'

/**
 * The words of advising-board e-mails: who was placed in which slot, by whom, and a link that
 * opens for the reader. `slotLabel` comes as it reads mid-sentence ("research mentor", "Dermatology advisor").
 */

export function boardAssignedStudentEmail(to: string, studentName: string, personName: string, slotLabel: string, byName: string, link: string): EmailToQueue {
  return {
    to,
    kind: 'advising.board-assigned-student',
    subject: `${personName} is now your ${slotLabel}`,
    text: `Hello ${studentName},\n\n${byName} has placed ${personName} on your advising board as your ${slotLabel}. See your board, and who else could help, here:\n\n${link}\n`,
  }
}

export function boardAssignedPersonEmail(to: string, personName: string, studentName: string, slotLabel: string, byName: string, link: string): EmailToQueue {
  return {
    to,
    kind: 'advising.board-assigned-person',
    subject: `You are ${studentName}’s ${slotLabel}`,
    text: `Hello ${personName},\n\n${byName} has placed you on ${studentName}’s advising board as their ${slotLabel}. ${studentName} has been told and may get in touch. If you cannot take this on, let ${byName} know and they will take you off the board:\n\n${link}\n`,
  }
}
