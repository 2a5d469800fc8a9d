import { compileFit } from './compile-fit.ts'
import type { MentorFill, PairedStudent, PairMaxFitInput, PairMaxFitResult } from './types.ts'

/** Allowed pairs as a CSR adjacency: row r's mentors are `column[rowStart[r] .. rowStart[r+1])`. */
type Graph = { rowStart: Int32Array; column: Int32Array; fit: Float64Array }

/** The solver's integer result: per row, the mentor number or -1, and the node potentials. */
type Solution = {
  mentorOfRow: Int32Array
  fitOfRow: Float64Array
  potentialRow: Float64Array
  potentialMentor: Float64Array
  potentialSink: number
  mentorsSettled: number
  rowsScanned: number
}

/**
 * Min-cost flow by successive shortest paths (Ford & Fulkerson 1962; Edmonds & Karp 1972), one
 * student at a time as in the Hungarian method (Kuhn 1955), with Johnson's node potentials so
 * that Dijkstra's algorithm runs on non-negative reduced costs (Ahuja, Magnanti & Orlin 1993,
 * §9.7).
 *
 * Network: student → mentor (capacity 1, cost −fit), mentor → sink (capacity = seats, cost 0),
 * and student → sink directly ("unpaired", cost `unpairedCost`), so every student can always be
 * routed and the flow after each student is a min-cost flow for the students added so far.
 * Residual edges: a paired student's mentor → the student (cost +fit), the sink → a mentor that
 * has students. Every student has exactly one incoming residual edge (from its mentor), so its
 * distance is final as soon as its mentor's is: students are scanned at once, and Dijkstra's
 * binary heap holds mentors only (the sink's distance is kept aside). The search stops when the sink is settled; settled
 * nodes then take their exact distance into the potential, all others the sink's distance,
 * which keeps every residual reduced cost ≥ 0.
 */
