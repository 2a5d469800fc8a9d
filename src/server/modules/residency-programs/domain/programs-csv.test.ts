import { describe, expect, it } from 'vitest'
import { checkProgramsCsv, decodeCsvBytes, EXPORT_COLUMNS, MAX_ROWS, writeProgramsCsv, type ProgramForCsv } from './programs-csv.ts'

const HEADER = 'id,name,specialty,track,state,positions,setting,step2_p25,step2_p75'
const GOOD = 'P1,Good Program,internal-medicine,categorical,OH,10,academic,240,252'

function rejectsOf(line: string, header = HEADER) {
  return checkProgramsCsv(`${header}\n${line}\n`).rejects.map((r) => ({ column: r.column, message: r.message }))
}

describe('checkProgramsCsv', () => {
  it.each([
    ['a line break in a quoted name', 'P1,"Good\nSubject: urgent",internal-medicine,categorical,OH,10,academic,240,252'],
    ['a carriage return', 'P1,"Good\rProgram",internal-medicine,categorical,OH,10,academic,240,252'],
    ['a control character', 'P1,Good\u0007Program,internal-medicine,categorical,OH,10,academic,240,252'],
    ['NUL', 'P1,Good\u0000Program,internal-medicine,categorical,OH,10,academic,240,252'],
  ])('refuses %s in a cell, naming the column', (_label, line) => {
    expect(rejectsOf(line)).toEqual([{ column: 'name', message: expect.stringMatching(/one line/) }])
  })

  it('accepts a minimal row and fills the region from the state', () => {
    const check = checkProgramsCsv(`${HEADER}\n${GOOD}\n`)
    expect(check.rejects).toEqual([])
    expect(check.programs).toEqual([
      {
        row: 2,
        id: 'P1',
        name: 'Good Program',
        specialtyId: 'internal-medicine',
        track: 'categorical',
        state: 'OH',
        region: 'midwest',
        positions: 10,
        setting: 'academic',
        step2P25: 240,
        step2P75: 252,
      },
    ])
    expect(check.presentColumns).toEqual([])
  })

  it.each([
    ['P1,Good,internal-medicine,categorical,OH,-1,academic,240,252', 'positions', /out of range/],
    ['P1,Good,internal-medicine,categorical,OH,2.5,academic,240,252', 'positions', /not a whole number/],
    ['P1,Good,internal-medicine,categorical,OH,,academic,240,252', 'positions', /required/],
    ['P1,Good,Internal Medicine,categorical,OH,4,academic,240,352', 'step2_p75', /out of range/],
    ['P1,Good,internal-medicine,categorical,OH,4,academic,260,250', 'step2_p25', /above the 75th/],
    ['P1,Good,cardiology-fellowship,categorical,OH,4,academic,240,250', 'specialty', /Unknown specialty/],
    ['P1,Good,internal-medicine,fellowship,OH,4,academic,240,250', 'track', /Unknown track/],
    ['P1,Good,internal-medicine,categorical,Ohio,4,academic,240,250', 'state', /two-letter/],
    ['P1,Good,internal-medicine,categorical,OH,4,rural,240,250', 'setting', /Unknown setting/],
    ['P 1,Good,internal-medicine,categorical,OH,4,academic,240,250', 'id', /letters, digits/],
    [',Good,internal-medicine,categorical,OH,4,academic,240,250', 'id', /Give the program/],
    ['P1,,internal-medicine,categorical,OH,4,academic,240,250', 'name', /Give the program’s name/],
    ['P1,@cmd,internal-medicine,categorical,OH,4,academic,240,250', 'name', /formula/],
  ])('rejects %s in column %s', (line, column, message) => {
    const rejects = rejectsOf(line)
    expect(rejects).toHaveLength(1)
    expect(rejects[0]?.column).toBe(column)
    expect(rejects[0]?.message).toMatch(message)
  })

  it('checks optional columns: region against the state, yes/no, fractions, per cents, dates, web addresses', () => {
    const header = `${HEADER},region,sponsors_visa,research_emphasis,trainees_md_percent,trainees_do_percent,interview_dates,website`
    expect(rejectsOf(`${GOOD},south,yes,0.4,60,20,2026-10-01,https://example.org`, header)).toEqual([
      { column: 'region', message: expect.stringMatching(/midwest region, not the south/) },
    ])
    expect(rejectsOf(`${GOOD},,maybe,0.4,60,20,,`, header)[0]?.column).toBe('sponsors_visa')
    expect(rejectsOf(`${GOOD},,yes,40,60,20,,`, header)[0]?.message).toMatch(/not a per cent/)
    expect(rejectsOf(`${GOOD},,yes,0.4,80,30,,`, header)[0]?.message).toMatch(/add up to 110/)
    expect(rejectsOf(`${GOOD},,yes,0.4,60,20,10/01/2026,`, header)[0]?.message).toMatch(/YYYY-MM-DD/)
    expect(rejectsOf(`${GOOD},,yes,0.4,60,20,,example.org`, header)[0]?.message).toMatch(/https:\/\//)
    const ok = checkProgramsCsv(`${header}\n${GOOD},,Y,.4,60,,2026-11-02; 2026-10-01,https://example.org/p\n`)
    expect(ok.rejects).toEqual([])
    expect(ok.programs[0]).toMatchObject({
      sponsorsVisa: true,
      researchEmphasis: 0.4,
      traineesMdPercent: 60,
      traineesDoPercent: null,
      interviewDates: ['2026-10-01', '2026-11-02'],
    })
  })

  it('needs a region for places outside the states and DC', () => {
    expect(rejectsOf('P1,G,internal-medicine,categorical,PR,4,academic,240,250')[0]?.message).toMatch(/give its region/)
    const header = `${HEADER},region`
    expect(checkProgramsCsv(`${header}\nP1,G,internal-medicine,categorical,PR,4,academic,240,250,south\n`).programs[0]?.region).toBe('south')
  })

  it('rejects every row of an id that appears twice, and keeps the others', () => {
    const check = checkProgramsCsv(`${HEADER}\n${GOOD}\nP2,Other,pediatrics,categorical,NY,3,community,230,240\n${GOOD}\n`)
    expect(check.programs.map((p) => p.id)).toEqual(['P2'])
    expect(check.rejects.map((r) => [r.row, r.column])).toEqual([
      [2, 'id'],
      [4, 'id'],
    ])
  })

  it('reports header problems on row 1: missing and repeated columns; ignores unknown ones', () => {
    const missing = checkProgramsCsv('id,name\nP1,G\n')
    expect(missing.rejects.map((r) => r.column)).toEqual(['specialty', 'track', 'state', 'positions', 'setting', 'step2_p25', 'step2_p75'])
    expect(missing.rejects.every((r) => r.row === 1)).toBe(true)
    expect(checkProgramsCsv(`${HEADER},id\n${GOOD},P1\n`).rejects[0]).toMatchObject({ row: 1, column: 'id', message: expect.stringMatching(/twice/) })
    const extra = checkProgramsCsv(`${HEADER},Notes\n${GOOD},hello\n`)
    expect(extra.ignoredColumns).toEqual(['Notes'])
    expect(extra.programs).toHaveLength(1)
  })

  it('refuses a two-letter code that is no U.S. state or territory, and takes DC and territories', () => {
    expect(rejectsOf('P1,G,internal-medicine,categorical,ZZ,4,academic,240,250')).toEqual([
      { column: 'state', message: expect.stringMatching(/not a U.S. state or territory/) },
    ])
    expect(rejectsOf('P1,G,internal-medicine,categorical,dc,4,academic,240,250')).toEqual([])
  })

  it('reports an unclosed quote on its own row and still checks every other row', () => {
    const text = [
      HEADER,
      GOOD,
      'P2,"Unclosed,internal-medicine,categorical,OH,4,academic,240,250',
      'P3,Fine,pediatrics,categorical,ZZ,4,academic,240,250',
      'P4,Also fine,pediatrics,categorical,NY,4,academic,240,250',
    ].join('\n')
    const check = checkProgramsCsv(`${text}\n`)
    expect(check.rejects.map((r) => [r.row, r.column, r.message.slice(0, 30)])).toEqual([
      [3, null, 'This row is not valid CSV: a q'],
      [4, 'state', '"ZZ" is not a U.S. state or te'],
    ])
    expect(check.rejects[0]?.message).toMatch(/never closed/)
    expect(check.programs.map((p) => p.id)).toEqual(['P1', 'P4'])
  })

  it('refuses control characters in a cell (line breaks, tabs), naming the column', () => {
    const check = checkProgramsCsv(
      `${HEADER}\nP1,"Two\nlines",internal-medicine,categorical,OH,4,academic,240,250\nP2,Tab\there,internal-medicine,categorical,OH,4,academic,240,250\n${GOOD.replace('P1', 'P3')}\n`,
    )
    expect(check.rejects.map((r) => [r.row, r.column])).toEqual([
      [2, 'name'],
      [3, 'name'],
    ])
    expect(check.rejects[0]?.message).toMatch(/control character/)
    expect(check.programs.map((p) => p.id)).toEqual(['P3'])
  })

  it('reports broken CSV, empty files and too many rows without throwing', () => {
    expect(checkProgramsCsv(`${HEADER}\nP1,"unclosed,internal-medicine\n`).rejects[0]?.message).toMatch(/not valid CSV/)
    expect(checkProgramsCsv('').rejects[0]?.message).toMatch(/empty/)
    const many = checkProgramsCsv(`${HEADER}\n${Array.from({ length: MAX_ROWS + 1 }, (_, i) => GOOD.replace('P1', `P${i}`)).join('\n')}`)
    expect(many.programs).toEqual([])
    expect(many.rejects[0]).toMatchObject({ row: 1, message: expect.stringMatching(/at most 20,000/) })
  })
})

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with or without a byte-order mark and refuses UTF-16 and legacy encodings', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('id\nCafé'))).toEqual({ text: 'id\nCafé' })
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a' })
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toEqual({ error: expect.stringMatching(/UTF-16/) })
    expect(decodeCsvBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toEqual({ error: expect.stringMatching(/not UTF-8/) })
  })
})

describe('writeProgramsCsv', () => {
  it('writes what checkProgramsCsv reads back unchanged, quoting commas and quotes', () => {
    const program: ProgramForCsv = {
      id: '1000140C0',
      name: 'St. Mary’s "Main" Hospital, Toledo — Internal Medicine',
      institution: 'St. Mary’s, Toledo',
      specialtyId: 'internal-medicine',
      track: 'preliminary',
      city: 'Toledo',
      state: 'OH',
      region: 'midwest',
      positions: 7,
      lengthYears: 1,
      setting: 'community',
      sponsorsVisa: true,
      step2P25: 231,
      step2P75: 244,
      researchEmphasis: 0.15,
      competitiveness: 0.372,
      traineesMdPercent: 40,
      traineesDoPercent: null,
      traineesImgPercent: 35,
      interviewDates: ['2026-10-01', '2026-12-03'],
      website: 'https://example.org/a,b',
    }
    const text = writeProgramsCsv([program])
    expect(text.split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','))
    const check = checkProgramsCsv(text)
    expect(check.rejects).toEqual([])
    const { row: _row, ...back } = check.programs[0] as NonNullable<(typeof check.programs)[0]>
    expect(back).toEqual(program)
  })
})
