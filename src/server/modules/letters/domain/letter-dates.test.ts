import { describe, expect, it } from 'vitest'
import { dueDateWarning, dueEnd, isLate, nextNudgeAt, seasonOf } from './letter-dates.ts'

const now = new Date('2026-10-05T14:00:00Z')

describe('letter dates', () => {
  it('a letter is due by the end of its due date (UTC)', () => {
    expect(dueEnd('2026-10-05').toISOString()).toBe('2026-10-06T00:00:00.000Z')
  })

  it.each([
    ['2026-11-02', null],
    ['2026-11-01', 'in 27 days'],
    ['2026-10-06', 'tomorrow'],
    ['2026-10-05', 'today'],
  ])('due %s: warning %s', (due, words) => {
    const warning = dueDateWarning(due, now)
    if (words === null) expect(warning).toBeNull()
    else expect(warning).toContain(words)
  })

  it.each([
    ['accepted', '2026-10-04', true],
    ['accepted', '2026-10-05', false],
    ['requested', '2026-09-01', true],
    ['submitted', '2026-09-01', false],
    ['withdrawn', '2026-09-01', false],
  ] as const)('%s due %s: late %s', (status, due, late) => {
    expect(isLate(status, due, now)).toBe(late)
  })

  it('one nudge per 72 hours', () => {
    expect(nextNudgeAt(null, now)).toBeNull()
    expect(nextNudgeAt(new Date(now.getTime() - 71 * 3_600_000), now)?.toISOString()).toBe('2026-10-05T15:00:00.000Z')
    expect(nextNudgeAt(new Date(now.getTime() - 72 * 3_600_000), now)).toBeNull()
  })

  it.each([
    ['2026-10-05T00:00:00Z', '2026–2027', '2026-07-01', '2027-06-30'],
    ['2027-03-20T00:00:00Z', '2026–2027', '2026-07-01', '2027-06-30'],
    ['2026-07-01T00:00:00Z', '2026–2027', '2026-07-01', '2027-06-30'],
    ['2026-06-30T23:59:59Z', '2025–2026', '2025-07-01', '2026-06-30'],
  ])('%s is in season %s', (at, name, start, end) => {
    expect(seasonOf(new Date(at))).toEqual({ name, start, end })
  })
})
