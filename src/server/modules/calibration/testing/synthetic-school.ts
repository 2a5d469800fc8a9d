/**
 * Test support: a synthetic school's past outcomes drawn from a KNOWN model (the national
 * priors with a few coefficients shifted), for calibration-recovery tests.
 */
import {
  DEFAULT_PRIORS as priors,
  drawOutcomes,
  generateApplicants,
  generatePrograms,
  type PastOutcome,
  type SmartPickPriors,
} from '#engines/smart-pick/index.ts'
import type { StoredGraduate } from '../domain/recalibrate.ts'

/** A synthetic school drawn from a KNOWN model: the national priors shifted. */
export function syntheticSchool(options: { perYear: number; years: readonly number[]; seed: number }) {
  const programs = generatePrograms({ specialty: 'internal-medicine', count: 200, seed: options.seed, priors })
  const shift: Record<string, number> = { intercept: -0.6, geographicTie: 0.5, competitiveness: -0.8 }
  const truth: SmartPickPriors = {
    ...priors,
    interview: { ...priors.interview, mean: priors.interview.names.map((name, i) => (priors.interview.mean[i] as number) + (shift[name] ?? 0)) },
    match: { ...priors.match, mean: priors.match.names.map((name, i) => (priors.match.mean[i] as number) + (name === 'intercept' ? -0.4 : 0)) },
  }
  const applicants = generateApplicants({ specialty: 'internal-medicine', count: options.perYear * options.years.length, seed: options.seed + 1, programs })
  const outcomes = options.years.flatMap((year, y) =>
    drawOutcomes({ applicants: applicants.slice(y * options.perYear, (y + 1) * options.perYear), programs, truth, year, seed: options.seed + 10 + y }),
  )
  return { programs, truth, shift, outcomes }
}

/** A past outcome as the repository would hand it back. */
export function asStored(outcome: PastOutcome): StoredGraduate {
  const a = outcome.applicant
  const signalled = new Set(a.signalledProgramIds)
  const applied = new Set(outcome.applications.map((x) => x.programId))
  return {
    matchYear: outcome.year,
    applicantType: a.applicantType,
    specialtyId: a.preferredSpecialty,
    step2: a.step2 ?? null,
    step1: a.step1 === null || a.step1 === undefined ? null : String(a.step1),
    researchItems: a.researchItems,
    alphaOmegaAlpha: a.alphaOmegaAlpha,
    goldHumanism: a.goldHumanism,
    clerkshipHonors: a.clerkshipHonors,
    experiences: a.experiences,
    tieStates: a.ties.states,
    tieRegions: a.ties.regions,
    needsVisa: a.needsVisa,
    awayRotationProgramIds: a.awayRotations.filter((id) => applied.has(id)),
    matchedProgramId: outcome.matchedProgramId,
    applications: outcome.applications.map((x) => ({ programId: x.programId, interviewed: x.interviewed, signalled: signalled.has(x.programId) })),
  }
}
