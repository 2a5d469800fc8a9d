import { describe, expect, it } from 'vitest'
import { canReview, canTakePartInThread, versionAccess } from './materials.policy.ts'

const student = { personId: 's1', roles: ['student'] as const }
const mentor = { personId: 'm1', roles: ['mentor'] as const }
const advisor = { personId: 'a1', roles: ['advisor'] as const }
const admin = { personId: 'x1', roles: ['admin'] as const }

describe('versionAccess', () => {
  it.each([
    ['the student', student, false, 'owner'],
    ['a mentor it was shared with', mentor, true, 'reviewer'],
    ['a mentor it was not shared with', mentor, false, null],
    ['an advisor it was not shared with', advisor, false, null],
    ['an admin', admin, false, null],
    ['an advisor it was shared with', advisor, true, 'reviewer'],
  ] as const)('%s', (_who, caller, shared, expected) => {
    expect(versionAccess(caller, 's1', shared)).toBe(expected)
  })

  it('another student is nobody, even holding the student role', () => {
    expect(versionAccess({ personId: 's2', roles: ['student'] }, 's1', false)).toBeNull()
  })
})

describe('canTakePartInThread', () => {
  it('lets in the student and the thread’s reviewer only', () => {
    expect(canTakePartInThread(student, 's1', 'm1')).toBe(true)
    expect(canTakePartInThread(mentor, 's1', 'm1')).toBe(true)
    expect(canTakePartInThread({ personId: 'm2', roles: ['mentor'] }, 's1', 'm1')).toBe(false)
    expect(canTakePartInThread(admin, 's1', 'm1')).toBe(false)
  })
})

describe('canReview', () => {
  it('takes listed mentors and advisors, never the student', () => {
    expect(canReview({ id: 'm1', isListedMentor: true, isAdvisor: false }, 's1')).toBe(true)
    expect(canReview({ id: 'a1', isListedMentor: false, isAdvisor: true }, 's1')).toBe(true)
    expect(canReview({ id: 'x1', isListedMentor: false, isAdvisor: false }, 's1')).toBe(false)
    expect(canReview({ id: 's1', isListedMentor: true, isAdvisor: false }, 's1')).toBe(false)
  })
})
