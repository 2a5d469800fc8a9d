import type { EmailToQueue } from '../notifications/notifications.service.ts'

/**
 * The words of rank-list e-mails. They name people and link to the list; they never carry the
 * list's programs, notes or comments.
 */

export function signedOffEmail(to: string, toName: string, advisorName: string, version: number, link: string): EmailToQueue {
  return {
    to,
    kind: 'rank-list.signed-off',
    subject: `${advisorName} signed off your rank order list`,
    text: `Hello ${toName},\n\n${advisorName} reviewed and signed off version ${version} of your rank order list. If you change it later, it will show as "changed since signed off" until they look again.\n\nRemember to certify your list in the NRMP's system before the deadline.\n\n${link}\n`,
  }
}

export function commentEmail(to: string, toName: string, advisorName: string, link: string): EmailToQueue {
  return {
    to,
    kind: 'rank-list.comment',
    subject: `${advisorName} commented on your rank order list`,
    text: `Hello ${toName},\n\n${advisorName} left a comment on your rank order list. Read it here:\n\n${link}\n`,
  }
}

export function coupleInviteEmail(to: string, toName: string, fromName: string, link: string): EmailToQueue {
  return {
    to,
    kind: 'rank-list.couple-invite',
    subject: `${fromName} wants to link rank order lists as a couple`,
    text: `Hello ${toName},\n\n${fromName} asked to link your rank order lists as a couple in the match. Once you confirm, your primary lists are read line by line as pairs of programs and either of you can edit the pairs.\n\nConfirm or decline here:\n\n${link}\n`,
  }
}

export function coupleEndedEmail(to: string, toName: string, byName: string, link: string): EmailToQueue {
  return {
    to,
    kind: 'rank-list.couple-ended',
    subject: `${byName} unlinked your rank order lists`,
    text: `Hello ${toName},\n\n${byName} unlinked your rank order lists. Your list is your own again: "No Match" lines were removed. Check it here:\n\n${link}\n`,
  }
}
