/**
 * The demo school's residency data: programs for every core specialty (with preliminary,
 * transitional-year and advanced programs, so supplemental lists can be shown) and the school's
 * past outcomes for its last five match years. Pure: the same seed and `now` give the same rows.
 *
 * Counts follow `docs/data/residency-facts.md`: first-year positions per specialty are the
 * 2025 figures where the facts file gives one (orthopaedics 929, general surgery 1,778, internal
 * medicine 11,750, family medicine 5,357, …) and are marked [M] (our estimate) otherwise; the
 * PGY-1 total comes to about 38,300 against the NRMP's 40,041. Competitiveness and Step 2 CK
 * ranges come from the list builder's own generator (`generatePrograms`), with each specialty's
 * typical Step 2 CK taken from the facts file where it gives one. Institutions are fictional,
 * named after real American cities.
 */
import {
  CITED_FIGURES,
  DEFAULT_PRIORS,
  drawOutcomes,
  generateApplicants,
  normsOf,
  specialtyStep2,
  type ApplicantProfile,
  type ResidencyProgram,
} from '#engines/smart-pick/index.ts'

/** Mean research items of `generateApplicants` (⌊exp(1.2 + 0.9 Z)⌋). */
const GENERATED_RESEARCH_MEAN = 4.5
import type { Tx } from '../client.ts'
import { pastApplicantDetails, pastApplicants, pastApplications, residencyPrograms } from '../schema/index.ts'
import { SCHOOL_HOME } from './content/places.ts'
import { DEMO_SPECIALTY_PLANS, generateDemoPrograms, lastMatchYear } from './demo-programs.ts'

export { DEMO_SPECIALTY_PLANS, lastMatchYear }
import { createRandom } from './random.ts'

type ProgramInsert = typeof residencyPrograms.$inferInsert
type PastApplicantInsert = typeof pastApplicants.$inferInsert
type PastApplicationInsert = typeof pastApplications.$inferInsert
type PastApplicantDetailsInsert = typeof pastApplicantDetails.$inferInsert

export type DemoResidencyRows = {
  programs: ProgramInsert[]
  pastApplicants: PastApplicantInsert[]
  pastApplications: PastApplicationInsert[]
  /** Ties and away rotations the model drew: without them calibration cannot learn the tie effect. */
  pastApplicantDetails: PastApplicantDetailsInsert[]
}

export type AlumnusForOutcomes = { personId: string; specialtyId: string | null; graduationYear: number | null; kind: string }

