import { sharedWords, topicalWords } from '#engines/recommend/index.ts'
import type { TeamStage } from '#shared/contracts/recommendations.ts'
import type { MentorOffering, OpportunityKind } from '#shared/enums.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'

/**
 * "Opportunities for you" (issue #20), pure: open opportunities with a place left, ranked by
 * how they fit the student — the specialty they declared or another of their interests, a kind
 * that fills a stage their mentor team lacks (research) or help they asked for (research,
 * shadowing), and words of their career goals the opportunity's text also holds. Only
 * opportunities that fit in at least one of these ways are suggested, so every reason is true.
 */

export type OpportunityStudent = {
  /** Specialty ids, most interesting first; the first is the declared specialty. */
  specialtyInterests: readonly string[]
  careerGoals: string
  helpWanted: readonly MentorOffering[]
  /** Stages of the mentor team nobody fills yet (`missingStages`). */
  missingStages: readonly TeamStage[]
}

export type OpportunityCandidate = {
  id: string
  kind: OpportunityKind
  specialtyId: string | null
  placesLeft: number
  applyBy: Date | null
  /** Title, description, research question and skills wanted: the words matched against the goals. */
  text: string
}

export type OpportunityFit = { candidate: OpportunityCandidate; points: number; reason: string }

/** Points: kept small and whole so the order is easy to explain; no percentage is shown. */
const POINTS = { declared: 3, otherInterest: 2, missingResearch: 2, helpWanted: 1, perWord: 1, maxWords: 3 } as const

/** Shared words shorter than this are not counted or named. */
const MIN_WORD_LENGTH = 6

const KIND_NOUN: Record<OpportunityKind, string> = {
  'research-project': 'research project',
  shadowing: 'shadowing opportunity',
  'summer-experience': 'summer experience',
  'scholarly-year': 'scholarly-year position',
}

const isResearch = (kind: OpportunityKind): boolean => kind === 'research-project' || kind === 'scholarly-year'

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}

/** How one opportunity fits the student: its points and the reason, or null when it fits in no way. */
export function opportunityFit(student: OpportunityStudent, c: OpportunityCandidate, goals = topicalWords(student.careerGoals)): OpportunityFit | null {
  if (c.placesLeft <= 0) return null
  let points = 0
  const fits: string[] = []
  const interest = c.specialtyId === null ? -1 : student.specialtyInterests.indexOf(c.specialtyId)
  if (interest === 0) points += POINTS.declared
  else if (interest > 0) points += POINTS.otherInterest
  // Short words of a goal ("comes", "next") match by chance; a longer one names an interest.
  const words = sharedWords(c.text, goals)
    .filter((w) => w.length >= MIN_WORD_LENGTH)
    .slice(0, POINTS.maxWords)
  if (words.length > 0) {
    points += words.length * POINTS.perWord
    fits.push(`fits your interest in ${listWords(words.slice(0, 2))}`)
  }
  if (isResearch(c.kind) && student.missingStages.includes('research')) {
    points += POINTS.missingResearch
    fits.push('a way into research while your board has no research mentor')
  } else if ((isResearch(c.kind) && student.helpWanted.includes('research')) || (c.kind === 'shadowing' && student.helpWanted.includes('shadowing'))) {
    points += POINTS.helpWanted
    fits.push(`you asked for help with ${isResearch(c.kind) ? 'research' : 'shadowing'}`)
  }
  if (points === 0) return null
  const specialty = c.specialtyId ? (findSpecialty(c.specialtyId)?.name ?? null) : null
  const noun = KIND_NOUN[c.kind]
  const where = specialty ? ` in ${specialty}${interest > 0 ? ' (one of your interests)' : ''}` : ''
  const what = `${/^[aeiou]/.test(noun) ? 'An' : 'A'} ${noun}${where} with ${c.placesLeft} ${c.placesLeft === 1 ? 'place' : 'places'} left`
  return { candidate: c, points, reason: [what, ...fits].join(', ') }
}

/**
 * The best `limit` opportunities for the student: most points first, then the nearer deadline
 * (no deadline last), then id, so the same inputs always give the same list.
 */
export function rankOpportunities(student: OpportunityStudent, candidates: readonly OpportunityCandidate[], limit = 3): OpportunityFit[] {
  const goals = topicalWords(student.careerGoals)
  const deadline = (c: OpportunityCandidate) => c.applyBy?.getTime() ?? Number.POSITIVE_INFINITY
  return candidates
    .flatMap((c) => opportunityFit(student, c, goals) ?? [])
    .sort((a, b) => b.points - a.points || deadline(a.candidate) - deadline(b.candidate) || (a.candidate.id < b.candidate.id ? -1 : 1))
    .slice(0, limit)
}
