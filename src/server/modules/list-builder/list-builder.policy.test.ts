import { describe, expect, it } from 'vitest'
import { signalCapProblem } from './list-builder.policy.ts'

describe('signalCapProblem', () => {
  it.each([
    { available: 3, after: 3, adding: true, ok: true },
    { available: 3, after: 4, adding: true, ok: false },
    { available: 0, after: 1, adding: true, ok: false },
    // Removing is always fine, even when the profile's count was lowered below the signals in use.
    { available: 1, after: 2, adding: false, ok: true },
    { available: 0, after: 0, adding: false, ok: true },
  ])('$available available, $after after, adding $adding → ok $ok', ({ available, after, adding, ok }) => {
    expect(signalCapProblem(available, after, adding) === null).toBe(ok)
  })

  it('says what to do when the profile has no signals', () => {
    expect(signalCapProblem(0, 1, true)).toMatch(/application profile/)
  })
})
