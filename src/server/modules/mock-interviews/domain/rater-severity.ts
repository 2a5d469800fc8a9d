/**
 * A rater-severity model for mock-interview scores (decision 019).
 *
 * Every score is read as
 *
 *     score = overall + competency + student + interviewer + noise
 *
 * an additive ("main effects") model of the kind used to adjust examiner stringency in OSCEs and
 * multiple mini interviews (McManus, Thompson & Mollon 2006, BMC Medical Education 6:42, fit a
 * many-facet Rasch model; the additive form here is its linear analogue). The student and
 * interviewer effects are random effects: each is shrunk towards zero by a ridge penalty
 * σ²/τ², so an interviewer seen on a handful of scores is assumed average until the scores say
 * otherwise. The variances σ² (noise), τ²_student and τ²_interviewer are estimated from the data
 * (an EM-style update: the mean squared effect plus its mean posterior variance), and the effects
 * by backfitting (Gauss–Seidel over the three facets) until nothing moves.
 *
 * Pure: no I/O, no clock. Effects are centred (they sum to zero), so `overall` is the score of an
 * average student with an average interviewer.
 */

export type Observation = { studentId: string; raterId: string; competencyId: string; score: number }

export type RaterEstimate = {
  raterId: string
  /** Points above (+, lenient) or below (−, severe) an average interviewer. */
  effect: number
  /** Posterior standard error of `effect`. */
  standardError: number
  scores: number
  /** Root mean square of this rater's residuals: how far their scores fall from the model's expectation. */
  residualSpread: number
}

export type SeverityFit = {
  overall: number
  competencyEffects: Map<string, number>
  studentEffects: Map<string, number>
  raters: Map<string, RaterEstimate>
  /** Residual standard deviation over all scores. */
  noise: number
  raterSpread: number
  studentSpread: number
  iterations: number
}

export type SeverityOptions = { maxIterations?: number; tolerance?: number; outerRounds?: number }

/** Integer codes for ids, so the inner loops index typed arrays. */
function codes(values: readonly string[]): { ids: string[]; index: Int32Array } {
  const byId = new Map<string, number>()
  const index = new Int32Array(values.length)
  values.forEach((v, i) => {
    let code = byId.get(v)
    if (code === undefined) {
      code = byId.size
      byId.set(v, code)
    }
    index[i] = code
  })
  return { ids: [...byId.keys()], index }
}

/** A typed-array read whose index is in range by construction (the codes above). */
const at = (array: Float64Array | Int32Array, i: number): number => array[i] ?? 0

function centre(effects: Float64Array): number {
  let sum = 0
  for (let i = 0; i < effects.length; i++) sum += at(effects, i)
  const mean = effects.length ? sum / effects.length : 0
  for (let i = 0; i < effects.length; i++) effects[i] = at(effects, i) - mean
  return mean
}

/** Variance floors keep the penalties finite when a facet has no spread at all. */
const MIN_VARIANCE = 1e-4

/**
 * Fits the model to every score. With no scores it returns an empty fit; with one interviewer
 * their effect is zero (there is no one to compare them with).
 */
