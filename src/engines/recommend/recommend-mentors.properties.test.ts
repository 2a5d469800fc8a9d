import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IDENTITY_ATTRIBUTES } from '#shared/enums.ts'
import { recommendBounds, recommendMentors } from './recommend-mentors.ts'
import { mentorWordKeys, topicalWords } from './text.ts'
import { buildMentor, buildStudent, contextArbitrary, mentorsArbitrary, studentArbitrary } from './testing/builders.ts'

const identityArbitrary = fc.shuffledSubarray([...IDENTITY_ATTRIBUTES])

describe('recommendMentors: properties', () => {
  it('is deterministic and does not depend on the order of the mentors', () => {
    fc.assert(
      fc.property(studentArbitrary, mentorsArbitrary, contextArbitrary, fc.integer(), (student, mentors, context, seed) => {
        const first = recommendMentors(student, mentors, context)
        expect(recommendMentors(student, mentors, context)).toEqual(first)
        const shuffled = [...mentors].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 31 + seed) % 7) || (b.id < a.id ? -1 : 1))
        expect(recommendMentors(student, shuffled, context)).toEqual(first)
      }),
      { numRuns: 200 },
    )
  })

  it('never returns an excluded mentor', () => {
    fc.assert(
      fc.property(studentArbitrary, mentorsArbitrary, contextArbitrary, (student, mentors, context) => {
        const byId = new Map(mentors.map((m) => [m.id, m]))
        const declined = new Set(context.declined)
        for (const r of recommendMentors(student, mentors, context)) {
          const mentor = byId.get(r.mentorId)
          expect(mentor?.accepting).toBe(true)
          expect(declined.has(r.mentorId)).toBe(false)
          expect(Math.min(mentor?.capacity ?? 0, context.openPlaces?.[r.mentorId] ?? Number.POSITIVE_INFINITY)).toBeGreaterThan(0)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('without consent, changing any identity (the mentors’ or the student’s) changes nothing at all', () => {
    fc.assert(
      fc.property(
        studentArbitrary,
        mentorsArbitrary,
        contextArbitrary,
        fc.array(identityArbitrary, { minLength: 25, maxLength: 25 }),
        identityArbitrary,
        (student, mentors, context, identities, studentIdentity) => {
          const noConsent = { ...student, wantsIdentityAlignedMentor: false }
          const before = recommendMentors(noConsent, mentors, context)
          const toggled = mentors.map((m, i) => ({ ...m, identity: identities[i] ?? [] }))
          expect(recommendMentors({ ...noConsent, identity: studentIdentity }, toggled, context)).toEqual(before)
          for (const r of before) expect(r.factors.find((f) => f.factor === 'identity')?.value).toBe(0)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('with consent, a shared identity can only raise a mentor', () => {
    fc.assert(
      fc.property(studentArbitrary, mentorsArbitrary, contextArbitrary, (student, mentors, context) => {
        const consent = { ...student, wantsIdentityAlignedMentor: true, identity: ['first-generation' as const] }
        const plain = mentors.map((m) => ({ ...m, identity: [] }))
        const before = new Map(recommendMentors(consent, plain, context).map((r) => [r.mentorId, r.score]))
        const aligned = plain.map((m) => ({ ...m, identity: ['first-generation' as const] }))
        for (const r of recommendMentors(consent, aligned, context)) expect(r.score).toBeGreaterThanOrEqual(before.get(r.mentorId) ?? Number.NEGATIVE_INFINITY)
      }),
      { numRuns: 100 },
    )
  })

  it('spreads load: a popular mentor with few places is in a bounded share of top-5 lists', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 10, max: 200 }), fc.string({ maxLength: 8 }), (open, demand, rotation) => {
        // The popular mentor is the best fit for everyone: without load spreading it would top every list.
        const popular = buildMentor({ id: 'popular', specialtyId: 'dermatology', offers: ['mock-interviews', 'research'], capacity: 5 })
        const others = Array.from({ length: 12 }, (_, i) => buildMentor({ id: `other-${i}` }))
        const students = 400
        let shown = 0
        for (let i = 0; i < students; i++) {
          const student = buildStudent({ id: `s-${i}`, specialtyInterests: ['dermatology'], helpWanted: ['mock-interviews'] })
          const top = recommendMentors(student, [popular, ...others], { openPlaces: { popular: open }, demand: { popular: demand }, rotation, limit: 5 })
          if (top.some((r) => r.mentorId === 'popular')) shown++
        }
        const allowed = Math.min(1, (open * 3) / demand)
        // Binomial(400, allowed): four standard deviations above the mean.
        expect(shown / students).toBeLessThanOrEqual(allowed + 4 * Math.sqrt((allowed * (1 - allowed)) / students) + 1e-9)
      }),
      { numRuns: 40 },
    )
  })
  it('the bound of every mentor is at least their score; precomputed word keys change nothing', () => {
    fc.assert(
      fc.property(studentArbitrary, mentorsArbitrary, contextArbitrary, (student, mentors, context) => {
        const bounds = recommendBounds(student, context)
        const goals = new Set(bounds.goalWords)
        for (const r of recommendMentors(student, mentors, context)) {
          const m = mentors.find((x) => x.id === r.mentorId) as (typeof mentors)[number]
          const shared = [...mentorWordKeys(`${m.subspecialty} ${m.researchInterests}`)].filter((k) => goals.has(k)).length
          const bound =
            bounds.specialty(m.specialtyId, m.departmentId) +
            bounds.help(m.offers) +
            bounds.stage(m.kind) +
            bounds.site(m.clinicalSite, m.state) +
            bounds.research(shared) +
            (m.languages.some(bounds.languageCounts) ? bounds.language : 0) +
            (m.identity.some((a) => bounds.identityAttributes.includes(a)) ? bounds.identity : 0)
          expect(bound + 1e-9).toBeGreaterThanOrEqual(r.score)
        }
        expect(bounds.goalWords).toEqual([...topicalWords(student.careerGoals).keys()])
        const withKeys = mentors.map((m) => ({ ...m, wordKeys: mentorWordKeys(`${m.subspecialty} ${m.researchInterests}`) }))
        expect(recommendMentors(student, withKeys, context)).toEqual(recommendMentors(student, mentors, context))
      }),
      { numRuns: 200 },
    )
  })
})
