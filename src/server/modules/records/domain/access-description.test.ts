import { describe, expect, it } from 'vitest'
import { describeAccess, readerRole } from './access-description.ts'

describe('describeAccess', () => {
  it.each([
    ['student-record.read.letters', 'Read your letter requests'],
    ['student-record.read.rank-list', 'Read your rank order list'],
    ['student-record.read.something-new', 'Read your something new'],
    ['letter.read.waived', 'Read a confidential letter written for you (you waived the right to read it, so it is not shown here)'],
    ['letter.delivered', 'Sent a letter of recommendation on your behalf'],
    ['person.roles-set:mentor+student', 'Changed your roles'],
  ])('%s → %s', (action, words) => {
    expect(describeAccess(action)).toBe(words)
  })

  it.each(['letter.nudged', 'mentorship.accepted', 'records.export', 'sign-in.password'])('%s is not a read or a disclosure', (action) => {
    expect(describeAccess(action)).toBeNull()
  })
})

describe('readerRole', () => {
  it('names the most official role', () => {
    expect(readerRole(['advisor', 'admin'])).toContain('Administrator')
    expect(readerRole(['mentor', 'advisor'])).toContain('Advisor')
    expect(readerRole(['student', 'mentor'])).toBe('Mentor or letter writer')
    expect(readerRole([])).toBe('Former member of the school')
  })
})
