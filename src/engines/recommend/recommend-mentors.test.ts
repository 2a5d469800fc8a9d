import { describe, expect, it } from 'vitest'
import { recommendMentors } from './recommend-mentors.ts'
import { buildMentor, buildStudent } from './testing/builders.ts'
import type { RecommendContext, RecommendMentor, RecommendStudent } from './types.ts'
import { DEFAULT_RECOMMEND_WEIGHTS } from './weights.ts'

const only = (student: RecommendStudent, mentor: RecommendMentor, context: RecommendContext = {}) => recommendMentors(student, [mentor], context)

describe('recommendMentors: reasons in plain words', () => {
  const cases: { name: string; student: Partial<RecommendStudent>; mentor: Partial<RecommendMentor>; context?: RecommendContext; reasons: string[] }[] = [
    {
      name: 'specialty faculty and help offered',
      student: { specialtyInterests: ['dermatology'], helpWanted: ['mock-interviews', 'cv-review'] },
      mentor: { specialtyId: 'dermatology', departmentId: 'dermatology', offers: ['mock-interviews', 'research'] },
      reasons: ['Dermatology faculty', 'offers mock interviews'],
    },
    {
      name: 'several offers, in the student’s order, acronyms kept',
      student: { helpWanted: ['cv-review', 'letters'] },
      mentor: { offers: ['letters', 'cv-review'] },
      reasons: ['offers CV review and letters of recommendation', 'faculty who can advise you on applying'],
    },
    {
      name: 'identity, when asked for',
      student: { classYear: 'M1', identity: ['first-generation'], wantsIdentityAlignedMentor: true },
      mentor: { kind: 'near-peer', identity: ['first-generation', 'veteran'] },
      // Equal contributions (15 each): the factors' order breaks the tie.
      reasons: ['a near-peer a year or two ahead of you', 'also first in their family to attend college — you asked for that'],
    },
    {
      name: 'identity, not asked for: never mentioned',
      student: { classYear: 'M1', identity: ['first-generation'], wantsIdentityAlignedMentor: false },
      mentor: { kind: 'near-peer', identity: ['first-generation'] },
      reasons: ['a near-peer a year or two ahead of you'],
    },
    {
      name: 'department houses a specialty of interest',
      student: { specialtyInterests: ['plastic-surgery'] },
      mentor: { departmentId: 'surgery', specialtyId: 'general-surgery' },
      reasons: ['faculty in Surgery, home of Plastic Surgery', 'faculty who can advise you on applying'],
    },
    {
      name: 'site, research words and language',
      student: { classYear: 'M2', careerGoals: 'I hope to do global surgery and outcomes research with Spanish-speaking communities.' },
      mentor: {
        kind: 'fellow',
        clinicalSite: 'University Hospital',
        researchInterests: 'Global surgery; surgical outcomes',
        languages: ['English', 'Spanish'],
      },
      context: { studentSite: 'university hospital' },
      reasons: ['at University Hospital, your site', 'shares your interest in global surgery and surgical outcomes', 'speaks Spanish'],
    },
    {
      name: 'same state',
      student: { classYear: 'M4' },
      mentor: { kind: 'alumni', state: 'OH' },
      context: { studentState: 'OH' },
      reasons: ['also in Ohio'],
    },
  ]
  it.each(cases)('$name', ({ student, mentor, context, reasons }) => {
    const [result] = only(buildStudent(student), buildMentor(mentor), context)
    expect(result?.reasons).toEqual(reasons)
  })
})

