import type { CompletionRule } from '#shared/contracts/curriculum.ts'

/**
 * What Preceptor already knows about a student, each fact read through its owner's service. A
 * fact left undefined was not read (no milestone asked for it), and completes nothing.
 */
export type StudentFactsForRules = {
  /** Empty required slots of the advising board (advising). */
  emptyBoardSlots?: readonly string[]
  /** The declared specialty: the first specialty interest (profiles). */
  declaredSpecialtyId?: string | null
  /** The application profile as the list builder holds it. */
  applicationProfile?: { saved: boolean; preferredSpecialtyId: string | null; step1: unknown; step2: unknown }
  /** The status of each letter request (letters). */
  letterStatuses?: readonly string[]
  /** How many programs are on the student's list (list builder). */
  programsOnList?: number
  /** The rank order list's review status (rank lists). */
  rankListReviewStatus?: string
}

/** Letters that were asked for and are still being, or have been, written: not declined, not withdrawn. */
const LIVE_LETTER = (status: string) => status !== 'declined' && status !== 'withdrawn'

/**
 * Each named rule: does what Preceptor knows complete the milestone? Pure, table-tested in
 * `completion-rules.test.ts`.
 *
 * - `advisory-dean-assigned`: the board's advisory-dean slot is filled (the office assigned one).
 *   Preceptor records no advising appointments, so "met" is read as "assigned".
 * - `specialty-declared`: the student named a first specialty interest.
 * - `specialty-advisor-on-board`: the board's specialty-advisor slot is filled for the declared
 *   specialty (an empty slot is also what a student without a declared specialty has).
 * - `application-profile-complete`: saved, with a preferred specialty and a Step 1 or Step 2 result.
 * - `three-letters-requested`: at least three letter requests neither declined nor withdrawn.
 * - `program-list-saved`: at least one program on the list.
 * - `rank-order-list-signed-off`: the advisor signed off the current version.
 */
export function isRuleMet(rule: CompletionRule, facts: StudentFactsForRules): boolean {
  switch (rule) {
    case 'advisory-dean-assigned':
      return facts.emptyBoardSlots !== undefined && !facts.emptyBoardSlots.includes('advisory-dean')
    case 'specialty-declared':
      return typeof facts.declaredSpecialtyId === 'string' && facts.declaredSpecialtyId.length > 0
    case 'specialty-advisor-on-board':
      return facts.emptyBoardSlots !== undefined && !facts.emptyBoardSlots.includes('specialty-advisor')
    case 'application-profile-complete': {
      const p = facts.applicationProfile
      return p?.saved === true && p.preferredSpecialtyId !== null && (p.step1 !== null || p.step2 !== null)
    }
    case 'three-letters-requested':
      return (facts.letterStatuses ?? []).filter(LIVE_LETTER).length >= 3
    case 'program-list-saved':
      return (facts.programsOnList ?? 0) > 0
    case 'rank-order-list-signed-off':
      return facts.rankListReviewStatus === 'signed-off'
  }
}

/** Which facts a rule needs, so the service reads only those the open milestones ask for. */
export const FACT_OF_RULE: Record<CompletionRule, keyof StudentFactsForRules> = {
  'advisory-dean-assigned': 'emptyBoardSlots',
  'specialty-declared': 'declaredSpecialtyId',
  'specialty-advisor-on-board': 'emptyBoardSlots',
  'application-profile-complete': 'applicationProfile',
  'three-letters-requested': 'letterStatuses',
  'program-list-saved': 'programsOnList',
  'rank-order-list-signed-off': 'rankListReviewStatus',
}
