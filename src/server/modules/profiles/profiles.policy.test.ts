import { describe, expect, it } from 'vitest'
import { canViewEmail, canViewIdentity, canViewPerson, canViewStudentSection, type Target, type Viewer } from './profiles.policy.ts'

const viewer = (id: string, ...roles: Viewer['roles'][number][]): Viewer => ({ personId: id, roles })
const student: Target = { id: 's', roles: ['student'], status: 'active', directoryHold: false }
const mentor: Target = { id: 'm', roles: ['mentor'], status: 'active', directoryHold: false }
const heldMentor: Target = { ...mentor, id: 'h', directoryHold: true }
const nearPeer: Target = { id: 'n', roles: ['student', 'mentor'], status: 'active', directoryHold: false }
const disabledMentor: Target = { ...mentor, id: 'd', status: 'disabled' }

describe('canViewPerson', () => {
  it.each([
    ['a student sees themself', viewer('s', 'student'), student, true],
    ['another student does not see a student', viewer('x', 'student'), student, false],
    ['a mentor does not see a student', viewer('x', 'mentor'), student, false],
    ['an advisor sees a student', viewer('x', 'advisor'), student, true],
    ['an admin sees a student', viewer('x', 'admin'), student, true],
    ['a student sees a mentor', viewer('x', 'student'), mentor, true],
    ['a student does not see a mentor on directory hold', viewer('x', 'student'), heldMentor, false],
    ['an advisor sees a mentor on directory hold', viewer('x', 'advisor'), heldMentor, true],
    ['a student sees a near-peer mentor', viewer('x', 'student'), nearPeer, true],
    ['a student does not see a disabled mentor', viewer('x', 'student'), disabledMentor, false],
  ])('%s', (_label, who, target, expected) => {
    expect(canViewPerson(who, target)).toBe(expected)
  })
})

describe('canViewStudentSection', () => {
  it('shows a near-peer mentor’s student record only to themself and staff', () => {
    expect(canViewStudentSection(viewer('x', 'student'), nearPeer)).toBe(false)
    expect(canViewStudentSection(viewer('x', 'mentor'), nearPeer)).toBe(false)
    expect(canViewStudentSection(viewer('n', 'student', 'mentor'), nearPeer)).toBe(true)
    expect(canViewStudentSection(viewer('x', 'advisor'), nearPeer)).toBe(true)
    expect(canViewStudentSection(viewer('x', 'admin'), mentor)).toBe(false)
  })
})

describe('canViewEmail', () => {
  it('is for the person and staff only', () => {
    expect(canViewEmail(viewer('x', 'student'), mentor)).toBe(false)
    expect(canViewEmail(viewer('m', 'mentor'), mentor)).toBe(true)
    expect(canViewEmail(viewer('x', 'advisor'), mentor)).toBe(true)
  })
})

describe('canViewIdentity', () => {
  it.each([
    ['private', 'admin', false],
    ['private', 'advisor', false],
    ['advisors', 'advisor', true],
    ['advisors', 'admin', false],
    ['advisors', 'mentor', false],
    ['mentors-and-advisors', 'mentor', true],
    ['mentors-and-advisors', 'student', false],
    ['everyone', 'student', true],
  ] as const)('%s visible to %s: %s', (visibility, role, expected) => {
    expect(canViewIdentity(viewer('x', role), 'owner', visibility)).toBe(expected)
  })

  it('the owner always sees their own', () => {
    expect(canViewIdentity(viewer('owner', 'student'), 'owner', 'private')).toBe(true)
  })
})
