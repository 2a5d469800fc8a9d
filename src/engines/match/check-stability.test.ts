import { describe, expect, it } from 'vitest'
import { checkStability } from './check-stability.ts'
import type { BlockingPair, MatchAssignment, MatchInstance, MatchResult } from './types.ts'

function resultOf(instance: MatchInstance, matches: MatchAssignment[]): MatchResult {
  const matched = new Set(matches.map((m) => m.applicant))
  return {
    matches,
    unmatched: instance.applicants.map((a) => a.id).filter((id) => !matched.has(id)),
    programs: instance.programs.map((p) => ({
      id: p.id,
      capacity: p.capacity,
      filled: matches.filter((m) => m.program === p.id).length,
    })),
    stats: { proposals: 0 },
  }
}

const couple = (ranks: [string | null, string | null][]) => [{ id: 'C', members: ['m', 'n'] as [string, string], ranks }]

type Case = { name: string; instance: MatchInstance; matches: MatchAssignment[]; blocking: BlockingPair[] }

const cases: Case[] = [
  {
    name: 'single and a program that prefers it',
    instance: {
      programs: [{ id: 'X', capacity: 1, ranks: ['a', 'b'] }],
      applicants: [
        { id: 'a', ranks: ['X'] },
        { id: 'b', ranks: ['X'] },
      ],
    },
    matches: [{ applicant: 'b', program: 'X' }],
    blocking: [{ kind: 'single', applicant: 'a', program: 'X' }],
  },
  {
    name: 'single and a program with a free seat',
    instance: {
      programs: [{ id: 'X', capacity: 2, ranks: ['b', 'a'] }],
      applicants: [
        { id: 'a', ranks: ['X'] },
        { id: 'b', ranks: ['X'] },
      ],
    },
    matches: [{ applicant: 'b', program: 'X' }],
    blocking: [{ kind: 'single', applicant: 'a', program: 'X' }],
  },
  {
    name: 'no block with a program that did not rank the applicant',
    instance: {
      programs: [{ id: 'X', capacity: 2, ranks: ['b'] }],
      applicants: [
        { id: 'a', ranks: ['X'] },
        { id: 'b', ranks: ['X'] },
      ],
    },
    matches: [{ applicant: 'b', program: 'X' }],
    blocking: [],
  },
  {
    name: 'no block with a program the applicant ranks lower',
    instance: {
      programs: [
        { id: 'X', capacity: 1, ranks: ['a'] },
        { id: 'Y', capacity: 1, ranks: ['a'] },
      ],
      applicants: [{ id: 'a', ranks: ['X', 'Y'] }],
    },
    matches: [{ applicant: 'a', program: 'X' }],
    blocking: [],
  },
  {
    name: 'couple blocks, counting its own seat as free',
    instance: {
      programs: [
        { id: 'H', capacity: 1, ranks: ['m', 's'] },
        { id: 'K', capacity: 1, ranks: ['n'] },
      ],
      applicants: [
        { id: 's', ranks: [] },
        { id: 'm', ranks: [] },
        { id: 'n', ranks: [] },
      ],
      couples: couple([
        ['H', 'K'],
        ['H', null],
      ]),
    },
    matches: [{ applicant: 'm', program: 'H' }],
    blocking: [{ kind: 'couple', couple: 'C', programs: ['H', 'K'] }],
  },
  {
    name: 'couple does not block when one program would refuse its member',
    instance: {
      programs: [
        { id: 'H', capacity: 1, ranks: ['m'] },
        { id: 'K', capacity: 1, ranks: ['t', 'n'] },
      ],
      applicants: [
        { id: 't', ranks: ['K'] },
        { id: 'm', ranks: [] },
        { id: 'n', ranks: [] },
      ],
      couples: couple([
        ['H', 'K'],
        ['H', null],
      ]),
    },
    matches: [
      { applicant: 'm', program: 'H' },
      { applicant: 't', program: 'K' },
    ],
    blocking: [],
  },
  {
    name: 'p = q: two seats needed, one taken by a preferred single',
    instance: {
      programs: [{ id: 'H', capacity: 2, ranks: ['s', 'm', 'n'] }],
      applicants: [
        { id: 's', ranks: ['H'] },
        { id: 'm', ranks: [] },
        { id: 'n', ranks: [] },
      ],
      couples: couple([
        ['H', 'H'],
        ['H', null],
      ]),
    },
    matches: [
      { applicant: 's', program: 'H' },
      { applicant: 'm', program: 'H' },
    ],
    blocking: [],
  },
  {
    name: 'p = q: a third seat makes the couple block',
    instance: {
      programs: [{ id: 'H', capacity: 3, ranks: ['s', 'm', 'n'] }],
      applicants: [
        { id: 's', ranks: ['H'] },
        { id: 'm', ranks: [] },
        { id: 'n', ranks: [] },
      ],
      couples: couple([
        ['H', 'H'],
        ['H', null],
      ]),
    },
    matches: [
      { applicant: 's', program: 'H' },
      { applicant: 'm', program: 'H' },
    ],
    blocking: [{ kind: 'couple', couple: 'C', programs: ['H', 'H'] }],
  },
  {
    name: 'unmatched couple blocks with any line that both programs would take',
    instance: {
      programs: [{ id: 'H', capacity: 1, ranks: ['m'] }],
      applicants: [
        { id: 'm', ranks: [] },
        { id: 'n', ranks: [] },
      ],
      couples: couple([['H', null]]),
    },
    matches: [],
    blocking: [{ kind: 'couple', couple: 'C', programs: ['H', null] }],
  },
  {
    name: 'supplemental list: a better PGY-1 program with room',
    instance: {
      programs: [
        { id: 'RAD', capacity: 1, ranks: ['a'], track: 'advanced' },
        { id: 'TY1', capacity: 1, ranks: ['a'] },
        { id: 'TY2', capacity: 1, ranks: ['a'] },
      ],
      applicants: [{ id: 'a', ranks: ['RAD'], supplemental: [{ for: ['RAD'], ranks: ['TY1', 'TY2'] }] }],
    },
    matches: [
      { applicant: 'a', program: 'RAD' },
      { applicant: 'a', program: 'TY2', supplemental: true },
    ],
    blocking: [{ kind: 'supplemental', applicant: 'a', program: 'TY1' }],
  },
  {
    name: 'supplemental list ignored without the advanced position',
    instance: {
      programs: [
        { id: 'RAD', capacity: 1, ranks: [], track: 'advanced' },
        { id: 'TY1', capacity: 1, ranks: ['a'] },
      ],
      applicants: [{ id: 'a', ranks: ['RAD'], supplemental: [{ for: ['RAD'], ranks: ['TY1'] }] }],
    },
    matches: [],
    blocking: [],
  },
]

describe('checkStability', () => {
  it.each(cases)('$name', ({ instance, matches, blocking }) => {
    expect(checkStability(instance, resultOf(instance, matches))).toEqual(blocking)
  })

  it('uses the capacities the result reports (after reversions)', () => {
    const instance: MatchInstance = {
      programs: [{ id: 'X', capacity: 1, ranks: ['a', 'b'] }],
      applicants: [
        { id: 'a', ranks: ['X'] },
        { id: 'b', ranks: ['X'] },
      ],
    }
    const result = resultOf(instance, [{ applicant: 'a', program: 'X' }])
    expect(checkStability(instance, result)).toEqual([])
    result.programs[0]!.capacity = 2
    expect(checkStability(instance, result)).toEqual([{ kind: 'single', applicant: 'b', program: 'X' }])
  })
})
