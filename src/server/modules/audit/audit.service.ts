import { and, asc, count, desc, eq, gt, gte, inArray, like, lt, sql, type SQL } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { auditLog } from '#server/db/schema/index.ts'
import type { AuditFilters, AuditPage, AuditQuery } from '#shared/contracts/admin.ts'
import { AppError } from '#shared/errors.ts'
import { escapeLike } from '#shared/search/like-pattern.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import type { Clock } from '../../clock.ts'
import type { RequestMeta } from '../../http/app-env.ts'
import { mapPersonNamesByIds, searchPeopleIds } from '../identity/people-reads.ts'
import { createAuditChainChecks } from './audit-chain-checks.ts'
import { auditCsv } from './domain/audit-csv.ts'
import { AUDIT_CHAIN_LOCK_KEY, auditRowHash, checkChain, GENESIS_HASH, type ChainBreak } from './audit-chain.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type AuditRow = { id: number; at: Date; actorId: string | null; action: string; objectType: string | null; objectId: string | null; requestId: string | null }

/** Database or transaction: audit rows are written in the same transaction as the change. */
type Writer = Pick<Database, 'insert' | 'select' | 'execute'>

export type AuditEvent = {
  actorId: string | null
  action: string
  objectType?: string
  objectId?: string
}

const entryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  action: auditLog.action,
  objectType: auditLog.objectType,
  objectId: auditLog.objectId,
  requestId: auditLog.requestId,
}

/** Rows an export holds at most; a narrower filter gets the rest. */
export const AUDIT_EXPORT_LIMIT = 50_000

/** At most this many people match a name typed as actor or subject. */
const PEOPLE_PER_FILTER = 100

/** Who did what to which object, and when; never the content of the object. */
export function createAuditService(db: Database, clock: Clock) {
  /** A typed id is that person; a name or e-mail (or part of one), whoever it matches. */
  async function peopleMatching(text: string): Promise<string[]> {
    if (UUID.test(text)) return [text.toLowerCase()]
    return (await searchPeopleIds(db, { q: text, page: 1, pageSize: PEOPLE_PER_FILTER })).ids
  }

  /** The filters as one condition; null when a typed name matches nobody (nothing can match). */
  async function whereOf(filters: AuditFilters): Promise<SQL | undefined | null> {
    if (filters.from && filters.to && filters.from > filters.to)
      throw new AppError('VALIDATION_FAILED', 'The first day comes after the last.', { to: 'Choose a day on or after the first day.' })
    const [actors, subjects] = await Promise.all([
      filters.actor ? peopleMatching(filters.actor) : null,
      filters.subject ? peopleMatching(filters.subject) : null,
    ])
    if (actors?.length === 0 || subjects?.length === 0) return null
    return and(
      filters.action ? like(auditLog.action, `${escapeLike(filters.action)}%`) : undefined,
      actors ? inArray(auditLog.actorId, actors) : undefined,
      // Subjects are people: entries about a person name them as the object.
      subjects ? and(eq(auditLog.objectType, 'person'), inArray(auditLog.objectId, subjects)) : undefined,
      filters.from ? gte(auditLog.at, new Date(`${filters.from}T00:00:00Z`)) : undefined,
      filters.to ? lt(auditLog.at, new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + MS_PER_DAY)) : undefined,
    )
  }

  /** Names of the actors and of the people entries are about, read after paging (never a join to identity's table). */
  async function withNames(rows: AuditRow[]) {
    const names = await mapPersonNamesByIds(db, [...rows.map((row) => row.actorId), ...rows.map((row) => (row.objectType === 'person' ? row.objectId : null))])
    return rows.map((row) => ({
      ...row,
      actorName: row.actorId === null ? null : (names.get(row.actorId) ?? null),
      objectName: row.objectType === 'person' && row.objectId ? (names.get(row.objectId) ?? null) : null,
      at: row.at.toISOString(),
    }))
  }

  return {
    ...createAuditChainChecks(db, clock),

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

    /**
     * Appends many rows to the chain at once (a roster applied: one row per person invited or
     * changed), under the same lock as `record`, each linked to the one before it. One insert per
     * thousand rows; identity ids follow the order of the values, so the chain reads in order.
     */
    async recordMany(events: readonly AuditEvent[], meta: RequestMeta | null, writer: Writer): Promise<void> {
      if (events.length === 0) return
      await writer.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`)
      const [last] = await writer.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1)
      let prevHash = last?.hash ?? GENESIS_HASH
      const at = clock.now()
      const rows = events.map((event) => {
        const fields = {
          at,
          actorId: event.actorId,
          action: event.action,
          objectType: event.objectType ?? null,
          objectId: event.objectId ?? null,
          requestId: meta?.requestId ?? null,
          ip: meta?.ip ?? null,
        }
        const row = { ...fields, prevHash, hash: auditRowHash(prevHash, fields) }
        prevHash = row.hash
        return row
      })
      for (let i = 0; i < rows.length; i += 1_000) await writer.insert(auditLog).values(rows.slice(i, i + 1_000))
    },

    async listEntries(query: AuditQuery): Promise<AuditPage> {
      const where = await whereOf(query)
      if (where === null) return { items: [], total: 0, page: query.page, pageSize: query.pageSize }
      const [rows, totals] = await Promise.all([
        db
          .select(entryColumns)
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ total: count() }).from(auditLog).where(where),
      ])
      return { items: await withNames(rows), total: totals[0]?.total ?? 0, page: query.page, pageSize: query.pageSize }
    },

    /** The filtered log as CSV, newest first, at most `AUDIT_EXPORT_LIMIT` rows (the file says so when cut). */
    async exportEntriesCsv(filters: AuditFilters): Promise<string> {
      const where = await whereOf(filters)
      const rows =
        where === null
          ? []
          : await db
              .select(entryColumns)
              .from(auditLog)
              .where(where)
              .orderBy(desc(auditLog.id))
              .limit(AUDIT_EXPORT_LIMIT + 1)
      return auditCsv(await withNames(rows.slice(0, AUDIT_EXPORT_LIMIT)), rows.length > AUDIT_EXPORT_LIMIT)
    },
  }
}

export type AuditService = ReturnType<typeof createAuditService>

export type AuditChainReport = {
  ok: boolean
  checked: number
  legacyRows: number
  firstBreak: ChainBreak | null
  /** The last row that checked out and its hash: the head of the intact part of the chain. */
  newest: { id: number; hash: string } | null
}

/**
 * Recomputes the whole chain, in pages, and reports the first edited, unlinked or deleted row.
 * Deleting the newest rows leaves a shorter valid chain: compare `checked` and the last hash
 * with a copy kept elsewhere to detect that too (decision 008).
 */
export async function verifyAuditChain(db: Database, pageSize = 1000): Promise<AuditChainReport> {
  const state = { prev: null as string | null, legacy: 0 }
  let afterId = 0
  let checked = 0
  let newest: AuditChainReport['newest'] = null
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
    if (firstBreak) {
      const before = rows.findIndex((r) => r.id === firstBreak.id)
      const lastGood = rows[before - 1]
      if (lastGood?.hash) newest = { id: lastGood.id, hash: lastGood.hash }
      return { ok: false, checked: checked + before, legacyRows: state.legacy, firstBreak, newest }
    }
    checked += rows.length
    const last = rows[rows.length - 1]
    if (last?.hash) newest = { id: last.id, hash: last.hash }
    afterId = rows[rows.length - 1]?.id ?? afterId
  }
  return { ok: true, checked, legacyRows: state.legacy, firstBreak: null, newest }
}
