import { LETTER_TYPE_LABELS, type LetterReminderKind, type LetterType } from '#shared/enums.ts'
import type { EmailToQueue } from '../notifications/notifications.service.ts'

/**
 * The words of the e-mails about letters. They name people, dates and statuses and carry links;
 * they never carry a letter's content (decision 008).
 */

type About = { studentName: string; writerName: string; letterType: LetterType; dueDate: string; purposeText: string }

const due = (about: About) => humanDate(about.dueDate)
import { humanDate } from '#shared/human-date.ts'

const kindOf = (type: LetterType) => LETTER_TYPE_LABELS[type].toLowerCase()

export function letterRequestedEmail(to: string, about: About, link: string, outside: { expiresAt: Date } | null): EmailToQueue {
  const how = outside
    ? `You can read the request, the student's CV and personal statement, and upload the letter (a PDF) here. If you cannot write it, you can decline on the same page, so the student can ask someone else in time.\n\n${link}\n\nThe link is yours alone; it works for one upload until ${humanDate(outside.expiresAt)}.`
    : `Accept or decline, read the packet and upload the letter (a PDF) in Preceptor:\n\n${link}`
  return {
    to,
    kind: 'letter.requested',
    subject: `${about.studentName} asks you for a letter of recommendation`,
    text: `Hello ${about.writerName},\n\n${about.studentName} asks whether you would write a ${kindOf(about.letterType)} (${about.purposeText}), due ${due(about)}.\n\n${how}\n`,
  }
}

export function uploadLinkEmail(to: string, about: About, link: string, expiresAt: Date): EmailToQueue {
  return {
    to,
    kind: 'letter.upload-link',
    subject: `A new link to upload your letter for ${about.studentName}`,
    text: `Hello ${about.writerName},\n\nHere is a new link to upload your letter for ${about.studentName} (due ${due(about)}). Any earlier link no longer works.\n\n${link}\n\nIt works for one upload until ${humanDate(expiresAt)}. If you cannot write the letter, you can decline on the same page.\n`,
  }
}

export function writerRepliedEmail(to: string, about: About, accepted: boolean, message: string | null): EmailToQueue {
  const said = message ? `\n\nTheir message:\n\n${message}` : ''
  return {
    to,
    kind: accepted ? 'letter.accepted' : 'letter.declined',
    subject: accepted ? `${about.writerName} will write your letter` : `${about.writerName} cannot write your letter`,
    text: accepted
      ? `Hello ${about.studentName},\n\n${about.writerName} accepted your request for a ${kindOf(about.letterType)}, due ${due(about)}.${said}\n`
      : `Hello ${about.studentName},\n\n${about.writerName} declined your request for a ${kindOf(about.letterType)}. It is common, and it is better to know now: consider asking another writer.${said}\n`,
  }
}

export function letterSubmittedEmail(to: string, about: About): EmailToQueue {
  return {
    to,
    kind: 'letter.submitted',
    subject: `${about.writerName} submitted your letter`,
    text: `Hello ${about.studentName},\n\n${about.writerName} submitted your ${kindOf(about.letterType)}. The Office of Student Affairs will deliver it. This is a good moment to thank them.\n`,
  }
}

export function letterDeliveredEmail(to: string, about: About): EmailToQueue {
  return {
    to,
    kind: 'letter.delivered',
    subject: `Your letter from ${about.writerName} was delivered`,
    text: `Hello ${about.studentName},\n\nThe Office of Student Affairs delivered your ${kindOf(about.letterType)} from ${about.writerName}.\n`,
  }
}

export function letterWithdrawnEmail(to: string, about: About): EmailToQueue {
  return {
    to,
    kind: 'letter.withdrawn',
    subject: `${about.studentName} no longer needs the letter`,
    text: `Hello ${about.writerName},\n\n${about.studentName} withdrew the request for a ${kindOf(about.letterType)} due ${due(about)}. There is nothing more to do; thank you for your time.\n`,
  }
}

export function nudgeEmail(to: string, about: About, link: string): EmailToQueue {
  return {
    to,
    kind: 'letter.nudge',
    subject: `A friendly note from ${about.studentName} about their letter`,
    text: `Hello ${about.writerName},\n\n${about.studentName} wanted to check in, kindly, on their ${kindOf(about.letterType)} due ${due(about)}. If anything is missing from their packet, let them know.\n\n${link}\n`,
  }
}

const REMINDER_WORDS: Record<LetterReminderKind, string> = {
  'due-in-14-days': 'is due in two weeks',
  'due-in-7-days': 'is due in one week',
  'due-in-2-days': 'is due in two days',
  overdue: 'was due',
}

export function reminderEmail(to: string, about: About, kind: LetterReminderKind, link: string): EmailToQueue {
  return {
    to,
    kind: `letter.reminder.${kind}`,
    subject:
      kind === 'overdue' ? `The letter for ${about.studentName} is past its due date` : `Reminder: the letter for ${about.studentName} ${REMINDER_WORDS[kind]}`,
    text: `Hello ${about.writerName},\n\nA gentle reminder: the ${kindOf(about.letterType)} for ${about.studentName} ${REMINDER_WORDS[kind]} (${due(about)}). Thank you for supporting them.\n\n${link}\n\nIf you cannot write it, declining lets the student ask someone else in time.\n`,
  }
}
