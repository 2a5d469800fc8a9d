import { describe, expect, it } from 'vitest'
import { auditRowHash, checkChain, GENESIS_HASH, type StoredAuditRow } from './audit-chain.ts'

function chain(n: number): StoredAuditRow[] {
  const rows: StoredAuditRow[] = []
  let prev = GENESIS_HASH
  for (let i = 1; i <= n; i++) {
    const fields = {
      at: new Date(Date.UTC(2026, 9, 5, 14, 0, i)),
      actorId: null,
      action: `a${i}`,
      objectType: 'x',
      objectId: String(i),
      requestId: null,
      ip: null,
    }
    const hash = auditRowHash(prev, fields)
    rows.push({ id: i, ...fields, prevHash: prev, hash })
    prev = hash
  }
  return rows
}

describe('audit hash chain', () => {
  it('an intact chain checks out', () => {
    expect(checkChain(chain(5))).toBeNull()
  })

  it('an edited field breaks that row', () => {
    const rows = chain(5)
    rows[2] = { ...(rows[2] as StoredAuditRow), action: 'something else' }
    expect(checkChain(rows)).toEqual({ id: 3, reason: 'edited' })
  })

  it('a deleted row breaks the link of the next', () => {
    const rows = chain(5)
    rows.splice(1, 1)
    expect(checkChain(rows)).toEqual({ id: 3, reason: 'link-broken' })
  })

  it('a deleted first row is detected', () => {
    expect(checkChain(chain(3).slice(1))).toEqual({ id: 2, reason: 'link-broken' })
  })

  it('rows from before the chain are legacy; an unchained row after it is a break', () => {
    const legacy: StoredAuditRow = {
      id: 0,
      at: new Date(0),
      actorId: null,
      action: 'old',
      objectType: null,
      objectId: null,
      requestId: null,
      ip: null,
      prevHash: null,
      hash: null,
    }
    expect(checkChain([legacy, ...chain(2)])).toBeNull()
    expect(checkChain([...chain(2), { ...legacy, id: 3 }])).toEqual({ id: 3, reason: 'unchained' })
  })

  it('the hash depends on the previous hash', () => {
    const fields = { at: new Date(0), actorId: null, action: 'a', objectType: null, objectId: null, requestId: null, ip: null }
    expect(auditRowHash('a', fields)).not.toBe(auditRowHash('b', fields))
  })
})
