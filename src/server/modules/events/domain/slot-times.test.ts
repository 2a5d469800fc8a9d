import { describe, expect, it } from 'vitest'
import { findOverlap, generateSlotTimes, isWithinEvent, overlaps } from './slot-times.ts'

const at = (hhmm: string) => new Date(`2027-03-03T${hhmm}:00Z`)
const slot = (from: string, to: string) => ({ startAt: at(from), endAt: at(to) })

describe('generateSlotTimes', () => {
  it('makes count back-to-back slots of the length', () => {
    const slots = generateSlotTimes(at('14:00'), 10, 3, at('17:00'))
    expect(slots.map((s) => [s.startAt.toISOString().slice(11, 16), s.endAt.toISOString().slice(11, 16)])).toEqual([
      ['14:00', '14:10'],
      ['14:10', '14:20'],
      ['14:20', '14:30'],
    ])
  })

  it('without a count, fills up to the end with whole slots only', () => {
    expect(generateSlotTimes(at('14:00'), 10, null, at('15:00'))).toHaveLength(6)
    expect(generateSlotTimes(at('14:00'), 25, null, at('15:00'))).toHaveLength(2)
    expect(generateSlotTimes(at('14:00'), 90, null, at('15:00'))).toHaveLength(0)
  })
})

describe('overlaps', () => {
  it.each([
    ['10:00', '10:10', '10:10', '10:20', false],
    ['10:00', '10:10', '10:05', '10:15', true],
    ['10:00', '11:00', '10:20', '10:30', true],
    ['10:20', '10:30', '10:00', '11:00', true],
    ['10:00', '10:10', '09:50', '10:00', false],
  ])('%s–%s against %s–%s: %s', (a, b, c, d, expected) => {
    expect(overlaps(slot(a, b), slot(c, d))).toBe(expected)
  })

  it('names the first clash', () => {
    const found = findOverlap([slot('10:00', '10:10'), slot('10:10', '10:20')], [slot('10:15', '10:25')])
    expect(found?.added.startAt).toEqual(at('10:10'))
    expect(findOverlap([slot('10:00', '10:10')], [slot('10:10', '10:20')])).toBeNull()
  })

  it('keeps slots within the event', () => {
    expect(isWithinEvent([slot('10:00', '10:10')], slot('10:00', '11:00'))).toBe(true)
    expect(isWithinEvent([slot('10:55', '11:05')], slot('10:00', '11:00'))).toBe(false)
  })
})
