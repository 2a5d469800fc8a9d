import { describe, expect, it } from 'vitest'
import { COMPLETION_RULES, type CompletionRule } from '#shared/contracts/curriculum.ts'
import { isRuleMet, type StudentFactsForRules } from './completion-rules.ts'

const profile = { saved: true, preferredSpecialtyId: 'EM', step1: 'pass', step2: null }

describe('isRuleMet', () => {
  const cases: [CompletionRule, StudentFactsForRules, boolean][] = [
    ['advisory-dean-assigned', { emptyBoardSlots: ['specialty-advisor'] }, true],
    ['advisory-dean-assigned', { emptyBoardSlots: ['advisory-dean'] }, false],
    ['advisory-dean-assigned', {}, false],
    ['specialty-declared', { declaredSpecialtyId: 'IM' }, true],
    ['specialty-declared', { declaredSpecialtyId: null }, false],
    ['specialty-advisor-on-board', { emptyBoardSlots: [] }, true],
    ['specialty-advisor-on-board', { emptyBoardSlots: ['specialty-advisor', 'near-peer'] }, false],
    ['application-profile-complete', { applicationProfile: profile }, true],
    ['application-profile-complete', { applicationProfile: { ...profile, saved: false } }, false],
    ['application-profile-complete', { applicationProfile: { ...profile, preferredSpecialtyId: null } }, false],
    ['application-profile-complete', { applicationProfile: { ...profile, step1: null, step2: null } }, false],
    ['application-profile-complete', { applicationProfile: { ...profile, step1: null, step2: 250 } }, true],
    ['three-letters-requested', { letterStatuses: ['requested', 'accepted', 'submitted'] }, true],
    ['three-letters-requested', { letterStatuses: ['requested', 'declined', 'withdrawn', 'delivered'] }, false],
    ['three-letters-requested', { letterStatuses: ['requested', 'in-progress'] }, false],
    ['program-list-saved', { programsOnList: 1 }, true],
    ['program-list-saved', { programsOnList: 0 }, false],
    ['rank-order-list-signed-off', { rankListReviewStatus: 'signed-off' }, true],
    ['rank-order-list-signed-off', { rankListReviewStatus: 'changed-since-sign-off' }, false],
    ['rank-order-list-signed-off', { rankListReviewStatus: 'submitted' }, false],
  ]
  it.each(cases)('%s with %j → %s', (rule, facts, expected) => {
    expect(isRuleMet(rule, facts)).toBe(expected)
  })

  it('completes nothing from facts that were not read', () => {
    for (const rule of COMPLETION_RULES) expect(isRuleMet(rule, {}), rule).toBe(false)
  })
})
