import type { EmailToQueue } from '../notifications/notifications.service.ts'

/** To each administrator, when a student asks to correct a record. */
export function amendmentRequestedEmail(to: string, toName: string, studentName: string, record: string, link: string): EmailToQueue {
  return {
    to,
    kind: 'records.amendment-requested',
    subject: `${studentName} asks to correct a record`,
    text: `Hello ${toName},\n\n${studentName} asks the school to correct a record: ${record}.\n\nFERPA asks for a decision within a reasonable time. Read the request and amend the record or refuse with a reason:\n\n${link}\n`,
  }
}

/** To the student, when the office decides. */
export function amendmentDecidedEmail(to: string, toName: string, record: string, amended: boolean, reason: string, link: string): EmailToQueue {
  const body = amended
    ? `The school agreed to correct ${record}.`
    : `The school decided not to change ${record}. You have the right to a hearing, and to add a statement of your own that is kept with the record and shown with it. You can add it here:`
  return {
    to,
    kind: amended ? 'records.amendment-amended' : 'records.amendment-refused',
    subject: amended ? 'Your record was corrected' : 'Your request to correct a record was refused',
    text: `Hello ${toName},\n\n${body}\n\nThe reason given:\n${reason}\n\n${link}\n`,
  }
}

/** To the administrator who refused, when the student adds their statement. */
export function statementAddedEmail(to: string, toName: string, studentName: string, record: string, link: string): EmailToQueue {
  return {
    to,
    kind: 'records.amendment-statement',
    subject: `${studentName} added a statement to a record`,
    text: `Hello ${toName},\n\n${studentName} added a statement to ${record}, after the request to correct it was refused. It is kept with the record and shown with it:\n\n${link}\n`,
  }
}
