import type { EmailAttachment, EmailToQueue } from '../notifications/notifications.service.ts'

/** Why a mock's invite goes out: it was booked, or cancelled (by the student, or by the interviewer withdrawing the slot). */
export type MockInviteChange = 'booked' | 'cancelled-by-student' | 'cancelled-by-interviewer'

export type MockInviteWords = {
  to: string
  toName: string
  /** The other side: the interviewer for the student, the student for the interviewer. */
  otherName: string
  isInterviewer: boolean
  change: MockInviteChange
  /** "Traditional mock interview, Dermatology". */
  what: string
  when: string
  where: string
  ics: string
  link: string
}

/**
 * The invite (or its cancel) to each side of a mock interview, with the iCalendar attached as
 * meetings' are. No scores or feedback ever go in an e-mail: they are read on the mock's page.
 */
export function mockInviteEmail(w: MockInviteWords): EmailToQueue {
  const cancelling = w.change !== 'booked'
  const attachment: EmailAttachment = {
    filename: cancelling ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${cancelling ? 'CANCEL' : 'REQUEST'}`,
    content: w.ics,
  }
  const subject = cancelling ? `Cancelled: ${w.what} with ${w.otherName}, ${w.when}` : `Mock interview booked: ${w.what} with ${w.otherName}, ${w.when}`
  const body =
    w.change === 'booked'
      ? w.isInterviewer
        ? `${w.otherName} booked your mock interview slot: ${w.what}, ${w.when}.\n\nWhere: ${w.where}\n\nThe attached invite adds it to your calendar. During or after the interview, score it against the school's rubric and write your feedback on the mock's page:`
        : `Your mock interview with ${w.otherName} is booked: ${w.what}, ${w.when}.\n\nWhere: ${w.where}\n\nThe attached invite adds it to your calendar. If you cannot come, cancel on the mock's page so another student can have the slot. Your interviewer's scores and feedback will appear there afterwards:`
      : w.change === 'cancelled-by-student'
        ? w.isInterviewer
          ? `${w.otherName} cancelled the mock interview booked for ${w.when} (${w.what}). The attached file takes it off your calendar.`
          : `You cancelled your mock interview with ${w.otherName} (${w.what}, ${w.when}). The attached file takes it off your calendar.`
        : w.isInterviewer
          ? `You withdrew your mock interview slot of ${w.when} (${w.what}), which ${w.otherName} had booked. The attached file takes it off your calendar.`
          : `${w.otherName} had to withdraw the mock interview you booked for ${w.when} (${w.what}). It no longer counts against your limit; the attached file takes it off your calendar. You can book another slot on the mock interviews page.`
  return { to: w.to, kind: `mock-interview.${w.change}`, subject, text: `Hello ${w.toName},\n\n${body}\n\n${w.link}\n`, attachments: [attachment] }
}

/** The day before: one reminder to the student, with the way to cancel so another student can have the slot. */
export function mockReminderEmail(to: string, toName: string, interviewerName: string, what: string, when: string, where: string, link: string): EmailToQueue {
  return {
    to,
    kind: 'mock-interview.reminder',
    subject: `Tomorrow: mock interview with ${interviewerName}, ${when}`,
    text: `Hello ${toName},\n\nA reminder: your mock interview with ${interviewerName} is ${when} (${what}).\n\nWhere: ${where}\n\nIf you cannot come after all, cancel on the mock's page so another student can have the slot:\n\n${link}\n`,
  }
}
