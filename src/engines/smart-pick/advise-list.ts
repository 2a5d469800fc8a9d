/**
 * The list builder's advice for one student and one specialty, as the page and the command line
 * give it: where to send the specialty's signals, how many programs to apply to for the target,
 * the chance of a list of a given length, and whether a backup plan is advised. Pure.
 *
 * - Interviews already offered or held count as facts (interview chance 1); programs that have
 *   turned the student down or that the student withdrew from are left out.
 * - Signals follow published guidance rather than a probability maximiser: they go to programs
 *   the student would rank highly (their preferred places and settings, then ties, then the more
 *   sought-after programs — [M] what students usually rank first) among those where an interview
 *   is realistic with the signal (at least `REALISTIC_WITH_SIGNAL`). In emergency medicine, not to
 *   the home program or a program where the student rotated (AAMC guidance).
 * - The count is "recommended" only within the number of applications the specialty's applicants
 *   typically send; beyond it the target is out of reach on a sensible list and a backup plan is
 *   advised.
 */
import { preferenceTest, recommendApplicationCount, type ApplicationCountRecommendation } from './applications.ts'
import { interviewLogit, logistic, normsOf } from './chance.ts'
import { prepareApplicant, tieKind } from './features.ts'
import { coefficient, type SmartPickPriors } from './priors.ts'
import type { SpecialtyNorms } from './specialty-norms.ts'
import type { ApplicantProfile, ResidencyProgram } from './types.ts'

/** [M] Interview chance, with the signal, below which a signal is a long shot rather than a realistic one. */
export const REALISTIC_WITH_SIGNAL = 0.15

export type ListAdviceOptions = {
  /** Target chance of matching in (0, 1). */
  target: number
  /** Length of the list to report the chance of; default the recommended count (or the typical count when none). */
  applications?: number
  /** Programs with an interview offered or held. */
  interviewed?: readonly string[]
  /** Programs that turned the student down or that the student withdrew from. */
  excluded?: readonly string[]
  /** Signals to place; default the applicant's `signalsAvailable`, or the specialty's ERAS count when that is 0. */
  signals?: number
  /** The student's own home program (not signalled where guidance says so). */
  homeProgramIds?: readonly string[]
}

export type PlacedSignal = { programId: string; interviewWithout: number; interviewWith: number }

export type ListAdvice = {
  norms: SpecialtyNorms
  /** Applications the specialty's applicants typically send. */
  typicalApplications: number
  /** Signals placed as advised (the student's own when they have marked some). */
  signals: PlacedSignal[]
  /** True when the student marked their own signals and these are used as they are. */
  ownSignals: boolean
  /** The whole curve in the advised order: interviews first, then signalled programs, then by interview chance. */
  recommendation: ApplicationCountRecommendation
  /** Smallest list reaching the target within the typical number of applications; null when there is none. */
  recommendedCount: number | null
  /** Length of the list `chance` is for. */
  applications: number
  chance: number
  low: number
  high: number
  /** The target is not reached within the typical number of applications. */
  backupAdvised: boolean
  /** Chance with the typical number of applications (or every program when there are fewer). */
  chanceAtTypical: number
}

/** Where an applicant's signals go by the rule above, best first. */
export function placeSignals(
  applicant: ApplicantProfile,
  programs: readonly ResidencyProgram[],
  priors: SmartPickPriors,
  count: number,
  options: { excluded?: ReadonlySet<string>; homeProgramIds?: readonly string[] } = {},
): PlacedSignal[] {
  if (count <= 0 || programs.length === 0) return []
  const base: ApplicantProfile = { ...applicant, signalledProgramIds: [] }
  const prepared = prepareApplicant(base)
  const fits = preferenceTest(base, prepared)
  const specialty = (programs[0] as ResidencyProgram).specialty
  const norms = normsOf(priors, specialty)
  const beta = coefficient(priors.interview, 'signal') * norms.signalLogOdds
  // Emergency medicine asks applicants not to signal their home program or a program where they rotated.
  const notSignalled = new Set(specialty === 'emergency-medicine' ? [...applicant.awayRotations, ...(options.homeProgramIds ?? [])] : [])
  const tieRank = { state: 3, region: 2, 'preferred-state': 1, 'preferred-region': 1, none: 0 } as const
  const candidates = programs
    .filter((p) => !options.excluded?.has(p.id) && !notSignalled.has(p.id))
    .map((program) => {
      const eta = interviewLogit(prepared, program, priors)
      return {
        program,
        without: logistic(eta),
        with: logistic(eta + beta),
        rank: (fits(program) ? 10 : 0) + tieRank[tieKind(prepared, program)],
      }
    })
    .filter((c) => c.with >= REALISTIC_WITH_SIGNAL)
  candidates.sort(
    (a, b) =>
      b.rank - a.rank || b.program.competitiveness - a.program.competitiveness || (a.program.id < b.program.id ? -1 : a.program.id > b.program.id ? 1 : 0),
  )
  return candidates.slice(0, count).map((c) => ({ programId: c.program.id, interviewWithout: c.without, interviewWith: c.with }))
}

