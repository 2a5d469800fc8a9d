import { describe, expect, it } from 'vitest'
import type { TeamStage } from '#shared/contracts/recommendations.ts'
import { fitsStage, missingStages, nobodyReason, pickTeam, type TeamCandidate, type TeamCoverage, type TeamStudent } from './mentor-team.ts'

const student = (over: Partial<TeamStudent> = {}): TeamStudent => ({
  classYear: 'M2',
  specialtyInterests: ['emergency-medicine', 'internal-medicine'],
  wantsIdentityAlignedMentor: false,
  prefersChallenge: false,
  ...over,
})

let n = 0
const mentor = (over: Partial<TeamCandidate> = {}): TeamCandidate => ({
  id: `m${String(++n).padStart(3, '0')}`,
  kind: 'faculty',
  specialtyId: 'emergency-medicine',
  subspecialty: '',
  clinicalSite: '',
  offers: [],
  openPlaces: 1,
  classYear: null,
  score: 50,
  sharesIdentity: false,
  ...over,
})

const emptyBoard: TeamCoverage = {
  emptySlots: ['advisory-dean', 'specialty-advisor', 'research-mentor', 'near-peer', 'resident-or-alumni'],
  residentOrAlumniKinds: [],
  currentMentorOffers: [],
}

describe('missingStages', () => {
  const cases: { name: string; student: TeamStudent; coverage: TeamCoverage; expected: TeamStage[] }[] = [
    {
      name: 'an empty board lacks every stage but identity (not asked for)',
      student: student(),
      coverage: emptyBoard,
      expected: ['specialty-faculty', 'resident-or-fellow', 'alumni', 'near-peer', 'research'],
    },
    {
      name: 'identity only when the student asked for it',
      student: student({ wantsIdentityAlignedMentor: true }),
      coverage: emptyBoard,
      expected: ['specialty-faculty', 'resident-or-fellow', 'alumni', 'near-peer', 'research', 'identity-aligned'],
    },
    {
      name: 'a resident in the board slot still leaves the graduate stage',
      student: student(),
      coverage: { emptySlots: ['near-peer'], residentOrAlumniKinds: ['resident'], currentMentorOffers: [] },
      expected: ['alumni', 'near-peer'],
    },
    {
      name: 'a fellow counts as a trainee; a graduate fills the alumni stage',
      student: student(),
      coverage: { emptySlots: [], residentOrAlumniKinds: ['fellow', 'alumni'], currentMentorOffers: [] },
      expected: [],
    },
    {
      name: 'a current mentor offering identity-based mentorship fills that stage',
      student: student({ wantsIdentityAlignedMentor: true }),
      coverage: { emptySlots: [], residentOrAlumniKinds: ['resident', 'alumni'], currentMentorOffers: [['research', 'identity-based-mentorship']] },
      expected: [],
    },
    {
      name: 'the board decides the near-peer slot (optional in the final year: not in its empty slots)',
      student: student({ classYear: 'M4' }),
      coverage: { emptySlots: ['research-mentor'], residentOrAlumniKinds: ['resident', 'alumni'], currentMentorOffers: [] },
      expected: ['research'],
    },
  ]
  for (const c of cases) it(c.name, () => expect(missingStages(c.student, c.coverage)).toEqual(c.expected))
})

