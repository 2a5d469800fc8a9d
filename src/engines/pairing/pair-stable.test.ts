import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pairStable } from './pair-stable.ts'
import { PairingError } from './pairing-error.ts'
import type { PairStableInput, PairStableResult } from './types.ts'

/** Mentor's order of students, as `pairStable` documents it. */
function mentorOrder(input: PairStableInput, mentor: PairStableInput['mentors'][number]): string[] {
  const ids = input.students.map((s) => s.id).sort()
  if (mentor.ranks) return [...mentor.ranks]
  const scores = mentor.scores
  if (scores) return ids.filter((s) => Number.isFinite(scores[s])).sort((a, b) => (scores[b] as number) - (scores[a] as number))
  return ids
}

/**
 * Blocking pairs, from the definition: student s and mentor t, not forbidden, each acceptable
 * to the other, s prefers t to its pair (or has none), and t has a free seat or holds someone
 * it ranks below s. Kept students are out of the market; their seats are taken.
 */
function blockingPairs(input: PairStableInput, result: PairStableResult): string[] {
  const banned = new Set((input.forbidden ?? []).map((p) => `${p.student}/${p.mentor}`))
  const kept = new Set((input.keep ?? []).map((p) => p.student))
  const mentorOf = new Map(result.pairs.map((p) => [p.student, p.mentor]))
  const blocking: string[] = []
  for (const student of input.students) {
    if (kept.has(student.id)) continue
    const current = mentorOf.get(student.id)
    const limit = current === undefined ? student.ranks.length : student.ranks.indexOf(current)
    for (const mentorId of student.ranks.slice(0, limit)) {
      if (banned.has(`${student.id}/${mentorId}`)) continue
      const mentor = input.mentors.find((m) => m.id === mentorId)
      if (!mentor) continue
      const order = mentorOrder(input, mentor)
      const rank = order.indexOf(student.id)
      if (rank < 0) continue
      const holders = result.pairs.filter((p) => p.mentor === mentorId)
      const worse = holders.some((p) => !p.kept && order.indexOf(p.student) > rank)
      if (holders.length < mentor.capacity || worse) blocking.push(`${student.id}/${mentorId}`)
    }
  }
  return blocking
}

function assertFeasible(input: PairStableInput, result: PairStableResult): void {
  const banned = new Set((input.forbidden ?? []).map((p) => `${p.student}/${p.mentor}`))
  const load = new Map<string, number>()
  for (const p of result.pairs) {
    expect(banned.has(`${p.student}/${p.mentor}`)).toBe(false)
    load.set(p.mentor, (load.get(p.mentor) ?? 0) + 1)
    if (!p.kept) {
      expect(input.students.find((s) => s.id === p.student)?.ranks).toContain(p.mentor)
      const mentor = input.mentors.find((m) => m.id === p.mentor)
      expect(mentorOrder(input, mentor as PairStableInput['mentors'][number])).toContain(p.student)
    }
  }
  for (const m of input.mentors) expect(load.get(m.id) ?? 0).toBeLessThanOrEqual(m.capacity)
  for (const k of input.keep ?? []) expect(result.pairs).toContainEqual({ ...k, kept: true })
  expect(result.pairs.length + result.unpaired.length).toBe(input.students.length)
}

const arbitrary: fc.Arbitrary<PairStableInput> = fc
  .record({ n: fc.integer({ min: 1, max: 10 }), m: fc.integer({ min: 1, max: 5 }) })
  .chain(({ n, m }) => {
    const students = Array.from({ length: n }, (_, i) => `s${i}`)
    const mentors = Array.from({ length: m }, (_, j) => `m${j}`)
    return fc.record({
      students: fc.tuple(...students.map((id) => fc.record({ id: fc.constant(id), ranks: fc.shuffledSubarray(mentors) }))),
      mentors: fc.tuple(
        ...mentors.map((id) =>
          fc.record({
            id: fc.constant(id),
            capacity: fc.integer({ min: 0, max: 3 }),
            preference: fc.oneof(
              fc.shuffledSubarray(students).map((ranks) => ({ ranks })),
              fc.dictionary(fc.constantFrom(...students), fc.integer({ min: 0, max: 5 })).map((scores) => ({ scores })),
            ),
          }),
        ),
      ),
      forbidden: fc.array(fc.record({ student: fc.constantFrom(...students), mentor: fc.constantFrom(...mentors) }), { maxLength: 3 }),
      keep: fc.option(fc.record({ student: fc.constantFrom(...students), mentor: fc.constantFrom(...mentors) }), { nil: undefined }),
    })
  })
  .map(({ students, mentors, forbidden, keep }) => {
    const mentorsOut = mentors.map((m) => ({ id: m.id, capacity: m.capacity, ...m.preference }))
    const keepOk =
      keep !== undefined &&
      !forbidden.some((f) => f.student === keep.student && f.mentor === keep.mentor) &&
      (mentorsOut.find((m) => m.id === keep.mentor)?.capacity ?? 0) > 0
    return { students, mentors: mentorsOut, forbidden, ...(keepOk ? { keep: [keep] } : {}) }
  })

describe('pairStable', () => {
  it('runs student-proposing deferred acceptance: the student-optimal stable pairing', () => {
    // Two stable pairings exist; the students' favourite one is returned.
    const input: PairStableInput = {
      students: [
        { id: 'a', ranks: ['x', 'y'] },
        { id: 'b', ranks: ['y', 'x'] },
      ],
      mentors: [
        { id: 'x', capacity: 1, ranks: ['b', 'a'] },
        { id: 'y', capacity: 1, ranks: ['a', 'b'] },
      ],
    }
    expect(pairStable(input).pairs).toEqual([
      { student: 'a', mentor: 'x' },
      { student: 'b', mentor: 'y' },
    ])
  })

  it('removes forbidden pairs from both lists, scores order students, keeps kept pairs', () => {
    const input: PairStableInput = {
      students: [
        { id: 'a', ranks: ['x', 'y'] },
        { id: 'b', ranks: ['x', 'y'] },
        { id: 'c', ranks: ['x'] },
      ],
      mentors: [
        { id: 'x', capacity: 2, scores: { a: 1, b: 5, c: 3 } },
        { id: 'y', capacity: 1 },
      ],
      forbidden: [{ student: 'b', mentor: 'x' }],
      keep: [{ student: 'c', mentor: 'x' }],
    }
    const result = pairStable(input)
    expect(result.pairs).toEqual([
      { student: 'a', mentor: 'x' },
      { student: 'b', mentor: 'y' },
      { student: 'c', mentor: 'x', kept: true },
    ])
    expect(result.mentors).toEqual([
      { id: 'x', capacity: 2, filled: 2 },
      { id: 'y', capacity: 1, filled: 1 },
    ])
  })

  it('refuses an unknown mentor on a student list, with its path', () => {
    expect(() => pairStable({ students: [{ id: 'a', ranks: ['z'] }], mentors: [{ id: 'x', capacity: 1 }] })).toThrow(PairingError)
    expect(() => pairStable({ students: [{ id: 'a', ranks: ['z'] }], mentors: [{ id: 'x', capacity: 1 }] })).toThrow('students[0].ranks[0]')
  })

  it('is stable, respects every hard constraint, and does not depend on input order', () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        const result = pairStable(input)
        assertFeasible(input, result)
        expect(blockingPairs(input, result)).toEqual([])
        const reversed = { ...input, students: [...input.students].reverse(), mentors: [...input.mentors].reverse() }
        expect(pairStable(reversed)).toEqual(result)
      }),
      { numRuns: 300 },
    )
  })
})
