import type { ApplicationProfileInput } from '#shared/contracts/list-builder.ts'

/**
 * The first-hour student of issue 13 (U.S. MD, Step 2 CK 245, 3 research items, 2 honors, ties to
 * OH and MI, 5 signals, target 80 %), as the API's profile form and `preceptor list-builder
 * --profile` take it: a complete profile, so the list builder gives its full advice.
 */
export function firstHourProfile(preferredSpecialtyId: string): ApplicationProfileInput {
  return {
    applicantType: 'us-md',
    step2: 245,
    step1: 'pass',
    researchItems: 3,
    alphaOmegaAlpha: false,
    goldHumanism: false,
    clerkshipHonors: 2,
    experiences: 6,
    awayRotationProgramIds: [],
    preferredSpecialtyId,
    backupSpecialtyId: null,
    preferredStates: [],
    preferredRegions: [],
    tieStates: ['OH', 'MI'],
    tieRegions: [],
    settingPreferences: [],
    needsVisa: false,
    signalsAvailable: 5,
    targetChance: 0.8,
  }
}
