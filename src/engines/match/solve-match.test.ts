import { describe, expect, it } from 'vitest'
import { checkStability } from './check-stability.ts'
import { solveMatch } from './solve-match.ts'
import { listStableMatchings } from './testing/brute-force.ts'
import type { MatchInstance, MatchResult } from './types.ts'
import { validateInstance } from './validate-instance.ts'

/** Shorthand: programs as `id: [capacity, ...ranks]`, applicants as `id: [...ranks]`. */
function build(programs: Record<string, [number, ...string[]]>, applicants: Record<string, string[]>, extra: Partial<MatchInstance> = {}): MatchInstance {
  return validateInstance({
    programs: Object.entries(programs).map(([id, [capacity, ...ranks]]) => ({ id, capacity, ranks })),
    applicants: Object.entries(applicants).map(([id, ranks]) => ({ id, ranks })),
    ...extra,
  })
}

/** applicant → program (primary), `+` program for a supplemental position, `-` for unmatched. */
function summary(result: MatchResult): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of result.matches) out[m.applicant] = m.supplemental ? `${out[m.applicant]}+${m.program}` : m.program
  for (const a of result.unmatched) out[a] = '-'
  return out
}

type Case = { name: string; instance: MatchInstance; expected: Record<string, string> }

const textbook: Case[] = [
  {
    // Gale & Shapley (1962)-style marriage market: the applicant-proposing outcome differs
    // from the program-proposing one (a-Y, b-X, c-Z), so this pins down which side proposes.
    name: 'one-to-one, applicant-optimal',
    instance: build({ X: [1, 'b', 'a', 'c'], Y: [1, 'a', 'b', 'c'], Z: [1, 'a', 'b', 'c'] }, { a: ['X', 'Y', 'Z'], b: ['Y', 'X', 'Z'], c: ['X', 'Y', 'Z'] }),
    expected: { a: 'X', b: 'Y', c: 'Z' },
  },
  {
    // Every applicant's first choice is the same program: the program's order decides.
    name: 'one-to-one, rejection chain',
    instance: build({ X: [1, 'c', 'b', 'a'], Y: [1, 'b', 'a', 'c'], Z: [1, 'a', 'c', 'b'] }, { a: ['X', 'Y', 'Z'], b: ['X', 'Y', 'Z'], c: ['X', 'Z', 'Y'] }),
    expected: { a: 'Z', b: 'Y', c: 'X' },
  },
  {
    // Hospitals/residents with capacities; r5 is ranked by nobody, r6 ranks nobody.
    name: 'hospital–residents with capacities',
    instance: build(
      { H1: [2, 'r1', 'r2', 'r3', 'r4'], H2: [1, 'r3', 'r1', 'r2'], H3: [1, 'r4', 'r2'] },
      { r1: ['H2', 'H1'], r2: ['H1', 'H3'], r3: ['H1', 'H2'], r4: ['H1', 'H3'], r5: ['H1'], r6: [] },
    ),
    expected: { r1: 'H2', r2: 'H1', r3: 'H1', r4: 'H3', r5: '-', r6: '-' },
  },
  {
    name: 'a program only takes applicants it ranked',
    instance: build({ H: [3, 'b'] }, { a: ['H'], b: ['H'] }),
    expected: { a: '-', b: 'H' },
  },
  {
    name: 'zero-capacity program',
    instance: build({ H: [0, 'a'], K: [1, 'a'] }, { a: ['H', 'K'] }),
    expected: { a: 'K' },
  },
  {
    // p = q: a couple's line naming one program twice needs two seats there.
    name: 'couple on one program with one seat falls to its next line',
    instance: build(
      { H: [1, 'm', 'n'] },
      { m: [], n: [] },
      {
        couples: [
          {
            id: 'C',
            members: ['m', 'n'],
            ranks: [
              ['H', 'H'],
              ['H', null],
            ],
          },
        ],
      },
    ),
    expected: { m: 'H', n: '-' },
  },
  {
    name: 'couple on one program with two seats',
    instance: build(
      { H: [2, 'm', 'n'] },
      { m: [], n: [] },
      {
        couples: [
          {
            id: 'C',
            members: ['m', 'n'],
            ranks: [
              ['H', 'H'],
              ['H', null],
            ],
          },
        ],
      },
    ),
    expected: { m: 'H', n: 'H' },
  },
  {
    // H has two seats, but s (a single H prefers to n) takes one of them.
    name: 'couple on one program: a preferred single leaves one seat',
    instance: build(
      { H: [2, 's', 'm', 'n'] },
      { s: ['H'], m: [], n: [] },
      {
        couples: [
          {
            id: 'C',
            members: ['m', 'n'],
            ranks: [
              ['H', 'H'],
              ['H', null],
            ],
          },
        ],
      },
    ),
    expected: { s: 'H', m: 'H', n: '-' },
  },
  {
    // The couple displaces s2 from K; it would rather lose one seat than split up.
    name: 'couple placed together, displacing a single',
    instance: build(
      { H: [1, 'm', 's1'], K: [1, 'n', 's2'], L: [1, 's1', 's2'] },
      { s1: ['H', 'L'], s2: ['K', 'L'], m: [], n: [] },
      { couples: [{ id: 'C', members: ['m', 'n'], ranks: [['H', 'K']] }] },
    ),
    expected: { m: 'H', n: 'K', s1: 'L', s2: '-' },
  },
  {
    // Only one of the two programs would take its member: the couple is not split.
    name: 'couple not placed when one program refuses',
    instance: build({ H: [1, 'm'], K: [1, 's', 'n'] }, { s: ['K'], m: [], n: [] }, { couples: [{ id: 'C', members: ['m', 'n'], ranks: [['H', 'K']] }] }),
    expected: { s: 'K', m: '-', n: '-' },
  },
  {
    // The couple enters, displaces s1 and s2; s1 then displaces the couple's second member,
    // the couple withdraws its first member from h1, falls through its list, and the seat it
    // freed at h1 must go back to a single — an instability chain through both stacks.
    name: 'instability chain: couple displaced after it displaced others',
    instance: build(
      { h1: [1, 'm1', 's2', 'm2', 's1'], h2: [1, 's1', 's2', 'm2', 'm1'], h3: [1, 'm1', 's1', 'm2', 's2'] },
      { s1: ['h1', 'h3'], s2: ['h3', 'h1', 'h2'], m1: [], m2: [] },
      {
        couples: [
          {
            id: 'c',
            members: ['m1', 'm2'],
            ranks: [
              ['h1', 'h3'],
              ['h2', 'h3'],
            ],
          },
        ],
      },
    ),
    expected: { s1: 'h3', s2: 'h1', m1: '-', m2: '-' },
  },
  {
    name: 'supplemental list used after matching to the advanced program',
    instance: build({ RAD: [1, 'a'], TY1: [1, 'b', 'a'], TY2: [1, 'a'] }, { a: ['RAD'], b: ['TY1'] }, {}),
    expected: { a: 'RAD+TY2', b: 'TY1' },
  },
  {
    name: 'supplemental list unused when the advanced program is not matched',
    instance: build({ RAD: [1, 'b', 'a'], TY1: [1, 'a'], IM: [1, 'a'] }, { a: ['RAD', 'IM'], b: ['RAD'] }),
    expected: { a: 'IM', b: 'RAD' },
  },
  {
    // The single a ranked TY1 as a primary choice above RAD: holding TY1 as its PGY-1 seat,
    // it would rather have it as its match.
    name: 'single whose supplemental seat it ranked above its advanced program',
    instance: build({ RAD: [1, 'a'], TY1: [1, 'b', 'a'] }, { a: ['TY1', 'RAD'], b: ['TY1'] }),
    expected: { a: 'RAD', b: 'TY1' },
  },
  {
    name: 'reversion: unfilled positions move and the match runs again',
    instance: build({ X: [2, 'a'], Y: [1, 'b', 'c'] }, { a: ['X'], b: ['Y'], c: ['Y'] }),
    expected: { a: 'X', b: 'Y', c: 'Y' },
  },
  {
    name: 'reversion chain X → Y → Z',
    instance: build({ X: [2, 'a'], Y: [1, 'b'], Z: [1, 'c', 'd'] }, { a: ['X'], b: ['Y'], c: ['Z'], d: ['Z'] }),
    expected: { a: 'X', b: 'Y', c: 'Z', d: 'Z' },
  },
]

