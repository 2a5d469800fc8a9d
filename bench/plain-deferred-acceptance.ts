/**
 * The yardstick for `preceptor match` as a whole process: a plain, competent applicant-proposing
 * deferred acceptance (Gale & Shapley 1962) in typed arrays, reading the same instance file
 * (format v1, string ids) and writing the same result format. It is what a careful programmer
 * would write in an afternoon for a singles market, with no validation beyond what it needs to
 * run: string ids become integers through one `Map` per kind, each list entry gets the program's
 * rank of its applicant (the programs' lists transposed per applicant), and each program keeps
 * the ranks it holds in a max-heap.
 *
 * Couples, supplemental lists, tracks and reversions are ignored (couple members, whose own
 * lists are empty, stay unmatched), so on a file with them it reads and writes as much as the
 * engine does but solves an easier market. Output lists are in the input's order.
 *
 * `node dist/bench/plain-deferred-acceptance.js INSTANCE.json RESULT.json`
 */
import { readFileSync, writeFileSync } from 'node:fs'

type Instance = {
  programs: { id: string; capacity: number; ranks: string[] }[]
  applicants: { id: string; ranks: string[] }[]
}

export function plainDeferredAcceptance(instance: Instance) {
  const { programs, applicants } = instance
  const P = programs.length
  const A = applicants.length
  const programIndex = new Map<string, number>()
  for (let p = 0; p < P; p++) programIndex.set(programs[p]!.id, p)
  const applicantIndex = new Map<string, number>()
  for (let a = 0; a < A; a++) applicantIndex.set(applicants[a]!.id, a)

  // Applicants' lists, flattened.
  const listStart = new Int32Array(A + 1)
  for (let a = 0; a < A; a++) listStart[a + 1] = listStart[a]! + applicants[a]!.ranks.length
  const entryProgram = new Int32Array(listStart[A]!)
  for (let a = 0, e = 0; a < A; a++) for (const id of applicants[a]!.ranks) entryProgram[e++] = programIndex.get(id)!

  // Programs' lists transposed to (program, rank) pairs per applicant.
  const pairStart = new Int32Array(A + 1)
  const programList: Int32Array[] = []
  for (let p = 0; p < P; p++) {
    const ranks = programs[p]!.ranks
    const list = new Int32Array(ranks.length)
    for (let k = 0; k < ranks.length; k++) {
      const a = applicantIndex.get(ranks[k]!)!
      list[k] = a
      pairStart[a + 1]!++
    }
    programList.push(list)
  }
  for (let a = 0; a < A; a++) pairStart[a + 1]! += pairStart[a]!
  const pairProgram = new Int32Array(pairStart[A]!)
  const pairRank = new Int32Array(pairStart[A]!)
  const fill = pairStart.slice(0, A)
  for (let p = 0; p < P; p++) {
    const list = programList[p]!
    for (let k = 0; k < list.length; k++) {
      const slot = fill[list[k]!]!++
      pairProgram[slot] = p
      pairRank[slot] = k
    }
  }
  const entryRank = new Int32Array(entryProgram.length)
  const stamp = new Int32Array(P)
  const rankIn = new Int32Array(P)
  for (let a = 0; a < A; a++) {
    for (let i = pairStart[a]!; i < pairStart[a + 1]!; i++) {
      stamp[pairProgram[i]!] = a + 1
      rankIn[pairProgram[i]!] = pairRank[i]!
    }
    for (let e = listStart[a]!; e < listStart[a + 1]!; e++) entryRank[e] = stamp[entryProgram[e]!] === a + 1 ? rankIn[entryProgram[e]!]! : -1
  }

  // Deferred acceptance: each program's held ranks in a max-heap (the worst on top).
  const capacity = new Int32Array(P)
  const heapStart = new Int32Array(P + 1)
  for (let p = 0; p < P; p++) {
    capacity[p] = programs[p]!.capacity
    heapStart[p + 1] = heapStart[p]! + Math.min(capacity[p]!, programList[p]!.length)
  }
  const heap = new Int32Array(heapStart[P]!)
  const size = new Int32Array(P)
  const holder = new Int32Array(programList.reduce((n, list) => n + list.length, 0))
  const rankBase = new Int32Array(P + 1)
  for (let p = 0; p < P; p++) rankBase[p + 1] = rankBase[p]! + programList[p]!.length
  for (let p = 0; p < P; p++) holder.set(programList[p]!, rankBase[p]!)
  const matched = new Int32Array(A).fill(-1)
  const cursor = listStart.slice(0, A)
  const free = new Int32Array(A)
  let freeCount = 0
  for (let a = A - 1; a >= 0; a--) free[freeCount++] = a
  let proposals = 0
  while (freeCount > 0) {
    let a = free[--freeCount]!
    while (a >= 0 && cursor[a]! < listStart[a + 1]!) {
      const e = cursor[a]!++
      proposals++
      const rank = entryRank[e]!
      if (rank < 0) continue
      const p = entryProgram[e]!
      const base = heapStart[p]!
      const n = size[p]!
      if (n < capacity[p]!) {
        // Sift up.
        let i = n
        size[p] = n + 1
        while (i > 0) {
          const parent = (i - 1) >> 1
          if (heap[base + parent]! >= rank) break
          heap[base + i] = heap[base + parent]!
          i = parent
        }
        heap[base + i] = rank
        matched[a] = p
        a = -1
      } else if (n > 0 && heap[base]! > rank) {
        // Replace the worst, sift down; the displaced applicant proposes next.
        const worst = heap[base]!
        let i = 0
        for (;;) {
          let child = 2 * i + 1
          if (child >= n) break
          if (child + 1 < n && heap[base + child + 1]! > heap[base + child]!) child++
          if (heap[base + child]! <= rank) break
          heap[base + i] = heap[base + child]!
          i = child
        }
        heap[base + i] = rank
        matched[a] = p
        a = holder[rankBase[p]! + worst]!
        matched[a] = -1
      }
    }
  }

  const matches: { applicant: string; program: string }[] = []
  const unmatched: string[] = []
  for (let a = 0; a < A; a++) {
    const p = matched[a]!
    if (p >= 0) matches.push({ applicant: applicants[a]!.id, program: programs[p]!.id })
    else unmatched.push(applicants[a]!.id)
  }
  return {
    matches,
    unmatched,
    programs: programs.map((program, p) => ({ id: program.id, capacity: capacity[p]!, filled: size[p]! })),
    stats: { proposals, ms: 0 },
  }
}

const [input, output] = process.argv.slice(2)
if (input !== undefined && output !== undefined) {
  const started = performance.now()
  const instance = JSON.parse(readFileSync(input, 'utf8')) as Instance
  const result = plainDeferredAcceptance(instance)
  result.stats.ms = Math.round(performance.now() - started)
  writeFileSync(output, `${JSON.stringify(result)}\n`)
}
