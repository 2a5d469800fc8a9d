import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from '#shared/contracts/curriculum.ts'
import { buildTimeline, milestoneProgress, type DueDateRule, type MilestoneForTimeline, type TimelineInputs } from './timeline.ts'

const milestone = (id: string, overrides: Partial<MilestoneForTimeline> = {}): MilestoneForTimeline => ({
  id,
  title: id,
  year: 'year-1',
  phase: 'understand-yourself',
  dueMonth: 10,
  required: true,
  why: '',
  links: [],
  eventIds: [],
  rule: null,
  position: 0,
  ...overrides,
})
const event = (id: string, overrides: Partial<TimelineEvent> = {}): TimelineEvent => ({
  id,
  title: id,
  startAt: '2026-09-10T16:00:00Z',
  endAt: '2026-09-10T17:00:00Z',
  timeZone: 'America/New_York',
  status: 'scheduled',
  myRsvp: 'confirmed',
  slotted: false,
  attended: true,
  ...overrides,
})
// Class of 2030 on 1 December 2026: October of Year 1 has passed; December of Year 1 is due soon.
const base: TimelineInputs = {
  milestones: [],
  ticked: new Map(),
  events: new Map(),
  facts: {},
  graduationYear: 2030,
  hasResearchYear: false,
  today: '2026-12-01',
}
const states = (input: Partial<TimelineInputs>) => {
  const t = buildTimeline({ ...base, ...input })
  return Object.fromEntries(t.years.flatMap((y) => y.milestones).map((m) => [m.id, [m.status, m.doneBy]]))
}

describe('buildTimeline', () => {
  it('places each milestone by its due date: late, passed, due soon, upcoming', () => {
    const t = buildTimeline({
      ...base,
      milestones: [milestone('late'), milestone('optional', { required: false }), milestone('soon', { dueMonth: 12 }), milestone('later', { year: 'year-2' })],
    })
    const byId = Object.fromEntries(t.years.flatMap((y) => y.milestones).map((m) => [m.id, m.status]))
    expect(byId).toEqual({ late: 'late', optional: 'passed', soon: 'due-soon', later: 'upcoming' })
    expect(t.now).toEqual(['late', 'soon'])
    expect(t.next).toEqual(['later'])
    expect(t.counts).toEqual({ done: 0, late: 1, open: 2, total: 4 })
    expect(t.years.map((y) => y.label)).toEqual(['Year 1 (2026–27)', 'Year 2 (2027–28)'])
  })

  it('is done by a tick, an attended linked event or its rule, in that order', () => {
    expect(
      states({
        milestones: [
          milestone('ticked', { rule: 'specialty-declared' }),
          milestone('event', { eventIds: ['e1'] }),
          milestone('waitlisted', { eventIds: ['e2'] }),
          milestone('rule', { rule: 'specialty-declared' }),
          milestone('rule-unmet', { rule: 'program-list-saved' }),
        ],
        ticked: new Map([['ticked', new Date('2026-10-01T00:00:00Z')]]),
        events: new Map([
          ['e1', event('e1')],
          ['e2', event('e2', { myRsvp: 'waitlisted', attended: false })],
        ]),
        facts: { declaredSpecialtyId: 'EM', programsOnList: 0 },
      }),
    ).toEqual({
      ticked: ['done', 'ticked'],
      event: ['done', 'event'],
      waitlisted: ['late', null],
      rule: ['done', 'rule'],
      'rule-unmet': ['late', null],
    })
  })

  it('shows the research year only to a student who takes one, and dates the other years from it', () => {
    const milestones = [milestone('research', { year: 'research', dueMonth: 12 }), milestone('y1', { dueMonth: 10 })]
    expect(Object.keys(states({ milestones }))).toEqual(['y1'])
    const t = buildTimeline({ ...base, milestones, hasResearchYear: true })
    const all = t.years.flatMap((y) => y.milestones)
    expect(all.map((m) => [m.id, m.dueDate])).toEqual([
      ['y1', '2025-10-31'],
      ['research', '2028-12-31'],
    ])
  })
})

describe('milestoneProgress with the academic calendar', () => {
  // The school's winter break from Saturday 19 December: a date in it moves to Friday 18.
  const winterBreak: DueDateRule = (due) =>
    due >= '2026-12-19' && due <= '2027-01-03'
      ? { dueDate: '2026-12-18', moved: { from: due, closure: { kind: 'break', name: 'Winter break' } } }
      : { dueDate: due, moved: null }
  const progress = (today: string, moveDueDate?: DueDateRule) =>
    milestoneProgress(milestone('letters', { dueMonth: 12 }), { ...base, attendedEventIds: new Set(), today, moveDueDate })

  it.each([
    // today, without the calendar, with it
    ['2026-12-18', ['2026-12-31', 'due-soon'], ['2026-12-18', 'due-soon']],
    ['2026-12-19', ['2026-12-31', 'due-soon'], ['2026-12-18', 'late']],
    ['2027-01-01', ['2026-12-31', 'late'], ['2026-12-18', 'late']],
  ])('on %s: the end of the month, or the Friday before the break', (today, without, withCalendar) => {
    const plain = progress(today)
    expect([plain.dueDate, plain.status, plain.dueMoved]).toEqual([...without, null])
    const moved = progress(today, winterBreak)
    expect([moved.dueDate, moved.status]).toEqual(withCalendar)
    expect(moved.dueMoved).toEqual({ from: '2026-12-31', closureKind: 'break', closureName: 'Winter break' })
  })

  it('leaves a date outside every closure where it was', () => {
    const october = milestoneProgress(milestone('october'), { ...base, attendedEventIds: new Set(), moveDueDate: winterBreak })
    expect([october.dueDate, october.dueMoved]).toEqual(['2026-10-31', null])
  })
})