// Attach the extras the shorthand cannot express.
const byName = new Map(textbook.map((c) => [c.name, c.instance]))
const supplementalCase = byName.get('supplemental list used after matching to the advanced program') as MatchInstance
supplementalCase.programs[0]!.track = 'advanced'
supplementalCase.programs[2]!.track = 'preliminary'
supplementalCase.applicants[0]!.supplemental = [{ for: ['RAD'], ranks: ['TY1', 'TY2'] }]
const unusedCase = byName.get('supplemental list unused when the advanced program is not matched') as MatchInstance
unusedCase.programs[0]!.track = 'advanced'
unusedCase.applicants[0]!.supplemental = [{ for: ['RAD'], ranks: ['TY1'] }]
const primaryCase = byName.get('single whose supplemental seat it ranked above its advanced program') as MatchInstance
primaryCase.programs[0]!.track = 'advanced'
primaryCase.applicants[0]!.supplemental = [{ for: ['RAD'], ranks: ['TY1'] }]
byName.get('reversion: unfilled positions move and the match runs again')!.programs[0]!.revertTo = 'Y'
const chain = byName.get('reversion chain X → Y → Z') as MatchInstance
chain.programs[0]!.revertTo = 'Y'
chain.programs[1]!.revertTo = 'Z'

describe('solveMatch on textbook cases', () => {
  it.each(textbook)('$name', ({ instance, expected }) => {
    validateInstance(instance)
    const result = solveMatch(instance)
    expect(summary(result)).toEqual(expected)
    expect(checkStability(instance, result)).toEqual([])
    expect(result.unresolved).toBeUndefined()
  })

  it('marks supplemental positions and counts them in the PGY-1 program', () => {
    const result = solveMatch(supplementalCase)
    expect(result.matches).toContainEqual({ applicant: 'a', program: 'TY2', supplemental: true })
    expect(result.programs.find((p) => p.id === 'TY2')).toEqual({ id: 'TY2', capacity: 1, filled: 1 })
  })

  it('reports capacities after reversions, conserving the total', () => {
    const result = solveMatch(chain)
    expect(result.programs).toEqual([
      { id: 'X', capacity: 1, filled: 1 },
      { id: 'Y', capacity: 1, filled: 1 },
      { id: 'Z', capacity: 2, filled: 2 },
    ])
    expect(result.stats.reversionRounds).toBe(2)
  })

  it('a reversion round gives the applicant-optimal matching for the new capacities, not a vacancy chain from the last one', () => {
    // Before the reversion: a–X, b–Z, c–Y (Q has no position). W's unfilled position moves to Q.
    // Offering only that seat along a vacancy chain would move c to Q, then give Y to b (whom Y
    // prefers to a): a–X, b–Y, a stable matching — but a and b would both rather swap, and
    // deferred acceptance with the new capacities gives them their first choices.
    const instance = build({ Q: [0, 'c'], W: [1], X: [1, 'a', 'b'], Y: [1, 'c', 'b', 'a'], Z: [1, 'b'] }, { a: ['Y', 'X'], b: ['X', 'Y', 'Z'], c: ['Q', 'Y'] })
    instance.programs[1]!.revertTo = 'Q'
    const result = solveMatch(instance)
    expect(result.stats.reversionRounds).toBe(1)
    expect(summary(result)).toEqual({ a: 'Y', b: 'X', c: 'Q' })
    expect(checkStability(instance, result)).toEqual([])
  })

  it('repairs the instability chain through a freed seat (a re-entry)', () => {
    const result = solveMatch(byName.get('instability chain: couple displaced after it displaced others') as MatchInstance)
    expect(result.stats.coupleRestarts).toBeGreaterThanOrEqual(1)
    expect(result.stats.reentries).toBeGreaterThanOrEqual(1)
  })

  it('counts proposals', () => {
    const result = solveMatch(textbook[1]!.instance)
    // a: X, Y, Z; b: X, Y; c: X — rejections force everyone down.
    expect(result.stats.proposals).toBeGreaterThanOrEqual(6)
  })
})

