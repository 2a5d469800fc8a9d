import type { EmailToQueue } from '../notifications/notifications.service.ts'

/** The words of the e-mails identity sends. Links carry a one-time token and nothing else. */

export function magicLinkEmail(to: string, name: string, link: string, minutes: number): EmailToQueue {
  return {
    to,
    kind: 'magic-link',
    subject: 'Your Preceptor sign-in link',
    text: `Hello ${name},\n\nOpen this link to sign in to Preceptor:\n\n${link}\n\nIt works once and expires in ${minutes} minutes. If you did not ask for it, ignore this e-mail; nobody can sign in without the link.\n`,
  }
}

export function passwordResetEmail(to: string, name: string, link: string, minutes: number): EmailToQueue {
  return {
    to,
    kind: 'password-reset',
    subject: 'Reset your Preceptor password',
    text: `Hello ${name},\n\nSomeone (we hope you) asked to reset your Preceptor password. Choose a new one here:\n\n${link}\n\nThe link works once and expires in ${minutes} minutes. If you did not ask, ignore this e-mail: your password stays as it is.\n`,
  }
}

export function inviteEmail(to: string, name: string, link: string, days: number, invitedBy: string): EmailToQueue {
  return {
    to,
    kind: 'invite',
    subject: 'You are invited to Preceptor',
    text: `Hello ${name},\n\n${invitedBy} invited you to Preceptor, the school's mentoring and career-advising platform.\n\nSet your password and sign in here:\n\n${link}\n\nThe link works once and expires in ${days} days.\n`,
  }
}
