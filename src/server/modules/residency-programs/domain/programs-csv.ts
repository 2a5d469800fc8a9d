/**
 * The residency-programs CSV (docs/formats/residency-programs-csv.md): a header row, then one
 * program per row. `checkProgramsCsv` decodes, parses and checks a whole file and says, row by
 * row and column by column, what it rejects; `writeProgramsCsv` writes the same format back.
 * Pure: no database, no clock.
 *
 * Rejected rows are left out and everything else can be imported: programs are independent of
 * each other, so one bad row need not hold back a thousand good ones (unlike past outcomes,
 * where a graduate's rows belong together).
 */
import { readCsvHeader } from '#shared/csv/csv-header.ts'
import { readCsv } from '#shared/csv/read-csv.ts'
import { type CsvValue, writeCsv } from '#shared/csv/write-csv.ts'
import { PROGRAM_SETTINGS, PROGRAM_TRACKS, REGIONS, type ProgramSetting, type ProgramTrack, type Region } from '#engines/smart-pick/index.ts'
import { isSingleLineText, SINGLE_LINE_MESSAGE } from '#shared/contracts/common.ts'
import { isUsStateOrTerritory, regionOfState } from '#shared/reference/regions.ts'
import { SPECIALTIES } from '#shared/reference/specialties.ts'

export const REQUIRED_COLUMNS = ['id', 'name', 'specialty', 'track', 'state', 'positions', 'setting', 'step2_p25', 'step2_p75'] as const
export const OPTIONAL_COLUMNS = [
  'institution',
  'city',
  'region',
  'length_years',
  'sponsors_visa',
  'research_emphasis',
  'competitiveness',
  'trainees_md_percent',
  'trainees_do_percent',
  'trainees_img_percent',
  'interview_dates',
  'website',
] as const
export type ProgramsColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number]
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number]

/** The order the export writes. */
export const EXPORT_COLUMNS: readonly ProgramsColumn[] = [
  'id',
  'name',
  'institution',
  'specialty',
  'track',
  'city',
  'state',
  'region',
  'positions',
  'length_years',
  'setting',
  'sponsors_visa',
  'step2_p25',
  'step2_p75',
  'research_emphasis',
  'competitiveness',
  'trainees_md_percent',
  'trainees_do_percent',
  'trainees_img_percent',
  'interview_dates',
  'website',
]

/** Upload limits: a national file (about 6,600 programs) is near 2 MB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024
export const MAX_ROWS = 20_000
/** The report lists at most this many rejects; `rejectCount` says how many there were. */
export const MAX_REJECTS_LISTED = 1_000

export type ProgramsReject = {
  /** Spreadsheet row: the header is row 1, the first program row 2. 1 for the header or the whole file. */
  row: number
  /** The column at fault, as named in the header; null for the whole row or file. */
  column: string | null
  message: string
}

/** One accepted program. Optional columns absent from the header are absent here (kept as stored on update). */
export type CheckedProgram = {
  row: number
  id: string
  name: string
  specialtyId: string
  track: ProgramTrack
  state: string
  region: Region
  positions: number
  setting: ProgramSetting
  step2P25: number
  step2P75: number
  institution?: string
  city?: string
  lengthYears?: number
  sponsorsVisa?: boolean
  researchEmphasis?: number
  competitiveness?: number
  traineesMdPercent?: number | null
  traineesDoPercent?: number | null
  traineesImgPercent?: number | null
  interviewDates?: string[]
  website?: string
}

export type ProgramsCheck = {
  /** Program rows read (blank rows not counted). */
  rows: number
  programs: CheckedProgram[]
  rejects: ProgramsReject[]
  rejectCount: number
  rejectedRows: number
  /** Optional columns the file has: on update, the others keep their stored values. */
  presentColumns: OptionalColumn[]
  /** Header columns that are not part of the format; they are ignored. */
  ignoredColumns: string[]
}

const YES = new Set(['yes', 'y', 'true', '1', 'x'])
const NO = new Set(['no', 'n', 'false', '0'])

