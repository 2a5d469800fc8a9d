import { describe, expect, it } from 'vitest'
import { DEFAULT_PRIORS, drawOutcomes, generateApplicants, generatePrograms } from '#engines/smart-pick/index.ts'
import { checkPastOutcomesCsv, MAX_ROWS, type PastOutcomesLookups } from './past-outcomes-csv.ts'
import { writePastOutcomesCsv } from './past-outcomes-csv-writer.ts'

const lookups: PastOutcomesLookups = {
  programSpecialties: new Map([
    ['IM-1', 'internal-medicine'],
    ['IM-2', 'internal-medicine'],
    ['IM-3', 'internal-medicine'],
    ['GS-1', 'general-surgery'],
  ]),
  currentYear: 2026,
}

const HEADER =
  'match_year,graduate_id,applicant_type,specialty,step2,step1,research_items,aoa,gold_humanism,clerkship_honors,experiences,tie_states,tie_regions,needs_visa,program_id,signalled,away_rotation,interviewed,matched_program_id'
const good = [
  HEADER,
  '2024,G-1,us-md,internal-medicine,248,pass,4,no,yes,3,8,OH;MI,midwest,no,IM-1,yes,no,yes,IM-1',
  '2024,G-1,us-md,internal-medicine,248,pass,4,no,yes,3,8,MI;OH,midwest,no,IM-2,no,yes,yes,IM-1',
  '2024,G-2,U.S. DO,Internal Medicine,,fail,0,no,no,1,4,,,yes,IM-3,no,no,no,',
  '2025,G-3,non-us-img,internal-medicine,231,,1,,,0,2,,,yes,IM-1,,,yes,',
].join('\n')

/** Rejects as `row:column` strings, for compact expectations. */
const where = (text: string) => checkPastOutcomesCsv(text, lookups).rejects.map((r) => `${r.row}:${r.column ?? '-'}`)

