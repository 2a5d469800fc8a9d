/**
 * The priors, derived from the cited figures (`CITED_FIGURES`, residency-facts.md). Pure and
 * deterministic: the same figures always give the same coefficients; a test checks that the
 * result reproduces each figure it was derived from.
 *
 * The reference scenario: a U.S. MD applicant applying to N programs that are typical for
 * them (every feature at its reference value, so each program's interview log-odds is the
 * intercept), all interviews ranked. Its chance of matching is
 * f(N) = Σ_k Binomial(k; N, σ(β₀)) · P(match | k).
 *
 * 1. P(match | k) = 1 − exp(−exp(γ₀ + γ₁ ln k)): least squares of ln(−ln(1 − P)) on ln k over
 *    the contiguous-ranks midpoints (1 ≈ 55 %, 3 ≈ 77.5 %, 5 ≈ 86.5 %, 8 ≈ 91 %, 12 ≈ 95 %).
 * 2. β₀ (interview intercept): f(18) = 80 %, AAMC Apply Smart's U.S. MD emergency-medicine
 *    applicants ≈ 80 % at ≈ 18 applications.
 * 3. N_typ: the smallest N with f(N) ≥ 93.5 %, the 2025 U.S. MD match rate.
 * 4. Step 2 CK slope: if matched and unmatched scores are normal with a common SD σ = 15,
 *    the log-odds of matching rise by (257 − 246)/σ² ≈ 0.049 per point (linear discriminant;
 *    orthopaedics 2024 means). β_step (per 10 points) is set so that d logit f(N_typ)/d score
 *    equals that, with the ranking model's own Step 2 CK term (γ_step, [M]) included.
 * 5. Applicant-type offsets δ_T on the interview log-odds: f(N_typ) with δ_T has the odds of
 *    f_MD(N_typ) times the odds ratio of the 2025 match rates of type T and U.S. MD (DO
 *    92.6 %, U.S.-citizen IMG 67.8 %, non-U.S. IMG 58.0 %), at the same list length.
 * 6. Research: one unit of a specialty's research feature is one unit of log-odds of matching
 *    (specialty-norms.ts); the coefficient converts it to interview log-odds at the rate step 4
 *    found for Step 2 CK (β_step per the log-odds of matching that 10 points bring).
 * 7. Specialty difficulty d_s: the specialty's typical applicant (every feature at the
 *    specialty's own norm) applying to the specialty's typical number of programs N_s reaches
 *    the 2024 match rate of U.S. MD seniors who preferred it: f(N_s; β₀ + d_s) = rate_s.
 */
import { cloglogInverse, logistic } from './chance.ts'
import { publishedNorms, type SpecialtyNorms } from './specialty-norms.ts'
import {
  CITED_FIGURES,
  INTERVIEW_FEATURES,
  INTERVIEW_SPECS,
  MATCH_FEATURES,
  MATCH_SPECS,
  SPECIALTY_STEP2,
  STEP2_SD,
  blockFromSpecs,
  coefficient,
  withMeans,
  type SmartPickPriors,
} from './priors.ts'

export type Figures = typeof CITED_FIGURES

export type Derivation = {
  /** γ₀, γ₁ of P(match | k). */
  contiguousRanks: { intercept: number; logInterviews: number }
  interviewIntercept: number
  /** Reference U.S. MD's interview chance at a typical program. */
  referenceInterviewChance: number
  /** Applications at which the reference U.S. MD reaches the U.S. MD match rate. */
  typicalApplications: number
  /** Log-odds of matching per Step 2 CK point implied by the matched/unmatched means. */
  step2LogOddsPerPoint: number
  step2Gap: number
  typeOffsets: { typeDo: number; typeUsImg: number; typeNonUsImg: number }
  /** Interview log-odds per unit of log-odds of matching (Step 2 CK's rate), the research coefficient. */
  researchConversion: number
  /** Each published specialty's difficulty offset d_s. */
  difficulty: Readonly<Record<string, number>>
}

/** Least squares fit of ln(−ln(1 − P)) = γ₀ + γ₁ ln k to the contiguous-ranks points. */
export function fitContiguousRanks(points: readonly { ranks: number; chance: number }[]): { intercept: number; logInterviews: number } {
  const xs = points.map((p) => Math.log(p.ranks))
  const ys = points.map((p) => Math.log(-Math.log(1 - p.chance)))
  const n = xs.length
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let sxy = 0
  let sxx = 0
  for (let i = 0; i < n; i++) {
    sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my)
    sxx += ((xs[i] as number) - mx) ** 2
  }
  const slope = sxy / sxx
  return { intercept: my - slope * mx, logInterviews: slope }
}

/**
 * Chance of matching in the reference scenario: N programs each interviewing with log-odds
 * `interviewEta`, ranking-model linear predictor `matchEta` + γ₁ ln k.
 */
