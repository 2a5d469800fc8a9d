import fc from 'fast-check'
import { APPLICANT_TYPES, PROGRAM_SETTINGS, REGIONS, type ApplicantProfile, type ResidencyProgram } from '../types.ts'

/** A typical U.S. MD applicant to internal medicine; override what a test needs. */
export function buildApplicant(overrides: Partial<ApplicantProfile> = {}): ApplicantProfile {
  return {
    applicantType: 'us-md',
    step2: 246,
    step1: 'pass',
    researchItems: 3,
    alphaOmegaAlpha: false,
    goldHumanism: false,
    clerkshipHonors: 2,
    experiences: 6,
    awayRotations: [],
    preferredSpecialty: 'internal-medicine',
    backupSpecialty: 'family-medicine',
    geographicPreferences: { states: [], regions: [] },
    ties: { states: [], regions: [] },
    settingPreferences: [],
    needsVisa: false,
    signalsAvailable: 0,
    signalledProgramIds: [],
    ...overrides,
  }
}

/** A typical internal-medicine program in Massachusetts; override what a test needs. */
export function buildProgram(overrides: Partial<ResidencyProgram> = {}): ResidencyProgram {
  return {
    id: 'im-ma-1',
    specialty: 'internal-medicine',
    track: 'categorical',
    state: 'MA',
    region: 'northeast',
    positions: 12,
    setting: 'academic',
    sponsorsVisa: true,
    step2Range: { p25: 240, p75: 250 },
    researchEmphasis: 0.5,
    competitiveness: 0.5,
    ...overrides,
  }
}

const STATES = ['MA', 'NY', 'TX', 'CA', 'OH', 'FL', 'WA'] as const
const REGION_OF: Record<(typeof STATES)[number], (typeof REGIONS)[number]> = {
  MA: 'northeast',
  NY: 'northeast',
  TX: 'south',
  CA: 'west',
  OH: 'midwest',
  FL: 'south',
  WA: 'west',
}

export const arbitraryProgram = (id: string): fc.Arbitrary<ResidencyProgram> =>
  fc
    .record({
      state: fc.constantFrom(...STATES),
      setting: fc.constantFrom(...PROGRAM_SETTINGS),
      sponsorsVisa: fc.boolean(),
      mid: fc.integer({ min: 215, max: 265 }),
      half: fc.integer({ min: 2, max: 10 }),
      researchEmphasis: fc.double({ min: 0, max: 1, noNaN: true }),
      competitiveness: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ state, setting, sponsorsVisa, mid, half, researchEmphasis, competitiveness }) =>
      buildProgram({
        id,
        state,
        region: REGION_OF[state],
        setting,
        sponsorsVisa,
        step2Range: { p25: mid - half, p75: mid + half },
        researchEmphasis,
        competitiveness,
      }),
    )

export const arbitraryPrograms = (min: number, max: number): fc.Arbitrary<ResidencyProgram[]> =>
  fc.integer({ min, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbitraryProgram(`p${i}`))))

export const arbitraryApplicant = (programIds: readonly string[] = []): fc.Arbitrary<ApplicantProfile> =>
  fc
    .record({
      applicantType: fc.constantFrom(...APPLICANT_TYPES),
      step2: fc.option(fc.integer({ min: 200, max: 280 }), { nil: null }),
      step1: fc.constantFrom('pass' as const, 'fail' as const, 230),
      researchItems: fc.integer({ min: 0, max: 40 }),
      alphaOmegaAlpha: fc.boolean(),
      goldHumanism: fc.boolean(),
      clerkshipHonors: fc.integer({ min: 0, max: 8 }),
      experiences: fc.integer({ min: 0, max: 30 }),
      tieStates: fc.subarray([...STATES]),
      tieRegions: fc.subarray([...REGIONS]),
      preferredRegions: fc.subarray([...REGIONS]),
      needsVisa: fc.boolean(),
      away: fc.subarray([...programIds]),
      signalled: fc.subarray([...programIds]),
    })
    .map((r) =>
      buildApplicant({
        applicantType: r.applicantType,
        step2: r.step2,
        step1: r.step1,
        researchItems: r.researchItems,
        alphaOmegaAlpha: r.alphaOmegaAlpha,
        goldHumanism: r.goldHumanism,
        clerkshipHonors: r.clerkshipHonors,
        experiences: r.experiences,
        ties: { states: r.tieStates, regions: r.tieRegions },
        geographicPreferences: { states: [], regions: r.preferredRegions },
        needsVisa: r.needsVisa,
        awayRotations: r.away,
        signalledProgramIds: r.signalled,
      }),
    )
