import { describe, expect, it } from 'vitest'
import type { Role } from '#shared/enums.ts'
import { canPostOpportunities, canSeeOpportunity, isPoster } from './opportunities.policy.ts'

const actor = (roles: Role[], personId = 'someone') => ({ personId, roles })
const published = { posterId: 'poster', status: 'published' as const, classYears: ['M1' as const] }

describe('opportunities policy', () => {
  it('lets mentors and staff post, not students', () => {
    expect(canPostOpportunities(actor(['mentor']))).toBe(true)
    expect(canPostOpportunities(actor(['advisor']))).toBe(true)
    expect(canPostOpportunities(actor(['admin']))).toBe(true)
    expect(canPostOpportunities(actor(['student']))).toBe(false)
  })

  it('knows the poster by id only', () => {
    expect(isPoster(actor(['mentor'], 'poster'), published)).toBe(true)
    expect(isPoster(actor(['mentor'], 'other'), published)).toBe(false)
    expect(isPoster(actor(['mentor'], 'other'), { posterId: null })).toBe(false)
  })

  it.each([
    ['a student of its class year', ['student'], 'published', 'M1', false, true],
    ['a student of another class year', ['student'], 'published', 'M2', false, false],
    ['a student, draft', ['student'], 'draft', 'M1', false, false],
    ['a student, closed, not applied', ['student'], 'closed', 'M1', false, false],
    ['a student, closed, applied', ['student'], 'closed', 'M1', true, true],
    ['a near-peer (student and mentor) of another class year', ['student', 'mentor'], 'published', 'M3', false, false],
    ['another mentor, published', ['mentor'], 'published', null, false, true],
    ['another mentor, draft', ['mentor'], 'draft', null, false, false],
    ['an advisor, closed', ['advisor'], 'closed', null, false, true],
  ] as const)('%s: %s', (_label, roles, status, classYear, hasApplied, visible) => {
    expect(canSeeOpportunity(actor([...roles]), { ...published, status }, { classYear, hasApplied })).toBe(visible)
  })

  it('shows a draft to its poster', () => {
    expect(canSeeOpportunity(actor(['mentor'], 'poster'), { ...published, status: 'draft' }, { classYear: null, hasApplied: false })).toBe(true)
  })
})