describe('checkPastOutcomesCsv', () => {
  it('reads a good file into graduates with their applications', () => {
    const check = checkPastOutcomesCsv(good, lookups)
    expect(check.rejects).toEqual([])
    expect(check.rows).toBe(4)
    expect(check.years).toEqual([2024, 2025])
    expect(check.graduates).toHaveLength(3)
    const g1 = check.graduates.find((g) => g.graduateId === 'G-1')
    expect(g1).toMatchObject({
      matchYear: 2024,
      applicantType: 'us-md',
      step2: 248,
      step1: 'pass',
      goldHumanism: true,
      tieStates: ['OH', 'MI'],
      tieRegions: ['midwest'],
      matchedProgramId: 'IM-1',
      firstRow: 2,
    })
    expect(g1?.applications).toEqual([
      { programId: 'IM-1', signalled: true, interviewed: true, awayRotation: false, row: 2 },
      { programId: 'IM-2', signalled: false, interviewed: true, awayRotation: true, row: 3 },
    ])
    // Names as well as ids; blanks are "no" and 0.
    expect(check.graduates.find((g) => g.graduateId === 'G-2')).toMatchObject({
      applicantType: 'us-do',
      specialtyId: 'internal-medicine',
      step2: null,
      step1: 'fail',
      needsVisa: true,
      matchedProgramId: null,
    })
  })

  it('takes columns in any order, any case, with extra columns ignored and named', () => {
    const text = [
      'Program ID,Graduate-ID,Match Year,Specialty,Applicant Type,Interviewed,Matched Program ID,Notes',
      'IM-1,G-9,2023,internal-medicine,us-md,yes,,called twice',
    ].join('\r\n')
    const check = checkPastOutcomesCsv(text, lookups)
    expect(check.rejects).toEqual([])
    expect(check.ignoredColumns).toEqual(['Notes'])
    expect(check.graduates[0]).toMatchObject({ graduateId: 'G-9', researchItems: 0, alphaOmegaAlpha: false, tieStates: [] })
  })

  it('reports each malformed value with its row and column, and keeps no graduate', () => {
    const rows = [
      HEADER,
      /* 2 */ '2024,G-1,us-md,internal-medicine,248,pass,4,no,no,3,8,,,no,IM-9,no,no,yes,', // unknown program
      /* 3 */ '2024,G-2,us-md,internal-medicine,348,pass,4,no,no,3,8,,,no,IM-1,no,no,yes,', // bad score
      /* 4 */ '2024,G-3,us-md,cardiology,240,pass,4,no,no,3,8,,,no,IM-1,no,no,yes,', // unknown specialty
      /* 5 */ '2024,G-4,osteopath,internal-medicine,240,pass,4,no,no,3,8,,,no,IM-1,no,no,yes,', // applicant type
      /* 6 */ '2024,G-5,us-md,internal-medicine,240,pass,4,no,no,3,8,,,no,IM-1,no,no,yes,',
      /* 7 */ '2024,G-5,us-md,internal-medicine,240,pass,4,no,no,3,8,,,no,IM-1,no,no,yes,', // duplicate
      /* 8 */ '2024,G-6,us-md,internal-medicine,240,pass,4,no,no,3,8,,,no,IM-1,no,no,yes,IM-2', // matched, not applied
      /* 9 */ '2024,G-7,us-md,internal-medicine,240,pass,4,no,no,3,8,,,no,IM-1,no,no,no,IM-1', // matched, not interviewed
      /* 10 */ '2024,G-8,us-md,internal-medicine,240,pass,4,no,no,3,8,,,no,IM-1,no,no,yes,',
      /* 11 */ '2024,G-8,us-md,internal-medicine,251,pass,4,no,no,3,8,,,no,IM-2,no,no,yes,', // inconsistent graduate column
      /* 12 */ '2025,G-8,us-md,internal-medicine,240,pass,4,no,no,3,8,,,no,IM-3,no,no,yes,', // same graduate, another year
      /* 13 */ '20x4,G-9,us-md,internal-medicine,240,maybe,-1,perhaps,no,3,8,XX,north,no,IM-1,no,no,,', // many at once
      /* 14 */ '2024,G-10,us-md,internal-medicine,240,pass,4', // too few values
      /* 15 */ '2031,,us-md,internal-medicine,240,pass,4,no,no,3,8,,,no,,no,no,yes,', // year ahead, no id, no program
    ]
    const check = checkPastOutcomesCsv(rows.join('\n'), lookups)
    expect(check.graduates).toEqual([])
    const got = check.rejects.map((r) => `${r.row}:${r.column ?? '-'}`)
    expect(got).toEqual(
      expect.arrayContaining([
        '2:program_id',
        '3:step2',
        '4:specialty',
        '5:applicant_type',
        '7:program_id',
        '8:matched_program_id',
        '9:interviewed',
        '11:step2',
        '12:match_year',
        '13:match_year',
        '13:step1',
        '13:research_items',
        '13:aoa',
        '13:tie_states',
        '13:tie_regions',
        '13:interviewed',
        '14:-',
        '15:match_year',
        '15:graduate_id',
        '15:program_id',
      ]),
    )
    expect(check.rejectedRows).toBe(12)
    const message = (row: number, column: string) => check.rejects.find((r) => r.row === row && r.column === column)?.message
    expect(message(2, 'program_id')).toMatch(/Unknown program id "IM-9"/)
    expect(message(7, 'program_id')).toMatch(/Duplicate.*row 6/)
    expect(message(8, 'matched_program_id')).toMatch(/matched at IM-2 but has no row applying to it/)
    expect(message(11, 'step2')).toMatch(/Differs from row 10/)
    expect(message(12, 'match_year')).toMatch(/already in match year 2024.*another graduate id/)
    // Sorted by row.
    expect(check.rejects.map((r) => r.row)).toEqual([...check.rejects.map((r) => r.row)].sort((a, b) => a - b))
  })

  it('names a missing or repeated column, an empty file, a file with no rows, and broken quoting', () => {
    expect(where('')).toEqual(['1:-'])
    expect(where(HEADER)).toEqual(['2:-'])
    const noInterviewed = HEADER.replace(',interviewed', '')
    expect(where(noInterviewed)).toEqual(['1:interviewed'])
    expect(where(`${HEADER},Step2`)).toEqual(['1:Step2'])
    const broken = checkPastOutcomesCsv(`${HEADER}\n2024,"G-1,us-md`, lookups)
    expect(broken.rejects[0]?.message).toMatch(/not valid CSV/)
  })

  it('skips blank lines but keeps spreadsheet row numbers', () => {
    const text = [HEADER, '', '2024,G-1,us-md,internal-medicine,248,pass,4,no,no,3,8,,,no,IM-9,no,no,yes,'].join('\n')
    expect(where(text)).toEqual(['3:program_id'])
  })

  it('refuses a file with too many rows before checking them', () => {
    const row = '2024,G-1,us-md,internal-medicine,248,pass,4,no,no,3,8,,,no,IM-1,no,no,yes,'
    const text = [HEADER, ...Array.from({ length: MAX_ROWS + 1 }, () => row)].join('\n')
    const check = checkPastOutcomesCsv(text, lookups)
    expect(check.rejects).toHaveLength(1)
    expect(check.rejects[0]?.message).toMatch(/at most 60,000/)
  })

  it('reads back what the writer writes (a synthetic cohort round-trips)', () => {
    const programs = generatePrograms({ specialty: 'internal-medicine', count: 40, seed: 5, priors: DEFAULT_PRIORS })
    const applicants = generateApplicants({ specialty: 'internal-medicine', count: 30, seed: 6, programs })
    const outcomes = drawOutcomes({ applicants, programs, truth: DEFAULT_PRIORS, year: 2024, seed: 7 })
    const text = writePastOutcomesCsv(outcomes)
    // The header of the documented example file (docs/formats/past-outcomes-csv.md), letter for letter.
    expect(text.split('\r\n')[0]).toBe(HEADER)
    const check = checkPastOutcomesCsv(text, { programSpecialties: new Map(programs.map((p) => [p.id, p.specialty])), currentYear: 2026 })
    expect(check.rejects).toEqual([])
    expect(check.graduates).toHaveLength(30)
    expect(check.rows).toBe(outcomes.reduce((s, o) => s + o.applications.length, 0))
    check.graduates.forEach((g, i) => {
      const o = outcomes[i] as (typeof outcomes)[number]
      expect(g.applications.map((a) => [a.programId, a.interviewed])).toEqual(o.applications.map((a) => [a.programId, a.interviewed]))
      expect(g.matchedProgramId).toBe(o.matchedProgramId)
      expect(g.step2).toBe(o.applicant.step2 ?? null)
      expect(g.tieStates).toEqual([...new Set(o.applicant.ties.states)])
    })
  })
})