describe('fitsStage', () => {
  const cases: { stage: TeamStage; candidate: Partial<TeamCandidate>; student?: Partial<TeamStudent>; fits: boolean }[] = [
    { stage: 'specialty-faculty', candidate: { kind: 'faculty', specialtyId: 'emergency-medicine' }, fits: true },
    { stage: 'specialty-faculty', candidate: { kind: 'faculty', specialtyId: 'internal-medicine' }, fits: false },
    { stage: 'specialty-faculty', candidate: { kind: 'resident', specialtyId: 'emergency-medicine' }, fits: false },
    { stage: 'specialty-faculty', candidate: { kind: 'faculty' }, student: { specialtyInterests: [] }, fits: false },
    { stage: 'resident-or-fellow', candidate: { kind: 'fellow', specialtyId: 'dermatology' }, fits: true },
    { stage: 'resident-or-fellow', candidate: { kind: 'alumni' }, fits: false },
    { stage: 'alumni', candidate: { kind: 'alumni' }, fits: true },
    { stage: 'near-peer', candidate: { kind: 'near-peer', classYear: 'M3' }, fits: true },
    { stage: 'near-peer', candidate: { kind: 'near-peer', classYear: 'M4' }, fits: true },
    { stage: 'near-peer', candidate: { kind: 'near-peer', classYear: 'M2' }, fits: false },
    { stage: 'near-peer', candidate: { kind: 'near-peer', classYear: null }, fits: false },
    { stage: 'near-peer', candidate: { kind: 'near-peer', classYear: 'M4' }, student: { classYear: 'M1' }, fits: false },
    { stage: 'research', candidate: { kind: 'resident', offers: ['research'] }, fits: true },
    { stage: 'research', candidate: { kind: 'faculty', offers: ['shadowing'] }, fits: false },
    { stage: 'identity-aligned', candidate: { offers: ['identity-based-mentorship'] }, fits: true },
    { stage: 'identity-aligned', candidate: { offers: [] }, fits: false },
  ]
  for (const c of cases) {
    it(`${c.stage}: ${JSON.stringify(c.candidate)}${c.student ? ` for ${JSON.stringify(c.student)}` : ''} → ${c.fits}`, () =>
      expect(fitsStage(c.stage, mentor(c.candidate), student(c.student))).toBe(c.fits))
  }
})

