/**
 * Each specialty's own norms, from its published figures (specialty-facts.ts): where a typical
 * applicant stands on Step 2 CK and research, how much each moves the odds of matching there,
 * how large the applicant-type gap is, what a signal is worth and how many applications its
 * applicants send. The specialty's difficulty itself (an offset on the interview log-odds) is
 * derived from its match rate by `derivePriors`, which needs the rest of the model.
 *
 * Step 2 CK and research slopes follow the linear discriminant: if a quantity is normal with a
 * common SD σ among matched and unmatched applicants, the log-odds of matching rise by
 * (mean matched − mean unmatched)/σ² per unit. See docs/smart-pick.md, "Specialties".
 */
import { ALL_SPECIALTY_APPLICATIONS, SPECIALTY_FACTS, TYPE_GAP_FIGURES, seniorMatchRate, type SpecialtyFacts } from './specialty-facts.ts'
import type { ApplicantType } from './types.ts'

export type SpecialtyNorms = {
  specialty: string
  /** Whether the figures below come from the specialty's own published row. */
  published: boolean
  /** U.S. MD seniors' match rate (the model is held to it); 2025 U.S. MD PGY-1 rate when not published. */
  matchRate: number
  /** Mean Step 2 CK of the specialty's U.S. MD senior applicants (matched and unmatched together). */
  step2Reference: number
  /** The specialty's Step 2 CK slope as a multiple of the slope the `step2Gap` coefficient was derived from. */
  step2Scale: number
  /** Mean research items of the specialty's U.S. MD senior applicants. */
  researchReference: number
  /** Log-odds of matching per unit of ln(1 + research items). */
  researchSlope: number
  /** Applicant-type offsets as multiples of the all-specialty offsets (1 where the specialty is no harder than average). */
  typeScale: Readonly<Record<Exclude<ApplicantType, 'us-md'>, number>>
  /** ln of the odds ratio of an interview for a signalled program. */
  signalLogOdds: number
  /** ERAS signals of the 2025 season (0 when the specialty has none). */
  signals: number
  /** Applications a U.S. MD applicant in the specialty typically sends. */
  typicalApplications: number
  /** Offset on the interview log-odds for the specialty's difficulty (set by `derivePriors`). */
  difficulty: number
  /**
   * How many interview log-odds one log-odds of matching takes at this specialty's typical list,
   * relative to the all-specialty reference scenario the Step 2 CK, research and applicant-type
   * coefficients were derived in (set by `derivePriors`; 1 until then).
   */
  conversion: number
  facts: SpecialtyFacts | null
}

/** [M] Spread of ln(1 + research items) among one specialty's applicants. */
export const RESEARCH_LOG_SD = 0.75
/**
 * [M] Bounds on the research slope (log-odds per unit of ln(1 + items)). Below: a specialty's
 * matched and unmatched means can be close because both groups did much research (neurosurgery),
 * which hides how much a count far below the norm costs. Above: family medicine's 12 unmatched
 * seniors are too few for their mean to say much.
 */
export const RESEARCH_SLOPE_BOUNDS = { min: 0.4, max: 0.8 } as const
/** The Step 2 CK gap the `step2Gap` coefficient was derived from: orthopaedics 257 vs 246 [P]. */
export const STEP2_REFERENCE_GAP = 257 - 246
/** [M] research items of a typical applicant where a specialty has no published row. */
const DEFAULT_RESEARCH = 3
/** [M] ln odds ratio of a signal where no figure is published: the nine-specialty middle, 5. */
const DEFAULT_SIGNAL_LOG_ODDS = Math.log(5)

const logit = (p: number): number => Math.log(p / (1 - p))

/** How much harder the specialty is than the all-specialty U.S. MD rate, in log-odds (0 if easier). */
function hardness(rate: number): number {
  return Math.max(0, logit(TYPE_GAP_FIGURES.overall['us-md']) - logit(rate))
}

