/**
 * A synthetic national cohort of one specialty, drawn from its published matched and unmatched
 * profiles, and the model's predicted match rate for it — the check that the list builder
 * reproduces each specialty's published odds (docs/smart-pick.md, "Published against
 * predicted"). Pure and seeded.
 *
 * Method: U.S. MD seniors in the published proportion of matched to unmatched; each one's Step 2
 * CK ~ N(group mean, 15²) and ln(1 + research items) ~ N(ln(1 + group mean) − s²/2, s²), s = 0.75
 * (so the group's mean count is the published one); honors, AOA, Gold Humanism and experiences
 * at the model's reference; a home state drawn where programs are, tied to it. Each applies to
 * the specialty's published applications per applicant — the programs the builder puts first
 * (highest interview chance) — and the cohort's predicted rate is the mean of their chances.
 */
import { createRandom } from '#engines/match/random.ts'
import { recommendApplicationCount } from './applications.ts'
import { normsOf } from './chance.ts'
import { REFERENCE, type SmartPickPriors } from './priors.ts'
import { RESEARCH_LOG_SD } from './specialty-norms.ts'
import { STEP2_SD } from './priors.ts'
import { generatePrograms } from './synthetic.ts'
import type { ApplicantProfile, ResidencyProgram } from './types.ts'

export type CohortResult = {
  specialty: string
  published: number
  predicted: number
  applicants: number
  /** Applications each applicant sent (the specialty's applications per applicant, or all programs if fewer). */
  applications: number
  /** Mean chance of the matched-profile and unmatched-profile applicants. */
  predictedMatchedProfile: number
  predictedUnmatchedProfile: number
}

/** A typical applicant of `specialty` with the given Step 2 CK and research items (others at the reference). */
export function cohortApplicant(specialty: string, step2: number | null, researchItems: number, homeState: string | null): ApplicantProfile {
  return {
    applicantType: 'us-md',
    step2,
    step1: 'pass',
    researchItems,
    alphaOmegaAlpha: false,
    goldHumanism: false,
    clerkshipHonors: Math.round(REFERENCE.clerkshipHonors),
    experiences: REFERENCE.experiences,
    awayRotations: [],
    preferredSpecialty: specialty,
    backupSpecialty: null,
    geographicPreferences: { states: [], regions: [] },
    ties: { states: homeState ? [homeState] : [], regions: [] },
    settingPreferences: [],
    needsVisa: false,
    signalsAvailable: 0,
    signalledProgramIds: [],
  }
}

/** Programs a cohort applies to: the same generator the demo school's programs come from. */
export function cohortPrograms(specialty: string, priors: SmartPickPriors, count = 150): ResidencyProgram[] {
  return generatePrograms({ specialty, count, seed: `cohort:${specialty}`, priors })
}

/** Draws the cohort of `specialty` (which must have a published row) and returns published and predicted rates. */
export function predictCohort(
  specialty: string,
  priors: SmartPickPriors,
  options: { applicants?: number; seed?: number | string; programs?: readonly ResidencyProgram[] } = {},
): CohortResult {
  const norms = normsOf(priors, specialty)
  const facts = norms.facts
  if (!facts) throw new RangeError(`no published figures for ${specialty}`)
  const programs = options.programs ?? cohortPrograms(specialty, priors)
  const random = createRandom(options.seed ?? `cohort:${specialty}`)
  const total = options.applicants ?? 300
  const matchedCount = Math.round(total * norms.matchRate)
  const applications = Math.min(programs.length, norms.typicalApplications)
  const states = [...new Set(programs.map((p) => p.state))]
  const sums = { matched: 0, unmatched: 0 }
  for (let a = 0; a < total; a++) {
    const group = a < matchedCount ? 'matched' : 'unmatched'
    const step2 = Math.round(facts.step2[group] + STEP2_SD * random.normal())
    const logMean = Math.log1p(facts.research[group]) - RESEARCH_LOG_SD ** 2 / 2
    const research = Math.max(0, Math.round(Math.expm1(logMean + RESEARCH_LOG_SD * random.normal())))
    const applicant = cohortApplicant(specialty, step2, research, random.pick(states) as string)
    const curve = recommendApplicationCount(applicant, programs, priors, { target: 0.5 }).curve
    sums[group] += curve[applications - 1]?.chance ?? 0
  }
  const unmatchedCount = total - matchedCount
  return {
    specialty,
    published: norms.matchRate,
    predicted: (sums.matched + sums.unmatched) / total,
    applicants: total,
    applications,
    predictedMatchedProfile: sums.matched / Math.max(1, matchedCount),
    predictedUnmatchedProfile: sums.unmatched / Math.max(1, unmatchedCount),
  }
}
