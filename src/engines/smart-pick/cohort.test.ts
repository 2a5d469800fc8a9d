import { describe, expect, it } from 'vitest'
import { recommendApplicationCount } from './applications.ts'
import { interviewChance } from './chance.ts'
import { cohortApplicant, cohortPrograms, predictCohort } from './cohort.ts'
import { DEFAULT_PRIORS } from './derive-priors.ts'
import { SPECIALTY_FACTS } from './specialty-facts.ts'

/** Percentage points the predicted rate may differ from the published one (docs/smart-pick.md). */
const TOLERANCE = 0.05

describe('a synthetic national cohort per specialty reproduces its published match rate', () => {
  for (const specialty of Object.keys(SPECIALTY_FACTS)) {
    it(`${specialty}: predicted within ${TOLERANCE * 100} points of the 2024 rate of U.S. MD seniors`, () => {
      const result = predictCohort(specialty, DEFAULT_PRIORS, { applicants: 300 })
      expect(Math.abs(result.predicted - result.published), `${specialty}: published ${result.published}, predicted ${result.predicted}`).toBeLessThanOrEqual(
        TOLERANCE,
      )
      // The model tells the two published profiles apart (pediatrics has too few unmatched to draw).
      if (result.applicants - Math.round(result.applicants * result.published) >= 10)
        expect(result.predictedMatchedProfile).toBeGreaterThan(result.predictedUnmatchedProfile)
    })
  }

  it("recommends, for a specialty's typical applicant, a number of applications in line with what its applicants send", () => {
    for (const [specialty, norms] of Object.entries(DEFAULT_PRIORS.specialties)) {
      const programs = cohortPrograms(specialty, DEFAULT_PRIORS)
      const applicant = cohortApplicant(specialty, Math.round(norms.step2Reference), Math.round(norms.researchReference), 'OH')
      const { count } = recommendApplicationCount(applicant, programs, DEFAULT_PRIORS, { target: Math.min(0.95, norms.matchRate) })
      expect(count, specialty).not.toBeNull()
      expect(count as number, specialty).toBeGreaterThanOrEqual(0.2 * norms.typicalApplications)
      expect(count as number, specialty).toBeLessThanOrEqual(1.1 * norms.typicalApplications)
    }
  })

  it('makes a research count far below the matched mean cost in the research-heavy specialties', () => {
    for (const specialty of ['dermatology', 'neurological-surgery', 'plastic-surgery', 'orthopaedic-surgery', 'otolaryngology']) {
      const norms = DEFAULT_PRIORS.specialties[specialty]
      if (!norms) throw new Error(specialty)
      const programs = cohortPrograms(specialty, DEFAULT_PRIORS)
      const chance = (items: number) =>
        recommendApplicationCount(cohortApplicant(specialty, Math.round(norms.step2Reference), items, 'OH'), programs, DEFAULT_PRIORS).curve[
          norms.typicalApplications - 1
        ]?.chance ?? 0
      // At least 5 points off the chance of matching from the specialty's typical list.
      expect(chance(Math.round(norms.researchReference)) - chance(3), specialty).toBeGreaterThan(0.05)
      // And the student sees it: research is a negative factor at a typical program.
      const program = programs.find((p) => p.competitiveness > 0.4 && p.competitiveness < 0.6) ?? (programs[0] as (typeof programs)[number])
      const factors = interviewChance(cohortApplicant(specialty, Math.round(norms.step2Reference), 3, 'OH'), program, DEFAULT_PRIORS).factors
      expect(factors.find((f) => f.key === 'research')?.sign, specialty).toBe('−')
    }
  })
})
