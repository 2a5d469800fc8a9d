import type { EmailKindGroup } from '#shared/contracts/notifications.ts'

/**
 * Which group a kind of e-mail belongs to, whether a person may turn its e-mail off, and whether
 * it appears in the app. Decided from the kind's name alone (`area.event`), so a kind added later
 * (`mentorship.message`) needs no code here: it falls under its area's group, or `other`.
 */

/**
 * E-mails that are always sent, and why (decision 022):
 * - sign-in links, password resets and invitations carry a one-time link the person (or the
 *   office) asked for a moment ago; without it they cannot get in, so a choice made earlier must
 *   not swallow it. They never appear in the app either: the person reading them is not signed in,
 *   and the link is a credential no page may keep;
 * - a letter's upload link is asked for by, or for, its writer and is the only way to upload;
 * - a decision on, or a statement about, a request to amend a student record: FERPA asks the
 *   school to tell the student its decision (34 CFR §99.20), so it is a notice, not a courtesy;
 * - anything named `security.…`, for notices about a person's account.
 */
const ALWAYS_SENT_KINDS: ReadonlySet<string> = new Set(['magic-link', 'password-reset', 'invite', 'letter.upload-link'])
const ALWAYS_SENT_PREFIXES = ['security.', 'records.amendment-'] as const

/** The kinds above, in words for the settings page. */
export const ALWAYS_SENT_WORDS = [
  'Sign-in links, password resets and invitations',
  'Upload links for a letter you write',
  'Notices about your account’s security',
  'The school’s answer to a request to correct your records',
] as const

/** Kinds that carry a sign-in credential: e-mail only, never a row in the app. */
const EMAIL_ONLY_KINDS: ReadonlySet<string> = new Set(['magic-link', 'password-reset', 'invite'])

/** The area before the first dot names the group; reminders and nudges are told apart by their event. */
const GROUP_OF_AREA: Readonly<Record<string, EmailKindGroup>> = {
  mentorship: 'mentorships',
  meeting: 'meetings',
  'mock-interview': 'meetings',
  letter: 'letters',
  community: 'community',
  event: 'events-and-opportunities',
  opportunity: 'events-and-opportunities',
  'interest-group': 'community',
}

const REMINDER_EVENT = /(^|[.-])(reminder|nudge|stay-in-touch|follow-up)([.-]|$)/

export function isAlwaysSent(kind: string): boolean {
  return ALWAYS_SENT_KINDS.has(kind) || ALWAYS_SENT_PREFIXES.some((prefix) => kind.startsWith(prefix))
}

/** The group a person's choice applies to, or null for an e-mail that is always sent. */
export function emailKindGroupOf(kind: string): EmailKindGroup | null {
  if (isAlwaysSent(kind)) return null
  const dot = kind.indexOf('.')
  if (dot < 0) return 'other'
  if (REMINDER_EVENT.test(kind.slice(dot + 1))) return 'reminders'
  return GROUP_OF_AREA[kind.slice(0, dot)] ?? 'other'
}

export function appearsInApp(kind: string): boolean {
  return !EMAIL_ONLY_KINDS.has(kind)
}
