import { desc } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { auditChainChecks } from '#server/db/schema/index.ts'
import type { AuditChainCheck } from '#shared/contracts/admin.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import { verifyAuditChain } from './audit.service.ts'
import { chainHeadJson, chainHeadText } from './domain/chain-head.ts'

/** How often the server checks the chain; a first check runs a few minutes after start (main.ts). */
export const AUDIT_CHAIN_CHECK_HOURS = 24
export const AUDIT_CHAIN_FIRST_CHECK_MS = 2 * 60_000

/** The checks the page shows: about a month of daily ones. */
const HISTORY_SHOWN = 30

type CheckRow = typeof auditChainChecks.$inferSelect

function toCheck(row: CheckRow): AuditChainCheck {
  return {
    id: row.id,
    checkedAt: row.checkedAt.toISOString(),
    intact: row.intact,
    rowsChecked: row.rowsChecked,
    legacyRows: row.legacyRows,
    breakRowId: row.breakRowId,
    breakReason: row.breakReason as AuditChainCheck['breakReason'],
    newestRowId: row.newestRowId,
    newestHash: row.newestHash,
    durationMs: row.durationMs,
  }
}

/**
 * The audit chain checked on a schedule (decision 030): each check recomputes the whole chain and
 * stores when it ran, whether it held, where it first broke, and the newest hash it reached. The
 * newest hash, kept outside the system by an admin, is what shows a log cut short at its end,
 * which no check from inside can see.
 */
export function createAuditChainChecks(db: Database, clock: Clock) {
  async function latest(): Promise<AuditChainCheck | null> {
    const [row] = await db.select().from(auditChainChecks).orderBy(desc(auditChainChecks.id)).limit(1)
    return row ? toCheck(row) : null
  }

  return {
    /** Checks the whole chain now and stores the result. Several servers may each run it; every result is kept. */
    async checkAuditChain(): Promise<AuditChainCheck> {
      const started = performance.now()
      const report = await verifyAuditChain(db)
      const [row] = await db
        .insert(auditChainChecks)
        .values({
          checkedAt: clock.now(),
          intact: report.ok,
          rowsChecked: report.checked,
          legacyRows: report.legacyRows,
          breakRowId: report.firstBreak?.id ?? null,
          breakReason: report.firstBreak?.reason ?? null,
          newestRowId: report.newest?.id ?? null,
          newestHash: report.newest?.hash ?? null,
          durationMs: Math.round(performance.now() - started),
        })
        .returning()
      return toCheck(row as CheckRow)
    },

    async listAuditChainChecks() {
      const rows = await db.select().from(auditChainChecks).orderBy(desc(auditChainChecks.id)).limit(HISTORY_SHOWN)
      const history = rows.map(toCheck)
      return { latest: history[0] ?? null, history, everyHours: AUDIT_CHAIN_CHECK_HOURS }
    },

    /** The newest check's head of the chain, to keep outside the system; NOT_FOUND before the first check. */
    async getAuditChainHead(format: 'json' | 'text'): Promise<{ check: AuditChainCheck; body: string; contentType: string; filename: string }> {
      const check = await latest()
      if (!check) throw new AppError('NOT_FOUND', 'No check of the audit log has run yet. Run one first.')
      const now = clock.now()
      const stamp = check.checkedAt.slice(0, 10)
      return format === 'text'
        ? { check, body: chainHeadText(check, now), contentType: 'text/plain; charset=utf-8', filename: `audit-log-hash-${stamp}.txt` }
        : {
            check,
            body: `${JSON.stringify(chainHeadJson(check, now), null, 2)}\n`,
            contentType: 'application/json; charset=utf-8',
            filename: `audit-log-hash-${stamp}.json`,
          }
    },
  }
}
