import { describe, expect, it } from 'vitest'
import { syntheticClass } from '#engines/class-simulation/testing.ts'
import type { ClassSimulationProgress } from '#engines/class-simulation/index.ts'
import { runClassSimulation } from './run-class-simulation.ts'

describe('runClassSimulation progress', () => {
  it('reports each market as it is drawn, before the runs, then the runs', async () => {
    const input = syntheticClass({ students: 6, programs: { 'internal-medicine': 12, pediatrics: 8 }, runs: 12, markets: 3, seed: 3 })
    const reports: ClassSimulationProgress[] = []
    await runClassSimulation(input, { workers: 0, onProgress: (p) => reports.push(p) })
    // First what is coming, then the three markets, with no run done yet.
    expect(reports.slice(0, 4).map((r) => [r.marketsDrawn, r.runsDone])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
    ])
    expect(reports.every((r) => r.markets === 3 && r.runs === 12)).toBe(true)
    expect(reports.at(-1)?.runsDone).toBe(12)
    expect(reports.at(-1)?.marketMs).toBeGreaterThan(0)
  }, 30_000)
})