const SPECIALTY_BY_WORD = new Map<string, string>()
for (const s of SPECIALTIES) for (const word of [s.id, s.name, s.acgmeName]) SPECIALTY_BY_WORD.set(normaliseWord(word), s.id)

const TRACK_BY_WORD = new Map<string, ProgramTrack>([
  ...PROGRAM_TRACKS.map((t) => [t, t] as const),
  ['c', 'categorical'],
  ['p', 'preliminary'],
  ['a', 'advanced'],
  ['r', 'reserved'],
])
const SETTING_BY_WORD = new Map<string, ProgramSetting>([
  ...PROGRAM_SETTINGS.map((s) => [s, s] as const),
  ['university affiliated', 'university-affiliated'],
  ['community-based', 'community'],
  ['university', 'academic'],
])

export function normaliseWord(word: string): string {
  return word.trim().toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, ' ')
}

/**
 * Bytes to text: UTF-8 (with or without a byte-order mark). UTF-16 and legacy encodings are
 * refused with a message saying how to save the file, rather than read as garbled names.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string } | { error: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: 'The file is saved as UTF-16 ("Unicode text"). Save it as "CSV UTF-8 (comma delimited)" and upload it again.' }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) }
  } catch {
    return {
      error:
        'The file is not UTF-8 text (it may be saved in a legacy encoding such as Windows-1252). Save it as "CSV UTF-8 (comma delimited)" and upload it again.',
    }
  }
}

type Cell = { value: string; column: string }
type Bad = (cell: Cell, message: string) => void

/** Parses and checks a programs CSV. Pure. */
export function checkProgramsCsv(text: string): ProgramsCheck {
  const rejects: ProgramsReject[] = []
  const rowsWithRejects = new Set<number>()
  const reject = (row: number, column: string | null, message: string) => {
    rejects.push({ row, column, message })
    rowsWithRejects.add(row)
  }
  const finish = (programs: CheckedProgram[], rows: number, presentColumns: OptionalColumn[] = [], ignoredColumns: string[] = []): ProgramsCheck => {
    rejects.sort((a, b) => a.row - b.row)
    return {
      rows,
      programs: programs.filter((p) => !rowsWithRejects.has(p.row)),
      rejects: rejects.slice(0, MAX_REJECTS_LISTED),
      rejectCount: rejects.length,
      rejectedRows: rowsWithRejects.size,
      presentColumns,
      ignoredColumns,
    }
  }

  // A broken record (such as a quote never closed) is reported with its row and left out; the
  // other rows are still read and checked, so one stray quote does not hide every other error.
  const { records, errors } = readCsv(text)
  for (const e of errors) reject(e.row, null, `This row is not valid CSV: ${e.message}.`)
  const header = records[0]
  if (!header || header.every((cell) => cell.trim() === '')) {
    if (!errors.some((e) => e.row === 1)) reject(1, null, 'The file is empty: the first row must name the columns (see the format).')
    return finish([], 0)
  }

  // ── header ──
  const { columnIndex, headerNames, ignoredColumns, problems } = readCsvHeader(header, [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS], REQUIRED_COLUMNS)
  for (const problem of problems) reject(1, problem.column, problem.message)
  const presentColumns = OPTIONAL_COLUMNS.filter((c) => columnIndex.has(c))
  if (rejects.some((r) => r.row === 1)) return finish([], 0, presentColumns, ignoredColumns)

  const dataRecords = records.slice(1)
  const nonBlank = dataRecords.filter((r) => !r.every((cell) => cell.trim() === '')).length
  if (nonBlank === 0) {
    reject(2, null, 'The file has a header but no program rows.')
    return finish([], 0, presentColumns, ignoredColumns)
  }
  if (nonBlank > MAX_ROWS) {
    reject(
      1,
      null,
      `The file has ${nonBlank.toLocaleString('en-US')} program rows; at most ${MAX_ROWS.toLocaleString('en-US')} at a time. Split it by specialty.`,
    )
    return finish([], nonBlank, presentColumns, ignoredColumns)
  }

  // ── rows ──
  const programs: CheckedProgram[] = []
  const rowsOfId = new Map<string, number[]>()
  let rows = 0
  dataRecords.forEach((record, index) => {
    const row = index + 2
    if (record.every((cell) => cell.trim() === '')) return
    rows++
    if (record.length !== header.length) {
      reject(
        row,
        null,
        `This row has ${record.length} value${record.length === 1 ? '' : 's'} but the header has ${header.length} columns. Check for a comma inside a value that is not in quotes.`,
      )
      return
    }
    // Every cell is one line: a line break or control character in a name reaches e-mail
    // subjects and exports. A quoted cell can hold one, so it is refused here, not by the parser.
    const multiline = record.findIndex((value) => !isSingleLineText(value))
    if (multiline >= 0) {
      reject(row, headerNames[multiline] ?? null, SINGLE_LINE_MESSAGE)
      return
    }
    const cell = (column: ProgramsColumn): Cell => {
      const i = columnIndex.get(column)
      return { value: i === undefined ? '' : (record[i] ?? '').trim(), column: i === undefined ? column : (headerNames[i] ?? column) }
    }
    const has = (column: OptionalColumn) => columnIndex.has(column)
    const bad: Bad = (c, message) => reject(row, c.column, message)
    const program = checkRow(cell, has, bad)
    if (program) {
      programs.push({ ...program, row })
      rowsOfId.set(program.id, [...(rowsOfId.get(program.id) ?? []), row])
    }
  })

  // The same id twice: neither row is taken, since which one is meant cannot be known.
  for (const [id, idRows] of rowsOfId) {
    if (idRows.length < 2) continue
    for (const row of idRows) {
      const others = idRows.filter((r) => r !== row)
      reject(
        row,
        headerNames[columnIndex.get('id') as number] ?? 'id',
        `The program id "${id}" is also on row${others.length === 1 ? '' : 's'} ${others.join(', ')}. Each program may appear once.`,
      )
    }
  }
  return finish(programs, rows, presentColumns, ignoredColumns)
}

