import type { ExperienceKind } from '#shared/enums.ts'
import { APPLICATION_LIMITS, countCharacters } from '#shared/reference/application-limits.ts'
import { ERAS_EXPERIENCES_MAX, type ErasExperienceType } from '#shared/reference/eras-experiences.ts'

/** An ERAS experience description's limit in characters (the AAMC's, see application-limits.ts). */
export const ERAS_DESCRIPTION_LIMIT = APPLICATION_LIMITS['eras-experience'].characters ?? 750

/**
 * The ERAS type an entry of the record most often goes under. Shadowing and clinical electives
 * are training rather than paid work, and a student leader's role is service to a group; the
 * student changes any of these on the page, so this only saves a choice in the common case.
 */
export const ERAS_TYPE_OF_KIND: Record<ExperienceKind, ErasExperienceType> = {
  research: 'research',
  clinical: 'education-training',
  volunteer: 'volunteer-service-advocacy',
  leadership: 'volunteer-service-advocacy',
  teaching: 'teaching-mentoring',
}

export type DraftableEntry = {
  id: string
  kind: ExperienceKind
  title: string
  organization: string
  description: string
  startDate: string | null
  endDate: string | null
  hours: number | null
}

export type DraftedDescription = {
  text: string
  /** The length of the record's words before they were shortened; null when nothing was cut. */
  shortenedFrom: number | null
  /** True when the record had no description and the draft is only the entry's title. */
  fromTitleOnly: boolean
}

/**
 * Cuts `text` to at most `limit` characters (code points, as ERAS counts) at the last word
 * boundary that fits, and marks the cut with an ellipsis, which counts too. A text within the
 * limit comes back as it is. A single word longer than the limit is cut inside the word, since
 * there is no boundary to cut at.
 */
export function truncateAtWord(text: string, limit: number): { text: string; truncated: boolean } {
  const chars = [...text]
  if (chars.length <= limit) return { text, truncated: false }
  const room = chars.slice(0, limit - 1)
  let end = room.length
  // Step back to the start of the word the limit falls in (unless the next character begins a word).
  if (!/\s/.test(chars[limit - 1] ?? ' ')) {
    while (end > 0 && !/\s/.test(room[end - 1] ?? '')) end--
    if (end === 0) end = room.length
  }
  const kept = room
    .slice(0, end)
    .join('')
    .replace(/[\s,;:–—-]+$/u, '')
  return { text: `${kept}…`, truncated: true }
}

/**
 * The description an ERAS draft starts from: the record's own words, with runs of spaces
 * folded (line breaks kept), shortened at a word boundary to the ERAS limit and saying so. An
 * entry with no description starts from its title and organisation, flagged, so the page asks
 * the student to write it rather than passing a title off as a description.
 */
export function draftDescription(entry: Pick<DraftableEntry, 'title' | 'organization' | 'description'>, limit = ERAS_DESCRIPTION_LIMIT): DraftedDescription {
  const own = entry.description
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  const fromTitleOnly = own === ''
  const source = fromTitleOnly ? `${[entry.title.trim(), entry.organization.trim()].filter(Boolean).join(', ')}.` : own
  const cut = truncateAtWord(source, limit)
  return { text: cut.text, shortenedFrom: cut.truncated ? countCharacters(source) : null, fromTitleOnly }
}

/**
 * The order a draft proposes entries in, and which it picks: most hours first (the weight an
 * application reader gives a long commitment), then the most recent end, then the title; the
 * first ten are chosen, the rest offered. The student reorders and picks on the page.
 */
export function proposeOrder<T extends Pick<DraftableEntry, 'title' | 'endDate' | 'startDate' | 'hours'>>(
  entries: readonly T[],
): { entry: T; chosen: boolean }[] {
  const sorted = [...entries].sort(
    (a, b) =>
      (b.hours ?? -1) - (a.hours ?? -1) ||
      (b.endDate ?? b.startDate ?? '').localeCompare(a.endDate ?? a.startDate ?? '') ||
      a.title.localeCompare(b.title, 'en'),
  )
  return sorted.map((entry, i) => ({ entry, chosen: i < ERAS_EXPERIENCES_MAX }))
}
