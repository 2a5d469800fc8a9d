/**
 * Maximum a posteriori fit of a binary regression (logit or complementary log-log link) with a
 * Gaussian prior on the coefficients, by Fisher scoring — iteratively reweighted least squares
 * with the prior's precision added (e.g. Gelman et al., Bayesian Data Analysis, 3rd ed., §16.2)
 * — and step halving on the log posterior. Deterministic; a few parameters, many rows.
 * The posterior covariance is the inverse of the Fisher information plus the prior precision
 * (Laplace approximation).
 */

export type Link = 'logit' | 'cloglog'

export type GlmFitInput = {
  /** Rows of features, each of length d. */
  rows: readonly Float64Array[]
  /** 0 or 1 per row. */
  outcomes: ArrayLike<number>
  link: Link
  priorMean: readonly number[]
  priorCovariance: readonly (readonly number[])[]
  maxIterations?: number
  /** Stop when the largest coefficient change is below this. */
  tolerance?: number
}

export type GlmFit = {
  mean: number[]
  covariance: number[][]
  iterations: number
  converged: boolean
  logPosterior: number
}

/** Mean, d mean / d η and the log-likelihood of one outcome under `link`. */
function evaluate(link: Link, eta: number, y: number): { mu: number; dmu: number; logLik: number } {
  if (link === 'logit') {
    const mu = eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta))
    // log σ(η) = −log(1 + e^−η); log(1 − σ(η)) = −log(1 + e^η).
    const logLik = y > 0 ? -softplus(-eta) : -softplus(eta)
    return { mu, dmu: mu * (1 - mu), logLik }
  }
  const e = Math.exp(Math.min(eta, 30))
  const mu = -Math.expm1(-e)
  const dmu = e * Math.exp(-e)
  const logLik = y > 0 ? Math.log(Math.max(mu, 1e-300)) : -e
  return { mu, dmu, logLik }
}

function softplus(x: number): number {
  return x > 30 ? x : Math.log1p(Math.exp(x))
}

/** MAP coefficients and their Laplace covariance. */
export function fitMapGlm(input: GlmFitInput): GlmFit {
  const d = input.priorMean.length
  const n = input.rows.length
  const maxIterations = input.maxIterations ?? 50
  const tolerance = input.tolerance ?? 1e-8
  const priorPrecision = invertSymmetric(input.priorCovariance.map((row) => [...row]))
  const prior = [...input.priorMean]
  const logPosterior = (theta: readonly number[]): number => {
    let s = 0
    for (let r = 0; r < n; r++) s += evaluate(input.link, dotRow(theta, input.rows[r] as Float64Array), input.outcomes[r] as number).logLik
    const diff = theta.map((t, i) => t - (prior[i] as number))
    return s - 0.5 * quadratic(priorPrecision, diff)
  }
  let theta = [...prior]
  let current = logPosterior(theta)
  let converged = false
  let iterations = 0
  let information = zeros(d)
  for (; iterations < maxIterations; iterations++) {
    const score = new Array<number>(d).fill(0)
    information = zeros(d)
    for (let r = 0; r < n; r++) {
      const x = input.rows[r] as Float64Array
      const y = input.outcomes[r] as number
      const { mu, dmu } = evaluate(input.link, dotRow(theta, x), y)
      const variance = Math.max(mu * (1 - mu), 1e-12)
      const residual = ((y - mu) * dmu) / variance
      const weight = (dmu * dmu) / variance
      for (let i = 0; i < d; i++) {
        const xi = x[i] as number
        if (xi === 0) continue
        score[i] = (score[i] as number) + residual * xi
        const row = information[i] as number[]
        const wx = weight * xi
        for (let j = 0; j <= i; j++) row[j] = (row[j] as number) + wx * (x[j] as number)
      }
    }
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < i; j++) (information[j] as number[])[i] = (information[i] as number[])[j] as number
    }
    const total = information.map((row, i) => row.map((v, j) => v + ((priorPrecision[i] as number[])[j] as number)))
    const gradient = score.map((s, i) => {
      let t = 0
      for (let j = 0; j < d; j++) t += ((priorPrecision[i] as number[])[j] as number) * ((theta[j] as number) - (prior[j] as number))
      return s - t
    })
    const step = solveSymmetric(total, gradient)
    let scale = 1
    let next = theta
    let value = current
    for (let halving = 0; halving < 30; halving++) {
      next = theta.map((t, i) => t + scale * (step[i] as number))
      value = logPosterior(next)
      if (value >= current - 1e-12) break
      scale /= 2
    }
    const change = Math.max(...next.map((t, i) => Math.abs(t - (theta[i] as number))))
    theta = next
    current = value
    if (change < tolerance) {
      converged = true
      iterations++
      break
    }
  }
  // Information at the optimum for the covariance.
  information = zeros(d)
  for (let r = 0; r < n; r++) {
    const x = input.rows[r] as Float64Array
    const { mu, dmu } = evaluate(input.link, dotRow(theta, x), input.outcomes[r] as number)
    const weight = (dmu * dmu) / Math.max(mu * (1 - mu), 1e-12)
    for (let i = 0; i < d; i++) {
      const xi = x[i] as number
      if (xi === 0) continue
      for (let j = 0; j < d; j++) (information[i] as number[])[j] = ((information[i] as number[])[j] as number) + weight * xi * (x[j] as number)
    }
  }
  const total = information.map((row, i) => row.map((v, j) => v + ((priorPrecision[i] as number[])[j] as number)))
  return { mean: theta, covariance: invertSymmetric(total), iterations, converged, logPosterior: current }
}

