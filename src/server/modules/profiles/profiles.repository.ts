import { eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { advisorProfiles, mentorProfiles, studentProfiles } from '#server/db/schema/index.ts'

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
