import type { SeasonListItem, SeasonMeasure, SeasonRow } from '#shared/contracts/season-reports.ts'
import { CLASS_YEARS, type ClassYear } from '#shared/enums.ts'

/** What the season dashboard knows of one student, gathered from the owners (list builder, rank lists, class simulation). */
export type SeasonStanding = {
  id: string
  name: string
  classYear: ClassYear
  /** Saved, with a preferred specialty and a Step 1 or Step 2 result (the curriculum's rule). */
  profileComplete: boolean
  preferredSpecialtyId: string | null
  programs: number
  /** The specialty's typical number of applications; null without a preferred specialty. */
  typicalApplications: number | null
  rankList: SeasonListItem['rankList']
  /** Reasons in words from the newest finished simulation that included the student; null: never simulated. */
  atRiskReasons: string[] | null
}

/**
 * A complete application profile: saved, with a preferred specialty and a Step 1 or Step 2
 * result — the same words as the curriculum's milestone rule `application-profile-complete`.
 */
export function isProfileComplete(profile: { preferredSpecialtyId: string | null; step1: unknown; step2: unknown } | undefined): boolean {
  return profile !== undefined && profile.preferredSpecialtyId !== null && (profile.step1 !== null || profile.step2 !== null)
}

/**
 * Whether a student counts under a measure. "Below the guide" asks only of students with a
 * preferred specialty and at least one program on their list: a student who has not started a
 * list is counted by "profile not complete" or shows no list, not twice.
 */
export function seasonHasMeasure(s: SeasonStanding, measure: SeasonMeasure): boolean {
  switch (measure) {
    case 'all':
      return true
    case 'profile-complete':
      return s.profileComplete
    case 'profile-incomplete':
      return !s.profileComplete
    case 'below-guide':
      return s.typicalApplications !== null && s.programs > 0 && s.programs < s.typicalApplications
    case 'rank-list-submitted':
      // A list signed off was submitted first; a change after sign-off is still a submitted list.
      return s.rankList !== 'draft'
    case 'rank-list-signed-off':
      return s.rankList === 'signed-off'
    case 'at-risk':
      return s.atRiskReasons !== null && s.atRiskReasons.length > 0
  }
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function seasonRow(classYear: ClassYear | null, students: readonly SeasonStanding[]): SeasonRow {
  const countOf = (measure: SeasonMeasure) => students.reduce((n, s) => n + (seasonHasMeasure(s, measure) ? 1 : 0), 0)
  const lists = students.filter((s) => s.programs > 0).map((s) => s.programs)
  return {
    classYear,
    students: students.length,
    profileComplete: countOf('profile-complete'),
    withList: lists.length,
    medianPrograms: median(lists),
    belowGuide: countOf('below-guide'),
    rankListSubmitted: countOf('rank-list-submitted'),
    rankListSignedOff: countOf('rank-list-signed-off'),
    simulated: students.filter((s) => s.atRiskReasons !== null).length,
    atRisk: countOf('at-risk'),
  }
}

/** The season's figures per class year (every year, in the curriculum's order) and in total. */
export function seasonFigures(students: readonly SeasonStanding[]): { byClassYear: SeasonRow[]; total: SeasonRow } {
  return {
    byClassYear: CLASS_YEARS.map((year) =>
      seasonRow(
        year,
        students.filter((s) => s.classYear === year),
      ),
    ),
    total: seasonRow(null, students),
  }
}

/** The students behind a figure, by name. */
export function seasonBehind(students: readonly SeasonStanding[], measure: SeasonMeasure, classYear: ClassYear | null): SeasonStanding[] {
  return students
    .filter((s) => (classYear === null || s.classYear === classYear) && seasonHasMeasure(s, measure))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}
