import { describe, expect, it } from 'vitest'
import { DEFAULT_PRIORS } from '#engines/smart-pick/index.ts'
import { aPercent, percent } from './builder.ts'
import { readStoredPriors } from './priors.ts'
import { DEFAULT_PROFILE, parseStep1, toApplicantProfile, toStoredColumns } from './profile.ts'

describe('readStoredPriors', () => {
  const stored = JSON.parse(JSON.stringify(DEFAULT_PRIORS))
  it('reads priors that fit the model, after a JSON round trip', () => {
    expect(readStoredPriors(stored)?.interview.mean).toEqual(DEFAULT_PRIORS.interview.mean)
  })
  it.each([
    ['not an object', 'x'],
    ['missing block', { ...stored, match: undefined }],
    ['renamed coefficient', { ...stored, interview: { ...stored.interview, names: ['other', ...stored.interview.names.slice(1)] } }],
    ['short mean', { ...stored, interview: { ...stored.interview, mean: stored.interview.mean.slice(1) } }],
    ['non-finite', { ...stored, match: { ...stored.match, mean: [null, ...stored.match.mean.slice(1)] } }],
  ])('refuses %s (the caller falls back to national priors)', (_, value) => {
    expect(readStoredPriors(value)).toBeNull()
  })
})

describe('profile mapping', () => {
  it.each([
    [null, null],
    ['pass', 'pass'],
    ['fail', 'fail'],
    ['231', 231],
    ['junk', null],
  ] as const)('Step 1 %s → %s', (stored, expected) => {
    expect(parseStep1(stored)).toBe(expected)
  })

  it('de-duplicates lists and upper-cases states', () => {
    const columns = toStoredColumns({
      ...DEFAULT_PROFILE,
      step1: 'pass',
      preferredStates: ['oh', 'OH', 'pa'],
      tieRegions: ['west', 'west'],
      awayRotationProgramIds: ['a', 'a'],
    } as never)
    expect(columns).toMatchObject({ preferredStates: ['OH', 'PA'], tieRegions: ['west'], awayRotationProgramIds: ['a'], step1: 'pass' })
  })

  it('gives the model the chosen specialty and the signalled programs', () => {
    const applicant = toApplicantProfile({ ...DEFAULT_PROFILE, preferredSpecialtyId: 'pediatrics', tieStates: ['OH'] }, 'internal-medicine', ['p1'])
    expect(applicant).toMatchObject({
      preferredSpecialty: 'internal-medicine',
      signalledProgramIds: ['p1'],
      ties: { states: ['OH'], regions: [] },
      step2: null,
    })
  })
})

describe('percent', () => {
  it.each([
    [0.9, '90\u00a0%'],
    [0.9996, 'over 99\u00a0%'],
    [0.001, 'under 1\u00a0%'],
    [0, '0\u00a0%'],
    [1, '100\u00a0%'],
  ])('%f → %s (number and "%" never part)', (p, text) => expect(percent(p)).toBe(text))
  it.each([
    [0.8, 'an 80\u00a0%'],
    [0.18, 'an 18\u00a0%'],
    [0.11, 'an 11\u00a0%'],
    [0.08, 'an 8\u00a0%'],
    [0.7, 'a 70\u00a0%'],
    [0.1, 'a 10\u00a0%'],
  ])('%f → %s', (p, text) => expect(aPercent(p)).toBe(text))
})
