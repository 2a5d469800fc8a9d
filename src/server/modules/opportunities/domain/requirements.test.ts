import { describe, expect, it } from 'vitest'
import { expiryStanding, nameInSentence, requirementRefusal, requirementState, requirementsFor } from './requirements.ts'

const rule = (id: string, over: Partial<Parameters<typeof requirementsFor>[0][number]> = {}) => ({
  id,
  name: id,
  verification: 'student' as const,
  opportunityKind: null,
  opportunityId: null,
  retiredAt: null,
  ...over,
})

describe('requirements', () => {
  it('applies those of the opportunity’s kind and of the opportunity itself, not retired ones', () => {
    const rules = [
      rule('hipaa', { opportunityKind: 'shadowing' }),
      rule('research-ethics', { opportunityKind: 'research-project' }),
      rule('background-check', { opportunityId: 'or-days' }),
      rule('other-site', { opportunityId: 'clinic' }),
      rule('old-form', { opportunityKind: 'shadowing', retiredAt: new Date('2026-01-01') }),
    ]
    expect(requirementsFor(rules, { id: 'or-days', kind: 'shadowing' }).map((r) => r.id)).toEqual(['hipaa', 'background-check'])
    expect(requirementsFor(rules, { id: 'lab', kind: 'research-project' }).map((r) => r.id)).toEqual(['research-ethics'])
  })

  const record = (expiresOn: string | null, verified = false) => ({
    completedOn: '2025-05-03',
    expiresOn,
    verifiedAt: verified ? new Date('2025-05-04') : null,
  })

  it.each([
    ['no record', 'student', null, 'missing'],
    ['confirmed, no expiry', 'student', record(null), 'met'],
    ['confirmed, expires later', 'student', record('2026-05-03'), 'met'],
    ['expires today', 'student', record('2026-03-01'), 'expired'],
    ['expired before', 'student', record('2026-02-01'), 'expired'],
    ['office, not verified', 'office', record('2027-01-01'), 'awaiting-verification'],
    ['office, verified', 'office', record('2027-01-01', true), 'met'],
    ['office, verified but expired', 'office', record('2026-02-01', true), 'expired'],
  ] as const)('state: %s', (_label, verification, facts, state) => {
    expect(requirementState(verification, facts, '2026-03-01')).toBe(state)
  })

  const hipaa = { name: 'HIPAA training', verification: 'student' as const }
  const check = { name: 'Background check', verification: 'office' as const }
  it.each([
    ['met', hipaa, record('2027-05-03'), '2026-05-10', 'booking', null],
    ['expired', hipaa, record('2026-05-03'), '2026-05-10', 'booking', 'Your HIPAA training expired on 3 May 2026; renew it before booking.'],
    [
      'lapsing before the day',
      hipaa,
      record('2026-05-20'),
      '2026-06-02',
      'booking',
      'Your HIPAA training expires on 20 May 2026, before the day you chose; renew it before booking.',
    ],
    [
      'missing, the student confirms',
      hipaa,
      null,
      '2026-05-10',
      'applying',
      'Your HIPAA training is not on record: confirm it on My requirements before applying.',
    ],
    [
      'missing, the office verifies',
      check,
      null,
      '2026-05-10',
      'booking',
      'Your background check is not on record: send it to the Office of Student Affairs to verify before booking.',
    ],
    [
      'awaiting the office',
      check,
      record('2027-05-03'),
      '2026-05-10',
      'booking',
      'Your background check is waiting for the Office of Student Affairs to verify it; you can go ahead once it is verified.',
    ],
  ] as const)('refusal: %s', (_label, requirement, facts, on, action, words) => {
    expect(requirementRefusal(requirement, facts, '2026-05-10', on, action)).toBe(words)
  })

  it.each([
    ['Influenza vaccine', 'influenza vaccine'],
    ['HIPAA training', 'HIPAA training'],
    ['N95 fit test', 'N95 fit test'],
    ['background check', 'background check'],
  ])('%s reads as “%s” inside a sentence', (name, inSentence) => {
    expect(nameInSentence(name)).toBe(inSentence)
  })
})

describe('expiryStanding', () => {
  it.each([
    [null, 'no-expiry'],
    ['2027-01-10', 'expired'],
    ['2027-01-11', 'expires-soon'],
    ['2027-02-10', 'expires-soon'],
    ['2027-02-11', 'valid'],
  ] as const)('%s on 2027-01-11 → %s', (expiresOn, standing) => {
    expect(expiryStanding(expiresOn, '2027-01-11')).toBe(standing)
  })
})