function checkRow(cell: (column: ProgramsColumn) => Cell, has: (column: OptionalColumn) => boolean, bad: Bad): Omit<CheckedProgram, 'row'> | null {
  let ok = true
  const fail: Bad = (c, message) => {
    ok = false
    bad(c, message)
  }

  const idCell = cell('id')
  if (idCell.value === '') fail(idCell, 'Give the program’s id (its NRMP program code, such as 1234140C0).')
  else if (idCell.value.length > 40) fail(idCell, 'Use at most 40 characters for the program id.')
  else if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(idCell.value))
    fail(idCell, `"${idCell.value}" is not a program id: use letters, digits, dots, dashes and underscores only.`)

  const nameCell = cell('name')
  if (nameCell.value === '') fail(nameCell, 'Give the program’s name.')
  else textCell(nameCell, 200, fail)

  const specialtyCell = cell('specialty')
  const specialtyId = SPECIALTY_BY_WORD.get(normaliseWord(specialtyCell.value)) ?? null
  if (!specialtyId)
    fail(
      specialtyCell,
      specialtyCell.value === ''
        ? 'Give the specialty, such as internal-medicine.'
        : `Unknown specialty "${specialtyCell.value}". Use a specialty id such as internal-medicine, or its name.`,
    )

  const trackCell = cell('track')
  const track = TRACK_BY_WORD.get(normaliseWord(trackCell.value)) ?? null
  if (!track) fail(trackCell, `Unknown track "${trackCell.value}". Use one of: ${PROGRAM_TRACKS.join(', ')}.`)

  const stateCell = cell('state')
  const state = stateCell.value.toUpperCase()
  const regionCell = cell('region')
  let region: Region | null = null
  if (!/^[A-Z]{2}$/.test(state)) fail(stateCell, `"${stateCell.value}" is not a state: use its two-letter code, such as OH.`)
  else if (!isUsStateOrTerritory(state))
    fail(stateCell, `"${stateCell.value}" is not a U.S. state or territory code: use a two-letter code such as OH, DC or PR.`)
  else {
    const ofState = regionOfState(state)
    const given = regionCell.value === '' ? null : (REGIONS.find((r) => r === normaliseWord(regionCell.value)) ?? undefined)
    if (given === undefined) fail(regionCell, `Unknown region "${regionCell.value}". Use one of: ${REGIONS.join(', ')}.`)
    else if (ofState && given && given !== ofState)
      fail(regionCell, `${state} is in the ${ofState} region, not the ${given}. Leave the region empty to have it filled from the state.`)
    else if (!ofState && !given)
      fail(regionCell, `${state} is a territory, not one of the 50 states or DC: give its region (${REGIONS.join(', ')}) in the region column.`)
    else region = ofState ?? given ?? null
  }

  const positions = integer(cell('positions'), 0, 500, 'the number of first-year positions, a whole number from 0 to 500', fail, true)
  const settingCell = cell('setting')
  const setting = SETTING_BY_WORD.get(normaliseWord(settingCell.value)) ?? null
  if (!setting) fail(settingCell, `Unknown setting "${settingCell.value}". Use one of: ${PROGRAM_SETTINGS.join(', ')}.`)

  const p25Cell = cell('step2_p25')
  const p75Cell = cell('step2_p75')
  const step2P25 = integer(p25Cell, 150, 300, 'a Step 2 CK score between 150 and 300', fail, true)
  const step2P75 = integer(p75Cell, 150, 300, 'a Step 2 CK score between 150 and 300', fail, true)
  if (step2P25 !== null && step2P75 !== null && step2P25 > step2P75)
    fail(p25Cell, `The 25th percentile (${step2P25}) is above the 75th (${step2P75}): check the two columns are not swapped.`)

  const out: Omit<CheckedProgram, 'row'> = {
    id: idCell.value,
    name: nameCell.value,
    specialtyId: specialtyId ?? '',
    track: track ?? 'categorical',
    state,
    region: region ?? 'south',
    positions: positions ?? 0,
    setting: setting ?? 'academic',
    step2P25: step2P25 ?? 0,
    step2P75: step2P75 ?? 0,
  }

  if (has('institution')) out.institution = textCell(cell('institution'), 200, fail)
  if (has('city')) out.city = textCell(cell('city'), 100, fail)
  if (has('length_years')) out.lengthYears = integer(cell('length_years'), 1, 8, 'the accredited length in years, from 1 to 8', fail, false) ?? 3
  if (has('sponsors_visa')) out.sponsorsVisa = yesNo(cell('sponsors_visa'), fail) ?? false
  if (has('research_emphasis')) out.researchEmphasis = fraction(cell('research_emphasis'), fail) ?? 0.3
  if (has('competitiveness')) out.competitiveness = fraction(cell('competitiveness'), fail) ?? 0.5
  const percents: number[] = []
  for (const [column, key] of [
    ['trainees_md_percent', 'traineesMdPercent'],
    ['trainees_do_percent', 'traineesDoPercent'],
    ['trainees_img_percent', 'traineesImgPercent'],
  ] as const) {
    if (!has(column)) continue
    const value = integer(cell(column), 0, 100, 'a per cent from 0 to 100, or leave it empty', fail, false)
    out[key] = value
    if (value !== null) percents.push(value)
  }
  if (percents.reduce((a, b) => a + b, 0) > 100)
    fail(cell('trainees_md_percent'), `The trainee shares add up to ${percents.reduce((a, b) => a + b, 0)} %, more than 100 %.`)
  if (has('interview_dates')) out.interviewDates = dates(cell('interview_dates'), fail)
  if (has('website')) {
    const c = cell('website')
    if (c.value !== '' && !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(c.value)) fail(c, `"${c.value}" is not a web address: start it with https://.`)
    else if (c.value.length > 300) fail(c, 'Use at most 300 characters for the web address.')
    out.website = c.value
  }
  return ok ? out : null
}

