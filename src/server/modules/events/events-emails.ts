import type { EmailAttachment, EmailToQueue } from '../notifications/notifications.service.ts'

/** Why an attendee gets an invite: a seat taken, a seat from the waitlist, a change, or a cancel (theirs or the event's). */
export type EventInviteChange = 'confirmed' | 'promoted' | 'updated' | 'rsvp-cancelled' | 'event-cancelled'

/** The words of every e-mail of the events module; each carries the event's page and an iCalendar invite. */
export function eventInviteEmail(
  to: string,
  toName: string,
  title: string,
  change: EventInviteChange,
  when: string,
  where: string,
  ics: string,
  link: string,
): EmailToQueue {
  const cancelling = change === 'rsvp-cancelled' || change === 'event-cancelled'
  const attachment: EmailAttachment = {
    filename: cancelling ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${cancelling ? 'CANCEL' : 'REQUEST'}`,
    content: ics,
  }
  const subjects: Record<EventInviteChange, string> = {
    confirmed: `You have a place: ${title}, ${when}`,
    promoted: `A place opened up for you: ${title}, ${when}`,
    updated: `Changed: ${title}, ${when}`,
    'rsvp-cancelled': `You cancelled: ${title}, ${when}`,
    'event-cancelled': `Cancelled: ${title}, ${when}`,
  }
  // The place on a line of its own: a link followed by punctuation would carry it into the link.
  const bodies: Record<EventInviteChange, string> = {
    confirmed: `Your place at ${title} is confirmed: ${when}.\n\nWhere: ${where}\n\nThe attached invite adds it to your calendar. If you cannot come, cancel on the event's page so the next student on the waitlist gets your place.`,
    promoted: `A place opened up at ${title} and it is yours: you were first on the waitlist. ${when}.\n\nWhere: ${where}\n\nThe attached invite adds it to your calendar. If you cannot come any more, cancel on the event's page so the next student gets the place.`,
    updated: `${title} has changed: ${when}.\n\nWhere: ${where}\n\nThe attached invite updates your calendar.`,
    'rsvp-cancelled': `You gave up your place at ${title} (${when}). The attached file takes it off your calendar.`,
    'event-cancelled': `${title} on ${when} is cancelled. The attached file takes it off your calendar.`,
  }
  return { to, kind: `event.${change}`, subject: subjects[change], text: `Hello ${toName},\n\n${bodies[change]}\n\n${link}\n`, attachments: [attachment] }
}

/** The day before: one reminder to each student with a place, with the way to give it up. */
export function eventReminderEmail(to: string, toName: string, title: string, when: string, where: string, link: string): EmailToQueue {
  return {
    to,
    kind: 'event.reminder',
    subject: `Tomorrow: ${title}, ${when}`,
    text: `Hello ${toName},\n\nA reminder: you have a place at ${title}, ${when}.\n\nWhere: ${where}\n\nIf you cannot come after all, cancel on the event's page so a student on the waitlist gets your place:\n\n${link}\n`,
  }
}
