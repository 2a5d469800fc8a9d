/**
 * An applicant's latent strength on the scale of the match generator (`engines/match/generate.ts`):
 * programs rank their applicants by strength plus noise. Quality of a program is on the same
 * scale (a standard normal), from its competitiveness.
 */
import { normalQuantile } from '#engines/smart-pick/chance.ts'
import { DEFAULT_PRIORS, type ApplicantProfile, type ApplicantType, type ResidencyProgram } from '#engines/smart-pick/index.ts'

/** Mean strength by applicant type (the generator's: U.S. MD 0.55, DO 0.35, IMG −0.75). */
export const TYPE_STRENGTH: Readonly<Record<ApplicantType, number>> = {
  'us-md': 0.55,
  'us-do': 0.35,
  'us-img': -0.6,
  'non-us-img': -0.9,
}

/** Shares of applicants by type in a national market (NRMP 2025, rounded). */
export const TYPE_SHARES: readonly { type: ApplicantType; share: number }[] = [
  { type: 'us-md', share: 0.46 },
  { type: 'us-do', share: 0.19 },
  { type: 'us-img', share: 0.15 },
  { type: 'non-us-img', share: 0.2 },
]

/** Typical Step 2 CK of a specialty's applicants (the list builder's priors). */
export function typicalStep2(specialty: string): number {
  return DEFAULT_PRIORS.specialtyStep2[specialty] ?? DEFAULT_PRIORS.defaultSpecialtyStep2
}

/**
 * A student's strength for programs of `specialty`: the type's mean, plus 0.06 per Step 2 CK
 * point from the specialty's typical score (15 points ≈ one standard deviation ≈ 0.9), plus
 * small terms for AOA, Gold Humanism, clerkship honors and research against a typical applicant
 * (Texas STAR 2023: 2.4 honors). No profile: the mean U.S. MD.
 */
export function strengthOf(profile: ApplicantProfile | null, specialty: string): number {
  if (!profile) return TYPE_STRENGTH['us-md']
  let q = TYPE_STRENGTH[profile.applicantType]
  if (typeof profile.step2 === 'number') q += 0.06 * Math.max(-30, Math.min(30, profile.step2 - typicalStep2(specialty)))
  if (profile.alphaOmegaAlpha) q += 0.3
  if (profile.goldHumanism) q += 0.1
  q += 0.04 * (Math.min(profile.clerkshipHonors, 7) - 2.4)
  q += 0.02 * (Math.min(profile.researchItems, 15) - 5)
  return q
}

/** A program's quality on the standard normal scale: the probit of its competitiveness. */
export function qualityOf(program: ResidencyProgram): number {
  return normalQuantile(Math.min(0.98, Math.max(0.02, program.competitiveness)))
}
