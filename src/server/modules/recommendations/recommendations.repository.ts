import { and, eq, gt, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { directoryEntries, mentorProfiles, people, studentProfiles } from '#server/db/schema/index.ts'

/** Both drivers answer a raw query with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}

/** How many changed mentors one refresh reads at a time. */
const CHANGES_BATCH = 5_000

const studentColumns = {
  personId: studentProfiles.personId,
  classYear: studentProfiles.classYear,
  specialtyInterests: studentProfiles.specialtyInterests,
  careerGoals: studentProfiles.careerGoals,
  helpWanted: studentProfiles.helpWanted,
  identity: studentProfiles.identity,
  wantsIdentityAlignedMentor: studentProfiles.wantsIdentityAlignedMentor,
}

export function createRecommendationsRepository(db: Database) {
  return {
    /** The directory's newest revision: the mentor cache is keyed to it. */
    async readDirectoryRevision(): Promise<number> {
      const result = await db.execute(sql`select max(revision) as revision from directory_entries`)
      return Number(rowsOf<{ revision: string | number | null }>(result)[0]?.revision ?? 0)
    },

    /**
     * Directory entries changed after `revision`, oldest first, with the mentor fields the
     * scoring reads. `listed` is the directory's listing rule, computed by the database
     * (active, no FERPA hold, mentor role, mentor profile — `directory.policy.ts`).
     */
    async findMentorChangesSince(revision: number, limit = CHANGES_BATCH) {
      return db
        .select({
          id: directoryEntries.personId,
          listed: directoryEntries.listed,
          revision: directoryEntries.revision,
          name: people.name,
          pronouns: people.pronouns,
          hasPhoto: sql<boolean>`${people.photoType} is not null`,
          kind: mentorProfiles.kind,
          departmentId: mentorProfiles.departmentId,
          specialtyId: mentorProfiles.specialtyId,
          subspecialty: mentorProfiles.subspecialty,
          clinicalSite: mentorProfiles.clinicalSite,
          state: mentorProfiles.state,
          researchInterests: mentorProfiles.researchInterests,
          offers: mentorProfiles.offers,
          capacity: mentorProfiles.capacity,
          accepting: mentorProfiles.accepting,
          languages: mentorProfiles.languages,
          identity: mentorProfiles.identity,
          identityVisibility: mentorProfiles.identityVisibility,
        })
        .from(directoryEntries)
        .leftJoin(people, eq(people.id, directoryEntries.personId))
        .leftJoin(mentorProfiles, eq(mentorProfiles.personId, directoryEntries.personId))
        .where(gt(directoryEntries.revision, revision))
        .orderBy(directoryEntries.revision)
        .limit(limit)
    },

    /** A student's own profile, the fields the scoring reads; null when they have none yet. */
    async findStudentProfile(personId: string) {
      const [row] = await db.select(studentColumns).from(studentProfiles).where(eq(studentProfiles.personId, personId)).limit(1)
      return row ?? null
    },

    /** Every active student's profile, for the demand estimate. */
    async listActiveStudentProfiles() {
      return db
        .select(studentColumns)
        .from(studentProfiles)
        .innerJoin(people, eq(people.id, studentProfiles.personId))
        .where(
          and(eq(people.status, 'active'), sql`exists (select 1 from person_roles r where r.person_id = ${studentProfiles.personId} and r.role = 'student')`),
        )
    },
  }
}

export type RecommendationsRepository = ReturnType<typeof createRecommendationsRepository>
export type MentorChangeRow = Awaited<ReturnType<RecommendationsRepository['findMentorChangesSince']>>[number]
export type StudentProfileRow = NonNullable<Awaited<ReturnType<RecommendationsRepository['findStudentProfile']>>>
