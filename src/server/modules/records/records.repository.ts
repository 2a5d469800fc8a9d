import { and, desc, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { recordAmendments } from '#server/db/schema/index.ts'
import type { AmendmentStatus } from '#shared/contracts/records.ts'

type Tx = Pick<Database, 'select' | 'insert' | 'update'>
export type AmendmentRow = typeof recordAmendments.$inferSelect

/** SQL on the records module's one table. Decisions and statements are conditional updates, so two answers cannot both win. */
export function createRecordsRepository(db: Database) {
  return {
    async insertAmendment(row: typeof recordAmendments.$inferInsert, tx: Tx = db): Promise<AmendmentRow> {
      const [inserted] = await tx.insert(recordAmendments).values(row).returning()
      if (!inserted) throw new Error('insert returned no row')
      return inserted
    },

    async findAmendment(id: string): Promise<AmendmentRow | null> {
      const [row] = await db.select().from(recordAmendments).where(eq(recordAmendments.id, id)).limit(1)
      return row ?? null
    },

    listAmendmentsOfStudent: (studentId: string) =>
      db.select().from(recordAmendments).where(eq(recordAmendments.studentId, studentId)).orderBy(desc(recordAmendments.requestedAt)),

    listAmendments: () => db.select().from(recordAmendments).orderBy(desc(recordAmendments.requestedAt)).limit(500),

    /** Decides a request still waiting; null when it was decided meanwhile. */
    async decideIfRequested(id: string, decision: { status: AmendmentStatus; decidedById: string; decidedAt: Date; reason: string }, tx: Tx) {
      const [row] = await tx
        .update(recordAmendments)
        .set(decision)
        .where(and(eq(recordAmendments.id, id), eq(recordAmendments.status, 'requested')))
        .returning()
      return row ?? null
    },

    /** Keeps the student's statement with a refused request (the latest statement replaces an earlier one). */
    async setStatementIfRefused(id: string, studentId: string, statement: string, at: Date, tx: Tx) {
      const [row] = await tx
        .update(recordAmendments)
        .set({ statement, statementAt: at })
        .where(and(eq(recordAmendments.id, id), eq(recordAmendments.studentId, studentId), eq(recordAmendments.status, 'refused')))
        .returning()
      return row ?? null
    },
  }
}

export type RecordsRepository = ReturnType<typeof createRecordsRepository>
