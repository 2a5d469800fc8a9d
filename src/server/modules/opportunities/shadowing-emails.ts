import type { EmailAttachment, EmailToQueue } from '../notifications/notifications.service.ts'

/** Why a shadowing day's invite goes out: booked, cancelled by the student, or removed by its poster. */
export type ShadowingChange = 'booked' | 'cancelled-by-student' | 'removed-by-poster'

export type ShadowingDayWords = {
  to: string
  toName: string
  title: string
  posterName: string
  when: string
  site: string
  dressCode: string
  whatToBring: string
  link: string
}

function details(w: ShadowingDayWords): string {
  return [w.site && `Where: ${w.site}`, w.dressCode && `Dress code: ${w.dressCode}`, w.whatToBring && `Bring: ${w.whatToBring}`].filter(Boolean).join('\n')
}

/** To the student: the invite (METHOD:REQUEST) when they book, its cancel (METHOD:CANCEL) when the day is called off. */
export function shadowingInviteEmail(w: ShadowingDayWords, change: ShadowingChange, ics: string): EmailToQueue {
  const cancelling = change !== 'booked'
  const attachment: EmailAttachment = {
    filename: cancelling ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${cancelling ? 'CANCEL' : 'REQUEST'}`,
    content: ics,
  }
  const subject = cancelling ? `Cancelled: shadowing ${w.posterName}, ${w.when}` : `Shadowing booked: ${w.title}, ${w.when}`
  const body =
    change === 'booked'
      ? `Your shadowing day with ${w.posterName} is booked: ${w.title}, ${w.when}.\n\n${details(w)}\n\nThe attached invite adds it to your calendar. If you cannot come, cancel at least a day before on the opportunity's page so another student can have the place:`
      : change === 'cancelled-by-student'
        ? `You cancelled your shadowing day with ${w.posterName} (${w.title}, ${w.when}). The attached file takes it off your calendar.`
        : `${w.posterName} removed the shadowing day you booked for ${w.when} (${w.title}), so your booking is cancelled. The attached file takes it off your calendar; other days may be open on the opportunity's page:`
  return { to: w.to, kind: `shadowing.${change}`, subject, text: `Hello ${w.toName},\n\n${body}\n\n${w.link}\n`, attachments: [attachment] }
}

/** The day before: one reminder to the student, with what to wear and bring. */
export function shadowingReminderEmail(w: ShadowingDayWords): EmailToQueue {
  return {
    to: w.to,
    kind: 'shadowing.reminder',
    subject: `Tomorrow: shadowing ${w.posterName}, ${w.when}`,
    text: `Hello ${w.toName},\n\nA reminder: you are shadowing ${w.posterName} ${w.when} (${w.title}).\n\n${details(w)}\n\nThe opportunity's page has the details:\n\n${w.link}\n`,
  }
}
