import type { FitEntry, PairMaxFitInput } from '../types.ts'

/**
 * The best total fit (and, with `pairEveryone`, the most pairs first) by trying every
 * assignment: each student to each allowed mentor or to nobody. Exponential; for inputs of a
 * handful of students only. Written from the definition, sharing nothing with the solver.
 */
export function bruteForceMaxFit(input: PairMaxFitInput): { pairs: number; fit: number } {
  const fitOf = new Map<string, number>()
  const f = input.fit
  if (f.length > 0 && Array.isArray(f[0])) {
    for (const [i, row] of (f as readonly (readonly number[])[]).entries()) {
      for (const [j, x] of row.entries()) if (Number.isFinite(x)) fitOf.set(`${input.students[i]}/${(input.mentors[j] as { id: string }).id}`, x)
    }
  } else for (const e of f as readonly FitEntry[]) fitOf.set(`${e.student}/${e.mentor}`, e.fit)
  const banned = new Set((input.forbidden ?? []).map((p) => `${p.student}/${p.mentor}`))
  const kept = new Map((input.keep ?? []).map((p) => [p.student, p.mentor]))
  const seats = new Map(input.mentors.map((m) => [m.id, Math.min(m.capacity, input.maxPerMentor ?? m.capacity)]))
  let best = { pairs: -1, fit: Number.NEGATIVE_INFINITY }
  const better = (a: { pairs: number; fit: number }, b: { pairs: number; fit: number }): boolean =>
    input.pairEveryone ? a.pairs > b.pairs || (a.pairs === b.pairs && a.fit > b.fit + 1e-9) : a.fit > b.fit + 1e-9
  const go = (i: number, pairs: number, total: number): void => {
    if (i === input.students.length) {
      if (better({ pairs, fit: total }, best)) best = { pairs, fit: total }
      return
    }
    const student = input.students[i] as string
    const keptMentor = kept.get(student)
    const options = keptMentor !== undefined ? [keptMentor] : input.mentors.map((m) => m.id)
    for (const mentor of options) {
      const key = `${student}/${mentor}`
      const x = fitOf.get(key) ?? (keptMentor !== undefined ? 0 : undefined)
      if (x === undefined || banned.has(key) || (seats.get(mentor) as number) <= 0) continue
      seats.set(mentor, (seats.get(mentor) as number) - 1)
      go(i + 1, pairs + 1, total + x)
      seats.set(mentor, (seats.get(mentor) as number) + 1)
    }
    if (keptMentor === undefined) go(i + 1, pairs, total)
  }
  go(0, 0, 0)
  return best
}
