import { eq } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { advisorProfiles, mentorProfiles, people, personRoles, studentProfiles } from '#server/db/schema/index.ts'
import type { Role } from '#shared/enums.ts'


const personColumns = {
  id: people.id,
  email: people.email,
  name: people.name,
  pronouns: people.pronouns,
  status: people.status,
  directoryHold: people.directoryHold,
  photoType: people.photoType,
}

export function createProfilesRepository(db: Database) {
  return {
    async findPersonIncludeRoles(personId: string, tx: Tx = db) {
      const [person] = await tx.select(personColumns).from(people).where(eq(people.id, personId)).limit(1)
      if (!person) return null
      const roles = await tx.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, personId))
      return { ...person, roles: roles.map((r) => r.role).sort() as Role[] }
    },

    async findProfiles(personId: string, tx: Tx = db) {
      const [student, mentor, advisor] = await Promise.all([
        tx.select().from(studentProfiles).where(eq(studentProfiles.personId, personId)).limit(1),
        tx.select().from(mentorProfiles).where(eq(mentorProfiles.personId, personId)).limit(1),
        tx.select().from(advisorProfiles).where(eq(advisorProfiles.personId, personId)).limit(1),
      ])
      return { student: student[0] ?? null, mentor: mentor[0] ?? null, advisor: advisor[0] ?? null }
    },

    async findPhoto(personId: string) {
      const [row] = await db.select({ photo: people.photo, photoType: people.photoType, status: people.status }).from(people).where(eq(people.id, personId)).limit(1)
      return row ?? null
    },

    async updatePerson(personId: string, values: Partial<typeof people.$inferInsert>, tx: Tx = db) {
      await tx.update(people).set(values).where(eq(people.id, personId))
    },

    async upsertStudentProfile(personId: string, values: Partial<typeof studentProfiles.$inferInsert>, defaults: typeof studentProfiles.$inferInsert, tx: Tx = db) {
      await tx.insert(studentProfiles).values({ ...defaults, ...values, personId }).onConflictDoUpdate({ target: studentProfiles.personId, set: values })
    },

    async upsertMentorProfile(personId: string, values: Partial<typeof mentorProfiles.$inferInsert>, defaults: typeof mentorProfiles.$inferInsert, tx: Tx = db) {
      await tx.insert(mentorProfiles).values({ ...defaults, ...values, personId }).onConflictDoUpdate({ target: mentorProfiles.personId, set: values })
    },

    async upsertAdvisorProfile(personId: string, values: Partial<typeof advisorProfiles.$inferInsert>, tx: Tx = db) {
      await tx.insert(advisorProfiles).values({ ...values, personId }).onConflictDoUpdate({ target: advisorProfiles.personId, set: values })
    },
  }
}

export type ProfilesRepository = ReturnType<typeof createProfilesRepository>
