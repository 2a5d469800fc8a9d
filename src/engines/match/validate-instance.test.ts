import { describe, expect, it } from 'vitest'
import { InstanceError } from './instance-error.ts'
import type { MatchInstance } from './types.ts'
import { MAX_PROGRAM_RANKS } from './instance-checks.ts'
import { MAX_CAPACITY, validateInstance } from './validate-instance.ts'

function base(): MatchInstance {
  return {
    programs: [
      { id: 'IM', capacity: 2, ranks: ['A1', 'A2', 'A3'], revertTo: 'FM' },
      { id: 'FM', capacity: 1, ranks: ['A1', 'A4'] },
      { id: 'RAD', capacity: 1, ranks: ['A2'], track: 'advanced' },
      { id: 'TY', capacity: 1, ranks: ['A2'], track: 'preliminary' },
    ],
    applicants: [
      { id: 'A1', ranks: ['IM', 'FM'] },
      { id: 'A2', ranks: ['RAD', 'IM'], supplemental: [{ for: ['RAD'], ranks: ['TY'] }] },
      { id: 'A3', ranks: [] },
      { id: 'A4', ranks: [] },
    ],
    couples: [
      {
        id: 'C1',
        members: ['A3', 'A4'],
        ranks: [
          ['IM', 'FM'],
          ['IM', null],
        ],
      },
    ],
  }
}

type Case = [name: string, path: string, mutate: (instance: MatchInstance) => unknown]

const cases: Case[] = [
  ['not an object', '$', () => 42],
  ['programs not an array', 'programs', (i) => ({ ...i, programs: {} })],
  ['applicant not an object', 'applicants[4]', (i) => ({ ...i, applicants: [...i.applicants, 'A5'] })],
  [
    'program id not a string',
    'programs[1].id',
    (i) => {
      ;(i.programs[1] as { id: unknown }).id = 7
    },
  ],
  [
    'ranks not an array',
    'applicants[0].ranks',
    (i) => {
      ;(i.applicants[0] as { ranks: unknown }).ranks = 'IM'
    },
  ],
  [
    'unknown track',
    'programs[0].track',
    (i) => {
      ;(i.programs[0] as { track: unknown }).track = 'fellowship'
    },
  ],
  ['duplicate program id', 'programs[4].id', (i) => void i.programs.push({ id: 'FM', capacity: 1, ranks: [] })],
  ['duplicate applicant id', 'applicants[4].id', (i) => void i.applicants.push({ id: 'A2', ranks: [] })],
  ['duplicate couple id', 'couples[1].id', (i) => void i.couples?.push({ id: 'C1', members: ['A1', 'A2'], ranks: [] })],
  [
    'negative capacity',
    'programs[2].capacity',
    (i) => {
      ;(i.programs[2] as { capacity: number }).capacity = -1
    },
  ],
  [
    'fractional capacity',
    'programs[2].capacity',
    (i) => {
      ;(i.programs[2] as { capacity: number }).capacity = 1.5
    },
  ],
  // The engine holds capacities in 32-bit integers: 2^31 used to crash, 2^32 + 1 became 1 and
  // 1e300 became 0, each reported as a success.
  ...([2 ** 31, 4_294_967_297, 1e300] as const).map(
    (capacity): Case => [
      `capacity ${capacity}`,
      'programs[2].capacity',
      (i) => {
        ;(i.programs[2] as { capacity: number }).capacity = capacity
      },
    ],
  ),
  [
    'capacities whose total the engine cannot hold',
    'programs[2].capacity',
    (i) => {
      ;(i.programs[0] as { capacity: number }).capacity = 2 ** 31 - 2
    },
  ],
  // A misspelt optional field would otherwise be ignored: `revertto` meant no reversion.
  [
    'an unknown field in a program',
    'programs[0].revertto',
    (i) => {
      ;(i.programs[0] as Record<string, unknown>).revertto = 'FM'
    },
  ],
  [
    'an unknown field in an applicant',
    'applicants[0].rank',
    (i) => {
      ;(i.applicants[0] as Record<string, unknown>).rank = []
    },
  ],
  [
    'an unknown field in a supplemental list',
    'applicants[1].supplemental[0].For',
    (i) => {
      ;(i.applicants[1]?.supplemental?.[0] as Record<string, unknown>).For = ['RAD']
    },
  ],
  [
    'an unknown field in a couple',
    'couples[0].member',
    (i) => {
      ;(i.couples?.[0] as Record<string, unknown>).member = []
    },
  ],
  ['an unknown top-level field', 'couple', (i) => ({ ...i, couple: [] })],
  ['unknown applicant in a program list', 'programs[0].ranks[3]', (i) => void i.programs[0]?.ranks.push('A9')],
  ['unknown program in an applicant list', 'applicants[0].ranks[2]', (i) => void i.applicants[0]?.ranks.push('ENT')],
  ['duplicate rank in a program list', 'programs[0].ranks[3]', (i) => void i.programs[0]?.ranks.push('A1')],
  ['duplicate rank in an applicant list', 'applicants[0].ranks[2]', (i) => void i.applicants[0]?.ranks.push('IM')],
  [
    'unknown revertTo',
    'programs[1].revertTo',
    (i) => {
      ;(i.programs[1] as { revertTo?: string }).revertTo = 'XX'
    },
  ],
  [
    'revertTo cycle',
    'programs[0].revertTo',
    (i) => {
      ;(i.programs[1] as { revertTo?: string }).revertTo = 'IM'
    },
  ],
  [
    'revertTo to itself',
    'programs[3].revertTo',
    (i) => {
      ;(i.programs[3] as { revertTo?: string }).revertTo = 'TY'
    },
  ],
  ['supplemental for a non-advanced program', 'applicants[1].supplemental[0].for[1]', (i) => void i.applicants[1]?.supplemental?.[0]?.for.push('IM')],
  ['supplemental for an unknown program', 'applicants[1].supplemental[0].for[1]', (i) => void i.applicants[1]?.supplemental?.[0]?.for.push('XX')],
  ['supplemental list ranking an unknown program', 'applicants[1].supplemental[0].ranks[1]', (i) => void i.applicants[1]?.supplemental?.[0]?.ranks.push('XX')],
  [
    'supplemental list ranking an advanced program',
    'applicants[1].supplemental[0].ranks[1]',
    (i) => void i.applicants[1]?.supplemental?.[0]?.ranks.push('RAD'),
  ],
  [
    'two supplemental lists for one advanced program',
    'applicants[1].supplemental[1].for[0]',
    (i) => void i.applicants[1]?.supplemental?.push({ for: ['RAD'], ranks: ['IM'] }),
  ],
  [
    'unknown couple member',
    'couples[0].members[1]',
    (i) => {
      ;(i.couples![0] as { members: string[] }).members[1] = 'A9'
    },
  ],
  ['couple member with its own ranks', 'couples[0].members[0]', (i) => void i.applicants[2]?.ranks.push('IM')],
  ['member in two couples', 'couples[1].members[0]', (i) => void i.couples?.push({ id: 'C2', members: ['A4', 'A1'], ranks: [] })],
  [
    'couple of one person',
    'couples[0].members[1]',
    (i) => {
      ;(i.couples![0] as { members: string[] }).members = ['A3', 'A3']
    },
  ],
  ['unknown program in a couple line', 'couples[0].ranks[2][1]', (i) => void i.couples?.[0]?.ranks.push(['IM', 'XX'])],
  ['duplicate couple line', 'couples[0].ranks[2]', (i) => void i.couples?.[0]?.ranks.push(['IM', null])],
  ['empty couple line', 'couples[0].ranks[2]', (i) => void i.couples?.[0]?.ranks.push([null, null])],
  ['malformed couple line', 'couples[0].ranks[2]', (i) => void (i.couples![0]!.ranks as unknown[]).push(['IM'])],
]

