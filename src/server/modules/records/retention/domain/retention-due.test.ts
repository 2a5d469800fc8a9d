import { describe, expect, it } from 'vitest'
import { effectiveTreatment } from './retention-treatment.ts'
import { isPastRetention, lastGraduationYearPastPeriod } from './retention-due.ts'

describe('the retention period: whole calendar years after the year of graduation', () => {
  it.each([
    // [now, years, graduation year, past the period?]
    ['2026-12-31T23:59:59Z', 6, 2020, false],
    ['2027-01-01T00:00:00Z', 6, 2020, true],
    ['2027-01-01T00:00:00Z', 6, 2021, false],
    ['2026-10-05T14:00:00Z', 1, 2024, true],
    ['2026-10-05T14:00:00Z', 1, 2025, false],
  ] as const)('on %s, kept %i years, the class of %i is past it: %s', (now, years, graduationYear, past) => {
    expect(isPastRetention(graduationYear, new Date(now), years)).toBe(past)
  })

  it('names the last class past the period', () => {
    expect(lastGraduationYearPastPeriod(new Date('2026-10-05T14:00:00Z'), 6)).toBe(2019)
  })
})

describe('the letters rule', () => {
  const content = { action: 'delete', match: { column: 'request_id' }, why: 'Each letter’s file.', category: 'letters' } as const
  it('keeps letters’ treatments when the school keeps letters, and leaves other tables alone', () => {
    expect(effectiveTreatment(content, 'keep').action).toBe('keep')
    expect(effectiveTreatment(content, 'remove-content')).toBe(content)
    const sessions = { action: 'delete', match: { column: 'person_id' }, why: 'Sign-in sessions.' } as const
    expect(effectiveTreatment(sessions, 'keep')).toBe(sessions)
  })
})
