import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import * as schema from '#server/db/schema/index.ts'

/** Columns that name a person without a foreign key (audit actors, e-mail recipients). */
const PERSON_COLUMN = /^(person_id|student_id|actor_id|author_id|mentor_id|advisor_id|to_address|email)$/

export const allTables = (): PgTable[] => Object.values(schema as Record<string, unknown>).filter((v): v is PgTable => v instanceof PgTable)

/**
 * Tables that refer to a person: directly (a foreign key to people, or a person column) or through
 * a parent that does. The records export and retention both classify exactly these.
 */
export function tablesAboutPeople(): string[] {
  const configs = allTables().map((table) => getTableConfig(table))
  const about = new Set<string>(['people'])
  let grew = true
  while (grew) {
    grew = false
    for (const c of configs) {
      if (about.has(c.name)) continue
      const refersToPerson =
        c.columns.some((col) => PERSON_COLUMN.test(col.name)) || c.foreignKeys.some((fk) => about.has(getTableConfig(fk.reference().foreignTable).name))
      if (refersToPerson) {
        about.add(c.name)
        grew = true
      }
    }
  }
  return [...about].sort()
}
