import { describe, expect, it } from 'vitest'
import { MENTORSHIP_REQUEST_STATUSES } from '#shared/enums.ts'
import { requestStatusLabel } from './mentorship-format.ts'

describe('a request status speaks to whoever reads it', () => {
  it('the mentor who must answer reads their own turn, never the student’s wait', () => {
    expect(requestStatusLabel('viewed', false)).toBe('Waiting for your answer')
    expect(requestStatusLabel('declined', false)).toBe('You declined')
    for (const status of MENTORSHIP_REQUEST_STATUSES) expect(requestStatusLabel(status, false)).not.toMatch(/^Seen|waiting for an answer/)
  })

  it('the student who asked reads that the mentor has seen it', () => {
    expect(requestStatusLabel('viewed', true)).toBe('Seen, waiting for an answer')
  })
})
