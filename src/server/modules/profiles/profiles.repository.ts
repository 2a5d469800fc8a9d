import { eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { advisorProfiles, mentorProfiles, studentProfiles } from '#server/db/schema/index.ts'
import type { ClassYear, EnrollmentStatus, StudentTrack } from '#shared/enums.ts'

type Tx = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>

/** Profiles' own tables; the person they belong to comes from identity. */
export function createProfilesRepository(db: Database) {
  return {
    async findProfiles(personId: string, tx: Tx = db) {
      const [student, mentor, advisor] = await Promise.all([
        tx.select().from(studentProfiles).where(eq(studentProfiles.personId, personId)).limit(1),
        tx.select().from(mentorProfiles).where(eq(mentorProfiles.personId, personId)).limit(1),
        tx.select().from(advisorProfiles).where(eq(advisorProfiles.personId, personId)).limit(1),
      ])
      return { student: student[0] ?? null, mentor: mentor[0] ?? null, advisor: advisor[0] ?? null }
    },

    async upsertStudentProfile(
      personId: string,
      values: Partial<typeof studentProfiles.$inferInsert>,
      defaults: typeof studentProfiles.$inferInsert,
      tx: Tx = db,
    ) {
      await tx
        .insert(studentProfiles)
        .values({ ...defaults, ...values, personId })
        .onConflictDoUpdate({ target: studentProfiles.personId, set: values })
    },

    /** The school's facts of many students at once (roster, rollover): one statement per thousand. */
    async upsertStudentRecords(
      records: readonly { personId: string; classYear: ClassYear; graduationYear: number; track: StudentTrack; house: string; enrollment: EnrollmentStatus }[],
      at: Date,
      tx: Tx = db,
    ) {
      for (let i = 0; i < records.length; i += 1_000) {
        await tx
          .insert(studentProfiles)
          .values(records.slice(i, i + 1_000).map((r) => ({ ...r, updatedAt: at })))
          .onConflictDoUpdate({
            target: studentProfiles.personId,
            set: {
              classYear: sql`excluded.class_year`,
              graduationYear: sql`excluded.graduation_year`,
              track: sql`excluded.track`,
              house: sql`excluded.house`,
              enrollment: sql`excluded.enrollment`,
              updatedAt: sql`excluded.updated_at`,
            },
          })
      }
    },

    async upsertMentorProfile(
      personId: string,
      values: Partial<typeof mentorProfiles.$inferInsert>,
      defaults: typeof mentorProfiles.$inferInsert,
      tx: Tx = db,
    ) {
      await tx
        .insert(mentorProfiles)
        .values({ ...defaults, ...values, personId })
        .onConflictDoUpdate({ target: mentorProfiles.personId, set: values })
    },

    async upsertAdvisorProfile(personId: string, values: Partial<typeof advisorProfiles.$inferInsert>, tx: Tx = db) {
      await tx
        .insert(advisorProfiles)
        .values({ ...values, personId })
        .onConflictDoUpdate({ target: advisorProfiles.personId, set: values })
    },
  }
}

export type ProfilesRepository = ReturnType<typeof createProfilesRepository>