/** The advice for `applicant` and `programs` (one specialty). */
export function adviseList(
  applicant: ApplicantProfile,
  allPrograms: readonly ResidencyProgram[],
  priors: SmartPickPriors,
  options: ListAdviceOptions,
): ListAdvice {
  const excluded = new Set(options.excluded ?? [])
  const programs = allPrograms.filter((p) => !excluded.has(p.id))
  const specialty = programs[0]?.specialty ?? applicant.preferredSpecialty
  const norms = normsOf(priors, specialty)
  const typical = norms.typicalApplications
  const interviewed = new Set(options.interviewed ?? [])
  const known = new Map([...interviewed].map((id) => [id, 1] as const))

  const ownSignals = applicant.signalledProgramIds.length > 0
  const signalCount = options.signals ?? (applicant.signalsAvailable > 0 ? applicant.signalsAvailable : norms.signals)
  let signals: PlacedSignal[]
  let signalled: ApplicantProfile
  if (ownSignals) {
    const prepared = prepareApplicant({ ...applicant, signalledProgramIds: [] })
    const beta = coefficient(priors.interview, 'signal') * norms.signalLogOdds
    const byId = new Map(programs.map((p) => [p.id, p] as const))
    signals = applicant.signalledProgramIds.flatMap((id) => {
      const program = byId.get(id)
      if (!program) return []
      const eta = interviewLogit(prepared, program, priors)
      return [{ programId: id, interviewWithout: logistic(eta), interviewWith: logistic(eta + beta) }]
    })
    signalled = applicant
  } else {
    // A signal to a program that has already invited the student is wasted.
    signals = placeSignals(applicant, programs, priors, signalCount, { excluded: interviewed, homeProgramIds: options.homeProgramIds })
    signalled = { ...applicant, signalledProgramIds: signals.map((s) => s.programId) }
  }

  // The advised order: interviews in hand, then signalled programs, then the rest by interview chance.
  const byChance = recommendApplicationCount(signalled, programs, priors, { target: options.target, known }).order
  const signalledIds = new Set(signals.map((s) => s.programId))
  const order = [
    ...byChance.filter((id) => interviewed.has(id)),
    ...byChance.filter((id) => !interviewed.has(id) && signalledIds.has(id)),
    ...byChance.filter((id) => !interviewed.has(id) && !signalledIds.has(id)),
  ]
  const recommendation = recommendApplicationCount(signalled, programs, priors, { target: options.target, known, order })
  const curve = recommendation.curve
  const withinTypical = recommendation.count !== null && recommendation.count <= typical ? recommendation.count : null
  const atTypical = curve[Math.min(typical, curve.length) - 1]
  const applications = Math.max(0, Math.min(curve.length, options.applications ?? withinTypical ?? Math.min(typical, curve.length)))
  const point = curve[applications - 1]
  return {
    norms,
    typicalApplications: typical,
    signals,
    ownSignals,
    recommendation,
    recommendedCount: withinTypical,
    applications,
    chance: point?.chance ?? 0,
    low: point?.low ?? 0,
    high: point?.high ?? 0,
    backupAdvised: withinTypical === null,
    chanceAtTypical: atTypical?.chance ?? 0,
  }
}
