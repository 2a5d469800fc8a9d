import { getTableConfig } from 'drizzle-orm/pg-core'
import { describe, expect, it } from 'vitest'
import { allTables, tablesAboutPeople } from '#tests/setup/tables-about-people.ts'
import { EXPORT_COVERAGE } from '../export-coverage.ts'
import type { RowMatch } from './domain/retention-treatment.ts'
import { RETENTION_TREATMENTS } from './retention-treatments.ts'

/**
 * Every table with a person's data has a retention treatment (decision 038): the same tables the
 * records export classifies, and every table the schema walk finds. A new student-data table fails
 * here until `retention-treatments.ts` says whether it is anonymised, deleted or kept, and why.
 */

const columnsOf = new Map(allTables().map((table) => [getTableConfig(table).name, new Map(getTableConfig(table).columns.map((c) => [c.name, c]))]))

function problemsOfMatch(table: string, match: RowMatch): string[] {
  const problems = columnsOf.get(table)?.has(match.column) ? [] : [`${table}.${match.column} does not exist`]
  if (!match.via) return problems
  const { via } = match
  if (!columnsOf.get(via.table)?.has(via.select)) problems.push(`${via.table}.${via.select} does not exist`)
  return [...problems, ...problemsOfMatch(via.table, via.match)]
}

describe('every table about people has a retention treatment', () => {
  it('treats every table the schema walk finds, and every table the records export classifies', () => {
    const treated = new Set(Object.keys(RETENTION_TREATMENTS))
    expect(
      tablesAboutPeople().filter((name) => !treated.has(name)),
      'tables about people without a retention treatment (retention-treatments.ts)',
    ).toEqual([])
    expect(
      Object.keys(EXPORT_COVERAGE).filter((name) => !treated.has(name)),
      'tables in the export classification without a retention treatment',
    ).toEqual([])
    expect(
      [...treated].filter((name) => !(name in EXPORT_COVERAGE)),
      'treated tables the export does not classify',
    ).toEqual([])
  })

  it('names only real tables and columns, sets nothing null that cannot be, and says why for each', () => {
    const problems: string[] = []
    for (const [table, treatment] of Object.entries(RETENTION_TREATMENTS)) {
      if (!columnsOf.has(table)) problems.push(`${table} does not exist`)
      if (treatment.why.length < 10) problems.push(`${table}: give a reason`)
      if (treatment.action === 'keep') continue
      problems.push(...problemsOfMatch(table, treatment.match))
      if (treatment.action === 'anonymise')
        for (const [column, to] of Object.entries(treatment.set)) {
          const col = columnsOf.get(table)?.get(column)
          if (!col) problems.push(`${table}.${column} does not exist`)
          else if (to === null && col.notNull) problems.push(`${table}.${column} cannot be null`)
        }
    }
    expect(problems).toEqual([])
  })

  it('deletes no table whose rows a kept or anonymised table hangs on by a cascade', () => {
    // A kept table under a deleted parent would lose its rows by cascade while the report says "kept".
    const problems: string[] = []
    for (const table of allTables()) {
      const config = getTableConfig(table)
      const own = RETENTION_TREATMENTS[config.name]
      if (!own || own.action === 'delete') continue
      for (const fk of config.foreignKeys) {
        const parent = getTableConfig(fk.reference().foreignTable).name
        if (RETENTION_TREATMENTS[parent]?.action === 'delete' && fk.onDelete === 'cascade')
          problems.push(`${config.name} (${own.action}) cascades from ${parent}`)
      }
    }
    expect(problems).toEqual([])
  })
})
