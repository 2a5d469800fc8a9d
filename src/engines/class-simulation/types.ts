/**
 * Inputs and outputs of the class simulation: a school's students' rank order lists run through
 * the match engine inside a simulated national market, many times (see docs/class-simulation.md).
 */
import type { ApplicantProfile, ResidencyProgram } from '#engines/smart-pick/index.ts'

/** One student of the class, as the simulation reads them. */
export type ClassStudent = {
  /** Opaque id (a person id); also the applicant id in the match instances. */
  id: string
  /** The application profile, for strength and tiers; null when the student has none yet. */
  profile: ApplicantProfile | null
  /**
   * The primary rank order list, most preferred first. For a partner in a couple, line by line
   * the partner's side of the joint list, `null` meaning "No Match" on that line.
   */
  primary: (string | null)[]
  /** Supplemental PGY-1 lists, each attached to an advanced program on the primary list. */
  supplemental: { advanced: string; ranks: string[] }[]
}

/** A couple of the class: both members are students of the class, their lists read line by line. */
export type ClassCouple = { members: [string, string] }

export type ClassSimulationOptions = {
  runs: number
  seed: number | string
  /** Noise σ of programs' lists, in rank positions (the engine's noise model). Default 2. */
  noise?: number
  /**
   * Independent draws of the rest of the national market (competing applicants, their lists,
   * programs' lists). Runs cycle through them; each is compiled once. Default 8.
   */
  markets?: number
  /** Applicants per position in a market of average competitiveness (NRMP 2025: 47,208 / 43,237 ≈ 1.09). Default 1.09. */
  applicantsPerPosition?: number
  /**
   * Share of the programs the class does not rank kept in each market (0–1); default: enough
   * for about 12,000 positions in all. Each program keeps its competition (applicants per position).
   */
  marketScale?: number
  /** Share of its applicants a program leaves off its list, weighted towards weaker ones. Default 0.15. */
  dropRate?: number
}

export type ClassSimulationInput = {
  students: readonly ClassStudent[]
  couples?: readonly ClassCouple[]
  /**
   * Every program of the specialties the class ranks (the market), plus any PGY-1 programs on
   * supplemental lists. Programs the class ranks must be here.
   */
  programs: readonly ResidencyProgram[]
  options: ClassSimulationOptions
}

export const AT_RISK_REASONS = ['short-list', 'reach-heavy', 'one-specialty', 'low-match-chance'] as const
export type AtRiskReason = (typeof AT_RISK_REASONS)[number]

export type AtRiskFlag = { reason: AtRiskReason; message: string }

/** Thresholds of the at-risk flags; the defaults and where they come from are in docs/class-simulation.md. */
export type AtRiskThresholds = {
  /** Flag a primary list with fewer programs than this (matched applicants rank ≈ 10, unmatched ≈ 4). */
  shortListBelow: number
  /** Flag a list where more than this share of ranked programs are "reach" for the student. */
  reachShareAbove: number
  /** Flag a list in one specialty only when P(match) is below this. */
  oneSpecialtyBelow: number
  /** Flag P(match) below this. */
  lowMatchBelow: number
  /**
   * The list's shape (short, mostly reaches) is a risk only while the simulated chance of matching
   * is below this: a student who matched in (nearly) every simulated market is not at risk of not
   * matching, however short the list.
   */
  listShapeBelow: number
}

export const DEFAULT_AT_RISK: AtRiskThresholds = { shortListBelow: 8, reachShareAbove: 0.5, oneSpecialtyBelow: 0.9, lowMatchBelow: 0.8, listShapeBelow: 0.95 }

export type StudentOutcome = {
  id: string
  listLength: number
  /** P(match), its Monte Carlo standard error and a 95 % interval. */
  pMatch: number
  pMatchSe: number
  pMatchLow: number
  pMatchHigh: number
  /** P(matched one of the first three lines of the list). */
  pTop3: number
  /** Mean rank (1 = first choice) among runs where the student matched; null if never matched. */
  expectedRank: number | null
  expectedRankSe: number | null
  /** `rankCounts[k]`: runs matched at rank k + 1; `rankCounts[listLength]`: runs unmatched. */
  rankCounts: number[]
  tiers: { reach: number; target: number; likely: number }
  specialties: string[]
  flags: AtRiskFlag[]
}

export type ClassSimulationResult = {
  runs: number
  markets: number
  noise: number
  students: StudentOutcome[]
  /** Over the class: runs matched at rank 1, 2, …, then `unmatched`. */
  rankHistogram: { rank: number | 'unmatched'; runs: number }[]
  /** `classMatchRate[i]`: runs in which exactly `i` of the simulated students matched. */
  matchedCountHistogram: number[]
  meanMatchRate: number
  /** Applicants and positions in the simulated markets (one draw). */
  market: { applicants: number; positions: number; programs: number; specialties: number; scale: number }
  unresolvedRuns: number
}
