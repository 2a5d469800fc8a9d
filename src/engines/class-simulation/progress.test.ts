import { describe, expect, it } from 'vitest'
import { marketsOfRuns, progressShare, type ClassSimulationProgress } from './progress.ts'

const start: ClassSimulationProgress = { marketsDrawn: 0, markets: 20, runsDone: 0, runs: 1000, marketMs: 0, runMs: 0 }

describe('progressShare', () => {
  it('moves while markets are drawn, before any run is done', () => {
    // 10 of 20 markets at 2 s each, no run yet: about half of the market work, not 0 %.
    const share = progressShare({ ...start, marketsDrawn: 10, marketMs: 20_000 })
    expect(share).toBeGreaterThan(0.1)
    expect(progressShare({ ...start, marketsDrawn: 20, marketMs: 40_000 })).toBeGreaterThan(share)
  })

  it('weighs a market draw by its measured cost against a run', () => {
    // Markets drawn (20 × 2 s) and 100 runs at 40 ms: 40 s of about 40 + 40 s of work.
    const share = progressShare({ ...start, marketsDrawn: 20, marketMs: 40_000, runsDone: 100, runMs: 4_000 })
    expect(share).toBeCloseTo((40_000 + 4_000) / (40_000 + 40_000), 2)
  })

  it('is 1 when every run is done and never more', () => {
    expect(progressShare({ ...start, marketsDrawn: 20, marketMs: 1, runsDone: 1000, runMs: 1 })).toBe(1)
    expect(progressShare({ ...start, runs: 0 })).toBe(0)
  })
})

describe('marketsOfRuns', () => {
  it('lists the markets a thread draws, each once', () => {
    expect(marketsOfRuns(4, [0, 2, 4, 6, 8])).toEqual([0, 2])
    expect(marketsOfRuns(3, [0, 2, 4, 6])).toEqual([0, 2, 1])
  })
})
