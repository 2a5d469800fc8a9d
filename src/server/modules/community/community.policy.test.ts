import { describe, expect, it } from 'vitest'
import type { Role } from '#shared/enums.ts'
import { authorFor, canAnswer, canAsk, canModerate, canPostAnonymously, canRevealAuthor, canSeeHidden } from './community.policy.ts'

const as = (...roles: Role[]) => ({ roles, personId: 'viewer' })

describe('who does what in the community', () => {
  it.each([
    [['student'], { ask: true, answer: true, anonymous: true, moderate: false, reveal: false }],
    [['mentor'], { ask: false, answer: true, anonymous: false, moderate: false, reveal: false }],
    [['student', 'mentor'], { ask: true, answer: true, anonymous: true, moderate: false, reveal: false }],
    [['advisor'], { ask: false, answer: false, anonymous: false, moderate: true, reveal: false }],
    [['admin'], { ask: false, answer: false, anonymous: false, moderate: true, reveal: true }],
  ] as const)('%j', (roles, can) => {
    const actor = as(...roles)
    expect({
      ask: canAsk(actor),
      answer: canAnswer(actor),
      anonymous: canPostAnonymously(actor),
      moderate: canModerate(actor),
      reveal: canRevealAuthor(actor),
    }).toEqual(can)
  })
})

describe('authorFor', () => {
  const person = { name: 'Ada Canary', stage: 'M2 student' }
  it('names no one on an anonymous post, to anyone, its author included', () => {
    expect(authorFor('someone-else', { authorId: 'author', isAnonymous: true }, person)).toEqual({ person: null, anonymous: true, mine: false })
    expect(authorFor('author', { authorId: 'author', isAnonymous: true }, person)).toEqual({ person: null, anonymous: true, mine: true })
  })
  it('names the author of a named post', () => {
    expect(authorFor('someone-else', { authorId: 'author', isAnonymous: false }, person)).toEqual({
      person: { id: 'author', name: 'Ada Canary', stage: 'M2 student' },
      anonymous: false,
      mine: false,
    })
  })
  it('shows a hidden post to its author and moderators only', () => {
    expect(canSeeHidden(as('student'), 'viewer')).toBe(true)
    expect(canSeeHidden(as('student'), 'author')).toBe(false)
    expect(canSeeHidden(as('mentor'), 'author')).toBe(false)
    expect(canSeeHidden(as('advisor'), 'author')).toBe(true)
  })
})
