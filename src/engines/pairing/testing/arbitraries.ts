import fc from 'fast-check'
import type { FitEntry, PairKey, PairMaxFitInput } from '../types.ts'

/**
 * Small max-fit inputs for property tests: dense or sparse fit with gaps (pairs not allowed),
 * negative fits, ties, capacities 0–3, forbidden and kept pairs (kept pairs chosen to be
 * consistent: allowed, one per student, within capacity).
 */
export function maxFitInputArbitrary(options: { maxStudents?: number; maxMentors?: number } = {}): fc.Arbitrary<PairMaxFitInput> {
  return fc
    .record({
      n: fc.integer({ min: 0, max: options.maxStudents ?? 9 }),
      m: fc.integer({ min: 1, max: options.maxMentors ?? 6 }),
    })
    .chain(({ n, m }) =>
      fc.record({
        n: fc.constant(n),
        m: fc.constant(m),
        capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
        fit: fc.array(fc.array(fc.option(fc.integer({ min: -5, max: 20 }), { freq: 4 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        forbidden: fc.array(fc.tuple(fc.nat(Math.max(0, n - 1)), fc.nat(m - 1)), { maxLength: 4 }),
        keep: fc.array(fc.tuple(fc.nat(Math.max(0, n - 1)), fc.nat(m - 1)), { maxLength: 3 }),
        sparse: fc.boolean(),
        pairEveryone: fc.boolean(),
        maxPerMentor: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      }),
    )
    .map(({ n, capacities, fit, forbidden, keep, sparse, pairEveryone, maxPerMentor }) => {
      const students = Array.from({ length: n }, (_, i) => `s${i}`)
      const mentors = capacities.map((capacity, j) => ({ id: `m${j}`, capacity }))
      const forbiddenPairs: PairKey[] = n === 0 ? [] : forbidden.map(([i, j]) => ({ student: `s${i}`, mentor: `m${j}` }))
      const banned = new Set(forbiddenPairs.map((p) => `${p.student}/${p.mentor}`))
      const keptStudents = new Set<string>()
      const seats = capacities.map((c) => Math.min(c, maxPerMentor ?? c))
      const keepPairs: PairKey[] = []
      for (const [i, j] of n === 0 ? [] : keep) {
        const student = `s${i}`
        const mentor = `m${j}`
        if (keptStudents.has(student) || banned.has(`${student}/${mentor}`) || (seats[j] as number) <= 0) continue
        keptStudents.add(student)
        seats[j] = (seats[j] as number) - 1
        keepPairs.push({ student, mentor })
      }
      const dense = fit.map((row) => row.map((f) => (f === null ? Number.NaN : f)))
      const entries: FitEntry[] = []
      for (const [i, row] of dense.entries())
        for (const [j, f] of row.entries()) if (Number.isFinite(f)) entries.push({ student: `s${i}`, mentor: `m${j}`, fit: f })
      const input: PairMaxFitInput = {
        students,
        mentors,
        fit: sparse ? entries : dense,
        forbidden: forbiddenPairs,
        keep: keepPairs,
        pairEveryone,
        ...(maxPerMentor === undefined ? {} : { maxPerMentor }),
      }
      return input
    })
}

/** The same input with students, mentors (and the dense matrix's columns) and pair lists permuted. */
export function shuffleMaxFitInput(input: PairMaxFitInput, seed: number): PairMaxFitInput {
  let state = seed >>> 0 || 1
  const random = (k: number): number => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) % k
  }
  const permutation = (k: number): number[] => {
    const p = Array.from({ length: k }, (_, i) => i)
    for (let i = k - 1; i > 0; i--) {
      const j = random(i + 1)
      ;[p[i], p[j]] = [p[j] as number, p[i] as number]
    }
    return p
  }
  const rows = permutation(input.students.length)
  const cols = permutation(input.mentors.length)
  const fit = input.fit
  const dense = fit.length > 0 && Array.isArray(fit[0])
  const shuffleList = <T>(list: readonly T[] | undefined): T[] => {
    const l = list ?? []
    return permutation(l.length).map((i) => l[i] as T)
  }
  return {
    ...input,
    students: rows.map((i) => input.students[i] as string),
    mentors: cols.map((j) => input.mentors[j] as { id: string; capacity: number }),
    fit: dense
      ? rows.map((i) => cols.map((j) => ((fit as readonly (readonly number[])[])[i] as readonly number[])[j] as number))
      : shuffleList(fit as readonly FitEntry[]),
    forbidden: shuffleList(input.forbidden),
    keep: shuffleList(input.keep),
  }
}
