import type { CompiledInstance } from './compile-instance.ts'

/**
 * The arrays one run of the algorithm works in. A solve needs one set per run it keeps alive
 * (one, or two while retries compare orders), and a simulator solving thousands of replicas of
 * one instance can keep the same sets from solve to solve: see {@link SolveWorkspace}.
 */
export type RunBuffers = {
  /** Program `p`'s heap is `heap[heapStart[p] .. heapStart[p + 1])`; entries `rank · 2³² + applicant`. */
  readonly heapStart: Int32Array
  readonly heap: Float64Array
  readonly heapSize: Int32Array
  readonly primaryProgram: Int32Array
  /** Singles: entry held, or next entry to try while displaced; list end when exhausted. */
  readonly cursor: Int32Array
  /** Couples: line held, or next line to try. */
  readonly coupleCursor: Int32Array
  readonly couplePlaced: Uint8Array
  readonly coupleReentries: Int32Array
  readonly applicantReentries: Int32Array
  readonly supplementalReentries: Int32Array
  readonly supplementalActive: Int32Array
  readonly supplementalProgram: Int32Array
  readonly supplementalCursor: Int32Array
  /** Agents: [0, A) singles, [A, A + C) couples, [A + C, 2A + C) supplemental seekers. */
  readonly stack: Int32Array
  readonly inStack: Uint8Array
  readonly vacancies: Int32Array
  readonly inVacancies: Uint8Array
  /** Counts the runs that used these buffers, so that a run's outcome can tell it was overwritten. */
  uses: number
}

/**
 * Buffers kept between solves of instances of one shape (the simulator's perturbed replicas).
 * A result solved with a workspace lives in its buffers: it is valid until the next solve with
 * the same workspace.
 */
export type SolveWorkspace = { readonly free: RunBuffers[] }

export function createSolveWorkspace(): SolveWorkspace {
  return { free: [] }
}

/**
 * Heap room for every capacity a solve can give a program: its own plus every capacity that can
 * revert to it, but never more than twice the applicants it ranked — it holds only those, each
 * in at most two seats (a primary and a supplemental one), so a capacity of a million costs
 * nothing.
 */
export function heapRoom(compiled: CompiledInstance): number {
  const P = compiled.programCount
  const reachable = Float64Array.from(compiled.programCapacity)
  for (let p = 0; p < P; p++) {
    // revertTo chains are acyclic (validation refuses cycles), so this walk ends.
    for (let t = compiled.programRevertTo[p] as number; t >= 0; t = compiled.programRevertTo[t] as number) {
      reachable[t] = (reachable[t] as number) + (compiled.programCapacity[p] as number)
    }
  }
  let room = 0
  for (let p = 0; p < P; p++) {
    const ranked = (compiled.programRankStart[p + 1] as number) - (compiled.programRankStart[p] as number)
    room += Math.min(reachable[p] as number, 2 * ranked)
  }
  return room
}

/** A set of buffers for `compiled` from the workspace, or a new one. */
export function takeBuffers(workspace: SolveWorkspace, compiled: CompiledInstance, room: number): RunBuffers {
  const { applicantCount: A, coupleCount: C, programCount: P } = compiled
  for (;;) {
    const buffers = workspace.free.pop()
    if (buffers === undefined) break
    // Another instance's buffers are dropped, not reused.
    if (buffers.cursor.length === A && buffers.coupleCursor.length === C && buffers.heapSize.length === P && buffers.heap.length >= room) {
      return buffers
    }
  }
  return {
    heapStart: new Int32Array(P + 1),
    heap: new Float64Array(room),
    heapSize: new Int32Array(P),
    primaryProgram: new Int32Array(A),
    cursor: new Int32Array(A),
    coupleCursor: new Int32Array(C),
    couplePlaced: new Uint8Array(C),
    coupleReentries: new Int32Array(C),
    applicantReentries: new Int32Array(A),
    supplementalReentries: new Int32Array(A),
    supplementalActive: new Int32Array(A),
    supplementalProgram: new Int32Array(A),
    supplementalCursor: new Int32Array(A),
    stack: new Int32Array(2 * A + C),
    inStack: new Uint8Array(2 * A + C),
    vacancies: new Int32Array(P),
    inVacancies: new Uint8Array(P),
    uses: 0,
  }
}

export function returnBuffers(workspace: SolveWorkspace, buffers: RunBuffers): void {
  workspace.free.push(buffers)
}

/** Sets the buffers to the state before a run's first proposal. */
export function resetBuffers(buffers: RunBuffers, compiled: CompiledInstance, capacity: Int32Array): void {
  const { programCount: P, applicantCount: A, coupleCount: C, programRankStart, applicantListStart, coupleLineStart } = compiled
  const { heapStart } = buffers
  for (let p = 0; p < P; p++) {
    const ranked = (programRankStart[p + 1] as number) - (programRankStart[p] as number)
    heapStart[p + 1] = (heapStart[p] as number) + Math.min(capacity[p] as number, 2 * ranked)
  }
  buffers.heapSize.fill(0)
  buffers.primaryProgram.fill(-1)
  for (let a = 0; a < A; a++) buffers.cursor[a] = applicantListStart[a] as number
  for (let c = 0; c < C; c++) buffers.coupleCursor[c] = coupleLineStart[c] as number
  buffers.couplePlaced.fill(0)
  buffers.coupleReentries.fill(0)
  buffers.applicantReentries.fill(0)
  buffers.supplementalReentries.fill(0)
  buffers.supplementalActive.fill(-1)
  buffers.supplementalProgram.fill(-1)
  buffers.supplementalCursor.fill(0)
  buffers.inStack.fill(0)
  buffers.inVacancies.fill(0)
  buffers.uses++
}
