import { describe, expect, it } from 'vitest'
import { pairLists, reviewStatusOf, unpairList, validateRankList, type ProgramFacts, type ValidationInput } from './validate-rank-list.ts'

const program = (id: string, track: ProgramFacts['track'] = 'categorical', specialtyId = 'internal-medicine'): ProgramFacts => ({
  id,
  name: `Program ${id}`,
  track,
  specialtyId,
})
const PROGRAMS = new Map(
  [
    program('im-1'),
    program('im-2'),
    program('im-3'),
    program('anes-adv', 'advanced', 'anesthesiology'),
    program('derm-adv', 'advanced', 'dermatology'),
    program('prelim-1', 'preliminary'),
    program('prelim-2', 'preliminary', 'surgery'),
    program('ty-1', 'categorical', 'transitional-year'),
  ].map((p) => [p.id, p]),
)

const input = (overrides: Partial<ValidationInput>): ValidationInput => ({
  primary: [],
  supplemental: [],
  programs: PROGRAMS,
  interviewed: new Set(PROGRAMS.keys()),
  coupled: false,
  ...overrides,
})
const fields = (issues: { field: string }[]) => issues.map((i) => i.field)

describe('a single applicant’s primary list', () => {
  it('an empty list and a plain ordered list are valid', () => {
    expect(validateRankList(input({}))).toEqual({ errors: [], warnings: [] })
    expect(validateRankList(input({ primary: [{ programId: 'im-2' }, { programId: 'im-1' }] })).errors).toEqual([])
  })

  it.each([
    ['a duplicate program', [{ programId: 'im-1' }, { programId: 'im-2' }, { programId: 'im-1' }], 'primary.2.programId', /already at rank 1/],
    ['an unknown program', [{ programId: 'nowhere' }], 'primary.0.programId', /no program/],
    ['"No Match" outside a couple', [{ programId: null }], 'primary.0.programId', /only for a line of a couple/],
    ['a partner program outside a couple', [{ programId: 'im-1', partnerProgramId: 'im-2' }], 'primary.0.partnerProgramId', /confirmed couple/],
  ])('%s is an error on its line', (_label, primary, field, message) => {
    const { errors } = validateRankList(input({ primary }))
    expect(fields(errors)).toContain(field)
    expect(errors.find((e) => e.field === field)?.message).toMatch(message)
  })

  it('a program without a marked interview is a warning, not an error', () => {
    const result = validateRankList(input({ primary: [{ programId: 'im-1' }, { programId: 'im-2' }], interviewed: new Set(['im-1']) }))
    expect(result.errors).toEqual([])
    expect(fields(result.warnings)).toEqual(['primary.1.programId'])
    expect(result.warnings[0]?.message).toMatch(/not marked an interview at Program im-2/)
  })
})

describe('supplemental PGY-1 lists', () => {
  it('attach to an advanced program on the primary list and hold preliminary or transitional programs', () => {
    const result = validateRankList(
      input({
        primary: [{ programId: 'anes-adv' }],
        supplemental: [{ advancedProgramId: 'anes-adv', entries: [{ programId: 'prelim-1' }, { programId: 'ty-1' }] }],
      }),
    )
    expect(result).toEqual({ errors: [], warnings: [] })
  })

  it('the same preliminary program may sit on two supplemental lists', () => {
    const result = validateRankList(
      input({
        primary: [{ programId: 'anes-adv' }, { programId: 'derm-adv' }],
        supplemental: [
          { advancedProgramId: 'anes-adv', entries: [{ programId: 'prelim-1' }] },
          { advancedProgramId: 'derm-adv', entries: [{ programId: 'prelim-1' }] },
        ],
      }),
    )
    expect(result.errors).toEqual([])
  })

  it.each([
    [
      'attached to a categorical program',
      [{ programId: 'im-1' }],
      { advancedProgramId: 'im-1', entries: [] },
      'supplemental.0.advancedProgramId',
      /not an advanced program/,
    ],
    [
      'attached to an advanced program not on the primary list',
      [{ programId: 'im-1' }],
      { advancedProgramId: 'anes-adv', entries: [] },
      'supplemental.0.advancedProgramId',
      /not on your primary list/,
    ],
    [
      'holding a categorical program',
      [{ programId: 'anes-adv' }],
      { advancedProgramId: 'anes-adv', entries: [{ programId: 'im-1' }] },
      'supplemental.0.entries.0.programId',
      /PGY-1 programs only/,
    ],
    [
      'holding a program twice',
      [{ programId: 'anes-adv' }],
      { advancedProgramId: 'anes-adv', entries: [{ programId: 'prelim-1' }, { programId: 'prelim-1' }] },
      'supplemental.0.entries.1.programId',
      /already at rank 1/,
    ],
  ])('refused when %s', (_label, primary, list, field, message) => {
    const { errors } = validateRankList(input({ primary, supplemental: [list] }))
    expect(errors.find((e) => e.field === field)?.message).toMatch(message)
  })

  it('two lists for one advanced program are refused', () => {
    const list = { advancedProgramId: 'anes-adv', entries: [] }
    expect(fields(validateRankList(input({ primary: [{ programId: 'anes-adv' }], supplemental: [list, list] })).errors)).toEqual([
      'supplemental.1.advancedProgramId',
    ])
  })

  it('an advanced program with no supplemental list is a warning', () => {
    const { errors, warnings } = validateRankList(input({ primary: [{ programId: 'anes-adv' }] }))
    expect(errors).toEqual([])
    expect(warnings[0]?.message).toMatch(/starts in the second year/)
  })
})

