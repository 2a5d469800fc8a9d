import type { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/pglite'
import { describe, expect, it } from 'vitest'
import { DRIZZLE_TEXT_TYPES, withInstanceParsers } from './pglite-drizzle-parsers.ts'

/** A stand-in for PGlite that records the options of each query. */
function recordingClient() {
  const seen: unknown[] = []
  const query = async (_sql: string, _params?: unknown[], options?: unknown) => {
    seen.push(options)
    return { rows: [], fields: [], affectedRows: 0 }
  }
  const client = {
    query,
    transaction: async <R>(run: (tx: { query: typeof query }) => Promise<R>) => run({ query }),
    name: 'the instance',
  }
  return { client: client as unknown as PGlite, seen }
}

describe('PGlite queries from drizzle', () => {
  it('drizzle asks only for the text types the instance is given', async () => {
    const { client, seen } = recordingClient()
    const db = drizzle(client)
    await db.execute(sql`select 1`)
    await db.transaction(async (tx) => {
      await tx.execute(sql`select 2`)
    })
    const asked = new Set(seen.flatMap((options) => Object.keys((options as { parsers?: object }).parsers ?? {})))
    expect(asked.size).toBeGreaterThan(0)
    // A newer drizzle that asks for another type keeps working (the parsers are passed through), but slower: this says so.
    expect([...asked].filter((oid) => !DRIZZLE_TEXT_TYPES.map(String).includes(oid))).toEqual([])
  })

  it('drops the per-query parsers, in and out of transactions, and keeps the rest of the options', async () => {
    const { client, seen } = recordingClient()
    const db = drizzle(withInstanceParsers(client))
    await db.execute(sql`select 1`)
    await db.transaction(async (tx) => {
      await tx.execute(sql`select 2`)
    })
    const queries = seen.filter((options) => options !== undefined) as Record<string, unknown>[]
    expect(queries.length).toBeGreaterThanOrEqual(2)
    for (const options of queries) {
      expect(options).not.toHaveProperty('parsers')
      expect(options).toHaveProperty('rowMode')
    }
  })

  it('passes parsers through when one names a type the instance does not parse as text', async () => {
    const { client, seen } = recordingClient()
    const wrapped = withInstanceParsers(client)
    const json = { 114: (value: string) => value }
    await wrapped.query('select 1', [], { parsers: json })
    expect(seen[0]).toEqual({ parsers: json })
    expect((wrapped as unknown as { name: string }).name).toBe('the instance')
  })
})
