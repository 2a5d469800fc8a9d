import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pairGreedy } from './pair-greedy.ts'
import { pairMaxFit } from './pair-max-fit.ts'
import { PairingError } from './pairing-error.ts'
import { bruteForceMaxFit } from './testing/brute-force.ts'
import { maxFitInputArbitrary, shuffleMaxFitInput } from './testing/arbitraries.ts'
import type { FitEntry, PairMaxFitInput, PairMaxFitResult } from './types.ts'

const X = Number.NaN

/** Every hard constraint, checked from the input alone. */
function assertFeasible(input: PairMaxFitInput, result: PairMaxFitResult): void {
  const students = new Set(input.students)
  const seen = new Set<string>()
  const load = new Map<string, number>()
  const banned = new Set((input.forbidden ?? []).map((p) => `${p.student}/${p.mentor}`))
  const dense = input.fit.length > 0 && Array.isArray(input.fit[0])
  const allowed = new Set<string>()
  if (dense) {
    for (const [i, row] of (input.fit as number[][]).entries()) {
      for (const [j, f] of row.entries()) if (Number.isFinite(f)) allowed.add(`${input.students[i]}/${(input.mentors[j] as { id: string }).id}`)
    }
  } else for (const e of input.fit as FitEntry[]) allowed.add(`${e.student}/${e.mentor}`)
  const kept = new Set((input.keep ?? []).map((p) => `${p.student}/${p.mentor}`))
  for (const pair of result.pairs) {
    const key = `${pair.student}/${pair.mentor}`
    expect(students.has(pair.student)).toBe(true)
    expect(seen.has(pair.student)).toBe(false)
    seen.add(pair.student)
    expect(banned.has(key)).toBe(false)
    expect(allowed.has(key) || kept.has(key)).toBe(true)
    load.set(pair.mentor, (load.get(pair.mentor) ?? 0) + 1)
  }
  for (const k of kept) expect(result.pairs.some((p) => `${p.student}/${p.mentor}` === k && p.kept)).toBe(true)
  for (const mentor of input.mentors) {
    expect(load.get(mentor.id) ?? 0).toBeLessThanOrEqual(Math.min(mentor.capacity, input.maxPerMentor ?? mentor.capacity))
  }
  expect(new Set([...seen, ...result.unpaired])).toEqual(students)
  expect(result.pairs.length + result.unpaired.length).toBe(students.size)
  expect(result.totalFit).toBeCloseTo(
    result.pairs.reduce((sum, p) => sum + p.fit, 0),
    9,
  )
}

