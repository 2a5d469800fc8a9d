import { describe, expect, it } from 'vitest'
import { canInterview, relationToMock } from './mock-interviews.policy.ts'

describe('canInterview', () => {
  it.each([
    [['mentor'], ['mock-interviews'], null, true],
    [['mentor'], ['research'], null, false],
    [['advisor'], null, 'dermatology', true],
    [['advisor'], null, null, false],
    [['student'], ['mock-interviews'], null, false],
    [['student', 'mentor'], ['mock-interviews'], null, true],
  ] as const)('%o offering %o, advising %s: %s', (roles, offers, advises, expected) => {
    expect(canInterview(roles, offers, advises)).toBe(expected)
  })
})

describe('relationToMock', () => {
  it('knows the student and the interviewer, and no one else', () => {
    const mock = { studentId: 's', interviewerId: 'i' }
    expect(relationToMock('s', mock)).toBe('student')
    expect(relationToMock('i', mock)).toBe('interviewer')
    expect(relationToMock('x', mock)).toBeNull()
  })
})
