import { describe, expect, it } from 'vitest'
import { filterBehind, nudgeReport, sortOf, stateOf, yearOf } from './class-progress-filters.ts'

const students = [
  { id: 'z', name: 'Zoe', late: ['a'], dueSoon: [] },
  { id: 'b', name: 'Ben', late: ['a', 'b'], dueSoon: ['c'] },
  { id: 'm', name: 'Mia', late: [], dueSoon: ['c'] },
]
const names = (filter: Parameters<typeof filterBehind>[1]) => filterBehind(students, filter).map((s) => s.name)

describe('filterBehind', () => {
  it('narrows by milestone and state', () => {
    expect(names({ milestoneId: '', state: 'any', sort: 'name' })).toEqual(['Ben', 'Mia', 'Zoe'])
    expect(names({ milestoneId: '', state: 'late', sort: 'name' })).toEqual(['Ben', 'Zoe'])
    expect(names({ milestoneId: 'c', state: 'any', sort: 'name' })).toEqual(['Ben', 'Mia'])
    expect(names({ milestoneId: 'c', state: 'late', sort: 'name' })).toEqual([])
    expect(names({ milestoneId: 'b', state: 'late', sort: 'name' })).toEqual(['Ben'])
  })

  it('sorts by name, or by how many are late and then by name', () => {
    expect(names({ milestoneId: '', state: 'any', sort: 'late' })).toEqual(['Ben', 'Zoe', 'Mia'])
  })

  it('reads unknown address parameters as the defaults', () => {
    expect([yearOf('year-9'), stateOf('soon'), sortOf(null)]).toEqual(['year-1', 'any', 'name'])
    expect([yearOf('year-3'), stateOf('late'), sortOf('late')]).toEqual(['year-3', 'late', 'late'])
  })
})

describe('nudgeReport', () => {
  it('says who was skipped and why, by name', () => {
    expect(nudgeReport(1, [])).toBe('1 student nudged.')
    expect(
      nudgeReport(3, [
        { id: 'b', name: 'Ben Brooks', reason: 'nudged-recently', lastNudgedAt: '2026-12-02T15:00:00.000Z' },
        { id: 'a', name: 'Ana Alvarez', reason: 'done', lastNudgedAt: null },
      ]),
    ).toBe('3 students nudged, 2 skipped: Ben Brooks nudged on 2 December; Ana Alvarez has done it.')
  })
})