/** Text a spreadsheet would run as a formula when the export is opened. */
const FORMULA_START = /^[=+\-@\t\r]/

function textCell(c: Cell, max: number, bad: Bad): string {
  if (c.value.length > max) bad(c, `Use at most ${max} characters.`)
  else if (FORMULA_START.test(c.value)) bad(c, 'Text may not start with =, +, - or @ (a spreadsheet would run it as a formula).')
  return c.value
}

function integer(c: Cell, min: number, max: number, what: string, bad: Bad, required: boolean): number | null {
  if (c.value === '') {
    if (required) bad(c, `This column is required: give ${what}.`)
    return null
  }
  if (!/^[+-]?\d+$/.test(c.value)) {
    bad(c, `"${c.value}" is not a whole number: give ${what}.`)
    return null
  }
  const n = Number(c.value)
  if (n < min || n > max) {
    bad(c, `${c.value} is out of range: give ${what}.`)
    return null
  }
  return n
}

function fraction(c: Cell, bad: Bad): number | null {
  if (c.value === '') return null
  if (!/^\d*\.?\d+$/.test(c.value) || Number(c.value) > 1) {
    bad(c, `"${c.value}" is not a number from 0 to 1 (use a decimal such as 0.4, not a per cent).`)
    return null
  }
  return Number(c.value)
}