export function generateDemoResidency(options: {
  seed: number
  now: Date
  /** Mentor profiles of the demo school: alumni who graduated in a match year are linked to their outcome. */
  mentors: readonly AlumnusForOutcomes[]
  graduatesPerYear?: number
}): DemoResidencyRows {
  const random = createRandom(options.seed).fork('residency')
  const matchYear = lastMatchYear(options.now)
  const { programs, modelPrograms, home } = generateDemoPrograms(random, options)

  // Past outcomes: the school's graduates of the last five match years, drawn from the model.
  const homeProgramOf = new Map(
    programs.filter((p) => p.institution === home.name && p.state === home.state && p.track === 'categorical').map((p) => [p.specialtyId, p.id]),
  )
  const graduatesPerYear = options.graduatesPerYear ?? 150
  const shares = DEMO_SPECIALTY_PLANS.filter((p) => p.graduateShare > 0 && modelPrograms.has(p.id)).map((p) => [p.id, p.graduateShare] as const)
  const applicantsOut: PastApplicantInsert[] = []
  const applicationsOut: PastApplicationInsert[] = []
  const detailsOut: PastApplicantDetailsInsert[] = []
  const outcomeRandom = random.fork('outcomes')
  for (let year = matchYear - 4; year <= matchYear; year++) {
    // Alumni mentors who graduated this year keep their specialty in the cohort and are linked.
    const alumni = options.mentors.filter((m) => m.kind === 'alumni' && m.graduationYear === year && m.specialtyId && modelPrograms.has(m.specialtyId))
    const cohort: { specialtyId: string; personId: string | null }[] = alumni.map((a) => ({ specialtyId: a.specialtyId as string, personId: a.personId }))
    while (cohort.length < graduatesPerYear) cohort.push({ specialtyId: outcomeRandom.weighted(shares), personId: null })
    const bySpecialty = new Map<string, { specialtyId: string; personId: string | null }[]>()
    for (const g of cohort) bySpecialty.set(g.specialtyId, [...(bySpecialty.get(g.specialtyId) ?? []), g])
    let serial = 0
    for (const [specialtyId, graduates] of bySpecialty) {
      const pool = modelPrograms.get(specialtyId) as ResidencyProgram[]
      const applicants: ApplicantProfile[] = generateApplicants({
        specialty: specialtyId,
        count: graduates.length,
        seed: `${options.seed}:${year}:${specialtyId}`,
        programs: pool,
      }).map((a) => ({
        ...a,
        // The school's graduates look like the specialty's own applicants (its published norms).
        step2: typeof a.step2 === 'number' ? Math.round(a.step2 + specialtyStep2(DEFAULT_PRIORS, specialtyId) - CITED_FIGURES.texasStar.step2Mean) : a.step2,
        researchItems: Math.round((a.researchItems * normsOf(DEFAULT_PRIORS, specialtyId).researchReference) / GENERATED_RESEARCH_MEAN),
        applicantType: 'us-md',
        needsVisa: false,
        alphaOmegaAlpha: a.alphaOmegaAlpha,
        // A graduate of an Ohio school often has a tie to the state.
        ties: outcomeRandom.chance(0.5) ? { states: [SCHOOL_HOME.state], regions: ['midwest'] } : a.ties,
      }))
      const outcomes = drawOutcomes({ applicants, programs: pool, truth: DEFAULT_PRIORS, year, seed: `${options.seed}:${year}:${specialtyId}:draw` })
      outcomes.forEach((outcome, i) => {
        const graduate = graduates[i] as { personId: string | null }
        let matched = outcome.matchedProgramId
        let applications = outcome.applications
        // Schools keep many of their own graduates: about one matched graduate in five stays at the home program.
        const homeProgram = homeProgramOf.get(specialtyId)
        if (matched && homeProgram && matched !== homeProgram && outcomeRandom.chance(0.2)) {
          const was = matched
          if (applications.some((a) => a.programId === homeProgram))
            applications = applications.map((a) => (a.programId === homeProgram ? { ...a, interviewed: true } : a))
          else applications = applications.map((a) => (a.programId === was ? { ...a, programId: homeProgram } : a))
          matched = homeProgram
        }
        // An alumnus in the directory practises in the specialty: they matched somewhere.
        if (graduate.personId && !matched) {
          const first = applications[0] as { programId: string }
          matched = (applications.find((a) => a.interviewed) ?? first).programId
          applications = applications.map((a) => (a.programId === matched ? { ...a, interviewed: true } : a))
        }
        const id = outcomeRandom.uuid()
        const signalled = new Set(outcome.applicant.signalledProgramIds)
        const step2 = outcome.applicant.step2 ?? null
        applicantsOut.push({
          id,
          externalId: `demo-${year}-${String(++serial).padStart(3, '0')}-${specialtyId}`,
          personId: graduate.personId,
          matchYear: year,
          applicantType: 'us-md',
          step2,
          // Step 1 became pass / fail in January 2022: the classes matching through 2023 mostly have scores.
          step1:
            year <= 2023 && step2 !== null && outcome.applicant.step1 !== 'fail'
              ? String(Math.max(200, Math.min(270, step2 - 8 + outcomeRandom.between(-6, 6))))
              : String(outcome.applicant.step1 ?? 'pass'),
          researchItems: outcome.applicant.researchItems,
          alphaOmegaAlpha: outcome.applicant.alphaOmegaAlpha,
          goldHumanism: outcome.applicant.goldHumanism,
          clerkshipHonors: outcome.applicant.clerkshipHonors,
          experiences: outcome.applicant.experiences,
          specialtyId,
          matchedProgramId: matched,
        })
        const { ties, awayRotations } = outcome.applicant
        if (ties.states.length > 0 || ties.regions.length > 0 || awayRotations.length > 0) {
          detailsOut.push({
            applicantId: id,
            tieStates: [...ties.states],
            tieRegions: [...ties.regions],
            needsVisa: false,
            awayRotationProgramIds: [...awayRotations],
          })
        }
        for (const a of applications)
          applicationsOut.push({ applicantId: id, programId: a.programId, signalled: signalled.has(a.programId), interviewed: a.interviewed })
      })
    }
  }
  return { programs, pastApplicants: applicantsOut, pastApplications: applicationsOut, pastApplicantDetails: detailsOut }
}

/** Inserts the residency rows (inside the caller's transaction), in batches under PostgreSQL's parameter limit. */
export async function insertDemoResidency(db: Tx, rows: DemoResidencyRows): Promise<void> {
  for (let i = 0; i < rows.programs.length; i += 1_000) await db.insert(residencyPrograms).values(rows.programs.slice(i, i + 1_000))
  for (let i = 0; i < rows.pastApplicants.length; i += 1_000) await db.insert(pastApplicants).values(rows.pastApplicants.slice(i, i + 1_000))
  for (let i = 0; i < rows.pastApplications.length; i += 5_000) await db.insert(pastApplications).values(rows.pastApplications.slice(i, i + 5_000))
  for (let i = 0; i < rows.pastApplicantDetails.length; i += 1_000) await db.insert(pastApplicantDetails).values(rows.pastApplicantDetails.slice(i, i + 1_000))
}