describe('pairMaxFit: hand-made cases', () => {
  const cases: { name: string; input: PairMaxFitInput; pairs: string[]; total: number }[] = [
    {
      name: 'beats greedy: the best pair is not part of the best pairing',
      input: {
        students: ['a', 'b'],
        mentors: [
          { id: 'x', capacity: 1 },
          { id: 'y', capacity: 1 },
        ],
        fit: [
          [10, 9],
          [8, 1],
        ],
      },
      pairs: ['a-y', 'b-x'],
      total: 17,
    },
    {
      name: 'capacity two takes both students',
      input: {
        students: ['a', 'b'],
        mentors: [
          { id: 'x', capacity: 2 },
          { id: 'y', capacity: 1 },
        ],
        fit: [
          [10, 9],
          [8, 1],
        ],
      },
      pairs: ['a-x', 'b-x'],
      total: 18,
    },
    {
      name: 'maxPerMentor caps a capacity',
      input: {
        students: ['a', 'b'],
        mentors: [
          { id: 'x', capacity: 2 },
          { id: 'y', capacity: 1 },
        ],
        fit: [
          [10, 9],
          [8, 1],
        ],
        maxPerMentor: 1,
      },
      pairs: ['a-y', 'b-x'],
      total: 17,
    },
    {
      name: 'a forbidden pair is never made',
      input: {
        students: ['a', 'b'],
        mentors: [
          { id: 'x', capacity: 1 },
          { id: 'y', capacity: 1 },
        ],
        fit: [
          [10, 9],
          [8, 1],
        ],
        forbidden: [{ student: 'b', mentor: 'x' }],
      },
      pairs: ['a-x', 'b-y'],
      total: 11,
    },
    {
      name: 'a kept pair stays even when it lowers the total',
      input: {
        students: ['a', 'b'],
        mentors: [
          { id: 'x', capacity: 1 },
          { id: 'y', capacity: 1 },
        ],
        fit: [
          [10, 9],
          [8, 1],
        ],
        keep: [{ student: 'a', mentor: 'x' }],
      },
      pairs: ['a-x', 'b-y'],
      total: 11,
    },
    {
      name: 'a pair of fit ≤ 0 adds nothing and is not made',
      input: { students: ['a', 'b'], mentors: [{ id: 'x', capacity: 2 }], fit: [[3], [-2]] },
      pairs: ['a-x'],
      total: 3,
    },
    {
      name: 'pairEveryone pairs b even at a loss',
      input: { students: ['a', 'b'], mentors: [{ id: 'x', capacity: 2 }], fit: [[3], [-2]], pairEveryone: true },
      pairs: ['a-x', 'b-x'],
      total: 1,
    },
    {
      name: 'pairEveryone prefers two pairs to one better pair',
      input: {
        students: ['a', 'b'],
        mentors: [
          { id: 'x', capacity: 1 },
          { id: 'y', capacity: 1 },
        ],
        fit: [
          [100, 1],
          [99, X],
        ],
        pairEveryone: true,
      },
      pairs: ['a-y', 'b-x'],
      total: 100,
    },
    {
      name: 'a student without an allowed mentor stays unpaired',
      input: { students: ['a', 'b'], mentors: [{ id: 'x', capacity: 3 }], fit: [[5], [X]] },
      pairs: ['a-x'],
      total: 5,
    },
    {
      name: 'sparse fit, mentor with no seats',
      input: {
        students: ['a', 'b', 'c'],
        mentors: [
          { id: 'x', capacity: 0 },
          { id: 'y', capacity: 2 },
        ],
        fit: [
          { student: 'a', mentor: 'x', fit: 50 },
          { student: 'a', mentor: 'y', fit: 1 },
          { student: 'b', mentor: 'y', fit: 4 },
          { student: 'c', mentor: 'y', fit: 3 },
        ],
      },
      pairs: ['b-y', 'c-y'],
      total: 7,
    },
  ]
  it.each(cases)('$name', ({ input, pairs, total }) => {
    const result = pairMaxFit(input)
    expect(result.pairs.map((p) => `${p.student}-${p.mentor}`)).toEqual(pairs)
    expect(result.totalFit).toBe(total)
    assertFeasible(input, result)
    if (!input.pairEveryone) expect(result.upperBound).toBeCloseTo(total, 9)
  })

  it('greedy is worse on the first case, as the baseline should be', () => {
    expect(pairGreedy(cases[0]?.input as PairMaxFitInput).totalFit).toBe(11)
  })

  it.each([
    ['unknown mentor in keep', { keep: [{ student: 'a', mentor: 'z' }] }, 'keep[0].mentor'],
    ['kept pair also forbidden', { keep: [{ student: 'a', mentor: 'x' }], forbidden: [{ student: 'a', mentor: 'x' }] }, 'keep[0]'],
    [
      'kept twice',
      {
        keep: [
          { student: 'a', mentor: 'x' },
          { student: 'a', mentor: 'y' },
        ],
      },
      'keep[1].student',
    ],
    [
      'kept over capacity',
      {
        keep: [
          { student: 'a', mentor: 'x' },
          { student: 'b', mentor: 'x' },
        ],
      },
      'keep[1].mentor',
    ],
    ['matrix of the wrong shape', { fit: [[1, 2]] }, 'fit'],
    ['duplicate student', { students: ['a', 'a'] }, 'students[1]'],
    [
      'negative capacity',
      {
        mentors: [
          { id: 'x', capacity: -1 },
          { id: 'y', capacity: 1 },
        ],
      },
      'mentors[0].capacity',
    ],
  ] as const)('refuses %s', (_, change, path) => {
    const input: PairMaxFitInput = {
      students: ['a', 'b'],
      mentors: [
        { id: 'x', capacity: 1 },
        { id: 'y', capacity: 1 },
      ],
      fit: [
        [1, 2],
        [3, 4],
      ],
      ...change,
    }
    expect(() => pairMaxFit(input)).toThrow(PairingError)
    try {
      pairMaxFit(input)
    } catch (error) {
      expect((error as PairingError).path).toBe(path)
    }
  })

  it('refuses a sparse pair listed twice', () => {
    const fit = [
      { student: 'a', mentor: 'x', fit: 1 },
      { student: 'a', mentor: 'x', fit: 2 },
    ]
    expect(() => pairMaxFit({ students: ['a'], mentors: [{ id: 'x', capacity: 1 }], fit })).toThrow(/listed twice/)
  })

  it('takes the pricing path on a dense instance and proves the result optimal', () => {
    // 60 students × 200 mentors with a shared "popularity" term: many students want the same
    // few mentors, so the first restricted graph is not enough and pricing must add pairs.
    let state = 12345
    const random = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      return state / 2 ** 32
    }
    const mentors = Array.from({ length: 200 }, (_, j) => ({ id: `m${String(j).padStart(3, '0')}`, capacity: 1 + (j % 2) }))
    const popularity = mentors.map(() => random())
    const students = Array.from({ length: 60 }, (_, i) => `s${i}`)
    const fit = students.map(() => mentors.map((_, j) => Math.round(100 * (0.3 * random() + 0.7 * (popularity[j] as number)))))
    const result = pairMaxFit({ students, mentors, fit })
    expect(result.stats.pricingRounds).toBeGreaterThan(0)
    expect(result.upperBound).toBeCloseTo(result.totalFit, 6)
    const sparse = pairMaxFit({
      students,
      mentors,
      fit: students.flatMap((s, i) => mentors.map((m, j) => ({ student: s, mentor: m.id, fit: (fit[i] as number[])[j] as number }))),
    })
    expect(sparse.totalFit).toBe(result.totalFit)
    expect(pairGreedy({ students, mentors, fit }).totalFit).toBeLessThanOrEqual(result.totalFit)
  })
})