describe('couples without a stable matching', () => {
  // s1 and the couple (m1, m2) compete for h1 and h2, one seat each. Every matching is
  // blocked: a naive algorithm cycles forever — the couple takes (h2, h1), s1 displaces m1 from
  // h2 via h1's vacancy, the couple re-enters, and so on.
  const noStable = build(
    { h1: [1, 'm2', 's1', 'm1'], h2: [1, 's1', 'm1', 'm2'] },
    { s1: ['h1', 'h2'], m1: [], m2: [] },
    {
      couples: [
        {
          id: 'c',
          members: ['m1', 'm2'],
          ranks: [
            ['h2', 'h1'],
            ['h1', 'h2'],
          ],
        },
      ],
    },
  )

  it('has none, by exhaustive search', () => {
    expect(listStableMatchings(noStable)).toEqual([])
  })

  it('terminates and reports the couple as unresolved', () => {
    const result = solveMatch(noStable)
    expect(result.unresolved?.couples).toEqual(['c'])
    expect(result.unresolved?.message).toMatch(/no stable matching/)
    // One couple has one order: the retries would repeat the same run.
    expect(result.stats.runs).toBe(1)
    // The result is still a matching: capacities hold.
    for (const p of result.programs) expect(p.filled).toBeLessThanOrEqual(p.capacity)
  })

  it('retries only orders not run yet: two looping couples, two orders', () => {
    // Two copies of the market above, side by side: both couples loop in either order.
    const twice = build(
      { h1: [1, 'm2', 's1', 'm1'], h2: [1, 's1', 'm1', 'm2'], k1: [1, 'n2', 't1', 'n1'], k2: [1, 't1', 'n1', 'n2'] },
      { s1: ['h1', 'h2'], m1: [], m2: [], t1: ['k1', 'k2'], n1: [], n2: [] },
      {
        couples: [
          {
            id: 'c',
            members: ['m1', 'm2'],
            ranks: [
              ['h2', 'h1'],
              ['h1', 'h2'],
            ],
          },
          {
            id: 'd',
            members: ['n1', 'n2'],
            ranks: [
              ['k2', 'k1'],
              ['k1', 'k2'],
            ],
          },
        ],
      },
    )
    const result = solveMatch(twice, { attempts: 4 })
    expect(result.unresolved?.couples).toEqual(['c', 'd'])
    expect(result.stats.runs).toBe(2)
  })

  it('stops sooner with a tighter bound, with the same report', () => {
    const loose = solveMatch(noStable)
    const tight = solveMatch(noStable, { maxReentries: 2, attempts: 1 })
    expect(tight.unresolved?.couples).toEqual(['c'])
    expect(tight.stats.proposals).toBeLessThan(loose.stats.proposals)
  })

  it('terminates under a tiny work bound too', () => {
    const result = solveMatch(noStable, { maxWork: 5, attempts: 1 })
    expect(result.unresolved).toBeDefined()
  })

  it('supplemental lists can cycle too: reported as unresolved applicants', () => {
    // A6 holds P0 and takes P1 on its supplemental list, pushing A8 to P0, which displaces A6,
    // whose supplemental seat frees P1 for A8 again...
    const instance = validateInstance({
      programs: [
        { id: 'P0', capacity: 2, ranks: ['A8', 'A10', 'A6'], track: 'advanced' },
        { id: 'P1', capacity: 1, ranks: ['A6', 'A8'] },
      ],
      applicants: [
        { id: 'A6', ranks: ['P0'], supplemental: [{ for: ['P0'], ranks: ['P1'] }] },
        { id: 'A8', ranks: ['P1', 'P0'] },
        { id: 'A10', ranks: ['P0'] },
      ],
    })
    const result = solveMatch(instance)
    expect(result.unresolved?.couples).toEqual([])
    expect(result.unresolved?.applicants?.length).toBeGreaterThan(0)
    const blocking = checkStability(instance, result)
    expect(blocking.length).toBeGreaterThan(0)
    for (const b of blocking) {
      expect(b.kind).not.toBe('couple')
      if (b.kind !== 'couple') expect(result.unresolved?.applicants).toContain(b.applicant)
    }
  })
})