describe('recommendMentors: factors and order', () => {
  it('the first interest counts more than the second', () => {
    const student = buildStudent({ specialtyInterests: ['pediatrics', 'neurology'] })
    const result = recommendMentors(student, [buildMentor({ id: 'b', specialtyId: 'neurology' }), buildMentor({ id: 'a', specialtyId: 'pediatrics' })])
    expect(result.map((r) => r.mentorId)).toEqual(['a', 'b'])
  })

  it('stage: near-peers first for M1, faculty first for M4', () => {
    const mentors = [buildMentor({ id: 'fac', kind: 'faculty' }), buildMentor({ id: 'peer', kind: 'near-peer' })]
    expect(recommendMentors(buildStudent({ classYear: 'M1' }), mentors).map((r) => r.mentorId)).toEqual(['peer', 'fac'])
    expect(recommendMentors(buildStudent({ classYear: 'M4' }), mentors).map((r) => r.mentorId)).toEqual(['fac', 'peer'])
  })

  it('mentors who do not answer sink', () => {
    const mentors = [buildMentor({ id: 'a' }), buildMentor({ id: 'b' })]
    const context: RecommendContext = { responseStats: { a: { medianHoursToAnswer: 200, unansweredShare: 0.8, requests: 10 } } }
    const result = recommendMentors(buildStudent(), mentors, context)
    expect(result.map((r) => r.mentorId)).toEqual(['b', 'a'])
    expect(result[1]?.factors.find((f) => f.factor === 'responsiveness')?.contribution).toBeLessThan(0)
  })

  it('one unanswered request counts for less than ten', () => {
    const penalty = (requests: number) =>
      only(buildStudent(), buildMentor({ id: 'a' }), { responseStats: { a: { medianHoursToAnswer: null, unansweredShare: 1, requests } } })[0]?.factors.find(
        (f) => f.factor === 'responsiveness',
      )?.value ?? 0
    expect(penalty(1)).toBeLessThan(penalty(10))
  })

  it('the score is the sum of the contributions, and the factors carry the weights', () => {
    const [result] = only(
      buildStudent({ specialtyInterests: ['dermatology'], helpWanted: ['research'] }),
      buildMentor({ id: 'a', specialtyId: 'dermatology', offers: ['research'] }),
      { demand: { a: 4 }, openPlaces: { a: 2 } },
    )
    expect(result?.score).toBeCloseTo(result?.factors.reduce((s, f) => s + f.contribution, 0) ?? Number.NaN, 12)
    expect(result?.factors.find((f) => f.factor === 'specialty')?.weight).toBe(DEFAULT_RECOMMEND_WEIGHTS.specialty)
    expect(result?.factors.find((f) => f.factor === 'load')?.value).toBeCloseTo(4 / 6, 12)
  })

  it.each([
    ['not accepting', buildMentor({ id: 'a', accepting: false }), {}],
    ['capacity 0', buildMentor({ id: 'a', capacity: 0 }), {}],
    ['no open place', buildMentor({ id: 'a' }), { openPlaces: { a: 0 } }],
    ['declined', buildMentor({ id: 'a' }), { declined: ['a'] }],
    ['the student themself', buildMentor({ id: 'student-1' }), {}],
  ] as const)('excludes a mentor: %s', (_, mentor, context) => {
    expect(only(buildStudent(), mentor, context)).toEqual([])
  })

  it('limit, ranks from 1, ties by mentor id', () => {
    const mentors = ['c', 'a', 'b'].map((id) => buildMentor({ id }))
    const result = recommendMentors(buildStudent(), mentors, { limit: 2 })
    expect(result.map((r) => [r.mentorId, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
    ])
  })

  it('a mentor far past their seats is held back from most students, the same ones each time', () => {
    const mentor = buildMentor({ id: 'popular', capacity: 1 })
    const context: RecommendContext = { demand: { popular: 30 } } // 1 place × 3 students per place: a tenth
    const shown = Array.from({ length: 2000 }, (_, i) => only(buildStudent({ id: `s${i}` }), mentor, context).length)
    const share = shown.reduce((a, b) => a + b, 0) / shown.length
    expect(share).toBeGreaterThan(0.07)
    expect(share).toBeLessThan(0.13)
    expect(Array.from({ length: 2000 }, (_, i) => only(buildStudent({ id: `s${i}` }), mentor, context).length)).toEqual(shown)
  })

  it('a new rotation shows the popular mentor to other students', () => {
    const mentor = buildMentor({ id: 'popular', capacity: 1 })
    const seen = (rotation: string) =>
      Array.from({ length: 500 }, (_, i) => only(buildStudent({ id: `s${i}` }), mentor, { demand: { popular: 30 }, rotation }).length)
    expect(seen('2026-W07')).not.toEqual(seen('2026-W08'))
  })
})
