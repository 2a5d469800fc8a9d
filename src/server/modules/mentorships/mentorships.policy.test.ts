import { describe, expect, it } from 'vitest'
import type { Role } from '#shared/enums.ts'
import { answeringSide, canReadPrivateNote, isRequestableMentor, mentorshipViewOf, sideOf } from './mentorships.policy.ts'

const sides = { studentId: 's', mentorId: 'm' }
const viewer = (personId: string, roles: Role[]) => ({ personId, roles })

describe('who sees a mentorship', () => {
  it.each([
    ['the student', viewer('s', ['student']), 'student'],
    ['the mentor', viewer('m', ['mentor']), 'mentor'],
    ['an admin (audited)', viewer('a', ['admin']), 'admin'],
    ['an admin who is the student sees it as the student', viewer('s', ['student', 'admin']), 'student'],
    ['an advisor', viewer('v', ['advisor']), null],
    ['another mentor', viewer('x', ['mentor']), null],
    ['another student', viewer('y', ['student']), null],
  ] as const)('%s → %s', (_label, who, expected) => {
    expect(mentorshipViewOf(who, sides)).toBe(expected)
  })

  it('sides and who answers', () => {
    expect(sideOf(viewer('a', ['admin']), sides)).toBeNull()
    expect(answeringSide('student')).toBe('mentor')
    expect(answeringSide('mentor')).toBe('student')
  })
})

describe('private notes', () => {
  it.each([
    ['the writer', 'm', true],
    ['the other side', 's', false],
    ['an admin', 'a', false],
  ] as const)('%s reads: %s', (_label, personId, expected) => {
    expect(canReadPrivateNote(viewer(personId, ['admin', 'mentor', 'student']), { authorId: 'm' })).toBe(expected)
  })
})

describe('who may be asked', () => {
  const listed = { status: 'active', directoryHold: false, roles: ['mentor'], hasMentorProfile: true, accepting: true } as const
  it.each([
    ['a listed, accepting mentor', listed, true],
    ['not accepting', { ...listed, accepting: false }, false],
    ['on directory hold', { ...listed, directoryHold: true }, false],
    ['disabled', { ...listed, status: 'disabled' }, false],
    ['invited', { ...listed, status: 'invited' }, false],
    ['no mentor role', { ...listed, roles: ['student'] }, false],
    ['no mentor profile', { ...listed, hasMentorProfile: false, accepting: null }, false],
  ] as const)('%s → %s', (_label, person, expected) => {
    expect(isRequestableMentor(person)).toBe(expected)
  })
})
