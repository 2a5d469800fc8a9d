import type { ProgramSetting, ProgramTrack, Region } from '#engines/smart-pick/types.ts'

export const TRACK_LABELS: Record<ProgramTrack, string> = {
  categorical: 'Categorical',
  preliminary: 'Preliminary (one year)',
  advanced: 'Advanced (starts in PGY-2)',
  reserved: 'Reserved (PGY-2, for physicians)',
}

export const TRACK_HINTS: Record<ProgramTrack, string> = {
  categorical: 'Full training from the first year.',
  preliminary: 'A single first (PGY-1) year, often before an advanced program.',
  advanced: 'Starts in the second year: you also need a preliminary or transitional year, on a supplemental list.',
  reserved: 'Second-year positions for physicians who already have a first year.',
}

export const SETTING_LABELS: Record<ProgramSetting, string> = {
  academic: 'Academic medical center',
  'university-affiliated': 'University-affiliated',
  community: 'Community-based',
}

export const REGION_LABELS: Record<Region, string> = {
  northeast: 'Northeast',
  midwest: 'Midwest',
  south: 'South',
  west: 'West',
}

/** A 0–1 scale in words a student can use. */
export function levelWords(value: number): string {
  return value >= 0.67 ? 'high' : value >= 0.34 ? 'medium' : 'low'
}
