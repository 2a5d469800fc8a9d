/**
 * The model's coefficients, their prior uncertainty and where each comes from.
 *
 * Sources, as in `docs/data/residency-facts.md`: [P] primary (NRMP, AAMC, a journal), [S]
 * secondary (AMA, ACS, press summarising NRMP), [A] aggregator, [M] a modelling assumption of
 * ours with no cited figure behind it — those carry wide prior standard deviations and are the
 * first a school's own outcomes should move (`fitCalibration`).
 *
 * Four coefficients are not typed in here but derived from the cited figures by
 * `derivePriors` (derive-priors.ts): the interview intercept, the Step 2 CK slope and the
 * applicant-type offsets. The chance of matching given k interviews is fitted in closed form
 * to the contiguous-ranks figures (`fitContiguousRanks`).
 */

import type { SpecialtyNorms } from './specialty-norms.ts'

/** Coefficients of the interview model: logit P(interview) = Σ coefficient × feature. */
export const INTERVIEW_FEATURES = [
  'intercept',
  'typeDo',
  'typeUsImg',
  'typeNonUsImg',
  'step2Gap',
  'step1Failed',
  'research',
  'alphaOmegaAlpha',
  'goldHumanism',
  'clerkshipHonors',
  'experiences',
  'geographicTie',
  'awayRotation',
  'signal',
  'visaBlocked',
  'competitiveness',
  'specialtyDifficulty',
] as const
export type InterviewFeature = (typeof INTERVIEW_FEATURES)[number]

/**
 * Coefficients of the ranking model, on the complementary log-log scale:
 * P(match | k interviews) = 1 − exp(−exp(Σ coefficient × feature)), with feature
 * `logInterviews` = ln k. With k = 1 and the program's own features it is the chance of
 * matching at one program given an interview there.
 */
export const MATCH_FEATURES = [
  'intercept',
  'logInterviews',
  'typeDo',
  'typeUsImg',
  'typeNonUsImg',
  'step2Gap',
  'awayRotation',
  'signal',
  'geographicTie',
] as const
export type MatchFeature = (typeof MATCH_FEATURES)[number]

/** A coefficient vector with its (prior or posterior) covariance and the source of each entry. */
export type CoefficientBlock = {
  readonly names: readonly string[]
  readonly mean: readonly number[]
  readonly covariance: readonly (readonly number[])[]
  readonly sources: readonly string[]
}

export type SmartPickPriors = {
  interview: CoefficientBlock
  match: CoefficientBlock
  /** Each specialty's norms from its published figures (specialty-norms.ts), difficulty derived. */
  specialties: Readonly<Record<string, SpecialtyNorms>>
  /** Mean Step 2 CK of each specialty's applicants; the ranking model's Step 2 CK reference. */
  specialtyStep2: Readonly<Record<string, number>>
  /** Used for specialties not in `specialtyStep2`. */
  defaultSpecialtyStep2: number
  /** Spread of Step 2 CK among applicants of one group (for missing scores and the slope derivation). */
  step2Sd: number
  /** Interview chance below `reachBelow` is a reach, from `likelyFrom` up likely, target between. */
  tiers: { reachBelow: number; likelyFrom: number }
  /** Level of the central intervals, e.g. 0.8. */
  intervalLevel: number
  /** Set by `fitCalibration`: what the coefficients were recalibrated on. */
  calibratedOn: { applicants: number; applications: number; years: readonly number[] } | null
}

