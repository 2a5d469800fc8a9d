import { and, asc, count, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database, Tx } from '#server/db/client.ts'
import { advisingBoardAssignments, advisorProfiles, mentorProfiles, people, personRoles, studentAdvisors, studentProfiles } from '#server/db/schema/index.ts'
import type { ClassYear, MentorKind, MentorOffering, PersonStatus, Role } from '#shared/enums.ts'


const holder = alias(people, 'holder')

const hasRole = (personId: typeof people.id | typeof studentAdvisors.studentId, role: Role) =>
  sql<boolean>`exists (select 1 from ${personRoles} r where r.person_id = ${personId} and r.role = ${role})`

export type StudentRow = { id: string; name: string; email: string; status: PersonStatus; classYear: ClassYear | null; specialtyInterests: string[] }

/** The advising board's reads and writes: students, their advisors, board assignments, the profiles of who fills a slot. */
export function createAdvisingRepository(db: Database) {
  const studentColumns = {
    id: people.id,
    name: people.name,
    email: people.email,
    status: people.status,
    classYear: studentProfiles.classYear,
    specialtyInterests: studentProfiles.specialtyInterests,
  }
  const toStudent = (r: { id: string; name: string; email: string; status: PersonStatus; classYear: ClassYear | null; specialtyInterests: string[] | null }): StudentRow => ({
    ...r,
    specialtyInterests: r.specialtyInterests ?? [],
  })

  return {
    /** A person who holds the student role, with their student profile (if any). */
    async findStudentById(id: string, tx: Tx = db): Promise<StudentRow | null> {
      const [row] = await tx
        .select(studentColumns)
        .from(people)
        .leftJoin(studentProfiles, eq(studentProfiles.personId, people.id))
        .where(and(eq(people.id, id), hasRole(people.id, 'student')))
        .limit(1)
      return row ? toStudent(row) : null
    },

    async listStudentsByIds(ids: readonly string[]): Promise<StudentRow[]> {
      if (ids.length === 0) return []
      const rows = await db
        .select(studentColumns)
        .from(people)
        .leftJoin(studentProfiles, eq(studentProfiles.personId, people.id))
        .where(and(inArray(people.id, [...ids]), hasRole(people.id, 'student')))
        .orderBy(asc(people.name))
      return rows.map(toStudent)
    },

    /** Active students, for the admin's assignment page; filtered by class year. */
    async listActiveStudents(classYear: ClassYear | undefined): Promise<StudentRow[]> {
      const rows = await db
        .select(studentColumns)
        .from(people)
        .leftJoin(studentProfiles, eq(studentProfiles.personId, people.id))
        .where(and(eq(people.status, 'active'), hasRole(people.id, 'student'), classYear ? eq(studentProfiles.classYear, classYear) : undefined))
        .orderBy(asc(people.name))
      return rows.map(toStudent)
    },

    /** `student_advisors` rows of these students, with each advisor's name and specialty. */
    async listOfficeAdvisorsOf(studentIds: readonly string[]) {
      if (studentIds.length === 0) return []
      return db
        .select({
          studentId: studentAdvisors.studentId,
          advisorId: studentAdvisors.advisorId,
          advisorName: people.name,
          advisesSpecialtyId: advisorProfiles.advisesSpecialtyId,
          assignedAt: studentAdvisors.assignedAt,
        })
        .from(studentAdvisors)
        .innerJoin(people, eq(people.id, studentAdvisors.advisorId))
        .leftJoin(advisorProfiles, eq(advisorProfiles.personId, studentAdvisors.advisorId))
        .where(inArray(studentAdvisors.studentId, [...studentIds]))
        .orderBy(asc(studentAdvisors.assignedAt), asc(people.name))
    },

    async listAssignmentsOf(studentIds: readonly string[]) {
      if (studentIds.length === 0) return []
      return db
        .select({
          id: advisingBoardAssignments.id,
          studentId: advisingBoardAssignments.studentId,
          slot: advisingBoardAssignments.slot,
          personId: advisingBoardAssignments.personId,
          personName: holder.name,
          specialtyId: advisingBoardAssignments.specialtyId,
          assignedAt: advisingBoardAssignments.assignedAt,
        })
        .from(advisingBoardAssignments)
        .innerJoin(holder, eq(holder.id, advisingBoardAssignments.personId))
        .where(inArray(advisingBoardAssignments.studentId, [...studentIds]))
        .orderBy(asc(advisingBoardAssignments.assignedAt))
    },

    /**
     * What the board needs of people who mentor or advise students: mentor kind, specialty and
     * offers, the specialty they advise in, and their own class year when they are students.
     */
    async listPeopleFacts(personIds: readonly string[]) {
      if (personIds.length === 0) return []
      const rows = await db
        .select({
          id: people.id,
          mentorKind: mentorProfiles.kind,
          mentorSpecialtyId: mentorProfiles.specialtyId,
          mentorOffers: mentorProfiles.offers,
          advisesSpecialtyId: advisorProfiles.advisesSpecialtyId,
          classYear: studentProfiles.classYear,
        })
        .from(people)
        .leftJoin(mentorProfiles, eq(mentorProfiles.personId, people.id))
        .leftJoin(advisorProfiles, eq(advisorProfiles.personId, people.id))
        .leftJoin(studentProfiles, eq(studentProfiles.personId, people.id))
        .where(inArray(people.id, [...new Set(personIds)]))
      return rows.map((r) => ({ ...r, hasMentorProfile: r.mentorKind !== null, mentorKind: (r.mentorKind ?? 'faculty') as MentorKind, mentorOffers: (r.mentorOffers ?? []) as MentorOffering[] }))
    },

    /** Active specialty advisors of a specialty, never anyone on a directory hold. */
    async listSpecialtyAdvisors(specialtyId: string, limit: number) {
      return db
        .select({ id: people.id, name: people.name })
        .from(advisorProfiles)
        .innerJoin(people, eq(people.id, advisorProfiles.personId))
        .where(and(eq(advisorProfiles.advisesSpecialtyId, specialtyId), eq(people.status, 'active'), eq(people.directoryHold, false), hasRole(people.id, 'advisor')))
        .orderBy(asc(people.name))
        .limit(limit)
    },

    /** A person as a candidate holder: status, roles and the profiles that say what they can fill. */
    async findPersonIncludeProfiles(id: string, tx: Tx = db) {
      const [row] = await tx
        .select({
          id: people.id,
          name: people.name,
          email: people.email,
          status: people.status,
          roles: sql<Role[]>`coalesce((select array_agg(r.role) from ${personRoles} r where r.person_id = ${people.id}), '{}')`,
          mentorKind: mentorProfiles.kind,
          mentorSpecialtyId: mentorProfiles.specialtyId,
          mentorOffers: mentorProfiles.offers,
          advisesSpecialtyId: advisorProfiles.advisesSpecialtyId,
          hasAdvisorProfile: sql<boolean>`${advisorProfiles.personId} is not null`,
        })
        .from(people)
        .leftJoin(mentorProfiles, eq(mentorProfiles.personId, people.id))
        .leftJoin(advisorProfiles, eq(advisorProfiles.personId, people.id))
        .where(eq(people.id, id))
        .limit(1)
      return row ?? null
    },

    async insertAssignment(values: typeof advisingBoardAssignments.$inferInsert, tx: Tx = db): Promise<string | null> {
      const [row] = await tx.insert(advisingBoardAssignments).values(values).onConflictDoNothing().returning({ id: advisingBoardAssignments.id })
      return row?.id ?? null
    },

    async findAssignmentById(id: string) {
      const [row] = await db.select({ id: advisingBoardAssignments.id, studentId: advisingBoardAssignments.studentId }).from(advisingBoardAssignments).where(eq(advisingBoardAssignments.id, id)).limit(1)
      return row ?? null
    },

    async deleteAssignment(id: string, studentId: string, tx: Tx = db): Promise<boolean> {
      const rows = await tx
        .delete(advisingBoardAssignments)
        .where(and(eq(advisingBoardAssignments.id, id), eq(advisingBoardAssignments.studentId, studentId)))
        .returning({ id: advisingBoardAssignments.id })
      return rows.length > 0
    },

    // ── advisors of students ──

    /** Active advisors with how many students each is assigned. */
    async listAdvisors() {
      const counts = db
        .select({ advisorId: studentAdvisors.advisorId, n: count().as('n') })
        .from(studentAdvisors)
        .groupBy(studentAdvisors.advisorId)
        .as('counts')
      return db
        .select({
          id: people.id,
          name: people.name,
          title: advisorProfiles.title,
          advisesSpecialtyId: advisorProfiles.advisesSpecialtyId,
          studentCount: sql<number>`coalesce(${counts.n}, 0)::int`,
        })
        .from(people)
        .leftJoin(advisorProfiles, eq(advisorProfiles.personId, people.id))
        .leftJoin(counts, eq(counts.advisorId, people.id))
        .where(and(eq(people.status, 'active'), hasRole(people.id, 'advisor')))
        .orderBy(asc(people.name))
    },

    /** An active advisor with the specialty they advise in (null: a Student Affairs advisor, an advisory dean). */
    async findActiveAdvisor(id: string, tx: Tx = db): Promise<{ id: string; name: string; advisesSpecialtyId: string | null } | null> {
      const [row] = await tx
        .select({ id: people.id, name: people.name, advisesSpecialtyId: advisorProfiles.advisesSpecialtyId })
        .from(people)
        .leftJoin(advisorProfiles, eq(advisorProfiles.personId, people.id))
        .where(and(eq(people.id, id), eq(people.status, 'active'), hasRole(people.id, 'advisor')))
        .limit(1)
      return row ? { ...row, advisesSpecialtyId: row.advisesSpecialtyId ?? null } : null
    },

    async listAdvisorIdsOf(studentId: string, tx: Tx = db): Promise<string[]> {
      const rows = await tx.select({ advisorId: studentAdvisors.advisorId }).from(studentAdvisors).where(eq(studentAdvisors.studentId, studentId))
      return rows.map((r) => r.advisorId)
    },

    async addStudentAdvisor(studentId: string, advisorId: string, by: string, at: Date, tx: Tx = db): Promise<boolean> {
      const rows = await tx.insert(studentAdvisors).values({ studentId, advisorId, assignedBy: by, assignedAt: at }).onConflictDoNothing().returning({ studentId: studentAdvisors.studentId })
      return rows.length > 0
    },

    async removeStudentAdvisor(studentId: string, advisorId: string, tx: Tx = db): Promise<void> {
      await tx.delete(studentAdvisors).where(and(eq(studentAdvisors.studentId, studentId), eq(studentAdvisors.advisorId, advisorId)))
    },

    /** People by lower-cased e-mail, with whether they are students and advisors (for the CSV import). */
    async findPeopleByEmails(emails: readonly string[]) {
      if (emails.length === 0) return []
      return db
        .select({
          id: people.id,
          email: people.email,
          name: people.name,
          status: people.status,
          isStudent: hasRole(people.id, 'student'),
          isAdvisor: hasRole(people.id, 'advisor'),
          advisesSpecialtyId: advisorProfiles.advisesSpecialtyId,
        })
        .from(people)
        .leftJoin(advisorProfiles, eq(advisorProfiles.personId, people.id))
        .where(inArray(people.email, [...emails]))
    },
  }
}

export type AdvisingRepository = ReturnType<typeof createAdvisingRepository>
