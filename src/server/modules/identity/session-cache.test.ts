import { describe, expect, it } from 'vitest'
import { createSessionCache } from './session-cache.ts'

type Row = { name: string }

/** A lookup the test releases by hand, to put a write between its start and its end. */
function heldLookup(row: Row | null) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let calls = 0
  return {
    load: async () => {
      calls++
      await released
      return row
    },
    release: () => release(),
    calls: () => calls,
  }
}

describe('session cache', () => {
  it('answers the second read from memory', async () => {
    const cache = createSessionCache<Row>()
    const lookup = heldLookup({ name: 'Ada' })
    lookup.release()
    expect(await cache.read('s1', lookup.load)).toEqual({ name: 'Ada' })
    expect(await cache.read('s1', lookup.load)).toEqual({ name: 'Ada' })
    expect(lookup.calls()).toBe(1)
  })

  it('does not keep an unknown session: it may be created next', async () => {
    const cache = createSessionCache<Row>()
    const lookup = heldLookup(null)
    lookup.release()
    await cache.read('s1', lookup.load)
    await cache.read('s1', lookup.load)
    expect(lookup.calls()).toBe(2)
  })

  it('does not keep what a read found before a write that happened while it ran', async () => {
    const cache = createSessionCache<Row>()
    const stale = heldLookup({ name: 'before the write' })
    const reading = cache.read('s1', stale.load)
    cache.forgetAll()
    stale.release()
    expect(await reading).toEqual({ name: 'before the write' })
    const fresh = heldLookup({ name: 'after the write' })
    fresh.release()
    expect(await cache.read('s1', fresh.load)).toEqual({ name: 'after the write' })
  })

  it('forgetting one session also refuses what a read of it in flight found', async () => {
    const cache = createSessionCache<Row>()
    const stale = heldLookup({ name: 'signed out meanwhile' })
    const reading = cache.read('s1', stale.load)
    cache.forget('s1')
    stale.release()
    await reading
    const again = heldLookup(null)
    again.release()
    expect(await cache.read('s1', again.load)).toBeNull()
  })

  it('forgets everything on forgetAll, and only the one session on forget', async () => {
    const cache = createSessionCache<Row>()
    const first = heldLookup({ name: 'A' })
    first.release()
    await cache.read('a', first.load)
    await cache.read('b', first.load)
    cache.forget('a')
    await cache.read('a', first.load)
    await cache.read('b', first.load)
    expect(first.calls()).toBe(3)
    cache.forgetAll()
    await cache.read('b', first.load)
    expect(first.calls()).toBe(4)
  })

  it('updates a cached row in place and drops the oldest entry beyond its size', async () => {
    const cache = createSessionCache<Row>(2)
    const lookup = heldLookup({ name: 'A' })
    lookup.release()
    await cache.read('a', lookup.load)
    cache.update('a', (row) => ({ ...row, name: 'A, touched' }))
    expect(await cache.read('a', lookup.load)).toEqual({ name: 'A, touched' })
    await cache.read('b', lookup.load)
    await cache.read('c', lookup.load)
    expect(lookup.calls()).toBe(3)
    await cache.read('a', lookup.load)
    expect(lookup.calls()).toBe(4)
  })
})
