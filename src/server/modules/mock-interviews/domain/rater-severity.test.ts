import { describe, expect, it } from 'vitest'
import { createRandom } from '#server/db/seed/random.ts'
import { calibrateScore, consistencyWords, severityWords } from './calibrated-score.ts'
import { fitRaterSeverity, type Observation } from './rater-severity.ts'
import { syntheticScores } from './synthetic-scores.ts'

const TRUE_EFFECTS = [-0.8, -0.4, 0, 0.3, 0.9]

function design(seed: number, overrides: Partial<Parameters<typeof syntheticScores>[0]> = {}) {
  return syntheticScores({
    raterEffects: TRUE_EFFECTS,
    students: 200,
    mocksPerStudent: 3,
    competencies: 5,
    studentSpread: 0.5,
    noise: 0.5,
    next: createRandom(seed).next,
    ...overrides,
  })
}

const effectOf = (fit: ReturnType<typeof fitRaterSeverity>, k: number) => fit.raters.get(`r${k}`)?.effect ?? Number.NaN

describe('fitRaterSeverity', () => {
  it.each([1, 2, 3])('recovers known interviewer effects from synthetic scores (seed %i)', (seed) => {
    const fit = fitRaterSeverity(design(seed))
    // Effects are relative to the average interviewer: compare with the true ones centred.
    const mean = TRUE_EFFECTS.reduce((a, b) => a + b, 0) / TRUE_EFFECTS.length
    TRUE_EFFECTS.forEach((truth, k) => {
      expect(Math.abs(effectOf(fit, k) - (truth - mean)), `interviewer ${k}`).toBeLessThan(0.12)
    })
    // Each true effect lies inside its 95 % interval (with the rounding to whole levels, allow 2.5 standard errors).
    TRUE_EFFECTS.forEach((truth, k) => {
      const rater = fit.raters.get(`r${k}`)
      expect(Math.abs((rater?.effect ?? 0) - (truth - mean))).toBeLessThan(2.5 * (rater?.standardError ?? 0) + 0.05)
    })
  })

  it('separates severity from ability: a strict interviewer who saw only strong students is still found strict', () => {
    // Strong students (ability +1) only ever meet interviewer A (−0.7); the others meet B and C (0).
    const next = createRandom(9).next
    const observations: Observation[] = []
    for (let student = 0; student < 120; student++) {
      const strong = student < 40
      const ability = strong ? 1 : 0
      for (let mock = 0; mock < 3; mock++) {
        const rater = strong ? (mock === 0 ? 'A' : 'B') : mock === 0 ? 'B' : 'C'
        const effect = rater === 'A' ? -0.7 : 0
        for (const competency of ['x', 'y', 'z'])
          observations.push({ studentId: `s${student}`, raterId: rater, competencyId: competency, score: 3 + ability + effect + (next() - 0.5) * 0.6 })
      }
    }
    const fit = fitRaterSeverity(observations)
    const a = fit.raters.get('A')?.effect ?? 0
    const b = fit.raters.get('B')?.effect ?? 0
    // A naive per-interviewer mean would call A lenient (it saw only strong students).
    const naiveA = observations.filter((o) => o.raterId === 'A').reduce((sum, o) => sum + o.score, 0) / (40 * 3)
    const naiveAll = observations.reduce((sum, o) => sum + o.score, 0) / observations.length
    expect(naiveA).toBeGreaterThan(naiveAll)
    expect(a - b).toBeLessThan(-0.6)
    expect(a - b).toBeGreaterThan(-0.8)
  })

  it('shrinks an interviewer seen on a few scores towards average, with a wider interval', () => {
    const observations = design(4)
    // A new interviewer, truly very strict (−1.5), with one mock of five scores.
    for (const [k, competency] of ['c0', 'c1', 'c2', 'c3', 'c4'].entries())
      observations.push({ studentId: 's0', raterId: 'new', competencyId: competency, score: k % 2 ? 1 : 2 })
    const fit = fitRaterSeverity(observations)
    const newcomer = fit.raters.get('new')
    const veteran = fit.raters.get('r0')
    expect(newcomer?.effect).toBeLessThan(0)
    expect(Math.abs(newcomer?.effect ?? 0)).toBeLessThan(1.5)
    expect(newcomer?.standardError).toBeGreaterThan(2 * (veteran?.standardError ?? 1))
  })

  it('finds the erratic interviewer by their residual spread', () => {
    const next = createRandom(5).next
    const observations = design(5).map((o) => (o.raterId === 'r2' ? { ...o, score: Math.min(5, Math.max(1, o.score + Math.round((next() - 0.5) * 4))) } : o))
    const fit = fitRaterSeverity(observations)
    const erratic = fit.raters.get('r2')
    const steady = fit.raters.get('r3')
    if (!erratic || !steady) throw new Error('raters missing')
    expect(erratic.residualSpread).toBeGreaterThan(1.25 * steady.residualSpread)
    expect(consistencyWords(erratic, fit.noise)).toBe('Less steady than most')
  })

  it('gives an empty fit for no scores and zero effect for a lone interviewer', () => {
    expect(fitRaterSeverity([]).raters.size).toBe(0)
    const lone = fitRaterSeverity(design(6, { raterEffects: [0.5] }))
    expect(Math.abs(lone.raters.get('r0')?.effect ?? 1)).toBeLessThan(0.01)
  })
})

describe('calibrateScore', () => {
  const strict = { raterId: 'r', effect: -0.6, standardError: 0.1, scores: 80, residualSpread: 0.5 }
  it('adds back a strict interviewer’s severity and says so in words', () => {
    const score = calibrateScore(3, strict, 'Dr. Okafor')
    expect(score.adjusted).toBeCloseTo(3.6)
    expect(score.low).toBeCloseTo(3.6 - 0.196, 2)
    expect(score.sureness).toBe('fairly sure')
    expect(score.words).toContain('Dr. Okafor tends to score 0.6 points below')
    expect(severityWords(strict)).toBe('Stricter: 0.6 points below average')
  })
  it('says an interviewer indistinguishable from average is so, and is not sure with few scores', () => {
    const unsure = { raterId: 'r', effect: -0.2, standardError: 0.4, scores: 5, residualSpread: 0.5 }
    const score = calibrateScore(3, unsure, 'Dr. Lee')
    expect(score.sureness).toBe('not yet sure')
    expect(score.words).toContain('scores about like the other interviewers')
    expect(severityWords(unsure)).toBe('Too few scores to tell apart from average')
  })
})
