import { and, asc, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import {
  mentorProgramConflicts,
  mentorProgramContinuations,
  mentorProgramMentors,
  mentorProgramPairs,
  mentorProgramRankings,
  mentorPrograms,
  mentorProgramStudents,
} from '#server/db/schema/index.ts'
import type { ClassYear } from '#shared/enums.ts'
import { listPeopleByEmails, listPeopleByIds, mapPersonNamesByIds } from '../identity/people-reads.ts'
import { findActiveMentorshipIds, pairKey } from '../mentorships/mentorship-reads.ts'
import { byPersonId, listActiveStudentIdsInClassYears, listMentorFactsByIds, listStudentFactsByIds } from '../profiles/profile-reads.ts'

export type ProgramRow = typeof mentorPrograms.$inferSelect
export type PairRow = typeof mentorProgramPairs.$inferSelect

const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Mentor programs' tables in SQL; people, profiles and mentorships come from their owners'
 * published reads (identity, profiles, mentorships), batched per call and joined in memory
 * — a program has hundreds of participants, not millions.
 */
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
      const students = db
        .select({ programId: mentorProgramStudents.programId, n: count().as('students') })
        .from(mentorProgramStudents)
        .groupBy(mentorProgramStudents.programId)
        .as('s')
      const mentors = db
        .select({ programId: mentorProgramMentors.programId, n: count().as('mentors') })
        .from(mentorProgramMentors)
        .groupBy(mentorProgramMentors.programId)
        .as('m')
      return db
        .select({
          program: mentorPrograms,
          studentCount: sql<number>`coalesce(${students.n}, 0)::int`,
          mentorCount: sql<number>`coalesce(${mentors.n}, 0)::int`,
        })
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
    findPeopleByEmails: (emails: readonly string[], tx: Tx = db) => listPeopleByEmails(tx, emails),

    listActiveStudentIdsOfClassYears: (years: readonly ClassYear[], tx: Tx = db): Promise<string[]> => listActiveStudentIdsInClassYears(tx, years),

    async replaceStudents(programId: string, rows: { studentId: string; source: 'class-year' | 'listed' }[], tx: Tx) {
      await tx.delete(mentorProgramStudents).where(eq(mentorProgramStudents.programId, programId))
      if (rows.length > 0) await tx.insert(mentorProgramStudents).values(rows.map((r) => ({ programId, ...r })))
    },

    async replaceMentors(programId: string, rows: { mentorId: string; capacity: number | null }[], tx: Tx) {
      await tx.delete(mentorProgramMentors).where(eq(mentorProgramMentors.programId, programId))
      if (rows.length > 0) await tx.insert(mentorProgramMentors).values(rows.map((r) => ({ programId, ...r })))
    },

    async listStudents(programId: string, tx: Tx = db) {
      const rows = await tx
        .select({
          id: mentorProgramStudents.studentId,
          source: mentorProgramStudents.source,
          ranked: sql<number>`(select count(*)::int from ${mentorProgramRankings} r where r.program_id = ${programId} and r.student_id = ${mentorProgramStudents.studentId})`,
        })
        .from(mentorProgramStudents)
        .where(eq(mentorProgramStudents.programId, programId))
      const ids = rows.map((r) => r.id)
      const [people, facts] = await Promise.all([
        listPeopleByIds(tx, ids).then((list) => new Map(list.map((p) => [p.id, p]))),
        listStudentFactsByIds(tx, ids).then(byPersonId),
      ])
      return rows
        .flatMap((r) => {
          const person = people.get(r.id)
          return person
            ? [{ id: r.id, name: person.name, email: person.email, classYear: facts.get(r.id)?.classYear ?? null, source: r.source, ranked: r.ranked }]
            : []
        })
        .sort(byNameThenId)
    },

    async listMentors(programId: string, tx: Tx = db) {
      const rows = await tx
        .select({ id: mentorProgramMentors.mentorId, capacity: mentorProgramMentors.capacity })
        .from(mentorProgramMentors)
        .where(eq(mentorProgramMentors.programId, programId))
      const ids = rows.map((r) => r.id)
      const [people, facts] = await Promise.all([
        listPeopleByIds(tx, ids).then((list) => new Map(list.map((p) => [p.id, p]))),
        listMentorFactsByIds(tx, ids).then(byPersonId),
      ])
      return rows
        .flatMap((r) => {
          const person = people.get(r.id)
          const mentor = facts.get(r.id)
          return person
            ? [
                {
                  id: r.id,
                  name: person.name,
                  email: person.email,
                  capacity: r.capacity,
                  kind: mentor?.kind ?? null,
                  specialtyId: mentor?.specialtyId ?? null,
                  profileCapacity: mentor?.capacity ?? null,
                },
              ]
            : []
        })
        .sort(byNameThenId)
    },

    /** What the recommendation engine reads of the program's students. */
    async listStudentProfiles(programId: string, tx: Tx = db) {
      const rows = await tx
        .select({ personId: mentorProgramStudents.studentId })
        .from(mentorProgramStudents)
        .where(eq(mentorProgramStudents.programId, programId))
      const facts = byPersonId(
        await listStudentFactsByIds(
          tx,
          rows.map((r) => r.personId),
        ),
      )
      return rows.map(({ personId }) => {
        const f = facts.get(personId)
        return {
          personId,
          classYear: f?.classYear ?? null,
          specialtyInterests: f?.specialtyInterests ?? null,
          careerGoals: f?.careerGoals ?? null,
          helpWanted: f?.helpWanted ?? null,
        }
      })
    },

    /** What the recommendation engine reads of the program's mentors (identity is never read). */
    async listMentorProfiles(programId: string, tx: Tx = db) {
      const rows = await tx
        .select({ personId: mentorProgramMentors.mentorId, override: mentorProgramMentors.capacity })
        .from(mentorProgramMentors)
        .where(eq(mentorProgramMentors.programId, programId))
      const facts = byPersonId(
        await listMentorFactsByIds(
          tx,
          rows.map((r) => r.personId),
        ),
      )
      return rows.map(({ personId, override }) => {
        const f = facts.get(personId)
        return {
          personId,
          override,
          kind: f?.kind ?? null,
          departmentId: f?.departmentId ?? null,
          specialtyId: f?.specialtyId ?? null,
          subspecialty: f?.subspecialty ?? null,
          clinicalSite: f?.clinicalSite ?? null,
          state: f?.state ?? null,
          researchInterests: f?.researchInterests ?? null,
          offers: f?.offers ?? null,
          capacity: f?.capacity ?? null,
          languages: f?.languages ?? null,
        }
      })
    },

    // ── conflicts ──
    async listConflicts(programId: string, tx: Tx = db) {
      return tx
        .select({
          id: mentorProgramConflicts.id,
          studentId: mentorProgramConflicts.studentId,
          mentorId: mentorProgramConflicts.mentorId,
          reason: mentorProgramConflicts.reason,
        })
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
      const rows = await tx
        .delete(mentorProgramConflicts)
        .where(and(eq(mentorProgramConflicts.programId, programId), eq(mentorProgramConflicts.id, id)))
        .returning({ id: mentorProgramConflicts.id })
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
      const rows = await tx
        .select({ studentId: mentorProgramPairs.studentId, mentorId: mentorProgramPairs.mentorId })
        .from(mentorProgramPairs)
        .innerJoin(mentorPrograms, eq(mentorPrograms.id, mentorProgramPairs.programId))
        .where(
          and(eq(mentorProgramPairs.programId, programId), isNotNull(mentorProgramPairs.mentorId), inArray(mentorPrograms.status, ['published', 'archived'])),
        )
      const pairs = rows.flatMap((r) => (r.mentorId ? [{ studentId: r.studentId, mentorId: r.mentorId }] : []))
      const [names, active] = await Promise.all([
        mapPersonNamesByIds(
          tx,
          pairs.flatMap((p) => [p.studentId, p.mentorId]),
        ),
        findActiveMentorshipIds(tx, pairs),
      ])
      return pairs.map((p) => ({
        studentId: p.studentId,
        mentorId: p.mentorId as string | null,
        studentName: names.get(p.studentId) ?? '',
        mentorName: names.get(p.mentorId) ?? '',
        mentorshipActive: active.has(pairKey(p.studentId, p.mentorId)),
      }))
    },

    async listContinuations(programId: string, tx: Tx = db) {
      return tx.select().from(mentorProgramContinuations).where(eq(mentorProgramContinuations.programId, programId))
    },

    async setContinuation(programId: string, studentId: string, mentorId: string, side: 'student' | 'mentor', at: Date | null, tx: Tx) {
      const column = side === 'student' ? 'studentOptedAt' : 'mentorOptedAt'
      await tx
        .insert(mentorProgramContinuations)
        .values({ programId, studentId, mentorId, [column]: at })
        .onConflictDoUpdate({
          target: [mentorProgramContinuations.programId, mentorProgramContinuations.studentId, mentorProgramContinuations.mentorId],
          set: { [column]: at },
        })
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
          set: {
            mentorId: row.mentorId,
            fit: row.fit,
            reasons: row.reasons,
            source: row.source,
            editedBy: row.editedBy,
            editedAt: row.editedAt,
            editReason: row.editReason,
          },
        })
    },

    async setPairMentorship(programId: string, studentId: string, mentorshipId: string, tx: Tx) {
      await tx
        .update(mentorProgramPairs)
        .set({ mentorshipId })
        .where(and(eq(mentorProgramPairs.programId, programId), eq(mentorProgramPairs.studentId, studentId)))
    },

    async listNames(ids: readonly string[], tx: Tx = db) {
      return listPeopleByIds(tx, ids)
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
      const [row] = await tx
        .select({ id: mentorProgramStudents.studentId })
        .from(mentorProgramStudents)
        .where(and(eq(mentorProgramStudents.programId, programId), eq(mentorProgramStudents.studentId, studentId)))
        .limit(1)
      return row !== undefined
    },

    async isMentorOf(programId: string, mentorId: string, tx: Tx = db): Promise<boolean> {
      const [row] = await tx
        .select({ id: mentorProgramMentors.mentorId })
        .from(mentorProgramMentors)
        .where(and(eq(mentorProgramMentors.programId, programId), eq(mentorProgramMentors.mentorId, mentorId)))
        .limit(1)
      return row !== undefined
    },
  }
}

export type MentorProgramsRepository = ReturnType<typeof createMentorProgramsRepository>