export function fitRaterSeverity(observations: readonly Observation[], options: SeverityOptions = {}): SeverityFit {
  const maxIterations = options.maxIterations ?? 200
  const tolerance = options.tolerance ?? 1e-5
  const outerRounds = options.outerRounds ?? 25
  const n = observations.length
  const students = codes(observations.map((o) => o.studentId))
  const raters = codes(observations.map((o) => o.raterId))
  const competencies = codes(observations.map((o) => o.competencyId))
  const y = Float64Array.from(observations, (o) => o.score)
  const s = students.index
  const r = raters.index
  const c = competencies.index

  const theta = new Float64Array(students.ids.length)
  const beta = new Float64Array(raters.ids.length)
  const alpha = new Float64Array(competencies.ids.length)
  const countS = new Float64Array(theta.length)
  const countR = new Float64Array(beta.length)
  const countC = new Float64Array(alpha.length)
  for (let i = 0; i < n; i++) {
    countS[at(s, i)] = at(countS, at(s, i)) + 1
    countR[at(r, i)] = at(countR, at(r, i)) + 1
    countC[at(c, i)] = at(countC, at(c, i)) + 1
  }
  let mu = 0
  for (let i = 0; i < n; i++) mu += at(y, i)
  mu = n ? mu / n : 0

  let total = 0
  for (let i = 0; i < n; i++) total += (at(y, i) - mu) ** 2
  let sigma2 = Math.max(n ? total / n : 1, MIN_VARIANCE)
  let tauS = sigma2
  let tauR = sigma2 / 4
  let iterations = 0
  const sumS = new Float64Array(theta.length)
  const sumR = new Float64Array(beta.length)
  const sumC = new Float64Array(alpha.length)

  for (let round = 0; round < outerRounds; round++) {
    const lambdaS = sigma2 / tauS
    const lambdaR = sigma2 / tauR
    for (let iteration = 0; iteration < maxIterations; iteration++) {
      iterations++
      let moved = 0
      // Competencies: fixed effects (few, each with many scores), unpenalised.
      sumC.fill(0)
      for (let i = 0; i < n; i++) sumC[at(c, i)] = at(sumC, at(c, i)) + at(y, i) - mu - at(theta, at(s, i)) - at(beta, at(r, i))
      for (let k = 0; k < alpha.length; k++) {
        const next = at(sumC, k) / at(countC, k)
        moved = Math.max(moved, Math.abs(next - at(alpha, k)))
        alpha[k] = next
      }
      mu += centre(alpha)
      // Students, then interviewers: shrunk towards zero.
      sumS.fill(0)
      for (let i = 0; i < n; i++) sumS[at(s, i)] = at(sumS, at(s, i)) + at(y, i) - mu - at(alpha, at(c, i)) - at(beta, at(r, i))
      for (let k = 0; k < theta.length; k++) {
        const next = at(sumS, k) / (at(countS, k) + lambdaS)
        moved = Math.max(moved, Math.abs(next - at(theta, k)))
        theta[k] = next
      }
      sumR.fill(0)
      for (let i = 0; i < n; i++) sumR[at(r, i)] = at(sumR, at(r, i)) + at(y, i) - mu - at(alpha, at(c, i)) - at(theta, at(s, i))
      for (let k = 0; k < beta.length; k++) {
        const next = at(sumR, k) / (at(countR, k) + lambdaR)
        moved = Math.max(moved, Math.abs(next - at(beta, k)))
        beta[k] = next
      }
      // The intercept takes what the centred effects leave.
      let rest = 0
      for (let i = 0; i < n; i++) rest += at(y, i) - at(alpha, at(c, i)) - at(theta, at(s, i)) - at(beta, at(r, i))
      const nextMu = n ? rest / n : 0
      moved = Math.max(moved, Math.abs(nextMu - mu))
      mu = nextMu
      if (moved < tolerance) break
    }
    // Variance components from the current fit (EM-style: squared effects plus their posterior variance).
    let squared = 0
    for (let i = 0; i < n; i++) squared += (at(y, i) - mu - at(alpha, at(c, i)) - at(theta, at(s, i)) - at(beta, at(r, i))) ** 2
    const parameters = alpha.length + 1
    const nextSigma2 = Math.max(squared / Math.max(n - parameters, 1), MIN_VARIANCE)
    let effectS = 0
    for (let k = 0; k < theta.length; k++) effectS += at(theta, k) ** 2 + sigma2 / (at(countS, k) + lambdaS)
    let effectR = 0
    for (let k = 0; k < beta.length; k++) effectR += at(beta, k) ** 2 + sigma2 / (at(countR, k) + lambdaR)
    const nextTauS = Math.max(theta.length ? effectS / theta.length : MIN_VARIANCE, MIN_VARIANCE)
    const nextTauR = Math.max(beta.length > 1 ? effectR / beta.length : MIN_VARIANCE, MIN_VARIANCE)
    const change = Math.abs(nextSigma2 - sigma2) + Math.abs(nextTauS - tauS) + Math.abs(nextTauR - tauR)
    sigma2 = nextSigma2
    tauS = nextTauS
    tauR = nextTauR
    if (change < 1e-5) break
  }

  const residualSquares = new Float64Array(beta.length)
  for (let i = 0; i < n; i++) {
    const residual = at(y, i) - mu - at(alpha, at(c, i)) - at(theta, at(s, i)) - at(beta, at(r, i))
    residualSquares[at(r, i)] = at(residualSquares, at(r, i)) + residual * residual
  }
  const lambdaR = sigma2 / tauR
  const raterEstimates = new Map<string, RaterEstimate>()
  raters.ids.forEach((id, k) => {
    raterEstimates.set(id, {
      raterId: id,
      effect: at(beta, k),
      standardError: Math.sqrt(sigma2 / (at(countR, k) + lambdaR)),
      scores: at(countR, k),
      residualSpread: Math.sqrt(at(residualSquares, k) / Math.max(at(countR, k), 1)),
    })
  })
  return {
    overall: mu,
    competencyEffects: new Map(competencies.ids.map((id, k) => [id, at(alpha, k)])),
    studentEffects: new Map(students.ids.map((id, k) => [id, at(theta, k)])),
    raters: raterEstimates,
    noise: Math.sqrt(sigma2),
    raterSpread: Math.sqrt(tauR),
    studentSpread: Math.sqrt(tauS),
    iterations,
  }
}
