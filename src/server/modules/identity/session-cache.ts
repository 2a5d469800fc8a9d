/**
 * Session lookups kept in memory, for a database that one process alone writes: the embedded
 * one, whose data folder no second process can open. Every signed-in request looks its session
 * up, and on the embedded database's single connection that lookup was a third of what the
 * cheapest routes cost.
 *
 * It is correct only because every write that can change a cached row (sessions ended, a
 * person's status, name, e-mail or scope, their roles) goes through the identity repository,
 * which calls `forgetAll` after the statement. Two orders need care:
 * - a read that began before such a write and returns after it would cache what it read before:
 *   the generation it started under no longer holds, so its row is returned but not kept;
 * - a read that begins after `forgetAll` while the write's transaction is still open: the
 *   embedded database runs a query only once the open transaction has ended, so it reads the
 *   committed row.
 * With PostgreSQL neither holds (several connections, several processes), so there is no cache.
 */
export type SessionCache<Row> = {
  /** The cached row, or `load`'s (kept unless something was written meanwhile); null rows are not kept. */
  read(sessionId: string, load: () => Promise<Row | null>): Promise<Row | null>
  /** One session ended or changed. */
  forget(sessionId: string): void
  /** Replaces a cached row after the lookup itself wrote to it (the last-seen time). */
  update(sessionId: string, change: (row: Row) => Row): void
  /** Something a cached row may hold was written: nothing cached is trusted any more. */
  forgetAll(): void
}

/** Enough for every session of a school signed in at once; the oldest entry goes first beyond it. */
const MAX_ENTRIES = 20_000

export function createSessionCache<Row>(maxEntries = MAX_ENTRIES): SessionCache<Row> {
  const entries = new Map<string, Row>()
  let generation = 0
  return {
    async read(sessionId, load) {
      const cached = entries.get(sessionId)
      if (cached !== undefined) return cached
      const startedUnder = generation
      const row = await load()
      if (row !== null && startedUnder === generation) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string)
        entries.set(sessionId, row)
      }
      return row
    },
    forget(sessionId) {
      generation++
      entries.delete(sessionId)
    },
    update(sessionId, change) {
      const cached = entries.get(sessionId)
      if (cached !== undefined) entries.set(sessionId, change(cached))
    },
    forgetAll() {
      generation++
      entries.clear()
    },
  }
}

/** No cache: every read is a lookup (PostgreSQL). */
export function noSessionCache<Row>(): SessionCache<Row> {
  return {
    read: (_sessionId, load) => load(),
    forget: () => {},
    update: () => {},
    forgetAll: () => {},
  }
}
