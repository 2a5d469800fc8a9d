import { describe, expect, it } from 'vitest'
import { canPosterMove, canWithdraw, experienceKindFor, isForClassYear, isOpenForApplications, placesLeft } from './applications.ts'

const now = new Date('2027-01-10T12:00:00Z')

describe('opportunity application rules', () => {
  it.each([
    ['published, no deadline', 'published', null, true],
    ['published, deadline ahead', 'published', '2027-01-11T00:00:00Z', true],
    ['published, deadline now', 'published', '2027-01-10T12:00:00Z', false],
    ['draft', 'draft', null, false],
    ['closed', 'closed', '2027-02-01T00:00:00Z', false],
  ] as const)('open for applications: %s', (_label, status, applyBy, open) => {
    expect(isOpenForApplications({ status, applyBy: applyBy ? new Date(applyBy) : null }, now)).toBe(open)
  })

  it.each([
    ['submitted', 'shortlisted', true],
    ['submitted', 'accepted', true],
    ['shortlisted', 'declined', true],
    ['shortlisted', 'shortlisted', false],
    ['accepted', 'declined', false],
    ['declined', 'accepted', false],
    ['withdrawn', 'accepted', false],
  ] as const)('the poster moves %s to %s: %s', (from, to, allowed) => {
    expect(canPosterMove(from, to)).toBe(allowed)
  })

  it('lets a student withdraw only before a decision', () => {
    expect(['submitted', 'shortlisted', 'accepted', 'declined', 'withdrawn'].filter((s) => canWithdraw(s as 'submitted'))).toEqual(['submitted', 'shortlisted'])
  })

  it('counts places left, never below zero', () => {
    expect(placesLeft(3, 1)).toBe(2)
    expect(placesLeft(3, 5)).toBe(0)
  })

  it('opens to every class year when none is named', () => {
    expect(isForClassYear([], null)).toBe(true)
    expect(isForClassYear(['M1'], 'M1')).toBe(true)
    expect(isForClassYear(['M1'], 'M2')).toBe(false)
    expect(isForClassYear(['M1'], null)).toBe(false)
  })

  it('records research for projects and scholarly years, clinical for shadowing and summer programs', () => {
    expect(experienceKindFor('research-project')).toBe('research')
    expect(experienceKindFor('scholarly-year')).toBe('research')
    expect(experienceKindFor('shadowing')).toBe('clinical')
    expect(experienceKindFor('summer-experience')).toBe('clinical')
  })
})
