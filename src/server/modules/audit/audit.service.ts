import { and, count, desc, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { auditLog, people } from '#server/db/schema/index.ts'
import type { AuditPage, AuditQuery } from '#shared/contracts/admin.ts'
import type { Clock } from '../../clock.ts'
import type { RequestMeta } from '../../http/app-env.ts'

/** Database or transaction: audit rows are written in the same transaction as the change. */
type Writer = Pick<Database, 'insert'>

export type AuditEvent = {
  actorId: string | null
  action: string
  objectType?: string
  objectId?: string
}

/** Who did what to which object, and when; never the content of the object. */
export function createAuditService(db: Database, clock: Clock) {
  return {
    async record(event: AuditEvent, meta: RequestMeta | null, writer: Writer = db): Promise<void> {
      await writer.insert(auditLog).values({
        at: clock.now(),
        actorId: event.actorId,
        action: event.action,
        objectType: event.objectType ?? null,
        objectId: event.objectId ?? null,
        requestId: meta?.requestId ?? null,
        ip: meta?.ip ?? null,
      })
    },

    async listEntries(query: AuditQuery): Promise<AuditPage> {
      const where = and(
        query.action ? eq(auditLog.action, query.action) : undefined,
        query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
      )
      const [rows, totals] = await Promise.all([
        db
          .select({
            id: auditLog.id,
            at: auditLog.at,
            actorId: auditLog.actorId,
            actorName: people.name,
            action: auditLog.action,
            objectType: auditLog.objectType,
            objectId: auditLog.objectId,
            requestId: auditLog.requestId,
          })
          .from(auditLog)
          .leftJoin(people, eq(people.id, auditLog.actorId))
          .where(where)
          .orderBy(desc(auditLog.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ total: count() }).from(auditLog).where(where),
      ])
      return {
        items: rows.map((row) => ({ ...row, at: row.at.toISOString() })),
        total: totals[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      }
    },
  }
}

export type AuditService = ReturnType<typeof createAuditService>
