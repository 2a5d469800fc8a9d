import type { EmailToQueue } from '../notifications/notifications.service.ts'

export type ApplicationDecision = 'shortlisted' | 'accepted' | 'declined'

/** To the student, when the poster shortlists, accepts or declines their application. */
export function applicationDecisionEmail(
  to: string,
  toName: string,
  title: string,
  decision: ApplicationDecision,
  message: string,
  link: string,
): EmailToQueue {
  const subjects: Record<ApplicationDecision, string> = {
    shortlisted: `Shortlisted: ${title}`,
    accepted: `Accepted: ${title}`,
    declined: `Not this time: ${title}`,
  }
  const bodies: Record<ApplicationDecision, string> = {
    shortlisted: `You are on the shortlist for ${title}. The poster will be in touch before deciding.`,
    accepted: `You have a place on ${title}. It is in your experience record now; once it is done, the poster confirms your hours.`,
    declined: `Your application to ${title} was not accepted this time. Other opportunities are on the board.`,
  }
  const words = message ? `\n\nTheir message:\n${message}` : ''
  return { to, kind: `opportunity.${decision}`, subject: subjects[decision], text: `Hello ${toName},\n\n${bodies[decision]}${words}\n\n${link}\n` }
}

/** To the poster, when a student applies. */
export function newApplicationEmail(to: string, toName: string, studentName: string, title: string, link: string): EmailToQueue {
  return {
    to,
    kind: 'opportunity.applied',
    subject: `New application: ${title}`,
    text: `Hello ${toName},\n\n${studentName} applied to ${title}. Read their statement and shortlist, accept or decline:\n\n${link}\n`,
  }
}
