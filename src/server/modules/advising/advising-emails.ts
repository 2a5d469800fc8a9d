import { humanDate } from '#shared/human-date.ts'
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

/** The person an advisor placed on a board is asked first: agree or decline from their home page. */
export function boardAgreementAskedEmail(
  to: string,
  personName: string,
  studentName: string,
  slotLabel: string,
  byName: string,
  note: string,
  link: string,
): EmailToQueue {
  const said = note ? `\n\n${byName} wrote: “${note}”` : ''
  return {
    to,
    kind: 'advising.board-agreement-asked',
    subject: `Will you be ${studentName}’s ${slotLabel}?`,
    text: `Hello ${personName},\n\n${byName} would like you to be ${studentName}’s ${slotLabel} on their advising board.${said}\n\nPlease agree or decline on your Preceptor home page (one click either way). ${studentName} is told only once you agree; if you decline, ${byName} is told and will ask someone else.\n\n${link}\n`,
  }
}

/** The advisor who asked hears the answer: agreed, or declined with the reason given. */
export function boardAgreementAnsweredEmail(
  to: string,
  askerName: string,
  personName: string,
  studentName: string,
  slotLabel: string,
  agreed: boolean,
  reason: string,
  link: string,
): EmailToQueue {
  if (agreed) {
    return {
      to,
      kind: 'advising.board-agreement-accepted',
      subject: `${personName} agreed to be ${studentName}’s ${slotLabel}`,
      text: `Hello ${askerName},\n\n${personName} agreed to be ${studentName}’s ${slotLabel}, and ${studentName} has been told. See the board:\n\n${link}\n`,
    }
  }
  const why = reason ? ` They wrote: “${reason}”` : ' They gave no reason.'
  return {
    to,
    kind: 'advising.board-agreement-declined',
    subject: `${personName} declined to be ${studentName}’s ${slotLabel}`,
    text: `Hello ${askerName},\n\n${personName} declined to be ${studentName}’s ${slotLabel}.${why} They are off the board, and ${studentName} was not told of the request. Choose someone else for the slot:\n\n${link}\n`,
  }
}

/** A week on, the person asked has not answered: one reminder, with the same one-click link. */
export function boardAgreementReminderEmail(
  to: string,
  personName: string,
  studentName: string,
  slotLabel: string,
  byName: string,
  link: string,
  lapsesAt: Date,
): EmailToQueue {
  return {
    to,
    kind: 'advising.board-agreement-reminder',
    subject: `Reminder: will you be ${studentName}’s ${slotLabel}?`,
    text: `Hello ${personName},\n\nOver a week ago ${byName} asked you to be ${studentName}’s ${slotLabel} on their advising board, and the request is still waiting for your answer. ${byName} sees it as waiting until you agree or decline; either takes one click on your Preceptor home page:\n\n${link}\n\nThis is the only reminder. Without an answer, the request lapses on ${humanDate(lapsesAt)} and ${byName} is told to ask someone else.\n`,
  }
}

/** The person asked never answered, even after the reminder: the request lapsed and the slot is open again. */
export function boardAgreementLapsedEmail(
  to: string,
  askerName: string,
  personName: string,
  studentName: string,
  slotLabel: string,
  askedAt: Date,
  link: string,
): EmailToQueue {
  return {
    to,
    kind: 'advising.board-agreement-lapsed',
    subject: `No answer from ${personName}: ${studentName}’s ${slotLabel} slot is open again`,
    text: `Hello ${askerName},\n\nOn ${humanDate(askedAt)} you asked ${personName} to be ${studentName}’s ${slotLabel}. They did not answer, even after a reminder, so the request has lapsed: ${personName} is off the board and the slot is open again. ${studentName} was not told of the request. Choose someone else for the slot:\n\n${link}\n`,
  }
}
