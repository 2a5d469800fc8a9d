import type { EmailToQueue } from '../notifications/notifications.service.ts'

/** A leader's announcement to one member: the leader's words, who sent it, and how to leave the group. */
export function announcementEmail(
  to: string,
  toName: string,
  groupName: string,
  authorName: string,
  subject: string,
  body: string,
  link: string,
): EmailToQueue {
  return {
    to,
    kind: 'interest-group.announcement',
    subject: `${groupName}: ${subject}`,
    text: `Hello ${toName},\n\n${authorName} wrote to the members of ${groupName}:\n\n${body}\n\nThe group's page, its events and the button to leave the group:\n\n${link}\n`,
  }
}
