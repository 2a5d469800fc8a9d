import { nameInSentence } from '#shared/name-in-sentence.ts'
import type { OpportunityKind, RequirementState, RequirementVerification } from '#shared/enums.ts'

/**
 * Requirements (HIPAA training, immunisations, a background check), pure: which apply to an
 * opportunity, a student's standing on each, and the words that refuse an application or a
 * booking. A standing is computed from the record's dates and today, never stored, so a
 * requirement expires on its day without anything having to run.
 */

export type RequirementRule = {
  id: string
  name: string
  verification: RequirementVerification
  opportunityKind: OpportunityKind | null
  opportunityId: string | null
  retiredAt: Date | null
}

export type RequirementRecordFacts = {
  completedOn: string
  /** The first day it no longer counts; null: it does not expire. */
  expiresOn: string | null
  verifiedAt: Date | null
}

/** The requirements an opportunity demands: those for its kind and those for it alone, retired ones left out. */
export function requirementsFor<T extends RequirementRule>(rules: readonly T[], opportunity: { id: string; kind: OpportunityKind }): T[] {
  return rules.filter(
    (r) => r.retiredAt === null && (r.opportunityId === opportunity.id || (r.opportunityId === null && r.opportunityKind === opportunity.kind)),
  )
}

/**
 * A student's standing on a requirement on the day `on` (YYYY-MM-DD): missing without a record;
 * expired from its expiry day on; awaiting verification while the office has not verified one it
 * must; met otherwise. Expiry is checked first: an expired record needs renewing whoever verified it.
 */
export function requirementState(verification: RequirementVerification, record: RequirementRecordFacts | null, on: string): RequirementState {
  if (!record) return 'missing'
  if (record.expiresOn !== null && record.expiresOn <= on) return 'expired'
  if (verification === 'office' && record.verifiedAt === null) return 'awaiting-verification'
  return 'met'
}

const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "3 May 2026". */
export function dayText(date: string): string {
  return dayMonthYear.format(new Date(`${date}T00:00:00Z`))
}

export type RequirementAction = 'applying' | 'booking'

/** A requirement's name inside a sentence (shared with the pages, which use it in their buttons). */
export { nameInSentence }

/**
 * Why a requirement stops the student, in words, or null when it does not. `today` is the
 * school's date; `on` is the day the requirement must hold (a shadowing day ahead, or today):
 * a training that lapses before the booked day stops the booking too.
 */
export function requirementRefusal(
  requirement: { name: string; verification: RequirementVerification },
  record: RequirementRecordFacts | null,
  today: string,
  on: string,
  action: RequirementAction,
): string | null {
  const name = nameInSentence(requirement.name)
  const state = requirementState(requirement.verification, record, on < today ? today : on)
  if (state === 'met') return null
  if (state === 'missing')
    return requirement.verification === 'office'
      ? `Your ${name} is not on record: send it to the Office of Student Affairs to verify before ${action}.`
      : `Your ${name} is not on record: confirm it on My requirements before ${action}.`
  if (state === 'awaiting-verification') return `Your ${name} is waiting for the Office of Student Affairs to verify it; you can go ahead once it is verified.`
  const expiresOn = record?.expiresOn ?? on
  return expiresOn <= today
    ? `Your ${name} expired on ${dayText(expiresOn)}; renew it before ${action}.`
    : `Your ${name} expires on ${dayText(expiresOn)}, before the day you chose; renew it before ${action}.`
}

/** Days before an expiry from which the office's queue flags it, so a record about to lapse is not verified unread. */
export const EXPIRES_SOON_DAYS = 30

/** Where a record's expiry stands on `today` (ISO dates, compared as strings). */
export function expiryStanding(expiresOn: string | null, today: string): 'expired' | 'expires-soon' | 'valid' | 'no-expiry' {
  if (!expiresOn) return 'no-expiry'
  if (expiresOn < today) return 'expired'
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + EXPIRES_SOON_DAYS * 86_400_000).toISOString().slice(0, 10)
  return expiresOn <= soon ? 'expires-soon' : 'valid'
}
