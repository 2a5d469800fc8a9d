import type { ApplicantProfile, ApplicantType, ProgramSetting, Region, Step1Result } from '#engines/smart-pick/index.ts'
import type { ApplicationProfileInput } from '#shared/contracts/list-builder.ts'

/** The stored profile as this module reads it (a subset of `application_profiles`). */
export type StoredProfile = {
  applicantType: ApplicantType
  step2: number | null
  step1: string | null
  researchItems: number
  alphaOmegaAlpha: boolean
  goldHumanism: boolean
  clerkshipHonors: number
  experiences: number
  awayRotationProgramIds: string[]
  preferredSpecialtyId: string | null
  backupSpecialtyId: string | null
  preferredStates: string[]
  preferredRegions: Region[]
  tieStates: string[]
  tieRegions: Region[]
  settingPreferences: ProgramSetting[]
  needsVisa: boolean
  signalsAvailable: number
  targetChance: number
  updatedAt: Date | null
}

/** What a student who has not saved a profile yet is taken to be: the model's reference U.S. MD, no scores yet. */
export const DEFAULT_PROFILE: StoredProfile = {
  applicantType: 'us-md',
  step2: null,
  step1: null,
  researchItems: 0,
  alphaOmegaAlpha: false,
  goldHumanism: false,
  clerkshipHonors: 0,
  experiences: 0,
  awayRotationProgramIds: [],
  preferredSpecialtyId: null,
  backupSpecialtyId: null,
  preferredStates: [],
  preferredRegions: [],
  tieStates: [],
  tieRegions: [],
  settingPreferences: [],
  needsVisa: false,
  signalsAvailable: 0,
  targetChance: 0.9,
  updatedAt: null,
}

/** Step 1 as stored (`pass`, `fail` or a score as text) to the model's form. */
export function parseStep1(value: string | null): Step1Result | null {
  if (value === null || value === '') return null
  if (value === 'pass' || value === 'fail') return value
  const score = Number(value)
  return Number.isInteger(score) ? score : null
}

export function step1ToText(value: ApplicationProfileInput['step1']): string | null {
  return value === null ? null : String(value)
}

/** Input → the columns written, with de-duplicated lists (states upper-case, order kept). */
export function toStoredColumns(input: ApplicationProfileInput) {
  const unique = <T>(values: readonly T[]): T[] => [...new Set(values)]
  return {
    applicantType: input.applicantType,
    step2: input.step2,
    step1: step1ToText(input.step1),
    researchItems: input.researchItems,
    alphaOmegaAlpha: input.alphaOmegaAlpha,
    goldHumanism: input.goldHumanism,
    clerkshipHonors: input.clerkshipHonors,
    experiences: input.experiences,
    awayRotationProgramIds: unique(input.awayRotationProgramIds),
    preferredSpecialtyId: input.preferredSpecialtyId,
    backupSpecialtyId: input.backupSpecialtyId,
    preferredStates: unique(input.preferredStates.map((s) => s.toUpperCase())),
    preferredRegions: unique(input.preferredRegions),
    tieStates: unique(input.tieStates.map((s) => s.toUpperCase())),
    tieRegions: unique(input.tieRegions),
    settingPreferences: unique(input.settingPreferences),
    needsVisa: input.needsVisa,
    signalsAvailable: input.signalsAvailable,
    targetChance: input.targetChance,
  }
}

/**
 * The stored profile as the model reads it, for `specialty`, with the programs the student
 * has signalled (from their program list).
 */
export function toApplicantProfile(profile: Omit<StoredProfile, 'updatedAt'>, specialty: string, signalledProgramIds: readonly string[]): ApplicantProfile {
  return {
    applicantType: profile.applicantType,
    step2: profile.step2,
    step1: parseStep1(profile.step1),
    researchItems: profile.researchItems,
    alphaOmegaAlpha: profile.alphaOmegaAlpha,
    goldHumanism: profile.goldHumanism,
    clerkshipHonors: profile.clerkshipHonors,
    experiences: profile.experiences,
    awayRotations: profile.awayRotationProgramIds,
    preferredSpecialty: specialty,
    backupSpecialty: profile.backupSpecialtyId,
    geographicPreferences: { states: profile.preferredStates, regions: profile.preferredRegions },
    ties: { states: profile.tieStates, regions: profile.tieRegions },
    settingPreferences: profile.settingPreferences,
    needsVisa: profile.needsVisa,
    signalsAvailable: profile.signalsAvailable,
    signalledProgramIds,
  }
}
