import type { EmailToQueue } from '../notifications/notifications.service.ts'

/** The kinds of e-mail this module sends; the in-app notifications read them by kind. */
export const MESSAGE_EMAIL_KIND = 'mentorship.message'
export const MESSAGE_DIGEST_KIND = 'mentorship.message-digest'

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`)
const SETTINGS_LINE = 'You can choose a daily digest instead, or no e-mails, under “Messages” on that page.'

/**
 * A new message (or several within a few minutes) to the other participant. Who wrote and where
 * to read it; never the words themselves, which stay in the app for the two of them.
 */
export function newMessageEmail(to: { email: string; name: string }, from: string, count: number, link: string): EmailToQueue {
  return {
    to: to.email,
    kind: MESSAGE_EMAIL_KIND,
    subject: count === 1 ? `New message from ${from}` : `${count} new messages from ${from}`,
    text: [
      `Hello ${to.name},`,
      '',
      `${from} sent you ${plural(count, 'message', 'messages')} on Preceptor. Read and reply here:`,
      link,
      '',
      SETTINGS_LINE,
    ].join('\n'),
  }
}

/** The daily digest: each conversation with unread messages since the last one, with its link. */
export function messageDigestEmail(to: { email: string; name: string }, lines: readonly { from: string; count: number; link: string }[]): EmailToQueue {
  const total = lines.reduce((n, l) => n + l.count, 0)
  return {
    to: to.email,
    kind: MESSAGE_DIGEST_KIND,
    subject: `${plural(total, 'unread message', 'unread messages')} on Preceptor`,
    text: [
      `Hello ${to.name},`,
      '',
      'Since yesterday’s digest:',
      ...lines.map((l) => `- ${plural(l.count, 'message', 'messages')} from ${l.from}: ${l.link}`),
      '',
      'You receive this digest once a day because you chose it; you can change that under Messages on any mentorship page.',
    ].join('\n'),
  }
}
