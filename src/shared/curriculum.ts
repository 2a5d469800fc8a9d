/**
 * The career curriculum's words and lists (issue #15), without zod, so the pages that show a
 * timeline (a student's home) do not load the validation library; the contract re-exports them.
 */

/** The years a milestone belongs to: Years 1–4, and the research or scholarly year some students take before Year 4. */
export const CURRICULUM_YEARS = ['year-1', 'year-2', 'year-3', 'research', 'year-4'] as const
export type CurriculumYear = (typeof CURRICULUM_YEARS)[number]
export const CURRICULUM_YEAR_LABELS: Record<CurriculumYear, string> = {
  'year-1': 'Year 1',
  'year-2': 'Year 2',
  'year-3': 'Year 3',
  research: 'Research or scholarly year',
  'year-4': 'Year 4',
}

/** The AAMC Careers in Medicine phases, in their order. */
export const CIM_PHASES = ['understand-yourself', 'explore-options', 'choose-specialty', 'prepare-for-residency'] as const
export type CimPhase = (typeof CIM_PHASES)[number]
export const CIM_PHASE_LABELS: Record<CimPhase, string> = {
  'understand-yourself': 'Understand yourself',
  'explore-options': 'Explore options',
  'choose-specialty': 'Choose a specialty',
  'prepare-for-residency': 'Prepare for residency',
}

/** What Preceptor already knows that completes a milestone by itself (domain/completion-rules.ts). */
export const COMPLETION_RULES = [
  'advisory-dean-assigned',
  'specialty-declared',
  'specialty-advisor-on-board',
  'application-profile-complete',
  'three-letters-requested',
  'program-list-saved',
  'rank-order-list-signed-off',
] as const
export type CompletionRule = (typeof COMPLETION_RULES)[number]
export const COMPLETION_RULE_LABELS: Record<CompletionRule, string> = {
  'advisory-dean-assigned': 'You have an advisory dean',
  'specialty-declared': 'You declared a specialty',
  'specialty-advisor-on-board': 'A specialty advisor is on your advising board',
  'application-profile-complete': 'Your application profile is complete',
  'three-letters-requested': 'You asked for three letters of recommendation',
  'program-list-saved': 'You saved programs to your list',
  'rank-order-list-signed-off': 'Your rank order list is signed off',
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

/** Which students a class view of a curriculum year shows: those in the matching class year. */
export const CLASS_YEAR_OF_CURRICULUM_YEAR = { 'year-1': 'M1', 'year-2': 'M2', 'year-3': 'M3', research: 'research', 'year-4': 'M4' } as const

/** A student is not nudged about the same milestone twice within this many days. */
export const NUDGE_QUIET_DAYS = 7

/** The message an advisor starts from when nudging students about a milestone; they may change it. */
export function defaultNudgeMessage(milestoneTitle: string): string {
  return `This is a reminder from the Office of Student Affairs about “${milestoneTitle}”, a milestone of your career curriculum. If you have done it already, tick it on your timeline; if something stands in the way, reply and we will help.`
}

/**
 * "moved before the winter break", "moved before Thanksgiving": the closure as the school named
 * it. A break named in sentence case ("Winter break") reads with "the" and a small letter; a
 * name with other capitals ("Mardi Gras break") keeps them.
 */
export function movedBeforeText(moved: { closureKind: string; closureName: string }): string {
  const name = moved.closureName.trim()
  if (moved.closureKind !== 'break') return `moved before ${name}`
  const rest = name.slice(1)
  const sentenceCase = rest === rest.toLowerCase()
  const named = sentenceCase ? name.charAt(0).toLowerCase() + rest : name
  return /^the /i.test(named) ? `moved before ${named}` : `moved before the ${named}`
}
