import { adviseList, normsOf, type ApplicantProfile, type ResidencyProgram, type SmartPickPriors } from '#engines/smart-pick/index.ts'
import type { ListBuilderResponse } from '#shared/contracts/list-builder.ts'

type ScoreRange = Omit<NonNullable<ListBuilderResponse['scoreRange']>, 'summary'>

/** Six decimals on the wire, as the rest of the view (builder.ts). */
const round6 = (n: number): number => Math.round(n * 1e6) / 1e6

/**
 * What a student without a Step 2 CK score can honestly be told: not one count, but what the
 * model advises at two published reference scores of the specialty's own applicants — the 2024
 * mean Step 2 CK of U.S. MD seniors who preferred it and did not match, and of those who matched
 * (NRMP Charting Outcomes 2024, in specialty-facts.ts). The figures are the engine's own at each
 * score (everything else from the student's profile); no program list, tiers or badges go with
 * them, and the page says that they firm up once the score is in. Null when the specialty has no
 * published figures to anchor the range.
 */
export function scoreRangeFor(
  applicant: ApplicantProfile,
  specialtyId: string,
  programs: readonly ResidencyProgram[],
  priors: SmartPickPriors,
  target: number,
): ScoreRange | null {
  const facts = normsOf(priors, specialtyId).facts
  if (!facts || programs.length === 0) return null
  const at = (kind: 'unmatched' | 'matched') => {
    const step2 = facts.step2[kind]
    const advice = adviseList({ ...applicant, step2 }, programs, priors, { target })
    return {
      reference: kind,
      step2,
      count: advice.recommendedCount,
      chance: round6(advice.chance),
      applications: advice.applications,
      backupAdvised: advice.backupAdvised,
    }
  }
  return { typicalApplications: normsOf(priors, specialtyId).typicalApplications, scenarios: [at('unmatched'), at('matched')] }
}