describe('a couple’s paired lines', () => {
  it('one partner may pair a program with "No Match"; the same program may recur with different partners', () => {
    const primary = [
      { programId: 'im-1', partnerProgramId: 'im-2' },
      { programId: 'im-1', partnerProgramId: 'im-3' },
      { programId: null, partnerProgramId: 'im-2' },
      { programId: 'im-3', partnerProgramId: null },
    ]
    expect(validateRankList(input({ coupled: true, primary, partnerInterviewed: new Set(PROGRAMS.keys()) }))).toEqual({ errors: [], warnings: [] })
  })

  it.each([
    ['"No Match" for both', [{ programId: null, partnerProgramId: null }], 'primary.0.programId', /both of you/],
    [
      'the same pair twice',
      [
        { programId: 'im-1', partnerProgramId: 'im-2' },
        { programId: 'im-1', partnerProgramId: 'im-2' },
      ],
      'primary.1.programId',
      /already at line 1/,
    ],
    ['a line without the partner’s program', [{ programId: 'im-1' }], 'primary.0.partnerProgramId', /every line names your partner/],
    ['an unknown partner program', [{ programId: 'im-1', partnerProgramId: 'nowhere' }], 'primary.0.partnerProgramId', /no program/],
  ])('refused: %s', (_label, primary, field, message) => {
    const { errors } = validateRankList(input({ coupled: true, primary }))
    expect(errors.find((e) => e.field === field)?.message).toMatch(message)
  })

  it('the partner’s program without their interview is a warning', () => {
    const { warnings } = validateRankList(input({ coupled: true, primary: [{ programId: 'im-1', partnerProgramId: 'im-2' }], partnerInterviewed: new Set() }))
    expect(fields(warnings)).toEqual(['primary.0.partnerProgramId'])
  })
})

describe('pairing and unpairing lists', () => {
  const e = (programId: string | null) => ({ programId, note: '' })
  it('pads the shorter list with "No Match" so both have equal length, ranks unchanged', () => {
    const { mine, theirs } = pairLists([e('a'), e('b'), e('c')], [e('x')], () => e(null))
    expect(mine.map((l) => l.programId)).toEqual(['a', 'b', 'c'])
    expect(theirs.map((l) => l.programId)).toEqual(['x', null, null])
  })
  it('unpairing drops "No Match" lines and repeated programs, keeping the first place', () => {
    expect(unpairList([e('a'), e(null), e('a'), e('b')]).map((l) => l.programId)).toEqual(['a', 'b'])
  })
})

describe('review status', () => {
  it.each([
    [null, 'draft'],
    [{ status: 'draft', version: 3, signedOffVersion: null }, 'draft'],
    [{ status: 'submitted', version: 3, signedOffVersion: null }, 'submitted'],
    [{ status: 'signed-off', version: 3, signedOffVersion: 3 }, 'signed-off'],
    [{ status: 'signed-off', version: 4, signedOffVersion: 3 }, 'changed-since-sign-off'],
    [{ status: 'submitted', version: 5, signedOffVersion: 3 }, 'submitted'],
  ] as const)('%j reads %s', (stored, expected) => {
    expect(reviewStatusOf(stored)).toBe(expected)
  })
})
