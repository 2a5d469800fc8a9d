/**
 * Smart Pick, the residency list builder's model: per-program chances of an interview and of
 * matching with their factors and intervals, the chance of matching from a list, how many
 * programs to apply to, signals, a backup plan, and calibration on a school's own outcomes.
 * Pure: no I/O, no clock, no randomness outside the seeded synthetic data. See docs/smart-pick.md.
 */
export {
  interviewChance,
  matchChanceGivenInterview,
  matchChanceGivenInterviews,
  tierOf,
  type MatchGivenInterviewsCurve,
} from './chance.ts'
export {
  buildProgramList,
  chanceOfMatchingGivenApplications,
  planBackup,
  planSignals,
  recommendApplicationCount,
  type ApplicationCountRecommendation,
  type BackupPlan,
  type CurvePoint,
  type MatchChanceResult,
  type ProgramListEntry,
  type RecommendOptions,
  type SignalChoice,
  type SignalPlan,
} from './applications.ts'
export { poissonBinomial } from './poisson-binomial.ts'
export { summarizePrograms, type ChanceSummary, type ProgramSummary } from './program-summaries.ts'
export {
  calibrationReport,
  evaluateHeldOutYears,
  fitCalibration,
  predictInterviews,
  predictMatches,
  type Calibration,
  type CalibrationBin,
  type CalibrationReport,
  type HeldOutEvaluation,
  type PastApplication,
  type PastOutcome,
} from './calibration.ts'
export { DEFAULT_DERIVATION, DEFAULT_PRIORS, derivePriors, fitContiguousRanks, type Derivation } from './derive-priors.ts'
export {
  CITED_FIGURES,
  INTERVIEW_FEATURES,
  INTERVIEW_SPECS,
  MATCH_FEATURES,
  MATCH_SPECS,
  REFERENCE,
  SPECIALTY_STEP2,
  type CoefficientBlock,
  type SmartPickPriors,
} from './priors.ts'
export { drawOutcomes, generateApplicants, generatePrograms } from './synthetic.ts'
export * from './types.ts'
export { REALISTIC_WITH_SIGNAL, adviseList, placeSignals, type ListAdvice, type ListAdviceOptions, type PlacedSignal } from './advise-list.ts'
export { normsOf, specialtyStep2 } from './chance.ts'
export { predictCohort, type CohortResult } from './cohort.ts'
export { SPECIALTY_FACTS, TYPE_GAP_FIGURES, seniorMatchRate, type SpecialtyFacts } from './specialty-facts.ts'
export type { SpecialtyNorms } from './specialty-norms.ts'