describe('pairMaxFit: properties', () => {
  it('never breaks a hard constraint, and its dual bound proves it optimal', () => {
    fc.assert(
      fc.property(maxFitInputArbitrary(), (input) => {
        const result = pairMaxFit(input)
        assertFeasible(input, result)
        if (!input.pairEveryone) expect(Math.abs((result.upperBound as number) - result.totalFit)).toBeLessThan(1e-6)
      }),
      { numRuns: 300 },
    )
  })

  it('equals exhaustive search on tiny inputs (both objectives)', () => {
    fc.assert(
      fc.property(maxFitInputArbitrary({ maxStudents: 6, maxMentors: 4 }), (input) => {
        const result = pairMaxFit(input)
        const best = bruteForceMaxFit(input)
        if (input.pairEveryone) expect(result.pairs.length).toBe(best.pairs)
        expect(result.totalFit).toBeCloseTo(best.fit, 9)
      }),
      { numRuns: 300 },
    )
  })

  it('does not depend on the order of the input arrays', () => {
    fc.assert(
      fc.property(maxFitInputArbitrary(), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (input, seed) => {
        expect(pairMaxFit(shuffleMaxFitInput(input, seed))).toEqual(pairMaxFit(input))
      }),
      { numRuns: 200 },
    )
  })

  it('greedy never beats it', () => {
    fc.assert(
      fc.property(maxFitInputArbitrary(), (input) => {
        const greedy = pairGreedy(input)
        assertFeasible(input, greedy)
        if (!input.pairEveryone) expect(greedy.totalFit).toBeLessThanOrEqual(pairMaxFit(input).totalFit + 1e-9)
      }),
      { numRuns: 200 },
    )
  })
})
