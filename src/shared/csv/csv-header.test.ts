import { describe, expect, it } from 'vitest'
import { normaliseHeader, readCsvHeader } from './csv-header.ts'

describe('readCsvHeader', () => {
  it('finds columns by their normalised names and keeps the names as written', () => {
    const header = readCsvHeader([' Match Year ', 'graduate-id', 'Notes'], ['match_year', 'graduate_id'], ['match_year'])
    expect([...header.columnIndex]).toEqual([
      ['match_year', 0],
      ['graduate_id', 1],
      ['notes', 2],
    ])
    expect(header.headerNames).toEqual(['Match Year', 'graduate-id', 'Notes'])
    expect(header.ignoredColumns).toEqual(['Notes'])
    expect(header.problems).toEqual([])
  })

  it('says when a column appears twice and when a required one is missing', () => {
    const header = readCsvHeader(['id', 'ID', ''], ['id', 'name'], ['id', 'name'])
    expect(header.problems).toEqual([
      { column: 'ID', message: 'The column "ID" appears twice.' },
      { column: 'name', message: 'The column "name" is missing. Required: id, name.' },
    ])
  })

  it('normalises spaces and hyphens to underscores', () => {
    expect(normaliseHeader('  Step-2  P25 ')).toBe('step_2_p25')
  })
})
