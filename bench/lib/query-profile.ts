import pg from 'pg'
import type { DatabaseHandle } from '#server/db/client.ts'
import { log, round } from './measure.ts'

type Entry = { sql: string; calls: number; ms: number; rows: number; params: number }

/**
 * Where a read's time goes, query by query: times every statement the database client runs while
 * `run` runs, grouped by its SQL text, and logs the costliest. Wraps PGlite's `query` on the
 * instance, or `pg.Pool`'s for PostgreSQL (whose pooled queries may overlap, so their sum can
 * exceed the wall time). For `BENCH_PROFILE=1` runs only: the wrapping itself costs a little.
 */
export async function profileQueries<T>(handle: DatabaseHandle, label: string, run: () => Promise<T>, top = 25): Promise<T> {
  const entries = new Map<string, Entry>()
  const note = (sql: string, ms: number, rows: number, params: number) => {
    // Statements differing only in their number of parameters are one read.
    const key = sql.replace(/\$\d+(, \$\d+)*/g, '$…').slice(0, 160)
    const e = entries.get(key) ?? { sql: key, calls: 0, ms: 0, rows: 0, params: 0 }
    e.calls += 1
    e.ms += ms
    e.rows += rows
    e.params += params
    entries.set(key, e)
  }
  // PGlite runs one statement at a time anyway; queueing here keeps a statement's wait for the
  // previous one out of its own time.
  let queue: Promise<unknown> = Promise.resolve()
  const timed =
    (original: (...args: never[]) => Promise<unknown>, self: unknown, serial: boolean) =>
    async (...args: unknown[]): Promise<unknown> => {
      if (serial) {
        const turn = queue.then(() => timed(original, self, false)(...args))
        queue = turn.catch(() => undefined)
        return turn
      }
      const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string }).text ?? '')
      const values = (Array.isArray(args[1]) ? args[1] : ((args[0] as { values?: unknown[] }).values ?? [])) as unknown[]
      const t0 = performance.now()
      const result = (await original.apply(self, args as never[])) as { rows?: unknown[] }
      note(text, performance.now() - t0, result?.rows?.length ?? 0, values.length)
      return result
    }

  const client = handle.pglite
  const poolQuery = pg.Pool.prototype.query
  let restore: () => void
  if (client) {
    const original = client.query
    client.query = timed(original as never, client, true) as never
    restore = () => {
      client.query = original
    }
  } else {
    pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
      return timed(poolQuery as never, this, false)(...args)
    } as never
    restore = () => {
      pg.Pool.prototype.query = poolQuery
    }
  }
  const t0 = performance.now()
  try {
    return await run()
  } finally {
    const wall = performance.now() - t0
    restore()
    const sorted = [...entries.values()].sort((a, b) => b.ms - a.ms)
    const total = sorted.reduce((sum, e) => sum + e.ms, 0)
    log(`${label}: ${round(wall)} ms wall, ${round(total)} ms in ${sorted.reduce((s, e) => s + e.calls, 0)} queries`)
    for (const e of sorted.slice(0, top))
      log(
        `  ${String(round(e.ms)).padStart(8)} ms  ${String(e.calls).padStart(3)}×  ${String(e.rows).padStart(6)} rows  ${String(e.params).padStart(6)} params  ${e.sql}`,
      )
  }
}