/**
 * Applicant-type gap by specialty, in log-odds of matching: the all-specialty gap plus a part
 * that grows with the specialty's hardness. The growth is set by the one specialty with a
 * published U.S. DO figure — orthopaedics, MD 74.5 % vs DO 59.9 % [P] — and used for every
 * type ([M]: no per-specialty IMG figure is in the facts).
 */
export function typeGapScale(rate: number): SpecialtyNorms['typeScale'] {
  const overall = TYPE_GAP_FIGURES.overall
  const md = logit(overall['us-md'])
  const gapDo = md - logit(overall['us-do'])
  const ortho = TYPE_GAP_FIGURES.orthopaedics
  const orthoRate = seniorMatchRate(SPECIALTY_FACTS['orthopaedic-surgery'] as SpecialtyFacts)
  const growth = (logit(ortho['us-md']) - logit(ortho['us-do']) - gapDo) / hardness(orthoRate)
  const h = hardness(rate)
  const scale = (gap: number) => (gap + growth * h) / gap
  return {
    'us-do': scale(gapDo),
    'us-img': scale(md - logit(overall['us-img'])),
    'non-us-img': scale(md - logit(overall['non-us-img'])),
  }
}

function pooled(matched: number, unmatched: number, facts: SpecialtyFacts): number {
  const { matched: m, unmatched: u } = facts.seniors
  return (matched * m + unmatched * u) / (m + u)
}

/** Norms from one specialty's published row (difficulty 0 until `derivePriors` sets it). */
export function normsFromFacts(specialty: string, facts: SpecialtyFacts): SpecialtyNorms {
  const rate = seniorMatchRate(facts)
  const slope = (Math.log1p(facts.research.matched) - Math.log1p(facts.research.unmatched)) / RESEARCH_LOG_SD ** 2
  return {
    specialty,
    published: true,
    matchRate: rate,
    step2Reference: pooled(facts.step2.matched, facts.step2.unmatched, facts),
    step2Scale: (facts.step2.matched - facts.step2.unmatched) / STEP2_REFERENCE_GAP,
    researchReference: pooled(facts.research.matched, facts.research.unmatched, facts),
    researchSlope: Math.min(RESEARCH_SLOPE_BOUNDS.max, Math.max(RESEARCH_SLOPE_BOUNDS.min, slope)),
    typeScale: typeGapScale(rate),
    signalLogOdds: facts.signalOddsRatio ? Math.log(facts.signalOddsRatio.value) : DEFAULT_SIGNAL_LOG_ODDS,
    signals: facts.signals?.total ?? 0,
    typicalApplications: facts.applicationsPerApplicant.value,
    difficulty: 0,
    conversion: 1,
    facts,
  }
}

/** Norms of a specialty without a published row: the all-specialty figures. */
export function defaultNorms(specialty: string, step2Reference: number): SpecialtyNorms {
  return {
    specialty,
    published: false,
    matchRate: TYPE_GAP_FIGURES.overall['us-md'],
    step2Reference,
    step2Scale: 1,
    researchReference: DEFAULT_RESEARCH,
    researchSlope: (RESEARCH_SLOPE_BOUNDS.min + RESEARCH_SLOPE_BOUNDS.max) / 2,
    typeScale: { 'us-do': 1, 'us-img': 1, 'non-us-img': 1 },
    signalLogOdds: DEFAULT_SIGNAL_LOG_ODDS,
    signals: 0,
    typicalApplications: ALL_SPECIALTY_APPLICATIONS.value,
    difficulty: 0,
    conversion: 1,
    facts: null,
  }
}

/** Norms of every specialty with a published row, before difficulty is derived. */
export function publishedNorms(): Record<string, SpecialtyNorms> {
  return Object.fromEntries(Object.entries(SPECIALTY_FACTS).map(([id, facts]) => [id, normsFromFacts(id, facts)]))
}
