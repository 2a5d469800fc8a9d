import { describe, expect, it } from 'vitest'
import { compileInstance } from './compile-instance.ts'
import { generateInstance } from './generate.ts'
import { createSolveWorkspace } from './run-buffers.ts'
import { createSimulationPlan, perturbCompiled } from './simulate.ts'
import { type CompiledResult, solveCompiled } from './solve-compiled.ts'
import type { SolveOptions } from './types.ts'

/** Everything a result says, as plain values (a result solved with a workspace is overwritten by the next solve). */
function snapshot(result: CompiledResult) {
  return {
    applicantProgram: [...result.applicantProgram],
    supplementalProgram: [...result.supplementalProgram],
    programCapacity: [...result.programCapacity],
    programFilled: [...result.programFilled],
    stats: { ...result.stats },
    unresolvedCouples: [...result.unresolvedCouples],
    unresolvedApplicants: [...result.unresolvedApplicants],
    unresolvedMessage: result.unresolvedMessage,
  }
}

describe('solving with a workspace', () => {
  it('gives every perturbed run the result of a solve with fresh buffers', () => {
    // Couples, supplemental lists and reversions; small work bounds make some runs loop, so
    // retries, frozen agents and unresolved results go through the reused buffers as well.
    const bounds: SolveOptions[] = [{ attempts: 1 }, { attempts: 4 }, { attempts: 3, maxReentries: 1 }, { attempts: 2, maxWork: 400 }]
    let unresolved = 0
    let reverted = 0
    for (const seed of [3, 8, 13]) {
      const compiled = compileInstance(generateInstance({ applicants: 500, programs: 70, couples: 40, seed }))
      const plan = createSimulationPlan(compiled)
      const workspace = createSolveWorkspace()
      for (let run = 0; run < 24; run++) {
        const replica = perturbCompiled(plan, 1 + (run % 4), seed, run)
        const options = bounds[run % bounds.length] as SolveOptions
        const fresh = snapshot(solveCompiled(replica, options))
        expect(snapshot(solveCompiled(replica, options, workspace))).toEqual(fresh)
        if (fresh.unresolvedCouples.length + fresh.unresolvedApplicants.length > 0) unresolved++
        reverted += fresh.stats.reversionRounds
      }
    }
    // The instances exercise what the buffers must survive.
    expect(unresolved).toBeGreaterThan(0)
    expect(reverted).toBeGreaterThan(0)
  })

  it('does not reuse the buffers of another instance', () => {
    const workspace = createSolveWorkspace()
    const small = compileInstance(generateInstance({ applicants: 60, programs: 9, couples: 4, seed: 1 }))
    const large = compileInstance(generateInstance({ applicants: 300, programs: 40, couples: 12, seed: 2 }))
    const expected = snapshot(solveCompiled(large))
    solveCompiled(small, {}, workspace)
    expect(snapshot(solveCompiled(large, {}, workspace))).toEqual(expected)
  })
})
