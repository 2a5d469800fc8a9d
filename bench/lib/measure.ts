/** What every benchmark needs: settings from the environment, timing, and summary statistics. */

/** A positive number from the environment (`BENCH_*`), or the fallback. */
export function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

/** Human lines go to stderr; stdout carries only the final JSON line. */
export function log(line: string): void {
  process.stderr.write(`${line}\n`)
}

export function round(x: number, digits = 1): number {
  return Math.round(x * 10 ** digits) / 10 ** digits
}

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** The nearest-rank percentile. */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

/** Runs `f` once and returns its value with the milliseconds it took. */
export function time<T>(f: () => T): [T, number] {
  const t0 = performance.now()
  const value = f()
  return [value, performance.now() - t0]
}
