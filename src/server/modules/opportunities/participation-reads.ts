import { sql } from 'drizzle-orm'
import { anyOf } from '#server/db/any-of.ts'
import type { Database } from '#server/db/client.ts'
import { experienceEntries, opportunityApplications } from '#server/db/schema/index.ts'

/** What the office's participation report needs of one student: never which opportunity, never the words. */
export type StudentParticipation = {
  /** At least one application not withdrawn. */
  applied: boolean
  /** At least one application accepted. */
  accepted: boolean
  /** At least one entry in the experience record (from an opportunity or the student's own). */
  experience: boolean
}

/**
 * Participation of these students in two grouped queries however many there are (the office's
 * report, modules/reporting). Students with none of the three are left out of the map.
 */
export async function mapParticipationOfStudents(
  db: Pick<Database, 'select' | 'selectDistinct'>,
  ids: readonly string[],
): Promise<Map<string, StudentParticipation>> {
  const result = new Map<string, StudentParticipation>()
  if (ids.length === 0) return result
  const [applications, entries] = await Promise.all([
    db
      .select({
        studentId: opportunityApplications.studentId,
        applied: sql<boolean>`bool_or(${opportunityApplications.status} <> 'withdrawn')`,
        accepted: sql<boolean>`bool_or(${opportunityApplications.status} = 'accepted')`,
      })
      .from(opportunityApplications)
      .where(anyOf(opportunityApplications.studentId, ids))
      .groupBy(opportunityApplications.studentId),
    db.selectDistinct({ studentId: experienceEntries.studentId }).from(experienceEntries).where(anyOf(experienceEntries.studentId, ids)),
  ])
  for (const a of applications) result.set(a.studentId, { applied: Boolean(a.applied), accepted: Boolean(a.accepted), experience: false })
  for (const e of entries) {
    const known = result.get(e.studentId)
    if (known) known.experience = true
    else result.set(e.studentId, { applied: false, accepted: false, experience: true })
  }
  return result
}
