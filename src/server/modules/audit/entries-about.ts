import { and, desc, eq, inArray, like, ne, or, type SQL } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { auditLog } from '#server/db/schema/index.ts'

/**
 * Audit's read for a student's record of access (34 CFR §99.32): the rows about objects that are
 * the student's (their person id, their letter requests, their mentorships, …), written by
 * someone other than the student. The records module names the objects; this reads only the
 * audit table, newest first. Never content: an audit row holds none.
 */
export type AuditObject = { objectType: string; objectIds: readonly string[] }
export type AuditEntryAbout = { id: number; at: Date; actorId: string | null; action: string; objectType: string | null; objectId: string | null }

export async function listEntriesAbout(
  reader: Pick<Database, 'select'>,
  query: { objects: readonly AuditObject[]; excludeActorId: string; actionPattern?: string; limit: number },
): Promise<AuditEntryAbout[]> {
  const targets: SQL[] = query.objects
    .filter((o) => o.objectIds.length > 0)
    .map((o) => and(eq(auditLog.objectType, o.objectType), inArray(auditLog.objectId, [...o.objectIds])) as SQL)
  if (targets.length === 0) return []
  return reader
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
    })
    .from(auditLog)
    .where(
      and(
        or(...targets),
        // Rows written by the student themselves are their own actions, not someone reading their record.
        ne(auditLog.actorId, query.excludeActorId),
        query.actionPattern ? like(auditLog.action, query.actionPattern) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(query.limit)
}

/** When a person last did `action` (newest row), or null. */
export async function findLatestActionBy(reader: Pick<Database, 'select'>, actorId: string, actions: readonly string[]): Promise<Date | null> {
  const [row] = await reader
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actorId), inArray(auditLog.action, [...actions])))
    .orderBy(desc(auditLog.id))
    .limit(1)
  return row?.at ?? null
}
