import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { countCharacters } from '#shared/reference/application-limits.ts'
import { materialDocuments, materialReplies, materialReviewRequests, materialThreads, materialVersions } from '#server/db/schema/index.ts'

export type DocumentRow = typeof materialDocuments.$inferSelect
export type VersionRow = typeof materialVersions.$inferSelect
export type ReviewRequestRow = typeof materialReviewRequests.$inferSelect
export type ThreadRow = typeof materialThreads.$inferSelect
export type ReplyRow = typeof materialReplies.$inferSelect

/** A version without its text: lists never carry a document's words. Characters are code points, as the page counts. */
const versionSummaryColumns = {
  id: materialVersions.id,
  documentId: materialVersions.documentId,
  number: materialVersions.number,
  note: materialVersions.note,
  createdAt: materialVersions.createdAt,
  characters: materialVersions.characters,
}
export type VersionSummaryRow = { id: string; documentId: string; number: number; note: string; createdAt: Date; characters: number }

/** Documents, versions, review requests, threads and replies: this module's reads and writes. Only this file writes SQL. */
export function createMaterialsRepository(db: Database) {
  return {
    async insertDocument(values: typeof materialDocuments.$inferInsert, tx: Tx = db): Promise<DocumentRow> {
      const [row] = await tx.insert(materialDocuments).values(values).returning()
      if (!row) throw new Error('The document was not written.')
      return row
    },

    async findDocumentById(id: string, tx: Tx = db): Promise<DocumentRow | null> {
      const [row] = await tx.select().from(materialDocuments).where(eq(materialDocuments.id, id))
      return row ?? null
    },

    /** The document, locked until the transaction ends: saves and accepted suggestions take turns at numbering versions. */
    async lockDocument(id: string, tx: Tx): Promise<DocumentRow | null> {
      const [row] = await tx.select().from(materialDocuments).where(eq(materialDocuments.id, id)).for('update')
      return row ?? null
    },

    async touchDocument(id: string, at: Date, tx: Tx): Promise<void> {
      await tx.update(materialDocuments).set({ updatedAt: at }).where(eq(materialDocuments.id, id))
    },

    async listDocumentsOfStudent(studentId: string): Promise<DocumentRow[]> {
      return db
        .select()
        .from(materialDocuments)
        .where(eq(materialDocuments.studentId, studentId))
        .orderBy(desc(materialDocuments.updatedAt), asc(materialDocuments.id))
    },

    /** The student's document of this kind and title last changed, locked until the transaction ends (a draft saved again becomes its next version). */
    async lockDocumentOfStudentByTitle(studentId: string, kind: DocumentRow['kind'], title: string, tx: Tx): Promise<DocumentRow | null> {
      const [row] = await tx
        .select()
        .from(materialDocuments)
        .where(and(eq(materialDocuments.studentId, studentId), eq(materialDocuments.kind, kind), eq(materialDocuments.title, title)))
        .orderBy(desc(materialDocuments.updatedAt), asc(materialDocuments.id))
        .limit(1)
        .for('update')
      return row ?? null
    },

    /** A new version; its length in characters is counted here, once. */
    async insertVersion(values: Omit<typeof materialVersions.$inferInsert, 'characters'>, tx: Tx = db): Promise<{ id: string; number: number }> {
      // The text is not sent back: the caller has it.
      const [row] = await tx
        .insert(materialVersions)
        .values({ ...values, characters: countCharacters(values.body) })
        .returning({ id: materialVersions.id, number: materialVersions.number })
      if (!row) throw new Error('The version was not written.')
      return row
    },

    async findVersionById(id: string, tx: Tx = db): Promise<VersionRow | null> {
      const [row] = await tx.select().from(materialVersions).where(eq(materialVersions.id, id))
      return row ?? null
    },

    async findLatestVersion(documentId: string, tx: Tx = db): Promise<VersionRow | null> {
      const [row] = await tx.select().from(materialVersions).where(eq(materialVersions.documentId, documentId)).orderBy(desc(materialVersions.number)).limit(1)
      return row ?? null
    },

    /** Every version of these documents, newest first, without their text. */
    async listVersionSummaries(documentIds: readonly string[]): Promise<VersionSummaryRow[]> {
      if (documentIds.length === 0) return []
      return db
        .select(versionSummaryColumns)
        .from(materialVersions)
        .where(inArray(materialVersions.documentId, [...documentIds]))
        .orderBy(desc(materialVersions.number))
    },

    /** These versions of one document, with their text. */
    async listVersionsByIds(documentId: string, ids: readonly string[]): Promise<VersionRow[]> {
      if (ids.length === 0) return []
      return db
        .select()
        .from(materialVersions)
        .where(and(eq(materialVersions.documentId, documentId), inArray(materialVersions.id, [...ids])))
    },

    /** Every version of a document with its text, oldest first (re-anchoring walks them in order). */
    async listVersionsWithText(documentId: string, tx: Tx = db): Promise<VersionRow[]> {
      return tx.select().from(materialVersions).where(eq(materialVersions.documentId, documentId)).orderBy(asc(materialVersions.number))
    },

    async insertReviewRequests(values: (typeof materialReviewRequests.$inferInsert)[], tx: Tx): Promise<ReviewRequestRow[]> {
      if (values.length === 0) return []
      return tx.insert(materialReviewRequests).values(values).onConflictDoNothing().returning()
    },

    async listReviewRequestsOfVersions(versionIds: readonly string[]): Promise<ReviewRequestRow[]> {
      if (versionIds.length === 0) return []
      return db
        .select()
        .from(materialReviewRequests)
        .where(inArray(materialReviewRequests.versionId, [...versionIds]))
        .orderBy(asc(materialReviewRequests.createdAt), asc(materialReviewRequests.id))
    },

    async findReviewRequest(versionId: string, reviewerId: string, tx: Tx = db): Promise<ReviewRequestRow | null> {
      const [row] = await tx
        .select()
        .from(materialReviewRequests)
        .where(and(eq(materialReviewRequests.versionId, versionId), eq(materialReviewRequests.reviewerId, reviewerId)))
      return row ?? null
    },

    async findReviewRequestById(id: string): Promise<ReviewRequestRow | null> {
      const [row] = await db.select().from(materialReviewRequests).where(eq(materialReviewRequests.id, id))
      return row ?? null
    },

    async finishReviewRequest(id: string, at: Date): Promise<void> {
      await db
        .update(materialReviewRequests)
        .set({ finishedAt: at })
        .where(and(eq(materialReviewRequests.id, id), isNull(materialReviewRequests.finishedAt)))
    },

    /** A reviewer's requests with the document and version they name (never the text), soonest due first. */
    async listReviewRequestsOfReviewer(reviewerId: string) {
      return db
        .select({
          id: materialReviewRequests.id,
          versionId: materialReviewRequests.versionId,
          question: materialReviewRequests.question,
          dueDate: materialReviewRequests.dueDate,
          createdAt: materialReviewRequests.createdAt,
          finishedAt: materialReviewRequests.finishedAt,
          versionNumber: materialVersions.number,
          documentTitle: materialDocuments.title,
          kind: materialDocuments.kind,
          studentId: materialDocuments.studentId,
          myThreads: sql<number>`(select count(*)::int from material_threads t where t.version_id = ${materialReviewRequests.versionId} and t.author_id = ${reviewerId})`,
        })
        .from(materialReviewRequests)
        .innerJoin(materialVersions, eq(materialVersions.id, materialReviewRequests.versionId))
        .innerJoin(materialDocuments, eq(materialDocuments.id, materialVersions.documentId))
        .where(eq(materialReviewRequests.reviewerId, reviewerId))
        .orderBy(asc(materialReviewRequests.dueDate), asc(materialReviewRequests.createdAt))
    },

    async insertThread(values: typeof materialThreads.$inferInsert, tx: Tx = db): Promise<ThreadRow> {
      const [row] = await tx.insert(materialThreads).values(values).returning()
      if (!row) throw new Error('The comment was not written.')
      return row
    },

    async findThreadById(id: string, tx: Tx = db): Promise<ThreadRow | null> {
      const [row] = await tx.select().from(materialThreads).where(eq(materialThreads.id, id))
      return row ?? null
    },

    async lockThreads(ids: readonly string[], tx: Tx): Promise<ThreadRow[]> {
      if (ids.length === 0) return []
      return tx
        .select()
        .from(materialThreads)
        .where(inArray(materialThreads.id, [...ids]))
        .for('update')
    },

    async updateThread(
      id: string,
      values: Partial<Pick<ThreadRow, 'suggestion' | 'suggestionState' | 'acceptedIntoVersionId' | 'resolvedAt'>>,
      tx: Tx = db,
    ): Promise<void> {
      await tx.update(materialThreads).set(values).where(eq(materialThreads.id, id))
    },

    /** Threads made on these versions, oldest first; only one author's when `authorId` is given. */
    async listThreadsOnVersions(versionIds: readonly string[], authorId?: string): Promise<ThreadRow[]> {
      if (versionIds.length === 0) return []
      return db
        .select()
        .from(materialThreads)
        .where(and(inArray(materialThreads.versionId, [...versionIds]), authorId ? eq(materialThreads.authorId, authorId) : undefined))
        .orderBy(asc(materialThreads.createdAt), asc(materialThreads.id))
    },

    async countOpenThreadsByDocument(documentIds: readonly string[]): Promise<Map<string, number>> {
      if (documentIds.length === 0) return new Map()
      const rows = await db
        .select({ documentId: materialVersions.documentId, n: count() })
        .from(materialThreads)
        .innerJoin(materialVersions, eq(materialVersions.id, materialThreads.versionId))
        .where(and(inArray(materialVersions.documentId, [...documentIds]), isNull(materialThreads.resolvedAt)))
        .groupBy(materialVersions.documentId)
      return new Map(rows.map((r) => [r.documentId, r.n]))
    },

    async insertReply(values: typeof materialReplies.$inferInsert, tx: Tx = db): Promise<ReplyRow> {
      const [row] = await tx.insert(materialReplies).values(values).returning()
      if (!row) throw new Error('The reply was not written.')
      return row
    },

    async listRepliesOfThreads(threadIds: readonly string[]): Promise<ReplyRow[]> {
      if (threadIds.length === 0) return []
      return db
        .select()
        .from(materialReplies)
        .where(inArray(materialReplies.threadId, [...threadIds]))
        .orderBy(asc(materialReplies.createdAt), asc(materialReplies.id))
    },

    /**
     * Claims up to `limit` open review requests due between `fromDate` and `toDate` (inclusive),
     * shared before `sharedBefore`, not yet reminded, and marks them reminded in the caller's
     * transaction. FOR UPDATE SKIP LOCKED: a sweep in another process skips the rows this one
     * holds, so each reviewer is reminded once.
     */
    async claimReviewReminders(window: { fromDate: string; toDate: string; sharedBefore: Date }, now: Date, limit: number, tx: Tx) {
      const rows = await tx
        .select({
          id: materialReviewRequests.id,
          versionId: materialReviewRequests.versionId,
          reviewerId: materialReviewRequests.reviewerId,
          question: materialReviewRequests.question,
          dueDate: materialReviewRequests.dueDate,
          versionNumber: materialVersions.number,
          kind: materialDocuments.kind,
          studentId: materialDocuments.studentId,
        })
        .from(materialReviewRequests)
        .innerJoin(materialVersions, eq(materialVersions.id, materialReviewRequests.versionId))
        .innerJoin(materialDocuments, eq(materialDocuments.id, materialVersions.documentId))
        .where(
          and(
            isNull(materialReviewRequests.finishedAt),
            isNull(materialReviewRequests.remindedAt),
            gte(materialReviewRequests.dueDate, window.fromDate),
            lte(materialReviewRequests.dueDate, window.toDate),
            lt(materialReviewRequests.createdAt, window.sharedBefore),
          ),
        )
        .orderBy(asc(materialReviewRequests.dueDate), asc(materialReviewRequests.id))
        .limit(limit)
        .for('update', { of: materialReviewRequests, skipLocked: true })
      if (rows.length > 0)
        await tx
          .update(materialReviewRequests)
          .set({ remindedAt: now })
          .where(
            inArray(
              materialReviewRequests.id,
              rows.map((r) => r.id),
            ),
          )
      return rows
    },
  }
}

export type MaterialsRepository = ReturnType<typeof createMaterialsRepository>
