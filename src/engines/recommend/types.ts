import type { ClassYear, IdentityAttribute, MentorKind, MentorOffering } from '#shared/enums.ts'

/**
 * Inputs and output of "Mentors for you". Plain objects shaped after the profile contracts
 * (`shared/contracts/profiles.ts`), reduced to what the scoring reads, so the engine needs no
 * database and tests can build them by hand.
 */

export type RecommendStudent = {
  id: string
  classYear: ClassYear
  /** Specialty ids, most interesting first. */
  specialtyInterests: readonly string[]
  careerGoals: string
  helpWanted: readonly MentorOffering[]
  identity: readonly IdentityAttribute[]
  /** Only when true is identity read at all. */
  wantsIdentityAlignedMentor: boolean
  /** Languages the student would like to be mentored in, beyond the school's own (optional). */
  languages?: readonly string[]
}

export type RecommendMentor = {
  id: string
  kind: MentorKind
  departmentId: string | null
  specialtyId: string | null
  subspecialty: string
  clinicalSite: string
  /** Two-letter state code, or '' when unknown. */
  state: string
  researchInterests: string
  offers: readonly MentorOffering[]
  capacity: number
  accepting: boolean
  languages: readonly string[]
  /** Identity attributes as this student may see them: empty when the mentor hid them. */
  identity: readonly IdentityAttribute[]
  /**
   * Optional, for speed: `mentorWordKeys(subspecialty + ' ' + researchInterests)`, computed once
   * per profile. Scores are the same with or without it.
   */
  wordKeys?: ReadonlySet<string>
}

export type ResponseStats = {
  /** Median hours from request to answer; null when no request was answered yet. */
  medianHoursToAnswer: number | null
  /** Share of requests left unanswered (0–1). */
  unansweredShare: number
  /** Requests the figures are based on; few requests count for less. */
  requests: number
}

export type RecommendContext = {
  /** Open places per mentor id (capacity minus current mentees). Missing: the capacity. */
  openPlaces?: Readonly<Record<string, number>>
  /** Students who have the mentor on screen now or a pending request to them, per mentor id. */
  demand?: Readonly<Record<string, number>>
  responseStats?: Readonly<Record<string, ResponseStats>>
  /** Mentors this student declined or was declined by: never shown again. */
  declined?: readonly string[]
  /** The student's clinical site and state (two-letter code), '' when unknown. */
  studentSite?: string
  studentState?: string
  /**
   * Mixed into the load-spreading hash so the share of students who see a popular mentor
   * rotates, e.g. the ISO week ("2026-W07"). The same value gives the same lists.
   */
  rotation?: string
  /** Return at most this many (default: all that qualify). */
  limit?: number
}

export const RECOMMEND_FACTORS = ['specialty', 'help', 'stage', 'site', 'research', 'language', 'identity', 'responsiveness', 'load'] as const
export type RecommendFactor = (typeof RECOMMEND_FACTORS)[number]

export type FactorContribution = {
  factor: RecommendFactor
  /** The factor's value for this pair, 0–1 (penalties too: 1 is the worst). */
  value: number
  weight: number
  /** value × weight, negative for penalties; the score is their sum. */
  contribution: number
}

export type RankedRecommendation = {
  mentorId: string
  /** 1 = best. */
  rank: number
  score: number
  /** Plain words for the student, strongest first. */
  reasons: string[]
  /** Every factor, for admins. */
  factors: FactorContribution[]
}
