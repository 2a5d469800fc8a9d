import { describe, expect, it } from 'vitest'
import { adviseList, DEFAULT_PRIORS, generatePrograms, type ApplicantProfile } from '#engines/smart-pick/index.ts'
import { SPECIALTY_FACTS } from '#engines/smart-pick/specialty-facts.ts'
import { buildListBuilderView, missingProfileFields, type BuilderInput } from './builder.ts'

const firstHour = (specialty: string): ApplicantProfile => ({
  applicantType: 'us-md',
  step2: 245,
  step1: 'pass',
  researchItems: 3,
  alphaOmegaAlpha: false,
  goldHumanism: false,
  clerkshipHonors: 2,
  experiences: 6,
  awayRotations: [],
  preferredSpecialty: specialty,
  backupSpecialty: null,
  geographicPreferences: { states: [], regions: [] },
  ties: { states: ['OH', 'MI'], regions: [] },
  settingPreferences: [],
  needsVisa: false,
  signalsAvailable: 5,
  signalledProgramIds: [],
})

function input(specialty: string, name: string, overrides: Partial<BuilderInput> = {}): BuilderInput {
  const programs = generatePrograms({ specialty, count: 120, seed: 7, priors: DEFAULT_PRIORS })
  return {
    applicant: firstHour(specialty),
    specialty: { id: specialty, name },
    programs,
    display: new Map(),
    backupSpecialty: null,
    backupPrograms: [],
    priors: DEFAULT_PRIORS,
    target: 0.8,
    list: [],
    profileSaved: true,
    missingFields: [],
    viewerIsStudent: true,
    model: { source: 'national', label: 'Based on national figures', calibratedAt: null, calibratedOn: null, intervalLevel: 0.8 },
    ...overrides,
  }
}

describe('buildListBuilderView', () => {
  it('gives no advice from an unsaved or half-filled profile: no counts, tiers or recommended programs', () => {
    expect(missingProfileFields(null).length).toBeGreaterThan(0)
    expect(missingProfileFields({ step2: null })).toEqual(['Step 2 CK score'])
    expect(missingProfileFields({ step2: 250 })).toEqual([])
    for (const viewerIsStudent of [true, false]) {
      const view = buildListBuilderView(input('internal-medicine', 'Internal Medicine', { missingFields: ['Step 2 CK score'], viewerIsStudent }))
      expect(view.ready).toBe(false)
      expect(view.programs).toEqual([])
      expect(view.curve).toEqual([])
      expect(view.recommendation.count).toBeNull()
      expect(view.recommendation.programIds).toEqual([])
      expect(view.recommendation.summary).toMatch(viewerIsStudent ? /^Until your Step 2 CK score is in, there is no single count/ : /^Not enough for a count/)
    }
  })

  it('shows a student without a Step 2 CK score the range at the specialty’s published scores, and no program advice', () => {
    for (const [id, name] of [
      ['internal-medicine', 'Internal Medicine'],
      ['dermatology', 'Dermatology'],
    ] as const) {
      const base = input(id, name, { missingFields: ['Step 2 CK score'] })
      const applicant = { ...base.applicant, step2: null }
      const view = buildListBuilderView({ ...base, applicant })
      // No invented precision: no list, tiers, count or recommended programs.
      expect(view.ready).toBe(false)
      expect(view.programs).toEqual([])
      expect(view.recommendation.count).toBeNull()
      const facts = SPECIALTY_FACTS[id]
      const range = view.scoreRange
      expect(range, id).not.toBeNull()
      // The reference scores are the published 2024 means of those who did not match and who matched.
      expect(range?.scenarios.map((s) => [s.reference, s.step2])).toEqual([
        ['unmatched', facts?.step2.unmatched],
        ['matched', facts?.step2.matched],
      ])
      for (const s of range?.scenarios ?? []) {
        const engine = adviseList({ ...applicant, step2: s.step2 }, base.programs, DEFAULT_PRIORS, { target: 0.8 })
        expect(s.count, `${id} at ${s.step2}`).toBe(engine.recommendedCount)
        expect(s.chance).toBeCloseTo(engine.chance, 5)
        expect(s.backupAdvised).toBe(engine.backupAdvised)
        expect(range?.summary).toContain(`at ${s.step2} (`)
      }
      const [low, high] = range?.scenarios ?? []
      expect((low?.count ?? Number.POSITIVE_INFINITY) >= (high?.count ?? Number.POSITIVE_INFINITY) || (low?.chance ?? 1) <= (high?.chance ?? 0)).toBe(true)
      expect(range?.summary).toMatch(/firm up once your score is in/)
    }
    // An unsaved profile lacks more than the score: still nothing at all.
    const unsaved = buildListBuilderView(input('internal-medicine', 'Internal Medicine', { profileSaved: false, missingFields: missingProfileFields(null) }))
    expect(unsaved.scoreRange).toBeNull()
    // Staff read of the student, not "you".
    const staff = buildListBuilderView({
      ...input('internal-medicine', 'Internal Medicine', { missingFields: ['Step 2 CK score'], viewerIsStudent: false }),
      applicant: { ...firstHour('internal-medicine'), step2: null },
    })
    expect(staff.scoreRange?.summary).not.toMatch(/\byou(r)?\b/i)
  })

  it('advises a backup plan in dermatology for the first-hour profile, and explains it', () => {
    const view = buildListBuilderView(input('dermatology', 'Dermatology'))
    expect(view.ready).toBe(true)
    expect(view.recommendation.count).toBeNull()
    expect(view.programs.some((p) => p.recommended)).toBe(false)
    expect(view.backup.needed).toBe(true)
    expect(view.backup.summary).toMatch(/A backup plan is advised/)
    expect(view.backup.summary).toMatch(/71\u00a0% of U.S. MD seniors who preferred Dermatology matched/)
    expect(view.signals.specialtySignals).toMatch(/^28/)
  })

  it('words where a signal figure comes from, with no bare source tags', () => {
    for (const [id, name] of [
      ['dermatology', 'Dermatology'],
      ['emergency-medicine', 'Emergency Medicine'],
      ['orthopaedic-surgery', 'Orthopaedic Surgery'],
    ] as const) {
      const view = buildListBuilderView(input(id, name))
      expect(view.signals.effect, id).not.toMatch(/\[[PSAM]\]/)
      expect(view.signals.effect, id).toMatch(/original report|as quoted by another source/)
    }
  })

  it('speaks of the student, not "you", to staff', () => {
    const staff = buildListBuilderView(input('dermatology', 'Dermatology', { viewerIsStudent: false }))
    const words = [staff.recommendation.summary, staff.backup.summary, ...staff.honesty].join(' ')
    expect(words).not.toMatch(/\byou(r)?\b/i)
    expect(words).toMatch(/the student/)
  })

  it('counts interviews already offered as facts', () => {
    const base = input('emergency-medicine', 'Emergency Medicine')
    const hard = [...base.programs].sort((a, b) => b.competitiveness - a.competitiveness).slice(0, 3)
    const without = buildListBuilderView(base)
    const withInterviews = buildListBuilderView({
      ...base,
      list: hard.map((p) => ({ programId: p.id, status: 'interview-offered' as const, signalled: false })),
    })
    expect(withInterviews.recommendation.summary).toMatch(/3 interviews already offered/)
    for (const p of hard) expect(withInterviews.programs.find((x) => x.id === p.id)?.interview.probability).toBe(1)
    expect(withInterviews.currentList.chance).toBeGreaterThan(0.7)
    expect(withInterviews.recommendation.count ?? 0).toBeLessThanOrEqual(without.recommendation.count ?? Number.POSITIVE_INFINITY)
  })
})
