/**
 * How long each kind of application document may be, and where each figure comes from.
 *
 * Preceptor shows a live count against a limit only when the limit has a published source it
 * can cite. The AAMC's MyERAS guide publishes three: the personal statement (28,000 characters),
 * an experience's description (750) and a "most meaningful" reflection (300), all counting
 * letters, numbers, spaces and punctuation. A CV is not one ERAS field, and no sourced figure is
 * on record for the MSPE's noteworthy characteristics, so those limits are `null`: the page says
 * that none is on record and shows the count alone, rather than a number nobody can check. When
 * the office adds a figure with its source, it goes here, and every count, warning and test picks
 * it up.
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

const ERAS_GUIDE = 'the AAMC’s MyERAS guide, 2025 season'

/** The application limit of each kind, with its source where one is published (see above). */
export const APPLICATION_LIMITS: Record<MaterialKind, SourcedLimit> = {
  cv: NO_SOURCED_LIMIT,
  'personal-statement': { characters: 28_000, source: `${ERAS_GUIDE}, “Personal Statement”` },
  'eras-experience': { characters: 750, source: `${ERAS_GUIDE}, “Experiences” (up to 10 experiences)` },
  'meaningful-experience': { characters: 300, source: `${ERAS_GUIDE}, “Experiences” (up to 3 most meaningful)` },
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
