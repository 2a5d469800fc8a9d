import { describe, expect, it } from 'vitest'
import { academicYearOf, planRollover, type RolloverStudent } from './rollover.ts'

const s = (id: string, classYear: RolloverStudent['classYear'], enrollment: RolloverStudent['enrollment'] = 'enrolled'): RolloverStudent => ({
  id,
  name: id,
  classYear,
  enrollment,
})

describe('planRollover', () => {
  it('moves every enrolled class up one, graduates Year 4, and keeps leave and research years in place', () => {
    const plan = planRollover(
      [s('a', 'M1'), s('b', 'M2'), s('c', 'M3'), s('d', 'M4'), s('e', 'M2', 'leave'), s('f', 'research'), s('g', 'M4', 'graduated')],
      new Date('2026-06-15T00:00:00Z'),
    )
    expect(plan.moves.map((m) => `${m.id}:${m.from}→${m.to}`)).toEqual(['a:M1→M2', 'b:M2→M3', 'c:M3→M4', 'd:M4→graduated'])
    expect(plan.kept.map((k) => `${k.id}:${k.reason}`)).toEqual(['e:leave', 'f:research'])
    expect(plan.before).toEqual({ M1: 1, M2: 2, M3: 1, M4: 1, research: 1 })
    expect(plan.after).toEqual({ M1: 0, M2: 2, M3: 1, M4: 1, research: 1 })
    expect(plan.graduating).toBe(1)
  })

  it('counts every student once, before and after', () => {
    const students = ['M1', 'M2', 'M3', 'M4', 'research'].flatMap((year, i) =>
      Array.from({ length: i + 2 }, (_, j) => s(`${year}-${j}`, year as RolloverStudent['classYear'], j % 3 === 0 ? 'leave' : 'enrolled')),
    )
    const plan = planRollover(students, new Date('2026-05-01T00:00:00Z'))
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)
    expect(total(plan.before)).toBe(students.length)
    expect(total(plan.after) + plan.graduating).toBe(students.length)
  })
})

describe('academicYearOf', () => {
  it('runs from 1 July to 30 June', () => {
    expect(academicYearOf(new Date('2026-06-30T23:59:59Z'))).toBe('2025-2026')
    expect(academicYearOf(new Date('2026-07-01T00:00:00Z'))).toBe('2026-2027')
    expect(academicYearOf(new Date('2027-01-10T00:00:00Z'))).toBe('2026-2027')
  })
})
