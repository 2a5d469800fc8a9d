import { describe, expect, it } from 'vitest'
import { createRevisionFollower, REVISION_OVERLAP, type RevisionedRow } from './revision-follower.ts'

type Row = RevisionedRow & { value: string }

/** A change feed over an array of committed rows, recording each read. */
function feed(rows: Row[]) {
  const reads: { from: number; limit: number }[] = []
  return {
    rows,
    reads,
    async readChangesSince(from: number, limit: number): Promise<Row[]> {
      reads.push({ from, limit })
      return rows
        .filter((r) => r.revision > from)
        .sort((a, b) => a.revision - b.revision)
        .slice(0, limit)
    },
  }
}

describe('createRevisionFollower', () => {
  it('applies every change up to the revision, in batches', async () => {
    const source = feed(Array.from({ length: 7 }, (_, i) => ({ id: `m${i}`, revision: i + 1, value: `v${i}` })))
    const copy = new Map<string, string>()
    const follower = createRevisionFollower({ readChangesSince: source.readChangesSince, apply: (row: Row) => copy.set(row.id, row.value), batchSize: 3 })
    await follower.catchUp(7)
    expect(follower.revision).toBe(7)
    expect(copy.size).toBe(7)
    expect(source.reads.map((r) => r.from)).toEqual([0, 3, 6])
  })

  it('lets other work run every `yieldEvery` rows of a long load, and callers still wait for all of it', async () => {
    const source = feed(Array.from({ length: 6 }, (_, i) => ({ id: `m${i}`, revision: i + 1, value: `v${i}` })))
    const order: string[] = []
    const follower = createRevisionFollower({ readChangesSince: source.readChangesSince, apply: (row: Row) => order.push(row.value), yieldEvery: 2 })
    // Queued before the load: without pauses it would run only after all six rows.
    setImmediate(() => order.push('other work'))
    const [first, second] = [follower.catchUp(6), follower.catchUp(6)]
    await second
    expect(order.filter((entry) => entry !== 'other work')).toHaveLength(6)
    await first
    expect(order.indexOf('other work')).toBeGreaterThan(0)
    expect(order.indexOf('other work')).toBeLessThan(6)
    expect(source.reads).toHaveLength(1)
  })

  it('catches a late commit below the newest revision, and skips rows already applied', async () => {
    const source = feed([
      { id: 'a', revision: 1, value: 'a1' },
      { id: 'b', revision: 3, value: 'b3' },
    ])
    const applied: string[] = []
    const follower = createRevisionFollower({ readChangesSince: source.readChangesSince, apply: (row: Row) => applied.push(row.value) })
    await follower.catchUp(3)
    // Revision 2 was taken before 3 but commits after it.
    source.rows.push({ id: 'c', revision: 2, value: 'c2' }, { id: 'a', revision: 4, value: 'a4' })
    await follower.catchUp(4)
    expect(applied).toEqual(['a1', 'b3', 'c2', 'a4'])
    expect(source.reads.at(-1)?.from).toBe(Math.max(0, 3 - REVISION_OVERLAP))
  })

  it('shares one read among concurrent callers and reads nothing when up to date', async () => {
    const source = feed([{ id: 'a', revision: 5, value: 'a5' }])
    const follower = createRevisionFollower({ readChangesSince: source.readChangesSince, apply: () => {} })
    await Promise.all([follower.catchUp(5), follower.catchUp(5), follower.catchUp(5)])
    expect(source.reads).toHaveLength(1)
    await follower.catchUp(5)
    expect(source.reads).toHaveLength(1)
  })

  it('gives up after three reads when the revision is not committed yet', async () => {
    const source = feed([{ id: 'a', revision: 1, value: 'a1' }])
    const follower = createRevisionFollower({ readChangesSince: source.readChangesSince, apply: () => {} })
    await follower.catchUp(9)
    expect(follower.revision).toBe(1)
    expect(source.reads).toHaveLength(3)
  })
})
