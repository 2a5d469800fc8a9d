import type { Database } from '#server/db/client.ts'
import { listMentorChangesSince, type MentorChange, readDirectoryRevision } from '../directory/mentor-entries.ts'
import type { ClassYear } from '#shared/enums.ts'
import { listActiveStudentMatchingFacts, listStudentFactsByIds, listStudentMatchingFactsByIds, type StudentMatchingFacts } from '../profiles/profile-reads.ts'

/**
 * What "Mentors for you" reads. The module owns no table: mentors come from the directory's
 * change feed (its listing rule included), students' profiles from profiles' published reads.
 */
export function createRecommendationsRepository(db: Database) {
  return {
    /** The directory's newest revision: the mentor cache is keyed to it. */
    readDirectoryRevision: () => readDirectoryRevision(db),

    /** Directory entries changed after `revision`, oldest first, with the mentor fields the scoring reads. */
    findMentorChangesSince: (revision: number, limit?: number) => listMentorChangesSince(db, revision, limit),

    /** A student's own profile, the fields the scoring reads; null when they have none yet. */
    async findStudentProfile(personId: string): Promise<StudentMatchingFacts | null> {
      const [row] = await listStudentMatchingFactsByIds(db, [personId])
      return row ?? null
    },

    /** The class year of each of these people who is a student (near-peer mentors), one query. */
    async mapClassYears(personIds: readonly string[]): Promise<Map<string, ClassYear>> {
      if (personIds.length === 0) return new Map()
      return new Map((await listStudentFactsByIds(db, personIds)).map((f) => [f.personId, f.classYear]))
    },

    /** Every active student's profile, for the demand estimate. */
    listActiveStudentProfiles: () => listActiveStudentMatchingFacts(db),
  }
}

export type RecommendationsRepository = ReturnType<typeof createRecommendationsRepository>
export type MentorChangeRow = MentorChange
export type StudentProfileRow = StudentMatchingFacts
