import { compileFit } from './compile-fit.ts'
import type { PairMaxFitInput, PairMaxFitResult, PairedStudent } from './types.ts'

/**
 * The baseline a spreadsheet would give: take allowed pairs from the highest fit down, keeping
 * each one whose student is still free and whose mentor still has a seat (ties by student,
 * then mentor id). Same constraints as `pairMaxFit` (forbidden, kept, capacities,
 * `maxPerMentor`; pairs of fit ≤ 0 only with `pairEveryone`), but not optimal: a student taken
 * by their best mentor may have been the only one who fitted another. Kept for comparison in
 * the benchmark and the docs; `upperBound` is always `null`.
 */
export function pairGreedy(input: PairMaxFitInput): PairMaxFitResult {
  const c = compileFit(input)
  const edges = c.column.length
  const rowOfEdge = new Int32Array(edges)
  for (let r = 0; r < c.rowStudent.length; r++) {
    rowOfEdge.fill(r, c.rowStart[r] as number, c.rowStart[r + 1] as number)
  }
  const order = new Int32Array(edges)
  for (let e = 0; e < edges; e++) order[e] = e
  // Rows and columns are in id order, so ascending edge number breaks ties by student, then mentor.
  order.sort((a, b) => (c.fit[b] as number) - (c.fit[a] as number) || a - b)
  const seats = Int32Array.from(c.remaining)
  const mentorOf = Int32Array.from(c.keptMentor)
  const fitOf = Float64Array.from(c.keptFit)
  for (const e of order) {
    const s = c.rowStudent[rowOfEdge[e] as number] as number
    const t = c.column[e] as number
    if ((mentorOf[s] as number) >= 0 || (seats[t] as number) <= 0) continue
    mentorOf[s] = t
    fitOf[s] = c.fit[e] as number
    seats[t] = (seats[t] as number) - 1
  }
  const pairs: PairedStudent[] = []
  const unpaired: string[] = []
  const filled = new Int32Array(c.mentorIds.length)
  let totalFit = 0
  c.studentIds.forEach((student, s) => {
    const t = mentorOf[s] as number
    if (t < 0) {
      unpaired.push(student)
      return
    }
    filled[t] = (filled[t] as number) + 1
    totalFit += fitOf[s] as number
    const pair: PairedStudent = { student, mentor: c.mentorIds[t] as string, fit: fitOf[s] as number }
    if ((c.keptMentor[s] as number) >= 0) pair.kept = true
    pairs.push(pair)
  })
  return {
    pairs,
    unpaired,
    mentors: c.mentorIds.map((id, t) => ({ id, capacity: c.capacity[t] as number, filled: filled[t] as number })),
    totalFit,
    upperBound: null,
    stats: { edges, candidateEdges: edges, pricingRounds: 0, augmentations: 0, mentorsSettled: 0, rowsScanned: 0 },
  }
}
