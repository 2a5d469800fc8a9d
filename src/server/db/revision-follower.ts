/** One changed row of a change feed: what changed and the revision its change took. */
export type RevisionedRow = { id: string; revision: number }

export type RevisionFollowerOptions<Row extends RevisionedRow> = {
  /** Rows changed after `revision`, oldest revision first, at most `limit` of them. */
  readChangesSince(revision: number, limit: number): Promise<Row[]>
  /** Applies one changed row to the copy kept in memory (adds, replaces or removes it). */
  apply(row: Row): void
  /** How many changed rows one read takes. */
  batchSize?: number
  /**
   * Lets other work run after applying this many rows, so that a long first load (the whole
   * directory at start-up) does not hold every request that arrives meanwhile.
   */
  yieldEvery?: number
}

/**
 * A revision can be taken by one transaction and committed after a later one; re-reading this
 * many revisions below the last one seen catches such late commits (applying a row twice is
 * harmless: a row already applied at its revision is skipped).
 */
export const REVISION_OVERLAP = 100

const DEFAULT_BATCH_SIZE = 5_000

export type RevisionFollower = {
  /** The highest revision applied so far. */
  readonly revision: number
  /** Reads and applies changes until `revision` is reached (or three reads found it not yet committed); concurrent callers share one read. */
  catchUp(revision: number): Promise<void>
}

/**
 * Keeps an in-memory copy in step with a table whose rows carry a revision from a sequence
 * (the directory's `directory_entries`): each process reads the newest revision, and when it
 * moved, reads the rows changed since and applies them. So a write in any process shows in
 * every process's copy on its next read, and the copy holds nothing the database does not.
 */
export function createRevisionFollower<Row extends RevisionedRow>(options: RevisionFollowerOptions<Row>): RevisionFollower {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
  const yieldEvery = options.yieldEvery ?? Number.POSITIVE_INFINITY
  const appliedRevision = new Map<string, number>()
  let revision = 0
  let refreshing: Promise<void> | null = null

  async function readChanges(): Promise<void> {
    let from = Math.max(0, revision - REVISION_OVERLAP)
    for (;;) {
      const rows = await options.readChangesSince(from, batchSize)
      let applied = 0
      for (const row of rows) {
        if ((appliedRevision.get(row.id) ?? 0) >= row.revision) continue
        appliedRevision.set(row.id, row.revision)
        options.apply(row)
        if (row.revision > revision) revision = row.revision
        // Only this loop changes the copy; callers wait on it, so pausing here is safe.
        if (++applied % yieldEvery === 0) await new Promise((resume) => setImmediate(resume))
      }
      const last = rows.at(-1)
      if (!last || rows.length < batchSize) return
      from = last.revision
    }
  }

  return {
    get revision() {
      return revision
    },
    async catchUp(target: number): Promise<void> {
      for (let attempt = 0; attempt < 3 && revision < target; attempt++) {
        refreshing ??= readChanges().finally(() => {
          refreshing = null
        })
        await refreshing
      }
    },
  }
}
