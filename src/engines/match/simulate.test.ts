import { describe, expect, it } from 'vitest'
import { compileInstance, withProgramRanks } from './compile-instance.ts'
import { generateInstance } from './generate.ts'
import { createSimulationPlan, mergeTallies, perturbCompiled, runsOfWorker, simulateRuns, summarizeSimulation } from './simulate.ts'
import { solveMatch } from './solve-match.ts'
import type { MatchInstance } from './types.ts'

const small: MatchInstance = {
  programs: [
    { id: 'IM-0001', capacity: 1, ranks: ['A000001', 'A000002', 'A000003'] },
    { id: 'IM-0002', capacity: 1, ranks: ['A000002', 'A000001', 'A000003'] },
    { id: 'GS-0001', capacity: 1, ranks: ['A000004', 'A000003'] },
    { id: 'GS-0002', capacity: 1, ranks: ['A000005'] },
  ],
  applicants: [
    { id: 'A000001', ranks: ['IM-0002', 'IM-0001'] },
    { id: 'A000002', ranks: ['IM-0001', 'IM-0002'] },
    { id: 'A000003', ranks: ['IM-0001', 'IM-0002', 'GS-0001'] },
    { id: 'A000004', ranks: [] },
    { id: 'A000005', ranks: [] },
  ],
  couples: [
    {
      id: 'C00001',
      members: ['A000004', 'A000005'],
      ranks: [
        ['GS-0001', 'GS-0002'],
        ['GS-0001', null],
      ],
    },
  ],
}

describe('simulate', () => {
  it('with no noise every run is the plain match', () => {
    const plan = createSimulationPlan(compileInstance(small))
    const report = summarizeSimulation(plan, simulateRuns(plan, { noise: 0, seed: 1 }, [0, 1, 2]), { noise: 0, seed: 1 })
    const result = solveMatch(small)
    const matched = new Set(result.matches.map((m) => m.applicant))
    for (const a of report.applicants) expect(a.pMatch).toBe(matched.has(a.id) ? 1 : 0)
    // A000001 gets IM-0002, its first choice; the couple gets its first line.
    const byId = new Map(report.applicants.map((a) => [a.id, a]))
    expect(byId.get('A000001')?.pTop[0]).toBe(1)
    expect(byId.get('A000004')?.pTop[0]).toBe(1)
    expect(byId.get('A000005')?.pTop[0]).toBe(1)
    expect(byId.get('A000003')?.pMatch).toBe(0)
    expect(report.programs.every((p) => p.expectedFill === 1)).toBe(true)
  })

  it('does not depend on how runs are split between workers', () => {
    const instance = generateInstance({ applicants: 400, programs: 60, couples: 10, seed: 4 })
    const plan = createSimulationPlan(compileInstance(instance))
    const options = { noise: 3, seed: 'split' }
    const whole = simulateRuns(plan, options, runsOfWorker(12, 1, 0))
    const parts = [0, 1, 2].map((w) => simulateRuns(plan, options, runsOfWorker(12, 3, w)))
    const merged = parts.reduce((into, tally) => mergeTallies(into, tally))
    expect(merged.runs).toBe(12)
    expect([...merged.matched]).toEqual([...whole.matched])
    expect([...merged.top]).toEqual([...whole.top])
    expect([...merged.filled]).toEqual([...whole.filled])

    const report = summarizeSimulation(plan, merged, options)
    for (const a of report.applicants) {
      expect(a.pMatch).toBeGreaterThanOrEqual(0)
      expect(a.pMatch).toBeLessThanOrEqual(1)
      for (let k = 1; k < a.pTop.length; k++) expect(a.pTop[k]).toBeGreaterThanOrEqual(a.pTop[k - 1]!)
      expect(a.pTop.at(-1)!).toBeLessThanOrEqual(a.pMatch)
    }
    for (const p of report.programs) expect(p.expectedFill).toBeLessThanOrEqual(1)
    // Noise changes outcomes: some applicant is neither always nor never matched.
    expect(report.applicants.some((a) => a.pMatch > 0 && a.pMatch < 1)).toBe(true)
  })

  it('perturbs only the order of each program list', () => {
    const compiled = compileInstance(generateInstance({ applicants: 200, programs: 30, seed: 2 }))
    const plan = createSimulationPlan(compiled)
    const noisy = structuredClone(perturbCompiled(plan, 5, 9, 0))
    expect(noisy.programRankStart).toEqual(compiled.programRankStart)
    for (let p = 0; p < compiled.programCount; p++) {
      const from = compiled.programRankStart[p]!
      const to = compiled.programRankStart[p + 1]!
      const before = [...compiled.programRankApplicants.subarray(from, to)].sort((x, y) => x - y)
      const after = [...noisy.programRankApplicants.subarray(from, to)].sort((x, y) => x - y)
      expect(after).toEqual(before)
    }
    expect([...noisy.programRankApplicants]).not.toEqual([...compiled.programRankApplicants])
    perturbCompiled(plan, 5, 9, 1)
    expect(perturbCompiled(plan, 5, 9, 0).programRankApplicants).toEqual(noisy.programRankApplicants)
  })

  it('permutes the rank-dependent arrays exactly as withProgramRanks rebuilds them', () => {
    const compiled = compileInstance(generateInstance({ applicants: 700, programs: 90, couples: 25, seed: 6 }))
    const plan = createSimulationPlan(compiled)
    for (const run of [0, 1, 2]) {
      const fast = perturbCompiled(plan, 4, 'x', run)
      const rebuilt = withProgramRanks(compiled, (p) => fast.programRankApplicants.subarray(fast.programRankStart[p]!, fast.programRankStart[p + 1]!))
      expect(Object.keys(fast).sort()).toEqual(Object.keys(rebuilt).sort())
      for (const key of Object.keys(rebuilt) as (keyof typeof rebuilt)[]) expect(fast[key], key).toEqual(rebuilt[key])
    }
  })
})