function solve(graph: Graph, capacity: Int32Array, unpairedCost: number): Solution {
  const { rowStart, column, fit } = graph
  const rows = rowStart.length - 1
  const m = capacity.length

  const mentorOfRow = new Int32Array(rows).fill(-1)
  const fitOfRow = new Float64Array(rows)
  const potentialRow = new Float64Array(rows)
  const potentialMentor = new Float64Array(m)
  let potentialSink = 0

  // Students held by each mentor, as doubly linked lists.
  const head = new Int32Array(m).fill(-1)
  const next = new Int32Array(rows).fill(-1)
  const prev = new Int32Array(rows).fill(-1)
  const load = new Int32Array(m)
  const add = (r: number, t: number, f: number): void => {
    mentorOfRow[r] = t
    fitOfRow[r] = f
    prev[r] = -1
    next[r] = head[t] as number
    if ((head[t] as number) >= 0) prev[head[t] as number] = r
    head[t] = r
    load[t] = (load[t] as number) + 1
  }
  const remove = (r: number, t: number): void => {
    const p = prev[r] as number
    const q = next[r] as number
    if (p >= 0) next[p] = q
    else head[t] = q
    if (q >= 0) prev[q] = p
    mentorOfRow[r] = -1
    load[t] = (load[t] as number) - 1
  }

  const distMentor = new Float64Array(m).fill(Number.POSITIVE_INFINITY)
  const settled = new Uint8Array(m)
  const parentRow = new Int32Array(m)
  const parentFit = new Float64Array(m)
  const reached = new Int32Array(m)
  const distRow = new Float64Array(rows)
  const seenRound = new Int32Array(rows).fill(-1)
  const seenRows = new Int32Array(rows)
  // Binary min-heap of (distance, mentor) with lazy deletion, grown on demand.
  let heapKey = new Float64Array(1024)
  let heapValue = new Int32Array(1024)
  let heapSize = 0
  const heapPush = (key: number, value: number): void => {
    if (heapSize === heapKey.length) {
      const keys = new Float64Array(heapSize * 2)
      keys.set(heapKey)
      heapKey = keys
      const values = new Int32Array(heapSize * 2)
      values.set(heapValue)
      heapValue = values
    }
    let i = heapSize++
    while (i > 0) {
      const parent = (i - 1) >> 1
      if ((heapKey[parent] as number) <= key) break
      heapKey[i] = heapKey[parent] as number
      heapValue[i] = heapValue[parent] as number
      i = parent
    }
    heapKey[i] = key
    heapValue[i] = value
  }
  const heapPop = (): void => {
    const key = heapKey[--heapSize] as number
    const value = heapValue[heapSize] as number
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= heapSize) break
      if (child + 1 < heapSize && (heapKey[child + 1] as number) < (heapKey[child] as number)) child++
      if ((heapKey[child] as number) >= key) break
      heapKey[i] = heapKey[child] as number
      heapValue[i] = heapValue[child] as number
      i = child
    }
    heapKey[i] = key
    heapValue[i] = value
  }
  let mentorsSettled = 0
  let rowsScanned = 0

  for (let source = 0; source < rows; source++) {
    let reachedCount = 0
    let seenCount = 0
    heapSize = 0
    let distSink = Number.POSITIVE_INFINITY
    let endMentor = -1
    let endRow = -1

    // Scanning row r at (exact) distance d relaxes its edges to mentors and to the sink.
    // The source's own potential is 0; its first edges may then have negative reduced cost,
    // which shifts every distance by the same constant and so leaves Dijkstra correct (no
    // residual edge enters the source).
    const scan = (r: number, d: number): void => {
      distRow[r] = d
      seenRound[r] = source
      seenRows[seenCount++] = r
      const own = mentorOfRow[r] as number
      const base = d + (potentialRow[r] as number)
      for (let e = rowStart[r] as number, end = rowStart[r + 1] as number; e < end; e++) {
        const t = column[e] as number
        if (t === own || settled[t]) continue
        const f = fit[e] as number
        const nd = base - f - (potentialMentor[t] as number)
        const old = distMentor[t] as number
        if (nd < old) {
          if (old === Number.POSITIVE_INFINITY) reached[reachedCount++] = t
          heapPush(nd, t)
          distMentor[t] = nd
          parentRow[t] = r
          parentFit[t] = f
        }
      }
      const viaUnpaired = base + unpairedCost - potentialSink
      if (viaUnpaired < distSink) {
        distSink = viaUnpaired
        endRow = r
        endMentor = -1
      }
    }

    scan(source, 0)
    for (;;) {
      // Pop the nearest mentor; stale heap entries (a shorter distance was found later) are
      // skipped. Ties go to the sink: stop as early as possible.
      let best = -1
      let bestDist = distSink
      while (heapSize > 0) {
        const t = heapValue[0] as number
        const d = heapKey[0] as number
        if (d >= distSink) break
        heapPop()
        if (settled[t] || d !== distMentor[t]) continue
        best = t
        bestDist = d
        break
      }
      if (best < 0) break
      settled[best] = 1
      mentorsSettled++
      const pt = potentialMentor[best] as number
      if ((load[best] as number) < (capacity[best] as number)) {
        const viaSeat = bestDist + pt - potentialSink
        if (viaSeat < distSink) {
          distSink = viaSeat
          endMentor = best
          endRow = -1
        }
      }
      for (let r = head[best] as number; r >= 0; r = next[r] as number) {
        scan(r, bestDist + (fitOfRow[r] as number) + pt - (potentialRow[r] as number))
      }
    }
    rowsScanned += seenCount

    // Potentials: exact distance for settled nodes, the sink's distance for the others.
    const dSink = distSink
    for (let t = 0; t < m; t++) {
      potentialMentor[t] = (potentialMentor[t] as number) + (settled[t] ? (distMentor[t] as number) : dSink)
    }
    for (let r = 0; r <= source; r++) {
      potentialRow[r] = (potentialRow[r] as number) + (seenRound[r] === source ? (distRow[r] as number) : dSink)
    }
    potentialSink += dSink

    // Augment along the shortest path, walking back from the sink.
    let current: number
    if (endRow >= 0) {
      if (endRow === source) current = -1
      else {
        current = mentorOfRow[endRow] as number
        remove(endRow, current)
      }
    } else current = endMentor
    while (current >= 0) {
      const r = parentRow[current] as number
      const from = mentorOfRow[r] as number
      if (from >= 0) remove(r, from)
      add(r, current, parentFit[current] as number)
      current = r === source ? -1 : from
    }

    for (let i = 0; i < reachedCount; i++) {
      const t = reached[i] as number
      distMentor[t] = Number.POSITIVE_INFINITY
      settled[t] = 0
    }
  }
  return { mentorOfRow, fitOfRow, potentialRow, potentialMentor, potentialSink, mentorsSettled, rowsScanned }
}

