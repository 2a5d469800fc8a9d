import { CURRICULUM_YEARS, type CurriculumYear, type SkippedStudent, type StudentBehind } from '#shared/contracts/curriculum.ts'

export const BEHIND_STATES = ['any', 'late', 'due-soon'] as const
export type BehindState = (typeof BEHIND_STATES)[number]
export const BEHIND_STATE_LABELS: Record<BehindState, string> = { any: 'Late or due soon', late: 'Late', 'due-soon': 'Due soon' }
export const BEHIND_SORTS = ['name', 'late'] as const
export type BehindSort = (typeof BEHIND_SORTS)[number]
export const BEHIND_SORT_LABELS: Record<BehindSort, string> = { name: 'Name', late: 'Most late first' }

/** The page's address parameters, read leniently: anything unknown falls back to the default. */
const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : fallback
export const yearOf = (value: string | null): CurriculumYear => oneOf(CURRICULUM_YEARS, value, 'year-1')
export const stateOf = (value: string | null): BehindState => oneOf(BEHIND_STATES, value, 'any')
export const sortOf = (value: string | null): BehindSort => oneOf(BEHIND_SORTS, value, 'name')

/**
 * The students behind, narrowed to one milestone (or any) and one state, sorted by name or by
 * how many milestones are late (then by name, so the order never depends on the server's).
 */
export function filterBehind(students: readonly StudentBehind[], filter: { milestoneId: string; state: BehindState; sort: BehindSort }): StudentBehind[] {
  const has = (ids: readonly string[]) => (filter.milestoneId ? ids.includes(filter.milestoneId) : ids.length > 0)
  const kept = students.filter((s) => (filter.state === 'late' ? has(s.late) : filter.state === 'due-soon' ? has(s.dueSoon) : has(s.late) || has(s.dueSoon)))
  const byName = (a: StudentBehind, b: StudentBehind) => a.name.localeCompare(b.name)
  return kept.sort(filter.sort === 'late' ? (a, b) => b.late.length - a.late.length || byName(a, b) : byName)
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' })

/** "3 students nudged, 2 skipped: Ben Brooks nudged on 2 December; Ana Alvarez has done it." */
export function nudgeReport(nudged: number, skipped: readonly SkippedStudent[]): string {
  const sent = `${nudged} ${nudged === 1 ? 'student' : 'students'} nudged`
  return skipped.length === 0 ? `${sent}.` : `${sent}, ${skipped.length} skipped: ${whySkipped(skipped)}.`
}

/** "Ben Brooks nudged on 2 December; Ana Alvarez has done it" */
export function whySkipped(skipped: readonly SkippedStudent[]): string {
  return skipped
    .map((s) => (s.reason === 'done' ? `${s.name} has done it` : `${s.name} nudged on ${dayMonth.format(new Date(s.lastNudgedAt ?? 0))}`))
    .join('; ')
}
