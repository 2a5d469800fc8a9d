import type { EmailKindGroup } from '#shared/contracts/notifications.ts'
import { appearsInApp, emailKindGroupOf } from './email-kinds.ts'
import { inAppContentOf, type InAppContent } from './in-app-content.ts'

/** The person an address belongs to, and the groups whose e-mail they turned off. */
export type Recipient = { personId: string; optedOut: ReadonlySet<EmailKindGroup> }

export type PlannedEmail = { to: string; subject: string; text: string; kind: string; link?: string | null }
export type PlannedInApp = InAppContent & { personId: string; kind: string }

/** Whether an e-mail of this kind needs its recipient looked up (in the app, or a choice to honour). */
export function needsRecipient(kind: string): boolean {
  return appearsInApp(kind) || emailKindGroupOf(kind) !== null
}

/**
 * For each e-mail: whether it still goes out (the person did not turn its group off), and the
 * in-app notification of the person it is addressed to. An address that belongs to no one (an
 * outside letter writer) gets its e-mail and nothing else.
 */
export function planEmails<E extends PlannedEmail>(
  emails: readonly E[],
  recipients: ReadonlyMap<string, Recipient>,
  appOrigin: string | null,
): { send: E[]; inApp: PlannedInApp[] } {
  const send: E[] = []
  const inApp: PlannedInApp[] = []
  for (const email of emails) {
    const recipient = recipients.get(email.to.toLowerCase())
    const group = emailKindGroupOf(email.kind)
    if (!(recipient && group && recipient.optedOut.has(group))) send.push(email)
    if (recipient && appearsInApp(email.kind)) inApp.push({ personId: recipient.personId, kind: email.kind, ...inAppContentOf(email, appOrigin) })
  }
  return { send, inApp }
}