/** Candidates per student in the first restricted solve; see `pairMaxFit`. */
const FIRST_CANDIDATES = 24
/** Most violated pairs added per student and pricing round. */
const PRICED_PER_ROW = 8
/** Pricing rounds before giving up on the restricted graph and solving the full one. */
const MAX_PRICING_ROUNDS = 12

/**
 * The `k` best mentors of every row (ties by mentor number, so deterministic), as a mask over
 * the full graph's edges. Quickselect on a copy of the row: linear per row, where sorting
 * 3,000 fits per student would cost more than the solve.
 */
function topCandidates(graph: Graph, k: number, mask: Uint8Array): void {
  const rows = graph.rowStart.length - 1
  let scratch = new Float64Array(64)
  for (let r = 0; r < rows; r++) {
    const from = graph.rowStart[r] as number
    const to = graph.rowStart[r + 1] as number
    const length = to - from
    if (length <= k) {
      mask.fill(1, from, to)
      continue
    }
    if (scratch.length < length) scratch = new Float64Array(length)
    const values = scratch.subarray(0, length)
    values.set(graph.fit.subarray(from, to))
    const threshold = kthLargest(values, k)
    let above = 0
    for (let e = from; e < to; e++) if ((graph.fit[e] as number) > threshold) above++
    let ties = k - above
    for (let e = from; e < to; e++) {
      const f = graph.fit[e] as number
      if (f > threshold || (f === threshold && ties-- > 0)) mask[e] = 1
    }
  }
}

/** The k-th largest value (1-based) of `values`, which it reorders (Hoare's quickselect). */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0
  let hi = values.length - 1
  const target = k - 1
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] as number
    let i = lo
    let j = hi
    while (i <= j) {
      while ((values[i] as number) > pivot) i++
      while ((values[j] as number) < pivot) j--
      if (i <= j) {
        const x = values[i] as number
        values[i++] = values[j] as number
        values[j--] = x
      }
    }
    if (target <= j) hi = j
    else if (target >= i) lo = i
    else break
  }
  return values[target] as number
}

function subgraph(graph: Graph, mask: Uint8Array): Graph {
  const rows = graph.rowStart.length - 1
  let edges = 0
  for (const bit of mask) edges += bit
  const rowStart = new Int32Array(rows + 1)
  const column = new Int32Array(edges)
  const fit = new Float64Array(edges)
  let k = 0
  for (let r = 0; r < rows; r++) {
    for (let e = graph.rowStart[r] as number, end = graph.rowStart[r + 1] as number; e < end; e++) {
      if (!mask[e]) continue
      column[k] = graph.column[e] as number
      fit[k++] = graph.fit[e] as number
    }
    rowStart[r + 1] = k
  }
  return { rowStart, column, fit }
}