export function referenceChance(interviewEta: number, matchEta: number, logInterviews: number, applications: number): number {
  const p = logistic(interviewEta)
  // Binomial(N, p) by the recursion, then E[P(match | K)].
  const dist = new Float64Array(applications + 1)
  dist[0] = 1
  for (let j = 0; j < applications; j++) {
    dist[j + 1] = (dist[j] as number) * p
    for (let k = j; k >= 1; k--) dist[k] = (dist[k] as number) * (1 - p) + (dist[k - 1] as number) * p
    dist[0] = (dist[0] as number) * (1 - p)
  }
  let s = 0
  for (let k = 1; k <= applications; k++) s += (dist[k] as number) * cloglogInverse(matchEta + logInterviews * Math.log(k))
  return s
}

function bisect(f: (x: number) => number, lo: number, hi: number): number {
  let a = lo
  let b = hi
  const fa = f(a)
  for (let i = 0; i < 100; i++) {
    const m = (a + b) / 2
    if (f(m) * fa > 0) a = m
    else b = m
  }
  return (a + b) / 2
}

const logit = (p: number): number => Math.log(p / (1 - p))

/** The priors and the numbers of their derivation, from `figures`. */
export function derivePriors(figures: Figures = CITED_FIGURES): { priors: SmartPickPriors; derivation: Derivation } {
  const ranks = fitContiguousRanks(figures.contiguousRanks)
  const gammaStep = MATCH_SPECS.step2Gap.value
  const { applications, chance } = figures.applySmart
  const interviewIntercept = bisect((b0) => referenceChance(b0, ranks.intercept, ranks.logInterviews, applications) - chance, -10, 10)
  const mdRate = figures.matchRateByType['us-md']
  let typical = 1
  while (typical < 400 && referenceChance(interviewIntercept, ranks.intercept, ranks.logInterviews, typical) < mdRate) typical++
  const perPoint = (figures.step2MatchedMean - figures.step2UnmatchedMean) / (STEP2_SD * STEP2_SD)
  const slopeAt = (betaStep: number): number => {
    const h = 0.5 // points
    const at = (points: number): number =>
      logit(referenceChance(interviewIntercept + (betaStep * points) / 10, ranks.intercept + (gammaStep * points) / 10, ranks.logInterviews, typical))
    return (at(h) - at(-h)) / (2 * h)
  }
  const step2Gap = bisect((b) => slopeAt(b) - perPoint, 0, 5)
  const mdChance = referenceChance(interviewIntercept, ranks.intercept, ranks.logInterviews, typical)
  const offset = (rate: number): number => {
    const goal = logistic(logit(mdChance) + logit(rate) - logit(mdRate))
    return bisect((d) => referenceChance(interviewIntercept + d, ranks.intercept, ranks.logInterviews, typical) - goal, -12, 4)
  }
  const typeOffsets = {
    typeDo: offset(figures.matchRateByType['us-do']),
    typeUsImg: offset(figures.matchRateByType['us-img']),
    typeNonUsImg: offset(figures.matchRateByType['non-us-img']),
  }
  const researchConversion = step2Gap / (perPoint * 10)
  const specialties: Record<string, SpecialtyNorms> = {}
  for (const [id, norms] of Object.entries(publishedNorms())) {
    const n = norms.typicalApplications
    const d = bisect((x) => referenceChance(interviewIntercept + x, ranks.intercept, ranks.logInterviews, n) - norms.matchRate, -12, 12)
    // d logit f / d(interview log-odds) at the specialty's typical list, against the reference scenario's.
    const slope = (eta: number, apps: number): number => {
      const h = 0.01
      const at = (e: number) => logit(referenceChance(e, ranks.intercept, ranks.logInterviews, apps))
      return (at(eta + h) - at(eta - h)) / (2 * h)
    }
    const conversion = slope(interviewIntercept, typical) / slope(interviewIntercept + d, n)
    specialties[id] = { ...norms, difficulty: d, conversion }
  }
  const interview = withMeans(blockFromSpecs(INTERVIEW_FEATURES, INTERVIEW_SPECS), {
    intercept: interviewIntercept,
    step2Gap,
    research: researchConversion,
    ...typeOffsets,
  })
  const match = withMeans(blockFromSpecs(MATCH_FEATURES, MATCH_SPECS), ranks)
  const priors: SmartPickPriors = {
    interview,
    match,
    specialties,
    specialtyStep2: { ...SPECIALTY_STEP2, ...Object.fromEntries(Object.values(specialties).map((n) => [n.specialty, n.step2Reference])) },
    defaultSpecialtyStep2: figures.texasStar.step2Mean,
    step2Sd: STEP2_SD,
    tiers: { reachBelow: 0.25, likelyFrom: 0.6 },
    intervalLevel: 0.8,
    calibratedOn: null,
  }
  return {
    priors,
    derivation: {
      contiguousRanks: ranks,
      interviewIntercept,
      referenceInterviewChance: logistic(interviewIntercept),
      typicalApplications: typical,
      step2LogOddsPerPoint: perPoint,
      step2Gap: coefficient(interview, 'step2Gap'),
      typeOffsets,
      researchConversion,
      difficulty: Object.fromEntries(Object.values(specialties).map((n) => [n.specialty, n.difficulty])),
    },
  }
}

const derived = derivePriors()

/** The national priors (no school data): see docs/smart-pick.md for every coefficient. */
export const DEFAULT_PRIORS: SmartPickPriors = derived.priors
/** How the derived coefficients came out, for the docs and the report page. */
export const DEFAULT_DERIVATION: Derivation = derived.derivation
