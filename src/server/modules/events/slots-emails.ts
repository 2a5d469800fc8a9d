import type { EmailAttachment, EmailToQueue } from '../notifications/notifications.service.ts'

/** Why a student gets a slot's invite: they booked it, they gave it up, or the office cancelled the event. */
export type SlotInviteChange = 'booked' | 'cancelled' | 'event-cancelled'

/** The e-mail that carries a booked slot's invite (REQUEST) or its cancel (CANCEL), with the event's page. */
export function slotInviteEmail(
  to: string,
  toName: string,
  title: string,
  label: string,
  change: SlotInviteChange,
  when: string,
  where: string,
  ics: string,
  link: string,
): EmailToQueue {
  const cancelling = change !== 'booked'
  const attachment: EmailAttachment = {
    filename: cancelling ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${cancelling ? 'CANCEL' : 'REQUEST'}`,
    content: ics,
  }
  const what = label ? `${title} (${label})` : title
  const subject = {
    booked: `Your slot: ${what}, ${when}`,
    cancelled: `You gave up your slot: ${what}, ${when}`,
    'event-cancelled': `Cancelled: ${what}, ${when}`,
  }[change]
  const body = {
    booked: `Your slot at ${what} is booked: ${when}.\n\nWhere: ${where}\n\nThe attached invite adds it to your calendar. If you cannot come, give the slot up on the event's page so another student can take it.`,
    cancelled: `You gave up your slot at ${what} (${when}). The attached file takes it off your calendar. Another slot can be booked on the event's page while booking is open.`,
    'event-cancelled': `${title} is cancelled, and with it your slot (${when}). The attached file takes it off your calendar.`,
  }[change]
  return { to, kind: `event.slot-${change}`, subject, text: `Hello ${toName},\n\n${body}\n\n${link}\n`, attachments: [attachment] }
}
