import { describe, expect, it } from 'vitest'
import type { TimelineMilestone } from '#shared/contracts/curriculum.ts'
import { doneLine, dueLine, howFar } from './milestone-words.ts'

describe('milestone words', () => {
  it('says how far a date is', () => {
    expect([howFar(0), howFar(1), howFar(-1), howFar(5), howFar(21), howFar(-90)]).toEqual([
      'today',
      'tomorrow',
      'yesterday',
      'in 5 days',
      'in 3 weeks',
      '3 months ago',
    ])
  })

  it('names what a due date is relative to', () => {
    const now = new Date(2026, 11, 1)
    expect(dueLine({ dueDate: '2026-12-31', dueWindow: 'December of Year 1', status: 'due-soon' }, now)).toMatch(
      /^Due by .+ \(end of December of Year 1\), in 4 weeks$/,
    )
    expect(dueLine({ dueDate: '2026-10-31', dueWindow: 'October of Year 1', status: 'late' }, now)).toMatch(
      /^Was due by .+ \(end of October of Year 1\), 4 weeks ago$/,
    )
  })

  it('says plainly when the academic calendar moved a date before a break', () => {
    const now = new Date(2026, 11, 1)
    const moved = { from: '2026-12-31', closureKind: 'break' as const, closureName: 'Winter break' }
    expect(dueLine({ dueDate: '2026-12-18', dueMoved: moved, dueWindow: 'December of Year 1', status: 'due-soon' }, now)).toMatch(
      /^Due by Fri.+18.+ \(moved before the winter break; end of December of Year 1\), in 2 weeks$/,
    )
  })

  it('says how a milestone was done', () => {
    const base: Omit<TimelineMilestone, 'doneBy'> = {
      id: 'm',
      title: 'm',
      year: 'year-1',
      phase: 'understand-yourself',
      required: true,
      why: '',
      links: [],
      dueDate: '2026-10-31',
      dueMoved: null,
      dueWindow: 'October of Year 1',
      status: 'done',
      doneAt: null,
      rule: null,
      events: [],
    }
    expect(doneLine({ ...base, doneBy: 'rule', rule: 'specialty-declared' })).toBe('Done automatically: you declared a specialty.')
    expect(doneLine({ ...base, doneBy: null })).toBeNull()
  })
})
