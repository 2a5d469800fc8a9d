/**
 * Inputs and outputs of the residency list builder ("Smart Pick"). Plain objects carrying the
 * fields the public tools hold (FREIDA, Residency Explorer, Texas STAR, Charting Outcomes; see
 * `docs/data/residency-facts.md`), reduced to what the model reads, so the engine needs no
 * database and tests can build them by hand.
 */

export const APPLICANT_TYPES = ['us-md', 'us-do', 'us-img', 'non-us-img'] as const
export type ApplicantType = (typeof APPLICANT_TYPES)[number]

export const APPLICANT_TYPE_NAMES: Readonly<Record<ApplicantType, string>> = {
  'us-md': 'U.S. MD',
  'us-do': 'U.S. DO',
  'us-img': 'U.S.-citizen IMG',
  'non-us-img': 'non-U.S.-citizen IMG',
}

export const PROGRAM_TRACKS = ['categorical', 'preliminary', 'advanced', 'reserved'] as const
export type ProgramTrack = (typeof PROGRAM_TRACKS)[number]

export const PROGRAM_SETTINGS = ['academic', 'community', 'university-affiliated'] as const
export type ProgramSetting = (typeof PROGRAM_SETTINGS)[number]

/** U.S. Census Bureau regions. */
export const REGIONS = ['northeast', 'midwest', 'south', 'west'] as const
export type Region = (typeof REGIONS)[number]

export const REGION_NAMES: Readonly<Record<Region, string>> = {
  northeast: 'the Northeast',
  midwest: 'the Midwest',
  south: 'the South',
  west: 'the West',
}

export const TIERS = ['reach', 'target', 'likely'] as const
export type Tier = (typeof TIERS)[number]

export type ResidencyProgram = {
  id: string
  name?: string
  /** Specialty id from `shared/reference/specialties.ts`. */
  specialty: string
  track: ProgramTrack
  /** Two-letter state code. */
  state: string
  region: Region
  positions: number
  setting: ProgramSetting
  sponsorsVisa: boolean
  /** Step 2 CK of the program's typical interviewees or matched residents: 25th and 75th percentile. */
  step2Range: { p25: number; p75: number }
  /** How much the program weighs research, 0 (not at all) to 1 (a research-track program). */
  researchEmphasis: number
  /** 0 (easy to get into) to 1 (among the hardest in its specialty); 0.5 is typical. */
  competitiveness: number
}

export type Step1Result = 'pass' | 'fail' | number

export type ApplicantProfile = {
  applicantType: ApplicantType
  /** Step 2 CK three-digit score; null or absent when not yet taken. */
  step2?: number | null
  /** Step 1: pass / fail (first attempt), or a three-digit score from before 2022. */
  step1?: Step1Result | null
  /** Research items: abstracts, posters, presentations and publications. */
  researchItems: number
  alphaOmegaAlpha: boolean
  goldHumanism: boolean
  clerkshipHonors: number
  /** Work, volunteer and leadership experiences listed on the application. */
  experiences: number
  /** Program ids of away (audition) rotations done or arranged. */
  awayRotations: readonly string[]
  preferredSpecialty: string
  backupSpecialty?: string | null
  /** Where the applicant would like to train (without a tie). */
  geographicPreferences: { states: readonly string[]; regions: readonly Region[] }
  /** Where the applicant has ties: grew up, went to school, family. */
  ties: { states: readonly string[]; regions: readonly Region[] }
  settingPreferences: readonly ProgramSetting[]
  needsVisa: boolean
  /** Preference signals the specialty allows (ERAS), 0 when it has none. */
  signalsAvailable: number
  /** Programs the applicant has signalled (or plans to). */
  signalledProgramIds: readonly string[]
}

/** One driving factor of a chance: plain words and its signed size. */
export type Factor = {
  /** The coefficient it comes from (`step2Gap`, `geographicTie`, …). */
  key: string
  /** Plain words, e.g. "Step 2 CK 8 points above this program's typical range (240–250)". */
  label: string
  /** Contribution to the log-odds against the reference applicant (see docs/smart-pick.md). */
  logOdds: number
  /** Chance with this factor minus the chance with the factor at its reference value, in [−1, 1]. */
  change: number
  sign: '+' | '−'
}

export type Chance = {
  /** Point estimate in [0, 1]. */
  probability: number
  /** Central interval (level in the priors, 80 % by default). */
  low: number
  high: number
  /**
   * How sure the estimate is, as pseudo-counts: the interval is about as wide as that of a
   * Beta(p·n, (1 − p)·n) posterior after seeing n applicants like this one at this program.
   */
  effectiveCount: number
  /** Factors ordered by size, largest first; the tiny ones (|log-odds| < 0.05) left out. */
  factors: Factor[]
  /** Where the figure comes from, in words. */
  basis: string
}