function yesNo(c: Cell, bad: Bad): boolean | null {
  const word = c.value.toLowerCase()
  if (word === '') return null
  if (YES.has(word)) return true
  if (NO.has(word)) return false
  bad(c, `"${c.value}" is not yes or no.`)
  return null
}

function dates(c: Cell, bad: Bad): string[] {
  if (c.value === '') return []
  const parts = c.value.split(/[;\s]+/).filter(Boolean)
  if (parts.length > 40) {
    bad(c, 'At most 40 interview dates.')
    return []
  }
  const out: string[] = []
  for (const part of parts) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(part)
    const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
    if (!m || !date || date.toISOString().slice(0, 10) !== part) {
      bad(c, `"${part}" is not a date: write interview dates as YYYY-MM-DD, separated by semicolons.`)
      return []
    }
    out.push(part)
  }
  return [...new Set(out)].sort()
}

/** A stored program, in the CSV's words. */
export type ProgramForCsv = {
  id: string
  name: string
  institution: string
  specialtyId: string
  track: ProgramTrack
  city: string
  state: string
  region: Region
  positions: number
  lengthYears: number
  setting: ProgramSetting
  sponsorsVisa: boolean
  step2P25: number
  step2P75: number
  researchEmphasis: number
  competitiveness: number
  traineesMdPercent: number | null
  traineesDoPercent: number | null
  traineesImgPercent: number | null
  interviewDates: string[]
  website: string
}

/** Writes programs in the import format (header first, CRLF line ends, UTF-8 without BOM). */
export function writeProgramsCsv(programs: readonly ProgramForCsv[]): string {
  return writeCsv(
    EXPORT_COLUMNS,
    programs.map((p) => {
      const values: Record<ProgramsColumn, CsvValue> = {
        id: p.id,
        name: p.name,
        institution: p.institution,
        specialty: p.specialtyId,
        track: p.track,
        city: p.city,
        state: p.state,
        region: p.region,
        positions: p.positions,
        length_years: p.lengthYears,
        setting: p.setting,
        sponsors_visa: p.sponsorsVisa ? 'yes' : 'no',
        step2_p25: p.step2P25,
        step2_p75: p.step2P75,
        research_emphasis: p.researchEmphasis,
        competitiveness: p.competitiveness,
        trainees_md_percent: p.traineesMdPercent,
        trainees_do_percent: p.traineesDoPercent,
        trainees_img_percent: p.traineesImgPercent,
        interview_dates: p.interviewDates.join(';'),
        website: p.website,
      }
      return EXPORT_COLUMNS.map((c) => values[c])
    }),
  )
}
