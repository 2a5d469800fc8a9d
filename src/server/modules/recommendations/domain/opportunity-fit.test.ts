import { describe, expect, it } from 'vitest'
import { opportunityFit, rankOpportunities, type OpportunityCandidate, type OpportunityStudent } from './opportunity-fit.ts'

const student = (over: Partial<OpportunityStudent> = {}): OpportunityStudent => ({
  specialtyInterests: ['emergency-medicine', 'internal-medicine'],
  careerGoals: 'I want to learn point-of-care ultrasound and work on care for people without a regular doctor.',
  helpWanted: [],
  missingStages: [],
  ...over,
})

const opportunity = (over: Partial<OpportunityCandidate> = {}): OpportunityCandidate => ({
  id: 'o1',
  kind: 'research-project',
  specialtyId: 'emergency-medicine',
  placesLeft: 2,
  applyBy: new Date('2027-01-15T00:00:00Z'),
  text: 'Ultrasound-guided nerve blocks in the emergency department',
  ...over,
})

describe('opportunityFit', () => {
  const cases: { name: string; student?: Partial<OpportunityStudent>; opportunity: Partial<OpportunityCandidate>; points: number | null; reason?: string }[] = [
    {
      name: 'declared specialty and a word of the goals',
      opportunity: {},
      points: 4,
      reason: 'A research project in Emergency Medicine with 2 places left, fits your interest in ultrasound',
    },
    {
      name: 'research fills a stage the team lacks',
      student: { missingStages: ['research'] },
      opportunity: { text: 'Sepsis bundles', placesLeft: 1 },
      points: 5,
      reason: 'A research project in Emergency Medicine with 1 place left, a way into research while your board has no research mentor',
    },
    {
      name: 'another interest counts less than the declared one',
      opportunity: { specialtyId: 'internal-medicine', text: 'Heart failure clinic' },
      points: 2,
      reason: 'A research project in Internal Medicine (one of your interests) with 2 places left',
    },
    {
      name: 'shadowing the student asked for',
      student: { helpWanted: ['shadowing'] },
      opportunity: { kind: 'shadowing', specialtyId: null, text: 'A day in the clinic' },
      points: 1,
      reason: 'A shadowing opportunity with 2 places left, you asked for help with shadowing',
    },
    {
      name: 'short words of the goals match by chance and are neither counted nor named',
      student: { careerGoals: 'I like not knowing who comes through the door next.' },
      opportunity: { specialtyId: null, kind: 'summer-experience', text: 'Whoever comes next through the door' },
      points: null,
    },
    { name: 'no fit at all: not suggested', opportunity: { specialtyId: 'dermatology', text: 'Melanoma screening', kind: 'summer-experience' }, points: null },
    { name: 'no place left: not suggested', opportunity: { placesLeft: 0 }, points: null },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const fit = opportunityFit(student(c.student), opportunity(c.opportunity))
      expect(fit?.points ?? null).toBe(c.points)
      if (c.reason) expect(fit?.reason).toBe(c.reason)
    })
  }
})

describe('rankOpportunities', () => {
  it('keeps the best three by points, then the nearer deadline, and leaves out what does not fit', () => {
    const list = [
      opportunity({ id: 'late', applyBy: new Date('2027-03-01T00:00:00Z') }),
      opportunity({ id: 'soon', applyBy: new Date('2027-01-01T00:00:00Z') }),
      opportunity({ id: 'none', applyBy: null }),
      opportunity({ id: 'weak', specialtyId: 'internal-medicine', text: 'Heart failure' }),
      opportunity({ id: 'unfit', specialtyId: 'dermatology', text: 'Melanoma' }),
    ]
    expect(rankOpportunities(student(), list).map((f) => f.candidate.id)).toEqual(['soon', 'late', 'none'])
    expect(rankOpportunities(student(), list, 10).map((f) => f.candidate.id)).toEqual(['soon', 'late', 'none', 'weak'])
  })

  it('does not depend on the order it is given', () => {
    const list = [opportunity({ id: 'a' }), opportunity({ id: 'b', specialtyId: 'internal-medicine' }), opportunity({ id: 'c', applyBy: null })]
    expect(rankOpportunities(student(), [...list].reverse())).toEqual(rankOpportunities(student(), list))
  })
})
