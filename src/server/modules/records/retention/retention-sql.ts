import { type SQL, sql } from 'drizzle-orm'
import type { Tx } from '#server/db/client.ts'
import { ANONYMISED_EMAIL_DOMAIN, type RowMatch, type SetTo, type Treatment } from './domain/retention-treatment.ts'

/**
 * The SQL of a retention treatment, built from `retention-treatments.ts`. This is the one place
 * where the records module writes tables other modules own (decision 038): a graduate's rows are
 * spread over some sixty tables, and treating them table by table from one classification, in one
 * transaction, is what makes "every table has a treatment" checkable. Table and column names come
 * only from that classification (tested against the schema), never from input; the person ids go
 * in as one array parameter.
 */

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows

/** Person ids as one uuid[] parameter (ids come from the database, and are uuids by type). */
const idArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`

export function matchCondition(match: RowMatch, ids: readonly string[]): SQL {
  const column = sql.identifier(match.column)
  if (!match.via) return sql`${column} = any(${idArray(ids)})`
  const { table, select } = match.via
  return sql`${column} in (select ${sql.identifier(select)} from ${sql.identifier(table)} where ${matchCondition(match.via.match, ids)})`
}

function sqlValue(to: SetTo): SQL {
  if (to === null) return sql`null`
  if (typeof to === 'string' || typeof to === 'boolean') return sql`${to}`
  switch (to.derived) {
    case 'empty-array':
      return sql`'{}'`
    case 'anonymous-email':
      // Unique like the address it replaces, and undeliverable.
      return sql`'removed-' || ${sql.identifier('id')}::text || ${`@${ANONYMISED_EMAIL_DOMAIN}`}`
    case 'anonymised-id':
      return sql`'anonymised-' || ${sql.identifier('id')}::text`
  }
}

export async function countRows(db: Pick<Tx, 'execute'>, table: string, treatment: Treatment, ids: readonly string[]): Promise<number> {
  if (treatment.action === 'keep' || ids.length === 0) return 0
  const result = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${matchCondition(treatment.match, ids)}`)
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0)
}

export async function applyTreatment(tx: Pick<Tx, 'execute'>, table: string, treatment: Treatment, ids: readonly string[]): Promise<void> {
  if (treatment.action === 'keep' || ids.length === 0) return
  const where = matchCondition(treatment.match, ids)
  if (treatment.action === 'delete') {
    await tx.execute(sql`delete from ${sql.identifier(table)} where ${where}`)
    return
  }
  const assignments = sql.join(
    Object.entries(treatment.set).map(([column, to]) => sql`${sql.identifier(column)} = ${sqlValue(to)}`),
    sql`, `,
  )
  await tx.execute(sql`update ${sql.identifier(table)} set ${assignments} where ${where}`)
}

export type RetentionCandidate = { id: string; name: string; graduationYear: number; otherRoles: string[]; disabled: boolean }

/**
 * Graduates of `lastYear` or earlier not yet anonymised, with any role they still hold (a graduate
 * loses the student role at the year-end rollover; one who mentors or works here keeps another).
 * Reads identity's and profiles' tables for the same reason as above.
 */
export async function listRetentionCandidates(db: Pick<Tx, 'execute'>, lastYear: number): Promise<RetentionCandidate[]> {
  const result = await db.execute(sql`
    select p.id, p.name, p.status, sp.graduation_year as "graduationYear",
      coalesce((select array_agg(r.role order by r.role) from person_roles r where r.person_id = p.id and r.role <> 'student'), '{}') as "otherRoles"
    from people p
    join student_profiles sp on sp.person_id = p.id
    where sp.enrollment = 'graduated' and sp.graduation_year <= ${lastYear}
      and not exists (select 1 from retention_anonymised a where a.person_id = p.id)
    order by sp.graduation_year, p.name, p.id`)
  return rowsOf<{ id: string; name: string; status: string; graduationYear: number; otherRoles: string[] | string }>(result).map((row) => ({
    id: row.id,
    name: row.name,
    graduationYear: Number(row.graduationYear),
    otherRoles: parseRoles(row.otherRoles),
    disabled: row.status === 'disabled',
  }))
}

/** node-postgres and PGlite both parse text[]; keep a fallback for the literal form. */
function parseRoles(value: string[] | string): string[] {
  if (Array.isArray(value)) return value
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean)
}
