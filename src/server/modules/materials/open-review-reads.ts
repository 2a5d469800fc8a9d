import { and, eq, isNull } from 'drizzle-orm'
import { anyOf } from '#server/db/any-of.ts'
import type { Database } from '#server/db/client.ts'
import { materialDocuments, materialReviewRequests, materialVersions } from '#server/db/schema/index.ts'
import type { MaterialKind } from '#shared/reference/application-limits.ts'
import { mapPersonNamesByIds } from '../identity/people-reads.ts'

/** A review a reviewer has not finished, as the office's dashboard may see it: the kind of document and dates only. */
export type OpenReviewRequest = {
  id: string
  studentId: string
  documentKind: MaterialKind
  reviewerName: string
  dueDate: string
  requestedAt: Date
}

/**
 * Every unfinished review request — of `studentIds`, or of every student — in one query plus one
 * read of reviewers' names. No title, no question, no text: a document is read by its student
 * and the reviewer it was shared with, never by the office (the module's README).
 */
export async function listOpenReviewRequests(db: Database, studentIds: readonly string[] | null): Promise<OpenReviewRequest[]> {
  if (studentIds?.length === 0) return []
  const rows = await db
    .select({
      id: materialReviewRequests.id,
      studentId: materialDocuments.studentId,
      documentKind: materialDocuments.kind,
      reviewerId: materialReviewRequests.reviewerId,
      dueDate: materialReviewRequests.dueDate,
      createdAt: materialReviewRequests.createdAt,
    })
    .from(materialReviewRequests)
    .innerJoin(materialVersions, eq(materialVersions.id, materialReviewRequests.versionId))
    .innerJoin(materialDocuments, eq(materialDocuments.id, materialVersions.documentId))
    .where(and(isNull(materialReviewRequests.finishedAt), studentIds ? anyOf(materialDocuments.studentId, studentIds) : undefined))
  const names = await mapPersonNamesByIds(
    db,
    rows.map((r) => r.reviewerId),
  )
  return rows.map((r) => ({
    id: r.id,
    studentId: r.studentId,
    documentKind: r.documentKind,
    reviewerName: names.get(r.reviewerId) ?? '',
    dueDate: r.dueDate,
    requestedAt: r.createdAt,
  }))
}
