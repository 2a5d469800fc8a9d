import type { ClassYear } from './enums.ts'

/** How far along a class year is; a research year sits between M3 and M4. */
export const CLASS_YEAR_STEP: Record<ClassYear, number> = { M1: 1, M2: 2, M3: 3, research: 3.5, M4: 4 }

/**
 * Whether a near-peer is "a year or two ahead" of the student: never a classmate or someone
 * behind. Unknown years: a student without one accepts anyone ahead of nobody in particular (true);
 * a mentor without one cannot be shown to be ahead (false). The advising board's near-peer slot
 * and the mentor team's near-peer stage share this rule.
 */
export function isYearOrTwoAhead(student: ClassYear | null | undefined, mentor: ClassYear | null | undefined): boolean {
  if (!student) return true
  if (!mentor) return false
  const gap = CLASS_YEAR_STEP[mentor] - CLASS_YEAR_STEP[student]
  return gap > 0 && gap <= 2
}
