/**
 * Feature vectors of the two models, measured against the reference applicant (`REFERENCE` in
 * priors.ts), and the plain words that explain each feature. A feature is 0 for the reference
 * applicant at a typical program, so the intercept is that applicant's log-odds and each
 * other term is a factor a student can read.
 */
import { INTERVIEW_FEATURES, MATCH_FEATURES, REFERENCE } from './priors.ts'
import type { SpecialtyNorms } from './specialty-norms.ts'
import { REGION_NAMES, type ApplicantProfile, type Region, type ResidencyProgram } from './types.ts'

/** An applicant with the per-program look-ups built once. */
export type PreparedApplicant = {
  profile: ApplicantProfile
  typeDo: number
  typeUsImg: number
  typeNonUsImg: number
  step2: number | null
  step1Failed: number
  researchLevel: number
  /** ln(1 + research items), the scale research is measured on against a specialty's norm. */
  logResearch: number
  alphaOmegaAlpha: number
  goldHumanism: number
  clerkshipHonors: number
  experiences: number
  tieStates: ReadonlySet<string>
  tieRegions: ReadonlySet<Region>
  preferredStates: ReadonlySet<string>
  preferredRegions: ReadonlySet<Region>
  awayRotations: ReadonlySet<string>
  signalled: ReadonlySet<string>
}

const INTERVIEW_INDEX = indexOf(INTERVIEW_FEATURES)
const MATCH_INDEX = indexOf(MATCH_FEATURES)
export const INTERVIEW_FEATURE_COUNT = INTERVIEW_FEATURES.length
export const MATCH_FEATURE_COUNT = MATCH_FEATURES.length

function indexOf<N extends string>(names: readonly N[]): Readonly<Record<N, number>> {
  return Object.fromEntries(names.map((name, i) => [name, i])) as Record<N, number>
}

/** Research level: ln(1 + items) on a scale where 10 items is 1, capped at 1.5. */
export function researchLevel(items: number): number {
  return Math.min(Math.log1p(Math.max(0, items)) / Math.log1p(10), 1.5)
}

const REFERENCE_EXPERIENCES = Math.log1p(REFERENCE.experiences)

const prepared = new WeakMap<ApplicantProfile, PreparedApplicant>()

/** The applicant's look-ups, built once per profile object (profiles are treated as immutable). */
export function prepareApplicant(profile: ApplicantProfile): PreparedApplicant {
  const cached = prepared.get(profile)
  if (cached) return cached
  const upper = (states: readonly string[]): Set<string> => new Set(states.map((s) => s.trim().toUpperCase()))
  const step2 = profile.step2 ?? null
  const result: PreparedApplicant = {
    profile,
    typeDo: profile.applicantType === 'us-do' ? 1 : 0,
    typeUsImg: profile.applicantType === 'us-img' ? 1 : 0,
    typeNonUsImg: profile.applicantType === 'non-us-img' ? 1 : 0,
    step2: step2 !== null && Number.isFinite(step2) ? step2 : null,
    step1Failed: profile.step1 === 'fail' ? 1 : 0,
    researchLevel: researchLevel(profile.researchItems),
    logResearch: Math.log1p(Math.min(Math.max(0, profile.researchItems), 300)),
    alphaOmegaAlpha: profile.alphaOmegaAlpha ? 1 : 0,
    goldHumanism: profile.goldHumanism ? 1 : 0,
    clerkshipHonors: Math.min(Math.max(0, profile.clerkshipHonors), 8),
    experiences: Math.log1p(Math.min(Math.max(0, profile.experiences), 40)),
    tieStates: upper(profile.ties.states),
    tieRegions: new Set(profile.ties.regions),
    preferredStates: upper(profile.geographicPreferences.states),
    preferredRegions: new Set(profile.geographicPreferences.regions),
    awayRotations: new Set(profile.awayRotations),
    signalled: new Set(profile.signalledProgramIds),
  }
  prepared.set(profile, result)
  return result
}

export type TieKind = 'state' | 'region' | 'preferred-state' | 'preferred-region' | 'none'

/** Tie levels: a tie to the state 1, to the region 0.6, a preference without a tie 0.25, none 0 ([M]). */
export const TIE_LEVELS: Readonly<Record<TieKind, number>> = {
  state: 1,
  region: 0.6,
  'preferred-state': 0.25,
  'preferred-region': 0.25,
  none: 0,
}

export function tieKind(applicant: PreparedApplicant, program: ResidencyProgram): TieKind {
  const state = program.state.toUpperCase()
  if (applicant.tieStates.has(state)) return 'state'
  if (applicant.tieRegions.has(program.region)) return 'region'
  if (applicant.preferredStates.has(state)) return 'preferred-state'
  if (applicant.preferredRegions.has(program.region)) return 'preferred-region'
  return 'none'
}

