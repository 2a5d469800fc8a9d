import type { FitEntry, PairMaxFitInput } from '../types.ts'

/**
 * The max-fit pairing as a linear program in CPLEX LP format, for HiGHS: one variable per
 * allowed pair in [0, 1] (fixed to 1 for kept pairs), at most one mentor per student, at most
 * the capacity (and `maxPerMentor`) per mentor. The constraint matrix is the incidence matrix
 * of a bipartite graph, which is totally unimodular, so the LP optimum equals the integer one.
 * With `cardinality`, the objective is the number of pairs instead, and `minPairs` adds
 * "at least that many pairs" — the two LPs of the lexicographic `pairEveryone` objective.
 * Written independently of the solver: ids, not compiled numbers.
 */
export function maxFitLp(input: PairMaxFitInput, options: { cardinality?: boolean; minPairs?: number } = {}): { lp: string; variables: number } {
  const entries: FitEntry[] = []
  const fit = input.fit
  if (fit.length > 0 && Array.isArray(fit[0])) {
    for (const [i, row] of (fit as readonly (readonly number[])[]).entries()) {
      for (const [j, f] of row.entries())
        if (Number.isFinite(f)) entries.push({ student: input.students[i] as string, mentor: (input.mentors[j] as { id: string }).id, fit: f })
    }
  } else entries.push(...(fit as readonly FitEntry[]))
  const forbidden = new Set((input.forbidden ?? []).map((p) => `${p.student}\u0000${p.mentor}`))
  const kept = new Set((input.keep ?? []).map((p) => `${p.student}\u0000${p.mentor}`))
  const allowed = entries.filter((e) => !forbidden.has(`${e.student}\u0000${e.mentor}`))
  // Kept pairs without a fit entry are still forced; they contribute 0.
  for (const k of input.keep ?? []) {
    if (!allowed.some((e) => e.student === k.student && e.mentor === k.mentor)) allowed.push({ ...k, fit: 0 })
  }
  const studentIndex = new Map(input.students.map((id, i) => [id, i]))
  const mentorIndex = new Map(input.mentors.map((m, j) => [m.id, j]))
  const name = (e: FitEntry): string => `x_${studentIndex.get(e.student)}_${mentorIndex.get(e.mentor)}`
  const term = (coefficient: number, v: string): string => `${coefficient >= 0 ? '+' : '-'} ${Math.abs(coefficient)} ${v}`
  const lines: string[] = ['Maximize', ` obj: ${allowed.map((e) => term(options.cardinality ? 1 : e.fit, name(e))).join(' ') || '0 x_dummy'}`, 'Subject To']
  const byStudent = new Map<string, string[]>()
  const byMentor = new Map<string, string[]>()
  for (const e of allowed) {
    const forStudent = byStudent.get(e.student) ?? []
    forStudent.push(name(e))
    byStudent.set(e.student, forStudent)
    const forMentor = byMentor.get(e.mentor) ?? []
    forMentor.push(name(e))
    byMentor.set(e.mentor, forMentor)
  }
  for (const [s, vars] of byStudent) lines.push(` s${studentIndex.get(s)}: ${vars.map((v) => `+ ${v}`).join(' ')} <= 1`)
  for (const mentor of input.mentors) {
    const vars = byMentor.get(mentor.id)
    if (!vars) continue
    const cap = Math.min(mentor.capacity, input.maxPerMentor ?? Number.POSITIVE_INFINITY)
    lines.push(` m${mentorIndex.get(mentor.id)}: ${vars.map((v) => `+ ${v}`).join(' ')} <= ${cap}`)
  }
  if (options.minPairs !== undefined && allowed.length > 0) lines.push(` pairs: ${allowed.map((e) => `+ ${name(e)}`).join(' ')} >= ${options.minPairs}`)
  lines.push('Bounds')
  for (const e of allowed) lines.push(kept.has(`${e.student}\u0000${e.mentor}`) ? ` ${name(e)} = 1` : ` 0 <= ${name(e)} <= 1`)
  if (allowed.length === 0) lines.push(' x_dummy = 0')
  lines.push('End')
  return { lp: lines.join('\n'), variables: allowed.length }
}
