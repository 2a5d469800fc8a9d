import type { ProgramListStatusValue } from '#shared/contracts/list-builder.ts'

export const APPLICANT_TYPE_LABELS: Record<'us-md' | 'us-do' | 'us-img' | 'non-us-img', string> = {
  'us-md': 'U.S. MD',
  'us-do': 'U.S. DO',
  'us-img': 'U.S.-citizen international graduate (IMG)',
  'non-us-img': 'Non-U.S.-citizen international graduate (IMG)',
}

export const SETTING_LABELS: Record<'academic' | 'community' | 'university-affiliated', string> = {
  academic: 'Academic',
  community: 'Community',
  'university-affiliated': 'University-affiliated',
}

export const TIER_LABELS: Record<'reach' | 'target' | 'likely', string> = { reach: 'Reach', target: 'Target', likely: 'Likely' }

export const TIER_EXPLANATIONS: Record<'reach' | 'target' | 'likely', string> = {
  reach: 'interview chance under 25\u00a0%',
  target: 'interview chance 25\u00a0% to 60\u00a0%',
  likely: 'interview chance 60\u00a0% or more (or an interview already offered)',
}

/** "34 %", the number and its "%" joined by a no-break space; the ends that rounding would hide said in words. */
export function pct(p: number): string {
  const v = Math.round(p * 100)
  if (v >= 100 && p < 1) return '>99\u00a0%'
  if (v <= 0 && p > 0) return '<1\u00a0%'
  return `${v}\u00a0%`
}

export const STATUS_ORDER: readonly ProgramListStatusValue[] = [
  'considering',
  'applying',
  'applied',
  'interview-offered',
  'interviewed',
  'withdrawn',
  'rejected',
]