/** Step 2 CK against a reference score, per 10 points, capped at ±3 (30 points). */
export function step2GapFeature(step2: number | null, reference: number): number {
  if (step2 === null) return 0
  return Math.max(-3, Math.min(3, (step2 - reference) / 10))
}

export function programMidpoint(program: ResidencyProgram): number {
  return (program.step2Range.p25 + program.step2Range.p75) / 2
}

/**
 * Research against the specialty's norm: the specialty's slope (log-odds of matching per unit of
 * ln(1 + items), from its matched and unmatched means) times the distance from its applicants'
 * mean, weighted 0.75–1.25 by how much the program emphasises research ([M]).
 */
export function researchFeature(applicant: PreparedApplicant, program: ResidencyProgram | null, norms: SpecialtyNorms): number {
  const weight = program ? 0.75 + 0.5 * clamp01(program.researchEmphasis) : 1
  return norms.researchSlope * (applicant.logResearch - Math.log1p(norms.researchReference)) * weight
}

/**
 * Fills `out` (length `INTERVIEW_FEATURE_COUNT`) with the interview features of one program of
 * the specialty whose norms are `norms`: Step 2 CK, research and applicant type are measured on
 * that specialty's scale, and its difficulty enters as an offset.
 */
export function interviewFeatures(applicant: PreparedApplicant, program: ResidencyProgram, norms: SpecialtyNorms, out: Float64Array): void {
  out[INTERVIEW_INDEX.intercept] = 1
  const c = norms.conversion
  out[INTERVIEW_INDEX.typeDo] = applicant.typeDo * norms.typeScale['us-do'] * c
  out[INTERVIEW_INDEX.typeUsImg] = applicant.typeUsImg * norms.typeScale['us-img'] * c
  out[INTERVIEW_INDEX.typeNonUsImg] = applicant.typeNonUsImg * norms.typeScale['non-us-img'] * c
  out[INTERVIEW_INDEX.step2Gap] = norms.step2Scale * c * step2GapFeature(applicant.step2, programMidpoint(program))
  out[INTERVIEW_INDEX.step1Failed] = applicant.step1Failed
  out[INTERVIEW_INDEX.research] = researchFeature(applicant, program, norms) * c
  out[INTERVIEW_INDEX.alphaOmegaAlpha] = applicant.alphaOmegaAlpha - REFERENCE.alphaOmegaAlpha
  out[INTERVIEW_INDEX.goldHumanism] = applicant.goldHumanism - REFERENCE.goldHumanism
  out[INTERVIEW_INDEX.clerkshipHonors] = applicant.clerkshipHonors - REFERENCE.clerkshipHonors
  out[INTERVIEW_INDEX.experiences] = applicant.experiences - REFERENCE_EXPERIENCES
  out[INTERVIEW_INDEX.geographicTie] = TIE_LEVELS[tieKind(applicant, program)] - REFERENCE.geographicTie
  out[INTERVIEW_INDEX.awayRotation] = applicant.awayRotations.has(program.id) ? 1 : 0
  out[INTERVIEW_INDEX.signal] = applicant.signalled.has(program.id) ? norms.signalLogOdds : 0
  out[INTERVIEW_INDEX.visaBlocked] = applicant.profile.needsVisa && !program.sponsorsVisa ? 1 : 0
  out[INTERVIEW_INDEX.competitiveness] = clamp01(program.competitiveness) - REFERENCE.competitiveness
  out[INTERVIEW_INDEX.specialtyDifficulty] = norms.difficulty
}

/**
 * Fills `out` (length `MATCH_FEATURE_COUNT`) with the ranking features. With a program: the
 * chance of matching there given an interview (k = 1, Step 2 CK against the program's
 * midpoint). Without: the chance of matching given k interviews in the specialty (Step 2 CK
 * against the specialty's typical score, program features at their reference 0).
 */
export function matchFeatures(
  applicant: PreparedApplicant,
  program: ResidencyProgram | null,
  interviews: number,
  specialtyStep2: number,
  out: Float64Array,
): void {
  out[MATCH_INDEX.intercept] = 1
  out[MATCH_INDEX.logInterviews] = Math.log(Math.max(1, interviews))
  out[MATCH_INDEX.typeDo] = applicant.typeDo
  out[MATCH_INDEX.typeUsImg] = applicant.typeUsImg
  out[MATCH_INDEX.typeNonUsImg] = applicant.typeNonUsImg
  out[MATCH_INDEX.step2Gap] = step2GapFeature(applicant.step2, program ? programMidpoint(program) : specialtyStep2)
  out[MATCH_INDEX.awayRotation] = program && applicant.awayRotations.has(program.id) ? 1 : 0
  out[MATCH_INDEX.signal] = program && applicant.signalled.has(program.id) ? 1 : 0
  out[MATCH_INDEX.geographicTie] = program ? TIE_LEVELS[tieKind(applicant, program)] - REFERENCE.geographicTie : 0
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x
}

