import { PairingError } from './pairing-error.ts'
import type { FitEntry, PairMaxFitInput } from './types.ts'

/**
 * A max-fit pairing input in integer form. Students and mentors are numbered by their ids in
 * code-unit order, so the solvers see the same problem whatever order the caller's arrays are
 * in; kept pairs are taken out; the remaining allowed pairs are a CSR adjacency (rows = students
 * not kept, columns in ascending mentor number).
 */
export type CompiledFit = {
  studentIds: string[]
  mentorIds: string[]
  /** Capacity after `maxPerMentor`, kept pairs included. */
  capacity: Int32Array
  /** Seats left after kept pairs. */
  remaining: Int32Array
  /** Per student number: the kept mentor's number, or -1. */
  keptMentor: Int32Array
  keptFit: Float64Array
  /** Student numbers of the rows, in order (students not kept). */
  rowStudent: Int32Array
  rowStart: Int32Array
  column: Int32Array
  fit: Float64Array
  pairEveryone: boolean
}

function sortIds(ids: readonly string[], path: string): { sorted: string[]; position: Map<string, number>; inputIndex: Int32Array } {
  const order = ids.map((_, i) => i)
  order.sort((a, b) => {
    const x = ids[a] as string
    const y = ids[b] as string
    return x < y ? -1 : x > y ? 1 : 0
  })
  const position = new Map<string, number>()
  const sorted: string[] = []
  order.forEach((input, k) => {
    const id = ids[input]
    if (typeof id !== 'string' || id.length === 0) throw new PairingError(`${path}[${input}]`, 'must be a non-empty string id')
    if (position.has(id)) throw new PairingError(`${path}[${input}]`, `"${id}" appears twice`)
    position.set(id, k)
    sorted.push(id)
  })
  return { sorted, position, inputIndex: Int32Array.from(order) }
}

function lookup(position: Map<string, number>, id: string, path: string, kind: string): number {
  const k = position.get(id)
  if (k === undefined) throw new PairingError(path, `unknown ${kind} id "${id}"`)
  return k
}

function isDense(fit: PairMaxFitInput['fit']): fit is readonly (readonly number[])[] {
  return fit.length > 0 && Array.isArray(fit[0])
}

