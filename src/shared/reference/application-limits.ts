/**
 * How long each kind of application document may be, and where each figure comes from.
 *
 * Preceptor shows a live count against a limit only when the limit has a published source it
 * can cite. The school's reference data (the ERAS facts the office keeps with their sources)
 * holds no character limit for the CV, the personal statement, the experience descriptions, the
 * "most meaningful" reflections or the MSPE noteworthy characteristics, so every ERAS limit
 * below is `null`: the page says that no sourced limit is on record and shows the count alone,
 * rather than a number nobody can check. When the office adds a figure with its source, it goes
 * here, and every count, warning and test picks it up.
 *
 * The one limit that always applies is Preceptor's own storage cap (`MATERIAL_STORAGE_LIMIT`),
 * which is not an application rule: it keeps one version to a size the diff and review pages
 * stay fast on. Text over it is refused with a field error, and the page warns before it.
 */

export type SourcedLimit = {
  /** Characters, spaces and line breaks included; null when no sourced figure is on record. */
  characters: number | null
  /** Who publishes the figure and where; null with `characters`. */
  source: string | null
}

export const MATERIAL_KINDS = ['cv', 'personal-statement', 'eras-experience', 'meaningful-experience', 'mspe-noteworthy', 'free-form'] as const
export type MaterialKind = (typeof MATERIAL_KINDS)[number]

export const MATERIAL_KIND_LABELS: Record<MaterialKind, string> = {
  cv: 'CV',
  'personal-statement': 'Personal statement',
  'eras-experience': 'ERAS experience description',
  'meaningful-experience': 'ERAS "most meaningful" reflection',
  'mspe-noteworthy': 'MSPE noteworthy characteristic',
  'free-form': 'Other document',
}

const NO_SOURCED_LIMIT: SourcedLimit = { characters: null, source: null }

/** The application limit of each kind. None has a sourced figure in the office's reference data yet (see above). */
export const APPLICATION_LIMITS: Record<MaterialKind, SourcedLimit> = {
  cv: NO_SOURCED_LIMIT,
  'personal-statement': NO_SOURCED_LIMIT,
  'eras-experience': NO_SOURCED_LIMIT,
  'meaningful-experience': NO_SOURCED_LIMIT,
  'mspe-noteworthy': NO_SOURCED_LIMIT,
  'free-form': NO_SOURCED_LIMIT,
}

/** Preceptor's own cap on one version's text (not an application rule): about 30 pages of prose. */
export const MATERIAL_STORAGE_LIMIT = 60_000

/** The share of a limit at which the page starts warning. */
export const NEAR_LIMIT_SHARE = 0.9

export type LimitState = 'no-limit' | 'within' | 'near' | 'over'

/**
 * Characters as ERAS-style counters and people count them: by Unicode code point, so an
 * accented letter or an emoji is one character, with spaces and line breaks included.
 */
export function countCharacters(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/** Where a count stands against a limit: warn from `NEAR_LIMIT_SHARE` of it, over past it. */
export function limitState(count: number, limit: number | null): LimitState {
  if (limit === null) return 'no-limit'
  if (count > limit) return 'over'
  if (count >= Math.ceil(limit * NEAR_LIMIT_SHARE)) return 'near'
  return 'within'
}
