import { describe, expect, it } from 'vitest'
import { classProgress, type ClassStudent } from './class-progress.ts'
import type { MilestoneForTimeline } from './timeline.ts'

const milestone = (id: string, overrides: Partial<MilestoneForTimeline> = {}): MilestoneForTimeline => ({
  id,
  title: id,
  year: 'year-3',
  phase: 'choose-specialty',
  dueMonth: 10,
  required: true,
  why: '',
  links: [],
  eventIds: [],
  rule: null,
  position: 0,
  ...overrides,
})
const student = (id: string, overrides: Partial<ClassStudent> = {}): ClassStudent => ({
  id,
  name: id,
  graduationYear: 2028,
  hasResearchYear: false,
  ticked: new Map(),
  attendedEventIds: new Set(),
  facts: {},
  ...overrides,
})

// Class of 2028 on 1 December 2026: October of Year 3 has passed; December is due soon.
describe('classProgress', () => {
  const milestones = [
    milestone('october', { eventIds: ['fair'] }),
    milestone('october-optional', { required: false }),
    milestone('december', { dueMonth: 12, rule: 'specialty-declared' }),
  ]
  const students = [
    student('Zoe', { ticked: new Map([['october', new Date('2026-10-01')]]) }),
    student('Abe', { attendedEventIds: new Set(['fair']), facts: { declaredSpecialtyId: 'EM' } }),
    student('Max'),
    student('Uma', { ticked: new Map([['october', new Date('2026-10-01')]]), facts: { declaredSpecialtyId: 'IM' } }),
  ]
  const result = classProgress(milestones, students, '2026-12-01')

  it('counts each milestone done (tick, event or rule), late and due soon, with the share done', () => {
    expect(result.milestones.map(({ id, done, late, dueSoon, percentDone, dueDate }) => ({ id, done, late, dueSoon, percentDone, dueDate }))).toEqual([
      { id: 'october', done: 3, late: 1, dueSoon: 0, percentDone: 75, dueDate: '2026-10-31' },
      // An optional milestone past its date has passed: it is never late.
      { id: 'october-optional', done: 0, late: 0, dueSoon: 0, percentDone: 0, dueDate: '2026-10-31' },
      { id: 'december', done: 2, late: 0, dueSoon: 2, percentDone: 50, dueDate: '2026-12-31' },
    ])
  })

  it('lists those late or with a milestone due soon, by name', () => {
    expect(result.behind).toEqual([
      { id: 'Max', name: 'Max', late: ['october'], dueSoon: ['december'] },
      { id: 'Zoe', name: 'Zoe', late: [], dueSoon: ['december'] },
    ])
  })

  it('has no figures to divide for an empty class', () => {
    expect(classProgress(milestones, [], '2026-12-01').milestones[0]).toMatchObject({ done: 0, percentDone: 0, dueDate: null })
  })
})
