import { type SQL, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'

/** One element of a PostgreSQL array literal, quoted so that commas, braces, quotes and spaces stay inside it. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`

/** `values`, without repeats, as the text of one PostgreSQL array (`{"a","b"}`). */
export function arrayLiteral(values: readonly string[]): string {
  return `{${[...new Set(values)].map(quoted).join(',')}}`
}

/**
 * `column = any($1::<type>[])`: a batched read's list of ids as ONE bound parameter, where
 * drizzle's `inArray` binds one parameter per id (`in ($1, …, $2000)`). On the embedded database
 * most of such a query's time went into binding and parsing those parameters, and PostgreSQL
 * refuses more than 65,535 of them in one statement; one array has neither cost nor limit.
 * The array is cast to the column's own type, so the comparison and its index are the same as
 * `inArray`'s. Repeated values are sent once. An empty list matches no row.
 */
export function anyOf(column: PgColumn, values: readonly string[]): SQL {
  return sql`${column} = any(${arrayLiteral(values)}::${sql.raw(column.getSQLType())}[])`
}
