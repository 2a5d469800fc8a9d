import { createHash } from 'node:crypto'

/**
 * The audit log is hash-chained: each row stores the hash of the row before it (`prev_hash`)
 * and its own `hash` = sha256(prev_hash ‖ its fields). Editing a row breaks its own hash;
 * deleting one breaks the link of the row after it. The id is not hashed (it is assigned by
 * the database on insert); the order of the chain is the order of the ids.
 */

export type ChainedFields = {
  at: Date
  actorId: string | null
  action: string
  objectType: string | null
  objectId: string | null
  requestId: string | null
  ip: string | null
}

/** The hash the first row of the chain links to. */
export const GENESIS_HASH = ''

/** Key of the transaction-scoped advisory lock that serialises appends to the chain. */
export const AUDIT_CHAIN_LOCK_KEY = 7_460_001

export function auditRowHash(prevHash: string, row: ChainedFields): string {
  const fields = [row.at.toISOString(), row.actorId, row.action, row.objectType, row.objectId, row.requestId, row.ip]
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).digest('hex')
}

export type StoredAuditRow = ChainedFields & { id: number; prevHash: string | null; hash: string | null }

export type ChainBreak = { id: number; reason: 'edited' | 'link-broken' | 'unchained' }

/**
 * Walks rows in id order and reports the first break. Rows before the first chained row (written
 * before the chain existed) are counted as legacy; an unchained row after it is a break.
 */
export function checkChain(rows: Iterable<StoredAuditRow>, state: { prev: string | null; legacy: number } = { prev: null, legacy: 0 }): ChainBreak | null {
  for (const row of rows) {
    if (row.hash === null || row.prevHash === null) {
      if (state.prev === null) {
        state.legacy++
        continue
      }
      return { id: row.id, reason: 'unchained' }
    }
    if (state.prev !== null && row.prevHash !== state.prev) return { id: row.id, reason: 'link-broken' }
    if (state.prev === null && state.legacy === 0 && row.prevHash !== GENESIS_HASH) return { id: row.id, reason: 'link-broken' }
    if (auditRowHash(row.prevHash, row) !== row.hash) return { id: row.id, reason: 'edited' }
    state.prev = row.hash
  }
  return null
}