/** The cited figures the priors are built from, each with its source. */
export const CITED_FIGURES = {
  /** PGY-1 match rate by applicant type, 2025 [S] AMA summarising NRMP. */
  matchRateByType: { 'us-md': 0.935, 'us-do': 0.926, 'us-img': 0.678, 'non-us-img': 0.58 },
  /**
   * Chance of matching by contiguous ranks in the preferred specialty, U.S. MD seniors [S/A]:
   * midpoints of 1 ≈ 50–60 %, 3 ≈ 75–80 %, 5 ≈ 85–88 %, 8 ≈ 90–92 %, 12 ≈ 94–96 %.
   */
  contiguousRanks: [
    { ranks: 1, chance: 0.55, low: 0.5, high: 0.6 },
    { ranks: 3, chance: 0.775, low: 0.75, high: 0.8 },
    { ranks: 5, chance: 0.865, low: 0.85, high: 0.88 },
    { ranks: 8, chance: 0.91, low: 0.9, high: 0.92 },
    { ranks: 12, chance: 0.95, low: 0.94, high: 0.96 },
  ],
  /** Step 2 CK means, matched vs unmatched, Orthopaedic Surgery 2024, U.S. MD seniors [P] Orthopedics 2025;48(3):e139. */
  step2MatchedMean: 257,
  step2UnmatchedMean: 246,
  /** AAMC Apply Smart (2020): U.S. MD emergency-medicine applicants ≈ 80 % at ≈ 18 applications [P]. */
  applySmart: { applications: 18, chance: 0.8 },
  /** Texas STAR 2023, pass/fail Step 1 takers: Step 2 CK mean, clerkship honors, AOA share [P]. */
  texasStar: { step2Mean: 245.9, clerkshipHonors: 2.4, alphaOmegaAlphaShare: 0.125 },
} as const

/**
 * Typical Step 2 CK of matched applicants by specialty: orthopaedics from the matched mean
 * above [P]; plastic surgery, dermatology and neurosurgery "around 250+" and family medicine
 * and psychiatry "around 230" [S] summaries of Charting Outcomes 2022. Others default to the
 * Texas STAR mean, 245.9 [P].
 */
export const SPECIALTY_STEP2: Readonly<Record<string, number>> = {
  'orthopaedic-surgery': CITED_FIGURES.step2MatchedMean,
  'plastic-surgery': 250,
  dermatology: 250,
  'neurological-surgery': 250,
  'family-medicine': 230,
  psychiatry: 230,
}

/**
 * Reference values of the applicant features: the "typical applicant" factors are measured
 * against. AOA share and clerkship honors are Texas STAR's [P]; the others are [M].
 */
export const REFERENCE = {
  alphaOmegaAlpha: CITED_FIGURES.texasStar.alphaOmegaAlphaShare,
  clerkshipHonors: CITED_FIGURES.texasStar.clerkshipHonors,
  /** [M] share of applicants with Gold Humanism membership. */
  goldHumanism: 0.15,
  /** [M] research items of a typical applicant. */
  researchItems: 3,
  /** [M] experiences of a typical applicant. */
  experiences: 6,
  /** [M] geographic tie level of a typical applicant at a typical program (see features.ts). */
  geographicTie: 0.35,
  /** A typical program's competitiveness. */
  competitiveness: 0.5,
} as const

/** [M] Within-group spread of Step 2 CK; the USMLE reports a standard deviation near 15. */
export const STEP2_SD = 15

export type CoefficientSpec = { value: number; sd: number; source: string }

/**
 * The interview model's coefficients before derivation. Values marked "derived" are
 * placeholders that `derivePriors` replaces. Feature scales: step2Gap per 10 points (capped at
 * ±3); clerkshipHonors per honor; experiences per ln(1 + n); research per unit of
 * (research emphasis × research level); geographicTie per tie level (state 1, region 0.6,
 * preference only 0.25, none 0); competitiveness per unit on its 0–1 scale.
 */