function dotRow(theta: readonly number[], x: Float64Array): number {
  let s = 0
  for (let i = 0; i < x.length; i++) s += (theta[i] as number) * (x[i] as number)
  return s
}

function quadratic(matrix: readonly (readonly number[])[], v: readonly number[]): number {
  let s = 0
  for (let i = 0; i < v.length; i++) {
    let t = 0
    for (let j = 0; j < v.length; j++) t += ((matrix[i] as number[])[j] as number) * (v[j] as number)
    s += (v[i] as number) * t
  }
  return s
}

function zeros(d: number): number[][] {
  return Array.from({ length: d }, () => new Array<number>(d).fill(0))
}

/** Cholesky factor L (lower) of a symmetric positive-definite matrix. */
function cholesky(a: readonly (readonly number[])[]): number[][] {
  const d = a.length
  const l = zeros(d)
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = (a[i] as number[])[j] as number
      for (let k = 0; k < j; k++) s -= ((l[i] as number[])[k] as number) * ((l[j] as number[])[k] as number)
      if (i === j) {
        if (!(s > 0)) throw new RangeError('matrix is not positive definite')
        ;(l[i] as number[])[i] = Math.sqrt(s)
      } else (l[i] as number[])[j] = s / ((l[j] as number[])[j] as number)
    }
  }
  return l
}

export function solveSymmetric(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const l = cholesky(a)
  const d = b.length
  const y = new Array<number>(d).fill(0)
  for (let i = 0; i < d; i++) {
    let s = b[i] as number
    for (let k = 0; k < i; k++) s -= ((l[i] as number[])[k] as number) * (y[k] as number)
    y[i] = s / ((l[i] as number[])[i] as number)
  }
  const x = new Array<number>(d).fill(0)
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i] as number
    for (let k = i + 1; k < d; k++) s -= ((l[k] as number[])[i] as number) * (x[k] as number)
    x[i] = s / ((l[i] as number[])[i] as number)
  }
  return x
}

export function invertSymmetric(a: readonly (readonly number[])[]): number[][] {
  const d = a.length
  const columns = Array.from({ length: d }, (_, j) =>
    solveSymmetric(
      a,
      Array.from({ length: d }, (_, i) => (i === j ? 1 : 0)),
    ),
  )
  // Symmetrise against rounding.
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => (((columns[j] as number[])[i] as number) + ((columns[i] as number[])[j] as number)) / 2),
  )
}