describe('capacities', () => {
  it('holds the largest capacity validation accepts, without room for seats nobody can take', () => {
    const instance = build({ X: [2 ** 31 - 2, 'a', 'b'], Y: [1, 'b'] }, { a: ['X'], b: ['X', 'Y'] })
    instance.programs[0]!.revertTo = 'Y'
    const result = solveMatch(instance)
    expect(summary(result)).toEqual({ a: 'X', b: 'X' })
    expect(result.programs.reduce((n, p) => n + p.capacity, 0)).toBe(2 ** 31 - 1)
  })
})

describe('couples with a stable matching, checked exhaustively', () => {
  it('finds one of the stable matchings on small mixed markets', () => {
    const instance = build(
      { h1: [1, 'm1', 's1', 'm2'], h2: [2, 's2', 'm2', 's1', 'm1'], h3: [1, 'm1', 'm2', 's2'] },
      { s1: ['h2', 'h1'], s2: ['h3', 'h2'], m1: [], m2: [] },
      {
        couples: [
          {
            id: 'c',
            members: ['m1', 'm2'],
            ranks: [
              ['h1', 'h2'],
              ['h3', 'h2'],
              ['h3', null],
            ],
          },
        ],
      },
    )
    const stable = listStableMatchings(instance).map((r) => summary(r))
    expect(stable.length).toBeGreaterThan(0)
    const result = solveMatch(instance)
    const found = summary(result)
    expect(stable.map((s) => ({ ...Object.fromEntries(instance.applicants.map((a) => [a.id, '-'])), ...s }))).toContainEqual(found)
  })
})
