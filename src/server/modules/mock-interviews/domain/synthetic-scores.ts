import type { Observation } from './rater-severity.ts'

export type SyntheticDesign = {
  /** Each interviewer's true effect, in points (negative: stricter). */
  raterEffects: readonly number[]
  students: number
  mocksPerStudent: number
  competencies: number
  /** Standard deviation of students' true ability and of the noise, in points. */
  studentSpread: number
  noise: number
  /** Uniform [0, 1): a seeded source, so a run can be repeated. */
  next: () => number
}

/** A standard normal draw (Box–Muller). */
function normal(next: () => number): number {
  const u = Math.max(next(), Number.EPSILON)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next())
}

/**
 * Scores a school could have: students of random ability, each interviewed `mocksPerStudent`
 * times by interviewers drawn at random, scored on every competency as whole levels 1–5 (the
 * true score plus noise, rounded and kept on the scale). For testing and measuring the severity
 * model against effects that are known.
 */
export function syntheticScores(design: SyntheticDesign): Observation[] {
  const { next } = design
  const observations: Observation[] = []
  const competencyEffects = Array.from({ length: design.competencies }, (_, k) => (k - (design.competencies - 1) / 2) * 0.2)
  for (let student = 0; student < design.students; student++) {
    const ability = normal(next) * design.studentSpread
    for (let mock = 0; mock < design.mocksPerStudent; mock++) {
      const rater = Math.floor(next() * design.raterEffects.length)
      const effect = design.raterEffects[rater] ?? 0
      competencyEffects.forEach((competency, k) => {
        const latent = 3 + ability + competency + effect + normal(next) * design.noise
        observations.push({
          studentId: `s${student}`,
          raterId: `r${rater}`,
          competencyId: `c${k}`,
          score: Math.min(5, Math.max(1, Math.round(latent))),
        })
      })
    }
  }
  return observations
}
