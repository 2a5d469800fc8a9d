import { describe, expect, it } from 'vitest'
import { buildProgramList } from './applications.ts'
import { DEFAULT_PRIORS } from './derive-priors.ts'
import { summarizePrograms } from './program-summaries.ts'
import { generateApplicants, generatePrograms } from './synthetic.ts'

describe('summarizePrograms', () => {
  const programs = generatePrograms({ specialty: 'internal-medicine', count: 120, seed: 3, priors: DEFAULT_PRIORS })
  const applicants = generateApplicants({ specialty: 'internal-medicine', count: 6, seed: 4, programs })
  const cases = [
    ...applicants,
    { ...(applicants[0] as (typeof applicants)[number]), step2: null, needsVisa: true, signalledProgramIds: [programs[5]?.id ?? ''] },
  ]

  it.each(cases.map((a, i) => [i, a] as const))('gives buildProgramList’s figures and order without factors (applicant %i)', (_, applicant) => {
    const full = buildProgramList(applicant, programs, DEFAULT_PRIORS)
    const fast = summarizePrograms(applicant, programs, DEFAULT_PRIORS)
    expect(fast.map((e) => e.program.id)).toEqual(full.map((e) => e.program.id))
    fast.forEach((e, i) => {
      const f = full[i]!
      for (const key of ['probability', 'low', 'high', 'effectiveCount'] as const) {
        expect(e.interview[key]).toBe(f.interview[key])
        expect(e.matchIfInterviewed[key]).toBe(f.matchIfInterviewed[key])
      }
      expect(e.tier).toBe(f.tier)
      expect(e.fitsPreferences).toBe(f.fitsPreferences)
      expect(e.interviewAndMatch).toBe(f.interviewAndMatch)
    })
  })
})