describe('pickTeam', () => {
  it('fills each stage with a suitable mentor with a place, one person per stage', () => {
    const s = student({ wantsIdentityAlignedMentor: true })
    const pool = [
      mentor({ id: 'fac', kind: 'faculty', offers: ['research', 'identity-based-mentorship'], score: 90 }),
      mentor({ id: 'res', kind: 'resident', offers: ['shadowing'] }),
      mentor({ id: 'alu', kind: 'alumni', offers: ['career-advice'] }),
      mentor({ id: 'np', kind: 'near-peer', classYear: 'M3', offers: ['cv-review'] }),
      mentor({ id: 'rsch', kind: 'faculty', specialtyId: 'pathology', offers: ['research'], score: 10 }),
      mentor({ id: 'idn', kind: 'alumni', specialtyId: 'pediatrics', offers: ['identity-based-mentorship'], score: 5 }),
    ]
    const team = pickTeam(s, ['specialty-faculty', 'resident-or-fellow', 'alumni', 'near-peer', 'research', 'identity-aligned'], pool)
    expect(Object.fromEntries(team.map((p) => [p.stage, p.candidate?.id]))).toEqual({
      'specialty-faculty': 'fac',
      'resident-or-fellow': 'res',
      alumni: 'alu',
      'near-peer': 'np',
      research: 'rsch',
      'identity-aligned': 'idn',
    })
  })

  it('moves an earlier stage to its next choice to make room (a maximum matching, not greedy)', () => {
    // The faculty member is the research stage's only option; the faculty stage has another.
    const pool = [mentor({ id: 'a', kind: 'faculty', offers: ['research'], score: 90 }), mentor({ id: 'b', kind: 'faculty', offers: [], score: 80 })]
    const team = pickTeam(student(), ['specialty-faculty', 'research'], pool)
    expect(team.map((p) => p.candidate?.id)).toEqual(['b', 'a'])
  })

  it('reuses a mentor, saying so, only when nobody else fits the stage', () => {
    const pool = [mentor({ id: 'a', kind: 'faculty', offers: ['research'] })]
    const [faculty, research] = pickTeam(student(), ['specialty-faculty', 'research'], pool)
    expect(faculty?.candidate?.id).toBe('a')
    expect(research?.candidate?.id).toBe('a')
    expect(research?.reason).toMatch(/also suggested above as faculty in Emergency Medicine/)
  })

  it('never picks a mentor without a place, and says in words when a stage has nobody', () => {
    const pool = [mentor({ kind: 'alumni', openPlaces: 0 })]
    const [alumni] = pickTeam(student(), ['alumni'], pool)
    expect(alumni).toEqual({ stage: 'alumni', candidate: null, reason: 'No graduates of the school have a place right now.' })
    expect(nobodyReason('specialty-faculty', student())).toBe(
      'No faculty in Emergency Medicine have a place right now. Your advisory dean can introduce you to one.',
    )
  })

  it('prefers the declared specialty, then other interests, over a higher score elsewhere, and says when it had to look further', () => {
    const pool = [
      mentor({ id: 'derm', kind: 'resident', specialtyId: 'dermatology', score: 99 }),
      mentor({ id: 'im', kind: 'resident', specialtyId: 'internal-medicine', score: 40 }),
    ]
    const [pick] = pickTeam(student(), ['resident-or-fellow'], pool)
    expect(pick?.candidate?.id).toBe('im')
    expect(pick?.reason).toBe(
      'A resident in Internal Medicine — no resident or fellow in Emergency Medicine has a place right now — your board has no resident or fellow yet',
    )
    const withEm = [
      ...pool,
      mentor({ id: 'em', kind: 'resident', specialtyId: 'emergency-medicine', score: 1, offers: ['shadowing'], clinicalSite: 'County Hospital' }),
    ]
    const [em] = pickTeam(student(), ['resident-or-fellow'], withEm)
    expect(em?.reason).toBe('A resident in Emergency Medicine at County Hospital who offers shadowing — your board has no resident or fellow yet')
  })

  it('with "challenge me", prefers mentors who hold high expectations within the same specialty', () => {
    const pool = [
      mentor({ id: 'kind', kind: 'faculty', offers: ['career-advice'], score: 90 }),
      mentor({ id: 'tough', kind: 'faculty', offers: ['career-advice', 'high-expectations'], score: 60 }),
    ]
    expect(pickTeam(student(), ['specialty-faculty'], pool)[0]?.candidate?.id).toBe('kind')
    const [pick] = pickTeam(student({ prefersChallenge: true }), ['specialty-faculty'], pool)
    expect(pick?.candidate?.id).toBe('tough')
    expect(pick?.reason).toBe(
      'A faculty member in Emergency Medicine who says they will challenge you and offers career advice — your board has no Emergency Medicine advisor yet',
    )
  })

  it('the identity stage prefers a mentor who shares the background the student asked to be matched on', () => {
    const s = student({ wantsIdentityAlignedMentor: true })
    const pool = [
      mentor({ id: 'x', kind: 'faculty', offers: ['identity-based-mentorship'], score: 90 }),
      mentor({ id: 'y', kind: 'alumni', specialtyId: 'pediatrics', offers: ['identity-based-mentorship'], score: 20, sharesIdentity: true }),
    ]
    const [pick] = pickTeam(s, ['identity-aligned'], pool)
    expect(pick?.candidate?.id).toBe('y')
    expect(pick?.reason).toMatch(/shares part of the background you asked to be matched on/)
    // Someone in Emergency Medicine offers it, so the reason does not claim nobody does.
    expect(pick?.reason).not.toMatch(/has a place right now/)
  })

  it('writes offers as words (keeping "CV"), and leaves out a subspecialty that repeats the specialty', () => {
    const [pick] = pickTeam(student(), ['specialty-faculty'], [mentor({ subspecialty: 'Emergency Medicine', offers: ['cv-review', 'wellness'] })])
    expect(pick?.reason).toBe('A faculty member in Emergency Medicine who offers CV review and wellness — your board has no Emergency Medicine advisor yet')
  })

  it('names a near-peer’s year and how far ahead they are', () => {
    const [pick] = pickTeam(student({ classYear: 'M2' }), ['near-peer'], [mentor({ kind: 'near-peer', classYear: 'M4', specialtyId: 'emergency-medicine' })])
    expect(pick?.reason).toBe('A student (an M4, two years ahead of you) headed for Emergency Medicine — your board has no near-peer yet')
  })
})