/**
 * LP duality for the network the solver uses. The LP
 *   max Σ fit·x − U·Σ y   s.t. Σ_mentors x + y = 1 per student, Σ_students x ≤ seats per mentor,
 *   x, y ≥ 0   (y: the student stays unpaired, at cost U = `unpairedCost`)
 * has the dual  min Σ u_s + Σ seats_t·v_t  s.t. u_s + v_t ≥ fit_st, u_s ≥ −U, v ≥ 0.
 * From the final potentials, v_t = max(0, π_sink − π_t); then each u_s is the smallest value
 * its row allows, over the full graph. The dual is feasible by construction, whatever rounding
 * did, so its value bounds every pairing (weak duality); at the optimum it equals the primal
 * value (complementary slackness). With a `mask`, it also marks in it the missing
 * pairs: full-graph edges whose constraint the restricted dual breaks, up to
 * `PRICED_PER_ROW` per student, the most violated first.
 */
function priceDual(
  full: Graph,
  mask: Uint8Array | null,
  capacity: Int32Array,
  solution: Solution,
  unpairedCost: number,
  tolerance: number,
): { bound: number; violated: number } {
  const m = capacity.length
  const v = new Float64Array(m)
  let bound = 0
  for (let t = 0; t < m; t++) {
    v[t] = Math.max(0, solution.potentialSink - (solution.potentialMentor[t] as number))
    bound += (capacity[t] as number) * (v[t] as number)
  }
  let violated = 0
  const rows = full.rowStart.length - 1
  let widest = 0
  for (let r = 0; r < rows; r++) widest = Math.max(widest, (full.rowStart[r + 1] as number) - (full.rowStart[r] as number))
  const scratch = new Float64Array(mask === null ? 0 : widest)
  for (let r = 0; r < rows; r++) {
    const from = full.rowStart[r] as number
    const to = full.rowStart[r + 1] as number
    // u over the restricted row (what the restricted solve certifies), then over the full row.
    let restricted = -unpairedCost
    let u = -unpairedCost
    for (let e = from; e < to; e++) {
      const slack = (full.fit[e] as number) - (v[full.column[e] as number] as number)
      if (slack > u) u = slack
      if ((mask === null || mask[e]) && slack > restricted) restricted = slack
    }
    bound += u
    if (mask === null || u <= restricted + tolerance) continue
    // Partial pricing: add the row's most violated pairs only. Adding every violated pair
    // floods the restricted graph (mentors no restricted row reaches have v = 0, so nearly
    // every pair to them looks violated at first).
    let count = 0
    for (let e = from; e < to; e++) {
      const slack = (full.fit[e] as number) - (v[full.column[e] as number] as number)
      if (!mask[e] && slack > restricted + tolerance) scratch[count++] = slack
    }
    const threshold = count <= PRICED_PER_ROW ? Number.NEGATIVE_INFINITY : kthLargest(scratch.subarray(0, count), PRICED_PER_ROW)
    let room = PRICED_PER_ROW
    for (let e = from; e < to && room > 0; e++) {
      const slack = (full.fit[e] as number) - (v[full.column[e] as number] as number)
      if (!mask[e] && slack > restricted + tolerance && slack >= threshold) {
        mask[e] = 1
        violated++
        room--
      }
    }
  }
  return { bound, violated }
}

/**
 * Pairs a class of students with mentors so that the total fit is as large as possible:
 * each student gets at most one mentor, no mentor more than their capacity (and
 * `maxPerMentor`), forbidden pairs are never made and kept pairs always are.
 *
 * Method: min-cost flow by successive shortest paths with node potentials (Dijkstra on reduced
 * costs), one student at a time — the Hungarian method of Kuhn (1955) generalised to mentor
 * capacities, as in Ahuja, Magnanti & Orlin, *Network Flows* (1993), ch. 9. The assignment LP
 * is totally unimodular, so its optimum is integral and this exact combinatorial algorithm
 * reaches it.
 *
 * Speed on dense fit comes from pricing, as in column generation (and in sparse variants of the
 * Jonker–Volgenant assignment algorithm): solve first on each student's 24 best mentors, then
 * check the dual of that solution against every allowed pair (`priceDual`). A pair that breaks
 * it could improve the pairing and is added; the restricted problem is solved again, until no
 * pair breaks it — then the dual is feasible for the full problem and equal to the pairing's
 * value, which proves the pairing optimal on the full problem (weak duality). After 12 rounds
 * it solves the full graph directly. `upperBound` is that dual value: the proof travels with
 * the result.
 *
 * With `pairEveryone`, not pairing a student costs more than any total fit can make up (a "big
 * M" larger than the students times the spread of fits), so the result pairs as many students
 * as possible and, among those pairings, has the largest total fit.
 *
 * Deterministic and independent of the order of the input arrays (students and mentors are
 * numbered by id). Timings at 1,000 × 3,000: docs/recommend-and-pairing.md.
 */
