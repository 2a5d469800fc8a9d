import { describe, expect, it } from 'vitest'
import { MENTORSHIP_SETTING_DEFAULTS, resolveSettings } from './settings.ts'
import { isQuiet, quietSince, requestExpiresAt, requestSweepAction, shouldPauseMentor } from './sweeps.ts'
import { MS_PER_DAY } from '#shared/time.ts'
const T0 = new Date('2026-03-01T12:00:00Z')
const at = (days: number) => new Date(T0.getTime() + days * MS_PER_DAY)
const settings = MENTORSHIP_SETTING_DEFAULTS

describe('request sweep', () => {
  const request = { createdAt: T0, expiresAt: requestExpiresAt(T0, settings) }
  it.each([
    [0, false, null],
    [6.99, false, null],
    [7, false, 'remind'],
    [10, true, null],
    [13.99, true, null],
    [14, true, 'expire'],
    [14, false, 'expire'],
    [40, false, 'expire'],
  ] as const)('day %s, reminded %s → %s', (day, reminded, expected) => {
    expect(requestSweepAction(request, at(day), reminded, settings)).toBe(expected)
  })
})

describe('pausing a mentor who lets requests expire', () => {
  it.each([
    ['two expiries', [at(1), at(2)], null, at(3), false],
    ['three within 90 days', [at(1), at(2), at(80)], null, at(81), true],
    ['three, but one older than 90 days', [at(1), at(60), at(92)], null, at(93), false],
    ['three, all before the last pause', [at(1), at(2), at(3)], at(4), at(5), false],
    ['three after the last pause', [at(1), at(2), at(3), at(6), at(7), at(8)], at(4), at(9), true],
  ] as const)('%s → %s', (_label, expired, lastPause, now, expected) => {
    expect(shouldPauseMentor(expired, lastPause, now, settings)).toBe(expected)
  })
})

describe('quiet mentorships', () => {
  it('counts from the last meeting, or the start', () => {
    expect(quietSince(T0, null)).toEqual(T0)
    expect(quietSince(T0, at(10))).toEqual(at(10))
    expect(isQuiet(at(10), at(10 + 41), settings)).toBe(false)
    expect(isQuiet(at(10), at(10 + 42), settings)).toBe(true)
  })
})

describe('settings', () => {
  it('stored values override defaults; unknown keys are ignored', () => {
    expect(
      resolveSettings([
        { key: 'maxOpenRequests', value: 2 },
        { key: 'nonsense', value: 9 },
      ]),
    ).toEqual({ ...MENTORSHIP_SETTING_DEFAULTS, maxOpenRequests: 2 })
  })
})
