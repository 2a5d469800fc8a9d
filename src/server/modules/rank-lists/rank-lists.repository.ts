import { and, asc, eq, or, sql } from 'drizzle-orm'
import { anyOf } from '#server/db/any-of.ts'
import type { Database } from '#server/db/client.ts'
import { rankListComments, rankListCouples, rankListEntries, rankLists } from '#server/db/schema/index.ts'
import { listPeopleByEmails, listPeopleByIds, mapPersonNamesByIds } from '../identity/people-reads.ts'
import { listInterviewedProgramIds } from '../list-builder/program-list-reads.ts'
import { listStudentFactsByIds } from '../profiles/profile-reads.ts'
import { listProgramLabelsByIds, searchProgramLabels } from '../residency-programs/program-rows.ts'

export type Tx = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>

export type RankListRow = typeof rankLists.$inferSelect
export type EntryRow = typeof rankListEntries.$inferSelect
export type CoupleRow = typeof rankListCouples.$inferSelect
export type ProgramSummaryRow = {
  id: string
  name: string
  institution: string
  specialtyId: string
  track: 'categorical' | 'preliminary' | 'advanced' | 'reserved'
  city: string
  state: string
}

/** Escapes `%`, `_` and `\` for a LIKE pattern. */

export function createRankListsRepository(db: Database) {
  return {
    async findList(studentId: string, tx: Tx = db): Promise<RankListRow | null> {
      const [row] = await tx.select().from(rankLists).where(eq(rankLists.studentId, studentId)).limit(1)
      return row ?? null
    },

    /** The list row, created if missing, locked for the rest of the transaction. */
    async lockList(studentId: string, tx: Tx): Promise<RankListRow> {
      await tx.insert(rankLists).values({ studentId }).onConflictDoNothing()
      const [row] = await tx.select().from(rankLists).where(eq(rankLists.studentId, studentId)).for('update')
      if (!row) throw new Error('rank list row vanished inside its transaction')
      return row
    },

    async listsOf(studentIds: readonly string[]): Promise<RankListRow[]> {
      if (studentIds.length === 0) return []
      return db.select().from(rankLists).where(anyOf(rankLists.studentId, studentIds))
    },

    async updateList(studentId: string, values: Partial<Omit<RankListRow, 'studentId'>>, tx: Tx): Promise<void> {
      await tx.update(rankLists).set(values).where(eq(rankLists.studentId, studentId))
    },

    async entriesOf(studentId: string, tx: Tx = db): Promise<EntryRow[]> {
      return tx.select().from(rankListEntries).where(eq(rankListEntries.studentId, studentId)).orderBy(asc(rankListEntries.listKey), asc(rankListEntries.rank))
    },

    async countPrimaryLines(studentIds: readonly string[]): Promise<Map<string, number>> {
      if (studentIds.length === 0) return new Map()
      const rows = await db
        .select({ studentId: rankListEntries.studentId, n: sql<number>`count(*)::int` })
        .from(rankListEntries)
        .where(and(anyOf(rankListEntries.studentId, studentIds), eq(rankListEntries.listKey, 'primary')))
        .groupBy(rankListEntries.studentId)
      return new Map(rows.map((r) => [r.studentId, r.n]))
    },

    /** Replaces every entry of a student's lists (primary and supplemental) in one go. */
    async replaceEntries(studentId: string, entries: readonly Omit<EntryRow, 'studentId'>[], tx: Tx): Promise<void> {
      await tx.delete(rankListEntries).where(eq(rankListEntries.studentId, studentId))
      for (let i = 0; i < entries.length; i += 500) {
        await tx.insert(rankListEntries).values(entries.slice(i, i + 500).map((e) => ({ ...e, studentId })))
      }
    },

    async interviewedProgramIds(studentId: string, tx: Tx = db): Promise<string[]> {
      return listInterviewedProgramIds(tx, studentId)
    },

    async programsByIds(ids: readonly string[], tx: Tx = db): Promise<ProgramSummaryRow[]> {
      return listProgramLabelsByIds(tx, ids)
    },

    async searchPrograms(query: string, limit: number): Promise<ProgramSummaryRow[]> {
      // Every word somewhere on the program (name, hospital, city, state, specialty), or the exact program code.
      return searchProgramLabels(db, query, limit)
    },

    async findPerson(id: string, tx: Tx = db): Promise<{ id: string; name: string; email: string } | null> {
      const [row] = await listPeopleByIds(tx, [id])
      return row ? { id: row.id, name: row.name, email: row.email } : null
    },

    async peopleByIds(ids: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
      const rows = await listPeopleByIds(db, ids)
      return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }]))
    },

    /** An active student with this e-mail, or null. */
    async findActiveStudentByEmail(email: string, tx: Tx = db): Promise<{ id: string; name: string; email: string } | null> {
      const row = (await listPeopleByEmails(tx, [email])).find((p) => p.status === 'active' && p.roles.includes('student'))
      return row ? { id: row.id, name: row.name, email: row.email } : null
    },

    async classYears(studentIds: readonly string[]): Promise<Map<string, string>> {
      const rows = await listStudentFactsByIds(db, studentIds)
      return new Map(rows.map((r) => [r.personId, r.classYear]))
    },

    /** The couple (pending or confirmed) a student belongs to, on either side. */
    async findCoupleOf(studentId: string, tx: Tx = db): Promise<CoupleRow | null> {
      const [row] = await tx
        .select()
        .from(rankListCouples)
        .where(or(eq(rankListCouples.requestedBy, studentId), eq(rankListCouples.partnerId, studentId)))
        .orderBy(asc(rankListCouples.createdAt))
        .limit(1)
      return row ?? null
    },

    async couplesOf(studentIds: readonly string[]): Promise<CoupleRow[]> {
      if (studentIds.length === 0) return []
      return db
        .select()
        .from(rankListCouples)
        .where(or(anyOf(rankListCouples.requestedBy, studentIds), anyOf(rankListCouples.partnerId, studentIds)))
    },

    async insertCouple(requestedBy: string, partnerId: string, createdAt: Date, tx: Tx): Promise<CoupleRow> {
      const [row] = await tx.insert(rankListCouples).values({ requestedBy, partnerId, createdAt }).returning()
      if (!row) throw new Error('couple insert returned nothing')
      return row
    },

    async confirmCouple(id: string, at: Date, tx: Tx): Promise<void> {
      await tx.update(rankListCouples).set({ confirmedAt: at }).where(eq(rankListCouples.id, id))
    },

    async deleteCouple(id: string, tx: Tx): Promise<void> {
      await tx.delete(rankListCouples).where(eq(rankListCouples.id, id))
    },

    async commentsOf(studentId: string): Promise<(typeof rankListComments.$inferSelect & { authorName: string | null })[]> {
      const rows = await db
        .select()
        .from(rankListComments)
        .where(eq(rankListComments.studentId, studentId))
        .orderBy(asc(rankListComments.createdAt), asc(rankListComments.id))
      const names = await mapPersonNamesByIds(
        db,
        rows.map((r) => r.authorId),
      )
      return rows.map((r) => ({ ...r, authorName: (r.authorId && names.get(r.authorId)) ?? null }))
    },

    async insertComment(values: typeof rankListComments.$inferInsert, tx: Tx = db): Promise<void> {
      await tx.insert(rankListComments).values(values)
    },
  }
}

export type RankListsRepository = ReturnType<typeof createRankListsRepository>