describe('validateInstance', () => {
  it('accepts a well-formed instance and returns it', () => {
    const instance = base()
    expect(validateInstance(instance)).toBe(instance)
    expect(validateInstance({ programs: [], applicants: [] })).toEqual({ programs: [], applicants: [] })
  })

  it('accepts the largest capacity the engine holds', () => {
    const instance = base()
    ;(instance.programs[2] as { capacity: number }).capacity = MAX_CAPACITY - 4
    expect(validateInstance(instance)).toBe(instance)
  })

  it('refuses a program list longer than the solver holds', () => {
    const instance = base()
    const program = instance.programs[1] as { ranks: string[] }
    // The length is checked before any id is looked up.
    program.ranks = new Array<string>(MAX_PROGRAM_RANKS + 1).fill(program.ranks[0] as string)
    expect(() => validateInstance(instance)).toThrow(new InstanceError('programs[1].ranks', `must rank at most ${MAX_PROGRAM_RANKS} applicants`))
    program.ranks.length = 1
    expect(validateInstance(instance)).toBe(instance)
  })

  it.each(cases)('rejects %s at %s', (_name, path, mutate) => {
    const instance = base()
    const mutated = mutate(instance)
    const input = mutated === undefined ? instance : mutated
    let error: unknown
    try {
      validateInstance(input)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InstanceError)
    expect((error as InstanceError).path).toBe(path)
    expect((error as InstanceError).message).toContain(path)
  })
})