export const INTERVIEW_SPECS: Readonly<Record<InterviewFeature, CoefficientSpec>> = {
  intercept: { value: 0, sd: 0.4, source: 'derived: AAMC Apply Smart, U.S. MD EM applicants ≈ 80 % at ≈ 18 applications [P]' },
  typeDo: { value: 0, sd: 0.3, source: 'derived: 2025 PGY-1 match rates by applicant type, U.S. DO 92.6 % vs U.S. MD 93.5 % [S] AMA' },
  typeUsImg: { value: 0, sd: 0.3, source: 'derived: 2025 PGY-1 match rates, U.S.-citizen IMG 67.8 % vs U.S. MD 93.5 % [S] AMA' },
  typeNonUsImg: { value: 0, sd: 0.3, source: 'derived: 2025 PGY-1 match rates, non-U.S.-citizen IMG 58.0 % vs U.S. MD 93.5 % [S] AMA' },
  step2Gap: {
    value: 0,
    sd: 0.2,
    source: 'derived: Step 2 CK matched 257 vs unmatched 246, Orthopaedic Surgery 2024 [P] Orthopedics 2025;48(3):e139, with a within-group SD of 15 [M]',
  },
  step1Failed: { value: -1.2, sd: 0.6, source: '[M] a failed Step 1 attempt screens out at many programs' },
  research: {
    value: 0,
    sd: 0.3,
    source:
      "derived: per unit of the specialty's research slope (matched vs unmatched mean research items, Charting Outcomes 2024 [A]), converted to interview log-odds like Step 2 CK",
  },
  alphaOmegaAlpha: { value: 0.6, sd: 0.4, source: '[M] size; reference share 12.5 % from Texas STAR 2023 [P]' },
  goldHumanism: { value: 0.25, sd: 0.3, source: '[M]' },
  clerkshipHonors: { value: 0.12, sd: 0.1, source: '[M] size per honor; reference 2.4 honors from Texas STAR 2023 [P]' },
  experiences: { value: 0.1, sd: 0.15, source: '[M]' },
  geographicTie: { value: 1.0, sd: 0.5, source: '[M] programs prefer applicants likely to come and stay' },
  awayRotation: { value: 1.2, sd: 0.6, source: '[M] an away rotation works as a month-long interview' },
  signal: {
    value: 0.6,
    sd: 0.25,
    source:
      "[M] share of the published odds ratio of an interview for a signalled program (per specialty: EM 4.1, orthopaedics 9.6, otolaryngology 5, others 5 [P]) taken as the signal's own effect; applicants signal where they are already strong",
  },
  visaBlocked: { value: -4, sd: 1.5, source: '[M] a program that does not sponsor visas rarely interviews applicants who need one' },
  competitiveness: { value: -1.5, sd: 0.6, source: '[M] more applicants per interview place at sought-after programs' },
  specialtyDifficulty: {
    value: 1,
    sd: 0.25,
    source: 'derived per specialty: the 2024 match rate of U.S. MD seniors who preferred it, Charting Outcomes 2024 [A], at its applications per applicant',
  },
}

/**
 * The ranking model's coefficients. `intercept` and `logInterviews` are fitted to the
 * contiguous-ranks figures by `fitContiguousRanks` (placeholders here).
 */
export const MATCH_SPECS: Readonly<Record<MatchFeature, CoefficientSpec>> = {
  intercept: { value: 0, sd: 0.15, source: 'fitted: chance of matching by contiguous ranks, U.S. MD seniors [S/A]' },
  logInterviews: { value: 0, sd: 0.1, source: 'fitted: chance of matching by contiguous ranks, U.S. MD seniors [S/A]' },
  typeDo: { value: 0, sd: 0.4, source: '[M] the whole applicant-type gap is put on interviews; school data may move part of it here' },
  typeUsImg: { value: 0, sd: 0.4, source: '[M] as typeDo' },
  typeNonUsImg: { value: 0, sd: 0.4, source: '[M] as typeDo' },
  step2Gap: { value: 0.05, sd: 0.15, source: '[M] per 10 points against the specialty (or program) typical score' },
  awayRotation: { value: 0.5, sd: 0.4, source: '[M] programs rank students they have worked with' },
  signal: { value: 0.2, sd: 0.3, source: '[M]' },
  geographicTie: { value: 0.3, sd: 0.3, source: '[M]' },
}

/** A block with a diagonal covariance from specs, in the order of `names`. */
export function blockFromSpecs(names: readonly string[], specs: Readonly<Record<string, CoefficientSpec>>): CoefficientBlock {
  const list = names.map((name) => {
    const spec = specs[name]
    if (!spec) throw new Error(`no coefficient spec for ${name}`)
    return spec
  })
  return {
    names,
    mean: list.map((s) => s.value),
    covariance: list.map((s, i) => list.map((_, j) => (i === j ? s.sd * s.sd : 0))),
    sources: list.map((s) => s.source),
  }
}

/** A copy of `block` with some means replaced. */
export function withMeans(block: CoefficientBlock, values: Readonly<Record<string, number>>): CoefficientBlock {
  return {
    ...block,
    mean: block.names.map((name, i) => values[name] ?? (block.mean[i] as number)),
  }
}

/** A coefficient's value by name. */
export function coefficient(block: CoefficientBlock, name: string): number {
  const i = block.names.indexOf(name)
  if (i < 0) throw new Error(`unknown coefficient ${name}`)
  return block.mean[i] as number
}
