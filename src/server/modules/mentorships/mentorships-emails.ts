import { DECLINE_REASON_LABELS, MENTORSHIP_KIND_LABELS, type DeclineReason, type MentorshipKind } from '#shared/enums.ts'
import type { EmailAttachment, EmailToQueue } from '../notifications/notifications.service.ts'

/**
 * The words of mentorship e-mails. They name people, dates and links; they never carry a note
 * (shared or private), goal, feedback or message body beyond the request's own message to the
 * person it was written for.
 */

const kindText = (kind: MentorshipKind) => MENTORSHIP_KIND_LABELS[kind].toLowerCase()

export function requestReceivedEmail(
  to: string,
  toName: string,
  fromName: string,
  kind: MentorshipKind,
  isOffer: boolean,
  link: string,
  expiresOn: string,
): EmailToQueue {
  return {
    to,
    kind: isOffer ? 'mentorship.offer-received' : 'mentorship.request-received',
    subject: isOffer ? `${fromName} offers to mentor you` : `${fromName} asks you to be their mentor`,
    text: `Hello ${toName},\n\n${fromName} ${isOffer ? 'offers you' : 'asks you for'} an ${kindText(kind)} through Preceptor. The request stays open until ${expiresOn}. Read their message and answer here:\n\n${link}\n`,
  }
}

export function requestAnsweredEmail(
  to: string,
  toName: string,
  byName: string,
  accepted: boolean,
  reason: DeclineReason | null,
  note: string | null,
  link: string,
): EmailToQueue {
  const why = reason ? `\n\nTheir reason: ${DECLINE_REASON_LABELS[reason]}.${note ? `\n\n${note}` : ''}` : ''
  return {
    to,
    kind: accepted ? 'mentorship.accepted' : 'mentorship.declined',
    subject: accepted ? `${byName} accepted — your mentorship has begun` : `${byName} cannot take this on`,
    text: accepted
      ? `Hello ${toName},\n\n${byName} accepted. Set your first goals and book a meeting here:\n\n${link}\n`
      : `Hello ${toName},\n\n${byName} declined.${why}\n\nOther mentors are waiting in the directory:\n\n${link}\n`,
  }
}

export function requestWithdrawnEmail(to: string, toName: string, byName: string): EmailToQueue {
  return {
    to,
    kind: 'mentorship.withdrawn',
    subject: `${byName} withdrew their mentorship request`,
    text: `Hello ${toName},\n\n${byName} withdrew their request; there is nothing for you to do.\n`,
  }
}

export function requestReminderEmail(to: string, toName: string, fromName: string, link: string, expiresOn: string): EmailToQueue {
  return {
    to,
    kind: 'mentorship.request-reminder',
    subject: `Reminder: ${fromName} is waiting for your answer`,
    text: `Hello ${toName},\n\n${fromName} is still waiting for an answer to their mentorship request. It expires on ${expiresOn}. A short "no" helps them too:\n\n${link}\n`,
  }
}

export function requestExpiredEmail(to: string, toName: string, otherName: string, directoryLink: string): EmailToQueue {
  return {
    to,
    kind: 'mentorship.request-expired',
    subject: `Your request to ${otherName} expired`,
    text: `Hello ${toName},\n\n${otherName} did not answer your mentorship request in time, so it has expired. It says nothing about you. Other mentors with open places are in the directory:\n\n${directoryLink}\n`,
  }
}

export function requestInvalidatedEmail(to: string, toName: string, otherName: string, directoryLink: string): EmailToQueue {
  return {
    to,
    kind: 'mentorship.request-invalidated',
    subject: `Your request to ${otherName} was closed`,
    text: `Hello ${toName},\n\n${otherName} is no longer available as a mentor in Preceptor, so your request was closed. Other mentors are in the directory:\n\n${directoryLink}\n`,
  }
}

export function mentorPausedEmail(to: string, toName: string, expired: number, profileLink: string): EmailToQueue {
  return {
    to,
    kind: 'mentorship.mentor-paused',
    subject: 'We paused new mentorship requests to you',
    text: `Hello ${toName},\n\n${expired} mentorship requests to you expired without an answer recently, so we set your profile to "not accepting" to spare students the wait. When you are ready for new mentees, turn "accepting" back on in your mentor profile:\n\n${profileLink}\n`,
  }
}

export function mentorshipClosedEmail(to: string, toName: string, byName: string, thankYouNote: string | null, link: string): EmailToQueue {
  const thanks = thankYouNote ? `\n\nTheir note to you:\n\n${thankYouNote}` : ''
  return {
    to,
    kind: 'mentorship.closed',
    subject: `${byName} closed your mentorship`,
    text: `Hello ${toName},\n\n${byName} closed the mentorship.${thanks}\n\n${link}\n`,
  }
}

export function stayInTouchEmail(to: string, toName: string, otherName: string, weeks: number, link: string): EmailToQueue {
  return {
    to,
    kind: 'mentorship.stay-in-touch',
    subject: `Time to catch up with ${otherName}?`,
    text: `Hello ${toName},\n\nYou and ${otherName} have not met for ${weeks} weeks. A short check-in keeps a mentorship going — book or propose a time here:\n\n${link}\n`,
  }
}

export function meetingProposedEmail(to: string, toName: string, byName: string, when: string, link: string): EmailToQueue {
  return {
    to,
    kind: 'meeting.proposed',
    subject: `${byName} proposes a meeting on ${when}`,
    text: `Hello ${toName},\n\n${byName} proposes to meet on ${when}. Confirm it or suggest another time:\n\n${link}\n`,
  }
}

export function meetingInviteEmail(
  to: string,
  toName: string,
  otherName: string,
  change: 'new' | 'updated' | 'cancelled',
  when: string,
  where: string,
  ics: string,
  link: string,
): EmailToQueue {
  const attachment: EmailAttachment = {
    filename: change === 'cancelled' ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${change === 'cancelled' ? 'CANCEL' : 'REQUEST'}`,
    content: ics,
  }
  const subject =
    change === 'new'
      ? `Meeting with ${otherName}: ${when}`
      : change === 'updated'
        ? `Meeting with ${otherName} moved: ${when}`
        : `Cancelled: meeting with ${otherName} on ${when}`
  // The place on a line of its own: a video link followed by punctuation would carry it into the link.
  const body =
    change === 'cancelled'
      ? `Your meeting with ${otherName} on ${when} is cancelled.`
      : `Your meeting with ${otherName}: ${when}.\n\nWhere: ${where}\n\nThe attached invite adds it to your calendar.`
  return { to, kind: `meeting.${change}`, subject, text: `Hello ${toName},\n\n${body}\n\n${link}\n`, attachments: [attachment] }
}

export function meetingFollowUpEmail(to: string, toName: string, otherName: string, link: string): EmailToQueue {
  return {
    to,
    kind: 'meeting.follow-up',
    subject: `How did your meeting with ${otherName} go?`,
    text: `Hello ${toName},\n\nWhile it is fresh: log what you discussed and any action items (as a shared note, or a private one only you can read), and tell the program in a minute how it went — your feedback is never shown to ${otherName}.\n\n${link}\n`,
  }
}
