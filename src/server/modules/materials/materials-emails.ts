import { humanDate } from '#shared/human-date.ts'
import { MATERIAL_KIND_LABELS, type MaterialKind } from '#shared/reference/application-limits.ts'
import type { EmailToQueue } from '../notifications/notifications.service.ts'

/**
 * A student asks a reviewer to read a version. The e-mail names the kind of document, the due
 * date and the student's question, and links to the review page; it never carries the
 * document's words, which stay behind the reviewer's sign-in (an outbox an admin may read, or a
 * forwarded e-mail, must not hold them).
 */
export function reviewRequestedEmail(
  to: { email: string; name: string },
  student: string,
  document: { kind: MaterialKind; versionNumber: number },
  request: { question: string; dueDate: string },
  link: string,
): EmailToQueue {
  const what = MATERIAL_KIND_LABELS[document.kind].toLowerCase()
  return {
    to: to.email,
    kind: 'materials.review-requested',
    subject: `${student} asks you to review their ${what} by ${humanDate(request.dueDate)}`,
    text: `Hello ${to.name},\n\n${student} has shared version ${document.versionNumber} of their ${what} with you and would like your comments by ${humanDate(request.dueDate)}.\n\nTheir question:\n\n${request.question}\n\nRead it and comment on any passage (select the words, then "Comment on selection"; you may also suggest new wording):\n\n${link}\n\nOnly you and ${student} see your comments.\n`,
  }
}

/** The one reminder, the day before a review is due (or on the day, if the day before was missed). Like the request: no words of the document. */
export function reviewReminderEmail(
  to: { email: string; name: string },
  student: string,
  document: { kind: MaterialKind; versionNumber: number },
  request: { question: string; dueDate: string },
  link: string,
): EmailToQueue {
  const what = MATERIAL_KIND_LABELS[document.kind].toLowerCase()
  return {
    to: to.email,
    kind: 'materials.review-reminder',
    subject: `Reminder: ${student}’s ${what} is due for your review ${humanDate(request.dueDate)}`,
    text: `Hello ${to.name},\n\n${student} asked for your comments on version ${document.versionNumber} of their ${what} by ${humanDate(request.dueDate)}. Their question was:\n\n${request.question}\n\nOpen it here, and choose "I have finished" when you are done so ${student} knows:\n\n${link}\n\nThis is the only reminder.\n`,
  }
}
