import { describe, expect, it } from 'vitest'
import { LETTER_STATUSES, type LetterStatus } from '#shared/enums.ts'
import { isDone, isOpen, statusesAllowing, transition, type LetterEvent } from './letter-status.ts'

const EVENTS: LetterEvent[] = ['accept', 'decline', 'start', 'submit', 'deliver', 'withdraw']

/** The whole machine, written out: every status × every event. `-` is "not allowed". */
const EXPECTED: Record<LetterStatus, Record<LetterEvent, LetterStatus | '-'>> = {
  requested: { accept: 'accepted', decline: 'declined', start: '-', submit: 'submitted', deliver: '-', withdraw: 'withdrawn' },
  accepted: { accept: '-', decline: 'declined', start: 'in-progress', submit: 'submitted', deliver: '-', withdraw: 'withdrawn' },
  'in-progress': { accept: '-', decline: 'declined', start: '-', submit: 'submitted', deliver: '-', withdraw: 'withdrawn' },
  submitted: { accept: '-', decline: '-', start: '-', submit: 'submitted', deliver: 'delivered', withdraw: '-' },
  delivered: { accept: '-', decline: '-', start: '-', submit: '-', deliver: '-', withdraw: '-' },
  declined: { accept: '-', decline: '-', start: '-', submit: '-', deliver: '-', withdraw: '-' },
  withdrawn: { accept: '-', decline: '-', start: '-', submit: '-', deliver: '-', withdraw: '-' },
}

describe('letter request state machine', () => {
  const cases = LETTER_STATUSES.flatMap((status) => EVENTS.map((event) => [status, event, EXPECTED[status][event]] as const))
  it.each(cases)('%s + %s → %s', (status, event, expected) => {
    expect(transition(status, event)).toBe(expected === '-' ? null : expected)
  })

  it('statusesAllowing agrees with transition', () => {
    for (const event of EVENTS) {
      expect(statusesAllowing(event).sort()).toEqual(LETTER_STATUSES.filter((s) => EXPECTED[s][event] !== '-').sort())
    }
  })

  it('a student can no longer withdraw once the letter exists; only an admin delivers, from submitted', () => {
    expect(statusesAllowing('withdraw')).not.toContain('submitted')
    expect(statusesAllowing('deliver')).toEqual(['submitted'])
  })

  it.each([
    ['requested', true, false],
    ['accepted', true, false],
    ['in-progress', true, false],
    ['submitted', false, true],
    ['delivered', false, true],
    ['declined', false, false],
    ['withdrawn', false, false],
  ] as const)('%s: open %s, done %s', (status, open, done) => {
    expect(isOpen(status)).toBe(open)
    expect(isDone(status)).toBe(done)
  })
})
