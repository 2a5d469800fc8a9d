import type { ParticipationReport, ParticipationRow } from '#shared/contracts/office-reports.ts'
import { CLASS_YEARS, type ClassYear } from '#shared/enums.ts'
import { SPECIALTIES_BY_NAME } from '#shared/reference/specialties.ts'

/** What the participation report knows of one student. */
export type StudentParticipationFacts = {
  classYear: ClassYear
  /** The first specialty the student names; null when undecided. */
  declaredSpecialtyId: string | null
  applied: boolean
  accepted: boolean
  experience: boolean
}

function rowOf(students: readonly StudentParticipationFacts[]): ParticipationRow {
  let applied = 0
  let accepted = 0
  let experience = 0
  for (const s of students) {
    if (s.applied) applied++
    if (s.accepted) accepted++
    if (s.experience) experience++
  }
  return { students: students.length, applied, accepted, experience }
}

/**
 * Participation in opportunities by class year (every year) and by specialty interest (those
 * with students, in name order, undecided last). These are the office's own groupings, like the
 * dashboard's class years; the split by self-identified group is `splitByGroup`'s, suppressed.
 */
export function participationFigures(students: readonly StudentParticipationFacts[]): Pick<ParticipationReport, 'byClassYear' | 'bySpecialty' | 'total'> {
  const bySpecialty = new Map<string | null, StudentParticipationFacts[]>()
  for (const s of students) bySpecialty.set(s.declaredSpecialtyId, [...(bySpecialty.get(s.declaredSpecialtyId) ?? []), s])
  const known = SPECIALTIES_BY_NAME.map((s) => s.id)
  const others = [...bySpecialty.keys()].filter((id): id is string => id !== null && !known.includes(id)).sort()
  return {
    byClassYear: CLASS_YEARS.map((classYear) => ({ classYear, ...rowOf(students.filter((s) => s.classYear === classYear)) })),
    bySpecialty: [...known, ...others, null].flatMap((specialtyId) => {
      const group = bySpecialty.get(specialtyId)
      return group ? [{ specialtyId, ...rowOf(group) }] : []
    }),
    total: rowOf(students),
  }
}
