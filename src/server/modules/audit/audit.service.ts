import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { auditLog } from '#server/db/schema/index.ts'
import type { AuditPage, AuditQuery } from '#shared/contracts/admin.ts'
import type { Clock } from '../../clock.ts'
import type { RequestMeta } from '../../http/app-env.ts'
import { mapPersonNamesByIds } from '../identity/people-reads.ts'
import { AUDIT_CHAIN_LOCK_KEY, auditRowHash, checkChain, GENESIS_HASH, type ChainBreak } from './audit-chain.ts'

/** Database or transaction: audit rows are written in the same transaction as the change. */
type Writer = Pick<Database, 'insert' | 'select' | 'execute'>

export type AuditEvent = {
  actorId: string | null
  action: string
  objectType?: string
  objectId?: string
}

/** Who did what to which object, and when; never the content of the object. */
export function createAuditService(db: Database, clock: Clock) {
  return {
    /**
     * Appends one row to the hash chain. A transaction-scoped advisory lock makes concurrent
     * writers take turns, so each links to the row committed before it; the lock is released
     * when the caller's transaction ends.
     */
    async record(event: AuditEvent, meta: RequestMeta | null, writer: Writer = db): Promise<void> {
      const append = async (tx: Writer) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`)
        const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1)
        const fields = {
          at: clock.now(),
          actorId: event.actorId,
          action: event.action,
          objectType: event.objectType ?? null,
          objectId: event.objectId ?? null,
          requestId: meta?.requestId ?? null,
          ip: meta?.ip ?? null,
        }
        const prevHash = last?.hash ?? GENESIS_HASH
        await tx.insert(auditLog).values({ ...fields, prevHash, hash: auditRowHash(prevHash, fields) })
      }
      if (writer === db) await db.transaction(append)
      else await append(writer)
    },

    async listEntries(query: AuditQuery): Promise<AuditPage> {
      const where = and(query.action ? eq(auditLog.action, query.action) : undefined, query.actorId ? eq(auditLog.actorId, query.actorId) : undefined)
      const [rows, totals] = await Promise.all([
        db
          .select({
            id: auditLog.id,
            at: auditLog.at,
            actorId: auditLog.actorId,
            action: auditLog.action,
            objectType: auditLog.objectType,
            objectId: auditLog.objectId,
            requestId: auditLog.requestId,
          })
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ total: count() }).from(auditLog).where(where),
      ])
      // Names for one page of rows, read after paging: the page never joins identity's table.
      const names = await mapPersonNamesByIds(
        db,
        rows.map((row) => row.actorId),
      )
      return {
        items: rows.map((row) => ({ ...row, actorName: row.actorId === null ? null : (names.get(row.actorId) ?? null), at: row.at.toISOString() })),
        total: totals[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      }
    },
  }
}

export type AuditService = ReturnType<typeof createAuditService>

export type AuditChainReport = { ok: boolean; checked: number; legacyRows: number; firstBreak: ChainBreak | null }

/**
 * Recomputes the whole chain, in pages, and reports the first edited, unlinked or deleted row.
 * Deleting the newest rows leaves a shorter valid chain: compare `checked` and the last hash
 * with a copy kept elsewhere to detect that too (decision 008).
 */
export async function verifyAuditChain(db: Database, pageSize = 1000): Promise<AuditChainReport> {
  const state = { prev: null as string | null, legacy: 0 }
  let afterId = 0
  let checked = 0
  for (;;) {
    const rows = await db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorId: auditLog.actorId,
        action: auditLog.action,
        objectType: auditLog.objectType,
        objectId: auditLog.objectId,
        requestId: auditLog.requestId,
        ip: auditLog.ip,
        prevHash: auditLog.prevHash,
        hash: auditLog.hash,
      })
      .from(auditLog)
      .where(gt(auditLog.id, afterId))
      .orderBy(asc(auditLog.id))
      .limit(pageSize)
    if (rows.length === 0) break
    const firstBreak = checkChain(rows, state)
    if (firstBreak) return { ok: false, checked: checked + rows.findIndex((r) => r.id === firstBreak.id), legacyRows: state.legacy, firstBreak }
    checked += rows.length
    afterId = rows[rows.length - 1]?.id ?? afterId
  }
  return { ok: true, checked, legacyRows: state.legacy, firstBreak: null }
}
