import type { PGlite } from '@electric-sql/pglite'

/**
 * drizzle passes PGlite these parsers with every query, so that dates, times and intervals (and
 * their arrays, and numeric arrays) come back as the text PostgreSQL sends, which drizzle maps
 * itself. PGlite merges per-query parsers into a copy of its own table of about 400 types on
 * every query: 0.1–0.15 ms of processor time each, over a tenth of what a small request costs
 * the embedded database. Given to the instance once instead (`openPglite`), the per-query copy
 * is dropped by {@link withInstanceParsers}; the rows are the same.
 */
export const DRIZZLE_TEXT_TYPES = [
  1114, // timestamp
  1184, // timestamp with time zone
  1186, // interval
  1082, // date
  1231, // numeric[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1182, // date[]
] as const

const asText = (value: string): string => value

export const DRIZZLE_TEXT_PARSERS: Record<number, (value: string) => string> = Object.fromEntries(DRIZZLE_TEXT_TYPES.map((oid) => [oid, asText]))

const TEXT_TYPES: ReadonlySet<string> = new Set(DRIZZLE_TEXT_TYPES.map(String))

type QueryOptions = { parsers?: Record<string, unknown> } & Record<string, unknown>

/** The options without `parsers` when the instance already parses every type they name as text. */
function withoutRedundantParsers(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return options
  const { parsers, ...rest } = options as QueryOptions
  if (parsers === undefined) return options
  // A type this module does not know (a newer drizzle) keeps the per-query parsers: slower, never different.
  return Object.keys(parsers).every((oid) => TEXT_TYPES.has(oid)) ? rest : options
}

type Queryable = Pick<PGlite, 'query'>

function wrapQuery<T extends Queryable>(target: T, extra: (key: string | symbol) => unknown): T {
  return new Proxy(target, {
    get(object, key) {
      if (key === 'query') return (sql: string, params?: unknown[], options?: unknown) => object.query(sql, params, withoutRedundantParsers(options) as never)
      const special = extra(key)
      if (special !== undefined) return special
      const value = Reflect.get(object, key, object)
      // PGlite's methods use private state: they must run on the instance, not the proxy.
      return typeof value === 'function' && key !== 'constructor' ? value.bind(object) : value
    },
  })
}

/**
 * The client to give drizzle: `client` (opened with {@link DRIZZLE_TEXT_PARSERS}), whose queries
 * and transactions' queries skip the per-query parser copy.
 */
export function withInstanceParsers(client: PGlite): PGlite {
  return wrapQuery(client, (key) =>
    key === 'transaction' ? <R>(run: (tx: Queryable) => Promise<R>) => client.transaction((tx) => run(wrapQuery(tx, () => undefined))) : undefined,
  )
}
