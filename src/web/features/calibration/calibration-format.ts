/** Words and numbers for the calibration pages. */

export const pct = (p: number, digits = 0): string => `${(p * 100).toFixed(digits)} %`

export const brier = (b: number): string => b.toFixed(3)

export function yearsText(years: readonly number[]): string {
  if (years.length === 0) return 'none'
  if (years.length === 1) return String(years[0])
  const sorted = [...years].sort((a, b) => a - b)
  const contiguous = sorted.every((y, i) => i === 0 || y === (sorted[i - 1] as number) + 1)
  return contiguous ? `${sorted[0]}–${sorted[sorted.length - 1]}` : sorted.join(', ')
}

/**
 * How a Brier score compares, in words: lower is better, 0.25 is a coin toss (always saying
 * 50 %), and the base rate is always saying the past rate.
 */
export function compareBrier(model: number, other: number): string {
  if (other <= 0) return 'no comparison'
  const change = (other - model) / other
  if (Math.abs(change) < 0.01) return 'about the same as'
  return change > 0 ? `${Math.round(change * 100)} % better than` : `${Math.round(-change * 100)} % worse than`
}

/** A coefficient's log-odds as a signed number. */
export const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`
