import { describe, expect, it } from 'vitest'
import type { Role } from '#shared/enums.ts'
import { canManageEvents, canSeeEvent } from './events.policy.ts'

const as = (...roles: Role[]) => ({ roles })

describe('events policy', () => {
  it.each([
    [as('advisor'), true],
    [as('admin'), true],
    [as('student'), false],
    [as('mentor'), false],
    [as('student', 'mentor'), false],
  ])('%j manages events: %s', (actor, expected) => {
    expect(canManageEvents(actor)).toBe(expected)
  })

  it.each([
    ['staff, a class event', as('advisor'), ['M1'], null, true],
    ['a student of the class', as('student'), ['M3', 'M4'], 'M4', true],
    ['a student of another class', as('student'), ['M3', 'M4'], 'M1', false],
    ['a student, an event for all', as('student'), [], 'M1', true],
    ['a mentor, an event for all', as('mentor'), [], null, true],
    ['a mentor, a class event', as('mentor'), ['M3'], null, false],
    ['a near-peer of the class', as('student', 'mentor'), ['M4'], 'M4', true],
    ['a near-peer of another class', as('student', 'mentor'), ['M1'], 'M4', false],
  ] as const)('%s: sees it %s', (_label, actor, audience, year, expected) => {
    const student = actor.roles.includes('student') ? { classYear: year, specialtyInterests: [], interestGroupIds: [] } : null
    expect(canSeeEvent(actor, { classYears: audience, specialtyIds: [], interestGroupIds: [] }, student)).toBe(expected)
  })

  it('a mentor does not see an event for a specialty’s interested students', () => {
    expect(canSeeEvent(as('mentor'), { classYears: [], specialtyIds: ['pediatrics'], interestGroupIds: [] }, null)).toBe(false)
  })
})
