/**
 * Class simulation: a school's students' rank order lists run through the match engine inside
 * simulated national markets, many times, to see who is at risk of not matching.
 * Pure: no I/O, no clock; deterministic for a seed. See docs/class-simulation.md.
 */
export * from './types.ts'
export { buildMarket, cleanLists, marketKeyOf, MARKET_DEFAULTS, marketScaleOf, rankedProgramIds, type Market } from './market.ts'
export { qualityOf, strengthOf, typicalStep2 } from './strength.ts'
export {
  createClassPlan,
  createClassTally,
  defaultMarkets,
  marketOf,
  mergeClassTallies,
  runClassRun,
  runClassRuns,
  runsOfWorker,
  SIMULATION_DEFAULTS,
  type ClassPlan,
  type ClassTally,
  type MarketSize,
} from './simulate-class.ts'
export { ASSUMED_RUNS_PER_MARKET_DRAW, marketsOfRuns, progressShare, type ClassSimulationProgress } from './progress.ts'
export { atRiskFlags, listTiers, matchStandardError, summarizeClassSimulation, TIER_GAP } from './summarize.ts'