export function pairMaxFit(input: PairMaxFitInput): PairMaxFitResult {
  const c = compileFit(input)
  const full: Graph = { rowStart: c.rowStart, column: c.column, fit: c.fit }
  let unpairedCost = 0
  let scale = 1
  for (const f of c.fit) if (Math.abs(f) > scale) scale = Math.abs(f)
  if (c.pairEveryone) {
    let low = 0
    let high = 0
    for (const f of c.fit) {
      if (f < low) low = f
      if (f > high) high = f
    }
    // Costs are −fit; leaving a student unpaired must outweigh any change of total fit over
    // all students: rows × spread, plus margin.
    unpairedCost = (c.rowStudent.length + 1) * (high - low + 1) + Math.abs(high) + Math.abs(low)
  }
  const tolerance = 1e-9 * Math.max(scale, unpairedCost)

  const rows = c.rowStudent.length
  let solution: Solution
  let bound: number
  let rounds = 0
  let candidateEdges = c.column.length
  if (c.column.length <= 2 * FIRST_CANDIDATES * Math.max(1, rows)) {
    solution = solve(full, c.remaining, unpairedCost)
    bound = priceDual(full, null, c.remaining, solution, unpairedCost, tolerance).bound
  } else {
    const mask = new Uint8Array(c.column.length)
    topCandidates(full, FIRST_CANDIDATES, mask)
    for (;;) {
      rounds++
      const restricted = subgraph(full, mask)
      candidateEdges = restricted.column.length
      solution = solve(restricted, c.remaining, unpairedCost)
      const priced = priceDual(full, mask, c.remaining, solution, unpairedCost, tolerance)
      bound = priced.bound
      if (priced.violated === 0) break
      if (rounds >= MAX_PRICING_ROUNDS) {
        solution = solve(full, c.remaining, unpairedCost)
        bound = priceDual(full, null, c.remaining, solution, unpairedCost, tolerance).bound
        candidateEdges = c.column.length
        break
      }
    }
  }

  const mentorOf = Int32Array.from(c.keptMentor)
  const fitOf = Float64Array.from(c.keptFit)
  c.rowStudent.forEach((s, r) => {
    mentorOf[s] = solution.mentorOfRow[r] as number
    fitOf[s] = solution.fitOfRow[r] as number
  })
  const pairs: PairedStudent[] = []
  const unpaired: string[] = []
  const filled = new Int32Array(c.mentorIds.length)
  let totalFit = 0
  let keptFit = 0
  c.studentIds.forEach((student, s) => {
    const t = mentorOf[s] as number
    if (t < 0) {
      unpaired.push(student)
      return
    }
    const f = fitOf[s] as number
    totalFit += f
    filled[t] = (filled[t] as number) + 1
    const pair: PairedStudent = { student, mentor: c.mentorIds[t] as string, fit: f }
    if ((c.keptMentor[s] as number) >= 0) {
      pair.kept = true
      keptFit += f
    }
    pairs.push(pair)
  })
  const mentors: MentorFill[] = c.mentorIds.map((id, t) => ({ id, capacity: c.capacity[t] as number, filled: filled[t] as number }))
  return {
    pairs,
    unpaired,
    mentors,
    totalFit,
    upperBound: c.pairEveryone ? null : bound + keptFit,
    stats: {
      edges: c.column.length,
      candidateEdges,
      pricingRounds: rounds,
      augmentations: rows,
      mentorsSettled: solution.mentorsSettled,
      rowsScanned: solution.rowsScanned,
    },
  }
}