/** Validates and compiles a max-fit input; throws `PairingError` with the offending path. */
export function compileFit(input: PairMaxFitInput): CompiledFit {
  const students = sortIds(input.students, 'students')
  const mentors = sortIds(
    input.mentors.map((m) => m.id),
    'mentors',
  )
  const n = students.sorted.length
  const m = mentors.sorted.length
  const maxPerMentor = input.maxPerMentor ?? Number.POSITIVE_INFINITY
  if (!(maxPerMentor >= 0)) throw new PairingError('maxPerMentor', 'must be a number ≥ 0')
  const capacity = new Int32Array(m)
  for (let t = 0; t < m; t++) {
    const j = mentors.inputIndex[t] as number
    const c = (input.mentors[j] as { capacity: number }).capacity
    if (!Number.isInteger(c) || c < 0) throw new PairingError(`mentors[${j}].capacity`, 'must be an integer ≥ 0')
    capacity[t] = Math.min(c, Math.floor(maxPerMentor), 2 ** 30)
  }

  // Forbidden pairs grouped by student: a dense row then checks one small set, not a global
  // hash per edge.
  const forbidden = new Map<number, Set<number>>()
  for (const [k, pair] of (input.forbidden ?? []).entries()) {
    const s = lookup(students.position, pair.student, `forbidden[${k}].student`, 'student')
    const t = lookup(mentors.position, pair.mentor, `forbidden[${k}].mentor`, 'mentor')
    let set = forbidden.get(s)
    if (set === undefined) {
      set = new Set()
      forbidden.set(s, set)
    }
    set.add(t)
  }

  const keptMentor = new Int32Array(n).fill(-1)
  const keptFit = new Float64Array(n)
  const remaining = Int32Array.from(capacity)
  for (const [k, pair] of (input.keep ?? []).entries()) {
    const s = lookup(students.position, pair.student, `keep[${k}].student`, 'student')
    const t = lookup(mentors.position, pair.mentor, `keep[${k}].mentor`, 'mentor')
    if (forbidden.get(s)?.has(t)) throw new PairingError(`keep[${k}]`, 'a kept pair is also forbidden')
    if ((keptMentor[s] as number) >= 0) throw new PairingError(`keep[${k}].student`, `"${pair.student}" is kept twice`)
    if ((remaining[t] as number) <= 0) throw new PairingError(`keep[${k}].mentor`, `kept pairs exceed the capacity of "${pair.mentor}"`)
    keptMentor[s] = t
    remaining[t] = (remaining[t] as number) - 1
  }

  const pairEveryone = input.pairEveryone ?? false
  const rowOf = new Int32Array(n).fill(-1)
  const rowStudentList: number[] = []
  for (let s = 0; s < n; s++) {
    if ((keptMentor[s] as number) < 0) {
      rowOf[s] = rowStudentList.length
      rowStudentList.push(s)
    }
  }
  const rows = rowStudentList.length
  const rowStudent = Int32Array.from(rowStudentList)
  const rowStart = new Int32Array(rows + 1)
  // Without pairEveryone a pair of fit ≤ 0 adds nothing, so an optimum never needs it.
  const useful = (f: number): boolean => pairEveryone || f > 0

  let column: Int32Array
  let fit: Float64Array
  const fitInput = input.fit
  if (isDense(fitInput)) {
    if (fitInput.length !== n) throw new PairingError('fit', `has ${fitInput.length} rows for ${n} students`)
    for (let i = 0; i < n; i++) {
      if ((fitInput[i] as readonly number[]).length !== m)
        throw new PairingError(`fit[${i}]`, `has ${(fitInput[i] as readonly number[]).length} entries for ${m} mentors`)
    }
    // One pass to count, one to fill; the forbidden set is looked up once per row.
    const mentorInput = mentors.inputIndex
    const scanRow = (r: number, emit: ((t: number, f: number) => void) | null): number => {
      const s = rowStudent[r] as number
      const row = fitInput[students.inputIndex[s] as number] as readonly number[]
      const banned = forbidden.get(s)
      let count = 0
      for (let t = 0; t < m; t++) {
        const f = row[mentorInput[t] as number] as number
        if (!(pairEveryone ? Number.isFinite(f) : f > 0 && f < Number.POSITIVE_INFINITY)) continue
        if ((remaining[t] as number) <= 0 || banned?.has(t)) continue
        count++
        if (emit !== null) emit(t, f)
      }
      return count
    }
    let edges = 0
    for (let r = 0; r < rows; r++) edges += scanRow(r, null)
    column = new Int32Array(edges)
    fit = new Float64Array(edges)
    let e = 0
    const emit = (t: number, f: number): void => {
      column[e] = t
      fit[e++] = f
    }
    for (let r = 0; r < rows; r++) {
      scanRow(r, emit)
      rowStart[r + 1] = e
    }
    for (let s = 0; s < n; s++) {
      const t = keptMentor[s] as number
      if (t < 0) continue
      const f = (fitInput[students.inputIndex[s] as number] as readonly number[])[mentors.inputIndex[t] as number] as number
      keptFit[s] = Number.isFinite(f) ? f : 0
    }
  } else {
    const entries = fitInput as readonly FitEntry[]
    const es = new Int32Array(entries.length)
    const et = new Int32Array(entries.length)
    const count = new Int32Array(rows + 1)
    entries.forEach((entry, k) => {
      const s = lookup(students.position, entry.student, `fit[${k}].student`, 'student')
      const t = lookup(mentors.position, entry.mentor, `fit[${k}].mentor`, 'mentor')
      if (!Number.isFinite(entry.fit)) throw new PairingError(`fit[${k}].fit`, 'must be a finite number')
      es[k] = s
      et[k] = t
      if ((keptMentor[s] as number) === t) keptFit[s] = entry.fit
      const r = rowOf[s] as number
      if (r >= 0 && (remaining[t] as number) > 0 && useful(entry.fit) && !forbidden.get(s)?.has(t)) count[r + 1] = (count[r + 1] as number) + 1
      else es[k] = -1 // not an edge of the solver
    })
    for (let r = 0; r < rows; r++) rowStart[r + 1] = (rowStart[r] as number) + (count[r + 1] as number)
    const edges = rowStart[rows] as number
    const order = new Int32Array(edges)
    const fill = Int32Array.from(rowStart.subarray(0, rows))
    entries.forEach((_, k) => {
      const s = es[k] as number
      if (s < 0) return
      const r = rowOf[s] as number
      order[fill[r] as number] = k
      fill[r] = (fill[r] as number) + 1
    })
    column = new Int32Array(edges)
    fit = new Float64Array(edges)
    for (let r = 0; r < rows; r++) {
      const from = rowStart[r] as number
      const to = rowStart[r + 1] as number
      const slice = Array.from(order.subarray(from, to)).sort((a, b) => (et[a] as number) - (et[b] as number))
      slice.forEach((k, i) => {
        const t = et[k] as number
        if (i > 0 && (column[from + i - 1] as number) === t) {
          throw new PairingError(`fit[${k}]`, `the pair "${(entries[k] as FitEntry).student}"–"${(entries[k] as FitEntry).mentor}" is listed twice`)
        }
        column[from + i] = t
        fit[from + i] = (entries[k] as FitEntry).fit
      })
    }
  }

  return {
    studentIds: students.sorted,
    mentorIds: mentors.sorted,
    capacity,
    remaining,
    keptMentor,
    keptFit,
    rowStudent,
    rowStart,
    column,
    fit,
    pairEveryone,
  }
}