const STATE_WORDS = (state: string): string => state.toUpperCase()

/** Plain words for one feature of one program, as a student reads it. */
export function describeFeature(key: string, applicant: PreparedApplicant, program: ResidencyProgram | null, norms: SpecialtyNorms): string {
  const profile = applicant.profile
  const specialtyStep2 = Math.round(norms.step2Reference)
  switch (key) {
    case 'typeDo':
    case 'typeUsImg':
    case 'typeNonUsImg': {
      const words = { typeDo: 'U.S. DO', typeUsImg: 'U.S.-citizen IMG', typeNonUsImg: 'non-U.S.-citizen IMG' }[key]
      return `${words} applicant: in this specialty the gap to U.S. MD applicants is ${norms.typeScale['us-do'] > 1.05 ? 'larger than' : 'about'} the all-specialty gap (2025 match rates by applicant type)`
    }
    case 'step2Gap': {
      if (applicant.step2 === null) return 'no Step 2 CK score yet: assumed typical (wider interval)'
      const step2 = applicant.step2
      if (!program) {
        const gap = Math.round(step2 - specialtyStep2)
        return gap === 0
          ? `Step 2 CK at the specialty's typical ${specialtyStep2}`
          : `Step 2 CK ${Math.abs(gap)} points ${gap > 0 ? 'above' : 'below'} the specialty's typical ${specialtyStep2}`
      }
      const { p25, p75 } = program.step2Range
      const range = `${p25}–${p75}`
      if (step2 > p75) return `Step 2 CK ${Math.round(step2 - p75)} points above this program's typical range (${range})`
      if (step2 < p25) return `Step 2 CK ${Math.round(p25 - step2)} points below this program's typical range (${range})`
      const mid = programMidpoint(program)
      return `Step 2 CK within this program's typical range (${range}), ${step2 >= mid ? 'upper' : 'lower'} half`
    }
    case 'step1Failed':
      return 'Step 1 not passed on the first attempt'
    case 'research': {
      const items = `${profile.researchItems} research item${profile.researchItems === 1 ? '' : 's'}`
      const norm = norms.facts
        ? `applicants who matched averaged ${norms.facts.research.matched}, those who did not ${norms.facts.research.unmatched} (2024)`
        : `a typical applicant has about ${Math.round(norms.researchReference)}`
      return `${items}; ${norm}${program && program.researchEmphasis >= 0.6 ? '; this program emphasises research' : ''}`
    }
    case 'alphaOmegaAlpha':
      return applicant.alphaOmegaAlpha ? 'AOA member' : 'not AOA (12.5 % of applicants are)'
    case 'goldHumanism':
      return applicant.goldHumanism ? 'Gold Humanism Honor Society member' : 'not in Gold Humanism'
    case 'clerkshipHonors':
      return `${profile.clerkshipHonors} clerkship honors (typical ${REFERENCE.clerkshipHonors})`
    case 'experiences':
      return `${profile.experiences} experiences (typical ${REFERENCE.experiences})`
    case 'geographicTie': {
      if (!program) return 'geographic ties'
      const kind = tieKind(applicant, program)
      const region = REGION_NAMES[program.region]
      if (kind === 'state') return `tie to ${STATE_WORDS(program.state)}`
      if (kind === 'region') return `tie to ${region}`
      if (kind === 'preferred-state') return `${STATE_WORDS(program.state)} preferred, but no tie there`
      if (kind === 'preferred-region') return `${region} preferred, but no tie there`
      return `no tie to ${region}`
    }
    case 'awayRotation':
      return 'away rotation here'
    case 'signal':
      return 'signalled this program'
    case 'visaBlocked':
      return 'visa needed, program does not sponsor'
    case 'competitiveness': {
      const c = program?.competitiveness ?? 0.5
      if (c >= 0.8) return 'one of the most sought-after programs in its specialty'
      if (c >= 0.5) return 'more sought-after than most programs in its specialty'
      if (c >= 0.2) return 'less sought-after than most programs in its specialty'
      return 'one of the least sought-after programs in its specialty'
    }
    case 'specialtyDifficulty': {
      if (!norms.facts) return 'how hard this specialty is to match into'
      const rate = Math.round(norms.matchRate * 100)
      return `how hard this specialty is to match into: ${rate}\u00a0% of U.S. MD seniors who preferred it matched in 2024`
    }
    case 'logInterviews':
      return 'number of interviews'
    default:
      return key
  }
}
