import { and, asc, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import {
  mentorProfiles,
  mentorProgramConflicts,
  mentorProgramContinuations,
  mentorProgramMentors,
  mentorProgramPairs,
  mentorProgramRankings,
  mentorPrograms,
  mentorProgramStudents,
  mentorships,
  people,
  personRoles,
  studentProfiles,
} from '#server/db/schema/index.ts'
import type { ClassYear } from '#shared/enums.ts'

export type ProgramRow = typeof mentorPrograms.$inferSelect
export type PairRow = typeof mentorProgramPairs.$inferSelect

/** Mentor programs' tables; reads of people and profiles select only what a program shows. */
export function createMentorProgramsRepository(db: Database) {
  return {
    async insertProgram(values: typeof mentorPrograms.$inferInsert, tx: Tx): Promise<string> {
      const [row] = await tx.insert(mentorPrograms).values(values).returning({ id: mentorPrograms.id })
      if (!row) throw new Error('Inserting the program returned no row.')
      return row.id
    },

    async updateProgram(id: string, values: Partial<typeof mentorPrograms.$inferInsert>, tx: Tx): Promise<void> {
      await tx.update(mentorPrograms).set(values).where(eq(mentorPrograms.id, id))
    },

    async findProgramById(id: string, tx: Tx = db): Promise<ProgramRow | null> {
      const [row] = await tx.select().from(mentorPrograms).where(eq(mentorPrograms.id, id)).limit(1)
      return row ?? null
    },

    /** The program row, locked until the transaction ends: runs, edits and publishing take turns. */
    async lockProgram(id: string, tx: Tx): Promise<ProgramRow | null> {
      const [row] = await tx.select().from(mentorPrograms).where(eq(mentorPrograms.id, id)).for('update')
      return row ?? null
    },

    async listPrograms() {
      const students = db.select({ programId: mentorProgramStudents.programId, n: count().as('students') }).from(mentorProgramStudents).groupBy(mentorProgramStudents.programId).as('s')
      const mentors = db.select({ programId: mentorProgramMentors.programId, n: count().as('mentors') }).from(mentorProgramMentors).groupBy(mentorProgramMentors.programId).as('m')
      return db
        .select({ program: mentorPrograms, studentCount: sql<number>`coalesce(${students.n}, 0)::int`, mentorCount: sql<number>`coalesce(${mentors.n}, 0)::int` })
        .from(mentorPrograms)
        .leftJoin(students, eq(students.programId, mentorPrograms.id))
        .leftJoin(mentors, eq(mentors.programId, mentorPrograms.id))
        .orderBy(desc(mentorPrograms.createdAt), asc(mentorPrograms.name))
    },

    async countParticipants(programId: string, tx: Tx = db) {
      const [s] = await tx.select({ n: count() }).from(mentorProgramStudents).where(eq(mentorProgramStudents.programId, programId))
      const [m] = await tx.select({ n: count() }).from(mentorProgramMentors).where(eq(mentorProgramMentors.programId, programId))
      return { students: s?.n ?? 0, mentors: m?.n ?? 0 }
    },

    /** People by e-mail, with their roles and status, to resolve a program's participants. */
    async findPeopleByEmails(emails: readonly string[], tx: Tx = db) {
      if (emails.length === 0) return []
      return tx
        .select({ id: people.id, email: people.email, name: people.name, status: people.status, roles: sql<string[]>`coalesce((select array_agg(r.role) from person_roles r where r.person_id = ${people.id}), '{}')` })
        .from(people)
        .where(inArray(people.email, [...emails]))
    },

    async listActiveStudentIdsOfClassYears(years: readonly ClassYear[], tx: Tx = db): Promise<string[]> {
      if (years.length === 0) return []
      const rows = await tx
        .select({ id: studentProfiles.personId })
        .from(studentProfiles)
        .innerJoin(people, eq(people.id, studentProfiles.personId))
        .innerJoin(personRoles, and(eq(personRoles.personId, studentProfiles.personId), eq(personRoles.role, 'student')))
        .where(and(inArray(studentProfiles.classYear, [...years]), eq(people.status, 'active')))
      return rows.map((r) => r.id)
    },

    async replaceStudents(programId: string, rows: { studentId: string; source: 'class-year' | 'listed' }[], tx: Tx) {
      await tx.delete(mentorProgramStudents).where(eq(mentorProgramStudents.programId, programId))
      if (rows.length > 0) await tx.insert(mentorProgramStudents).values(rows.map((r) => ({ programId, ...r })))
    },

    async replaceMentors(programId: string, rows: { mentorId: string; capacity: number | null }[], tx: Tx) {
      await tx.delete(mentorProgramMentors).where(eq(mentorProgramMentors.programId, programId))
      if (rows.length > 0) await tx.insert(mentorProgramMentors).values(rows.map((r) => ({ programId, ...r })))
    },

    async listStudents(programId: string, tx: Tx = db) {
      return tx
        .select({
          id: people.id,
          name: people.name,
          email: people.email,
          classYear: studentProfiles.classYear,
          source: mentorProgramStudents.source,
          ranked: sql<number>`(select count(*)::int from mentor_program_rankings r where r.program_id = ${programId} and r.student_id = ${people.id})`,
        })
        .from(mentorProgramStudents)
        .innerJoin(people, eq(people.id, mentorProgramStudents.studentId))
        .leftJoin(studentProfiles, eq(studentProfiles.personId, people.id))
        .where(eq(mentorProgramStudents.programId, programId))
        .orderBy(asc(people.name), asc(people.id))
    },

    async listMentors(programId: string, tx: Tx = db) {
      return tx
        .select({
          id: people.id,
          name: people.name,
          email: people.email,
          capacity: mentorProgramMentors.capacity,
          kind: mentorProfiles.kind,
          specialtyId: mentorProfiles.specialtyId,
          profileCapacity: mentorProfiles.capacity,
        })
        .from(mentorProgramMentors)
        .innerJoin(people, eq(people.id, mentorProgramMentors.mentorId))
        .leftJoin(mentorProfiles, eq(mentorProfiles.personId, people.id))
        .where(eq(mentorProgramMentors.programId, programId))
        .orderBy(asc(people.name), asc(people.id))
    },

    /** What the recommendation engine reads of the program's students. */
    async listStudentProfiles(programId: string, tx: Tx = db) {
      return tx
        .select({
          personId: mentorProgramStudents.studentId,
          classYear: studentProfiles.classYear,
          specialtyInterests: studentProfiles.specialtyInterests,
          careerGoals: studentProfiles.careerGoals,
          helpWanted: studentProfiles.helpWanted,
        })
        .from(mentorProgramStudents)
        .leftJoin(studentProfiles, eq(studentProfiles.personId, mentorProgramStudents.studentId))
        .where(eq(mentorProgramStudents.programId, programId))
    },

    /** What the recommendation engine reads of the program's mentors (identity is never read). */
    async listMentorProfiles(programId: string, tx: Tx = db) {
      return tx
        .select({
          personId: mentorProgramMentors.mentorId,
          override: mentorProgramMentors.capacity,
          kind: mentorProfiles.kind,
          departmentId: mentorProfiles.departmentId,
          specialtyId: mentorProfiles.specialtyId,
          subspecialty: mentorProfiles.subspecialty,
          clinicalSite: mentorProfiles.clinicalSite,
          state: mentorProfiles.state,
          researchInterests: mentorProfiles.researchInterests,
          offers: mentorProfiles.offers,
          capacity: mentorProfiles.capacity,
          languages: mentorProfiles.languages,
        })
        .from(mentorProgramMentors)
        .leftJoin(mentorProfiles, eq(mentorProfiles.personId, mentorProgramMentors.mentorId))
        .where(eq(mentorProgramMentors.programId, programId))
    },

    // ── conflicts ──
    async listConflicts(programId: string, tx: Tx = db) {
      return tx
        .select({ id: mentorProgramConflicts.id, studentId: mentorProgramConflicts.studentId, mentorId: mentorProgramConflicts.mentorId, reason: mentorProgramConflicts.reason })
        .from(mentorProgramConflicts)
        .where(eq(mentorProgramConflicts.programId, programId))
        .orderBy(asc(mentorProgramConflicts.createdAt), asc(mentorProgramConflicts.id))
    },

    async insertConflicts(rows: (typeof mentorProgramConflicts.$inferInsert)[], tx: Tx): Promise<number> {
      if (rows.length === 0) return 0
      const inserted = await tx.insert(mentorProgramConflicts).values(rows).onConflictDoNothing().returning({ id: mentorProgramConflicts.id })
      return inserted.length
    },

    async deleteConflict(programId: string, id: string, tx: Tx): Promise<boolean> {
      const rows = await tx.delete(mentorProgramConflicts).where(and(eq(mentorProgramConflicts.programId, programId), eq(mentorProgramConflicts.id, id))).returning({ id: mentorProgramConflicts.id })
      return rows.length > 0
    },

    // ── rankings ──
    async listRankings(programId: string, tx: Tx = db) {
      return tx
        .select({ studentId: mentorProgramRankings.studentId, mentorId: mentorProgramRankings.mentorId, rank: mentorProgramRankings.rank })
        .from(mentorProgramRankings)
        .where(eq(mentorProgramRankings.programId, programId))
        .orderBy(asc(mentorProgramRankings.studentId), asc(mentorProgramRankings.rank))
    },

    async replaceRanking(programId: string, studentId: string, mentorIds: readonly string[], tx: Tx) {
      await tx.delete(mentorProgramRankings).where(and(eq(mentorProgramRankings.programId, programId), eq(mentorProgramRankings.studentId, studentId)))
      if (mentorIds.length > 0) await tx.insert(mentorProgramRankings).values(mentorIds.map((mentorId, i) => ({ programId, studentId, mentorId, rank: i + 1 })))
    },

    // ── kept pairs ──
    /** Pairs an earlier program published (mentor set). */
    async listPublishedPairs(programId: string, tx: Tx = db) {
      return tx
        .select({ studentId: mentorProgramPairs.studentId, mentorId: mentorProgramPairs.mentorId, studentName: sql<string>`(select name from people where id = ${mentorProgramPairs.studentId})`, mentorName: sql<string>`(select name from people where id = ${mentorProgramPairs.mentorId})`, mentorshipActive: sql<boolean>`exists (select 1 from mentorships m where m.student_id = ${mentorProgramPairs.studentId} and m.mentor_id = ${mentorProgramPairs.mentorId} and m.status = 'active')` })
        .from(mentorProgramPairs)
        .innerJoin(mentorPrograms, eq(mentorPrograms.id, mentorProgramPairs.programId))
        .where(and(eq(mentorProgramPairs.programId, programId), isNotNull(mentorProgramPairs.mentorId), inArray(mentorPrograms.status, ['published', 'archived'])))
    },

    async listContinuations(programId: string, tx: Tx = db) {
      return tx.select().from(mentorProgramContinuations).where(eq(mentorProgramContinuations.programId, programId))
    },

    async setContinuation(programId: string, studentId: string, mentorId: string, side: 'student' | 'mentor', at: Date | null, tx: Tx) {
      const column = side === 'student' ? 'studentOptedAt' : 'mentorOptedAt'
      await tx
        .insert(mentorProgramContinuations)
        .values({ programId, studentId, mentorId, [column]: at })
        .onConflictDoUpdate({ target: [mentorProgramContinuations.programId, mentorProgramContinuations.studentId, mentorProgramContinuations.mentorId], set: { [column]: at } })
    },

    // ── draft pairs ──
    async listPairs(programId: string, tx: Tx = db): Promise<PairRow[]> {
      return tx.select().from(mentorProgramPairs).where(eq(mentorProgramPairs.programId, programId))
    },

    async replacePairs(programId: string, rows: Omit<typeof mentorProgramPairs.$inferInsert, 'programId'>[], tx: Tx) {
      await tx.delete(mentorProgramPairs).where(eq(mentorProgramPairs.programId, programId))
      if (rows.length > 0) await tx.insert(mentorProgramPairs).values(rows.map((r) => ({ ...r, programId })))
    },

    async deletePairs(programId: string, tx: Tx) {
      await tx.delete(mentorProgramPairs).where(eq(mentorProgramPairs.programId, programId))
    },

    async upsertPair(row: typeof mentorProgramPairs.$inferInsert, tx: Tx) {
      await tx
        .insert(mentorProgramPairs)
        .values(row)
        .onConflictDoUpdate({
          target: [mentorProgramPairs.programId, mentorProgramPairs.studentId],
          set: { mentorId: row.mentorId, fit: row.fit, reasons: row.reasons, source: row.source, editedBy: row.editedBy, editedAt: row.editedAt, editReason: row.editReason },
        })
    },

    async setPairMentorship(programId: string, studentId: string, mentorshipId: string, tx: Tx) {
      await tx.update(mentorProgramPairs).set({ mentorshipId }).where(and(eq(mentorProgramPairs.programId, programId), eq(mentorProgramPairs.studentId, studentId)))
    },

    /** The active mentorship between two people, if any (a kept pair may still have one). */
    async findActiveMentorshipId(studentId: string, mentorId: string, tx: Tx): Promise<string | null> {
      const [row] = await tx
        .select({ id: mentorships.id })
        .from(mentorships)
        .where(and(eq(mentorships.studentId, studentId), eq(mentorships.mentorId, mentorId), eq(mentorships.status, 'active')))
        .limit(1)
      return row?.id ?? null
    },

    async listNames(ids: readonly string[], tx: Tx = db) {
      if (ids.length === 0) return []
      return tx.select({ id: people.id, name: people.name, email: people.email }).from(people).where(inArray(people.id, [...ids]))
    },

    // ── a participant's own programs ──
    async listProgramsOfStudent(studentId: string) {
      return db
        .select({ program: mentorPrograms })
        .from(mentorProgramStudents)
        .innerJoin(mentorPrograms, eq(mentorPrograms.id, mentorProgramStudents.programId))
        .where(eq(mentorProgramStudents.studentId, studentId))
        .orderBy(desc(mentorPrograms.createdAt))
    },

    async listProgramsOfMentor(mentorId: string) {
      return db
        .select({ program: mentorPrograms })
        .from(mentorProgramMentors)
        .innerJoin(mentorPrograms, eq(mentorPrograms.id, mentorProgramMentors.programId))
        .where(eq(mentorProgramMentors.mentorId, mentorId))
        .orderBy(desc(mentorPrograms.createdAt))
    },

    async isStudentOf(programId: string, studentId: string, tx: Tx = db): Promise<boolean> {
      const [row] = await tx.select({ id: mentorProgramStudents.studentId }).from(mentorProgramStudents).where(and(eq(mentorProgramStudents.programId, programId), eq(mentorProgramStudents.studentId, studentId))).limit(1)
      return row !== undefined
    },

    async isMentorOf(programId: string, mentorId: string, tx: Tx = db): Promise<boolean> {
      const [row] = await tx.select({ id: mentorProgramMentors.mentorId }).from(mentorProgramMentors).where(and(eq(mentorProgramMentors.programId, programId), eq(mentorProgramMentors.mentorId, mentorId))).limit(1)
      return row !== undefined
    },
  }
}

export type MentorProgramsRepository = ReturnType<typeof createMentorProgramsRepository>
