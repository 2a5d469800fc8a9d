/**
 * The past-outcomes CSV (docs/formats/past-outcomes-csv.md): one row per graduate and program
 * applied to, the graduate's own columns repeated on each of their rows. `checkPastOutcomesCsv`
 * parses and checks a whole file and says, row by row and column by column, what it rejects;
 * it writes nothing and reads nothing but its arguments. A file with any reject is imported
 * not at all: dropping one bad application row would silently change a graduate's interview
 * count, and with it what the model learns.
 */
import { readCsvHeader } from '#shared/csv/csv-header.ts'
import { readCsv } from '#shared/csv/read-csv.ts'
import { APPLICANT_TYPES, REGIONS, type ApplicantType, type Region } from '#engines/smart-pick/index.ts'
import { isUsStateOrTerritory } from '#shared/reference/regions.ts'
import { SPECIALTIES } from '#shared/reference/specialties.ts'

/**
 * Every column of the format, in the order the writer puts them (docs/formats/past-outcomes-csv.md):
 * the graduate's columns, then the application's, then where the graduate matched.
 */
export const PAST_OUTCOMES_COLUMNS = [
  'match_year',
  'graduate_id',
  'applicant_type',
  'specialty',
  'step2',
  'step1',
  'research_items',
  'aoa',
  'gold_humanism',
  'clerkship_honors',
  'experiences',
  'tie_states',
  'tie_regions',
  'needs_visa',
  'program_id',
  'signalled',
  'away_rotation',
  'interviewed',
  'matched_program_id',
] as const
export type PastOutcomesColumn = (typeof PAST_OUTCOMES_COLUMNS)[number]

export const REQUIRED_COLUMNS = [
  'match_year',
  'graduate_id',
  'applicant_type',
  'specialty',
  'program_id',
  'interviewed',
  'matched_program_id',
] as const satisfies readonly PastOutcomesColumn[]

/** Columns of one application (a program applied to): they differ from row to row of a graduate. */
const APPLICATION_COLUMNS: readonly PastOutcomesColumn[] = ['program_id', 'signalled', 'away_rotation', 'interviewed']

/** Columns that describe the graduate, not the application: the same on each of their rows. */
const GRADUATE_COLUMNS: readonly PastOutcomesColumn[] = PAST_OUTCOMES_COLUMNS.filter((c) => c !== 'graduate_id' && !APPLICATION_COLUMNS.includes(c))

/** At most this many data rows in one file (a large school's five years in one file is ~40,000). */
export const MAX_ROWS = 60_000
/** The report lists at most this many rejects; `rejectCount` says how many there were. */
export const MAX_REJECTS_LISTED = 1_000

export type PastOutcomesReject = {
  /** Spreadsheet row: the header is row 1, the first graduate row 2. 1 for a problem with the header or the file. */
  row: number
  /** The column at fault, as named in the header; null for the whole row or file. */
  column: string | null
  message: string
}

export type CheckedApplication = { programId: string; signalled: boolean; interviewed: boolean; awayRotation: boolean; row: number }

export type CheckedGraduate = {
  graduateId: string
  matchYear: number
  applicantType: ApplicantType
  specialtyId: string
  step2: number | null
  /** `pass`, `fail` or a three-digit score as text. */
  step1: string | null
  researchItems: number
  alphaOmegaAlpha: boolean
  goldHumanism: boolean
  clerkshipHonors: number
  experiences: number
  tieStates: string[]
  tieRegions: Region[]
  needsVisa: boolean
  matchedProgramId: string | null
  applications: CheckedApplication[]
  firstRow: number
}

export type PastOutcomesCheck = {
  /** Data rows read (blank rows not counted). */
  rows: number
  graduates: CheckedGraduate[]
  rejects: PastOutcomesReject[]
  rejectCount: number
  /** Rows with at least one reject. */
  rejectedRows: number
  /** Header columns that are not part of the format; they are ignored. */
  ignoredColumns: string[]
  /** Match years in the file, ascending. */
  years: number[]
}

export type PastOutcomesLookups = {
  /** The specialty id of every known program. */
  programSpecialties: ReadonlyMap<string, string>
  /** The current calendar year (match years up to one ahead are accepted). */
  currentYear: number
}

/** Ties may be to a territory too (Puerto Rico has residency programs). */
const isStateCode = isUsStateOrTerritory

const YES = new Set(['yes', 'y', 'true', '1', 'x'])
const NO = new Set(['no', 'n', 'false', '0', ''])

const SPECIALTY_BY_WORD = new Map<string, string>()
for (const s of SPECIALTIES) {
  for (const word of [s.id, s.name, s.acgmeName]) SPECIALTY_BY_WORD.set(normaliseWord(word), s.id)
}

const APPLICANT_TYPE_BY_WORD = new Map<string, ApplicantType>([
  ...APPLICANT_TYPES.map((t) => [t, t] as const),
  ['md', 'us-md'],
  ['us md', 'us-md'],
  ['u.s. md', 'us-md'],
  ['do', 'us-do'],
  ['us do', 'us-do'],
  ['u.s. do', 'us-do'],
  ['us img', 'us-img'],
  ['us-citizen img', 'us-img'],
  ['u.s.-citizen img', 'us-img'],
  ['non-us img', 'non-us-img'],
  ['non-u.s. img', 'non-us-img'],
  ['non-u.s.-citizen img', 'non-us-img'],
])

function normaliseWord(word: string): string {
  return word.trim().toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, ' ')
}

type Cell = { value: string; column: string }

/** Parses and checks a past-outcomes CSV. Pure. */
export function checkPastOutcomesCsv(text: string, lookups: PastOutcomesLookups): PastOutcomesCheck {
  const rejects: PastOutcomesReject[] = []
  const rowsWithRejects = new Set<number>()
  const reject = (row: number, column: string | null, message: string) => {
    rejects.push({ row, column, message })
    rowsWithRejects.add(row)
  }
  const empty = (): PastOutcomesCheck => finish([], 0)
  const finish = (graduates: CheckedGraduate[], rows: number, ignoredColumns: string[] = []): PastOutcomesCheck => {
    rejects.sort((a, b) => a.row - b.row)
    return {
      rows,
      graduates: rejects.length > 0 ? [] : graduates,
      rejects: rejects.slice(0, MAX_REJECTS_LISTED),
      rejectCount: rejects.length,
      rejectedRows: rowsWithRejects.size,
      ignoredColumns,
      years: [...new Set(graduates.map((g) => g.matchYear))].sort((a, b) => a - b),
    }
  }

  // A broken record is reported with its row; the other rows are still checked, so one stray
  // quote does not hide every other problem (the file is still refused as a whole: see above).
  const { records, errors } = readCsv(text)
  for (const e of errors) reject(e.row, null, `This row is not valid CSV: ${e.message}.`)
  const header = records[0]
  if (!header || header.every((cell) => cell.trim() === '')) {
    if (!errors.some((e) => e.row === 1)) reject(1, null, 'The file is empty: the first row must name the columns (see the format).')
    return empty()
  }

  // ── header ──
  const { columnIndex, headerNames, ignoredColumns, problems } = readCsvHeader(header, PAST_OUTCOMES_COLUMNS, REQUIRED_COLUMNS)
  for (const problem of problems) reject(1, problem.column, problem.message)
  if (rejects.some((r) => r.row === 1)) return finish([], 0, ignoredColumns)

  const dataRecords = records.slice(1)
  const nonBlank = dataRecords.filter((r) => !r.every((cell) => cell.trim() === '')).length
  if (nonBlank === 0) {
    reject(2, null, 'The file has a header but no graduate rows.')
    return finish([], 0, ignoredColumns)
  }
  if (nonBlank > MAX_ROWS) {
    reject(1, null, `The file has ${nonBlank.toLocaleString('en-US')} rows; at most ${MAX_ROWS.toLocaleString('en-US')} at a time. Split it by match year.`)
    return finish([], nonBlank, ignoredColumns)
  }

  // ── rows ──
  const graduates = new Map<string, CheckedGraduate & { raw: Map<PastOutcomesColumn, string> }>()
  const applicationsSeen = new Map<string, number>()
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
    const cell = (column: PastOutcomesColumn): Cell => {
      const i = columnIndex.get(column)
      return { value: i === undefined ? '' : (record[i] ?? '').trim(), column: i === undefined ? column : (headerNames[i] ?? column) }
    }
    const before = rejects.length
    const bad = (c: Cell, message: string) => reject(row, c.column, message)

    const graduateId = cell('graduate_id')
    if (graduateId.value === '') bad(graduateId, 'Give the graduate’s id from the school’s records (never a name).')
    else if (graduateId.value.length > 64) bad(graduateId, 'Use at most 64 characters for the graduate id.')

    const matchYear = integerCell(cell('match_year'), 2000, lookups.currentYear + 1, 'a match year such as 2024', bad, true)
    const applicantTypeCell = cell('applicant_type')
    const applicantType = APPLICANT_TYPE_BY_WORD.get(normaliseWord(applicantTypeCell.value)) ?? null
    if (!applicantType) bad(applicantTypeCell, `Unknown applicant type "${applicantTypeCell.value}". Use one of: ${APPLICANT_TYPES.join(', ')}.`)
    const specialtyCell = cell('specialty')
    const specialtyId = SPECIALTY_BY_WORD.get(normaliseWord(specialtyCell.value)) ?? null
    if (!specialtyId) bad(specialtyCell, `Unknown specialty "${specialtyCell.value}". Use a specialty id such as internal-medicine or its name.`)

    const step2 = integerCell(cell('step2'), 150, 300, 'a Step 2 CK score between 150 and 300, or leave it empty', bad, false)
    const step1Cell = cell('step1')
    let step1: string | null = null
    if (step1Cell.value !== '') {
      const word = step1Cell.value.toLowerCase()
      if (word === 'pass' || word === 'p') step1 = 'pass'
      else if (word === 'fail' || word === 'f') step1 = 'fail'
      else if (/^\d{3}$/.test(word) && Number(word) >= 150 && Number(word) <= 300) step1 = word
      else bad(step1Cell, `"${step1Cell.value}" is not a Step 1 result: use pass, fail, a score between 150 and 300, or leave it empty.`)
    }
    const researchItems = integerCell(cell('research_items'), 0, 500, 'a whole number of research items (0 or more)', bad, false) ?? 0
    const clerkshipHonors = integerCell(cell('clerkship_honors'), 0, 20, 'a whole number of clerkship honors from 0 to 20', bad, false) ?? 0
    const experiences = integerCell(cell('experiences'), 0, 200, 'a whole number of experiences (0 or more)', bad, false) ?? 0
    const aoa = yesNoCell(cell('aoa'), bad, false)
    const goldHumanism = yesNoCell(cell('gold_humanism'), bad, false)
    const needsVisa = yesNoCell(cell('needs_visa'), bad, false)
    const signalled = yesNoCell(cell('signalled'), bad, false)
    const awayRotation = yesNoCell(cell('away_rotation'), bad, false)
    const interviewed = yesNoCell(cell('interviewed'), bad, true)

    const tieStatesCell = cell('tie_states')
    const tieStates = listOf(tieStatesCell.value).map((s) => s.toUpperCase())
    for (const state of tieStates)
      if (!isStateCode(state))
        bad(tieStatesCell, `"${state}" is not a U.S. state or territory code (two letters such as OH); separate several with a semicolon.`)
    const tieRegionsCell = cell('tie_regions')
    const tieRegions = listOf(tieRegionsCell.value).map((r) => r.toLowerCase())
    for (const region of tieRegions) {
      if (!(REGIONS as readonly string[]).includes(region))
        bad(tieRegionsCell, `"${region}" is not a region: use ${REGIONS.join(', ')}; separate several with a semicolon.`)
    }

    const programCell = cell('program_id')
    const programId = programCell.value
    if (programId === '') bad(programCell, 'Give the program id (the NRMP program code as in the programs table).')
    else if (!lookups.programSpecialties.has(programId))
      bad(programCell, `Unknown program id "${programId}": import the program first (Residency programs), or check the code.`)
    const matchedCell = cell('matched_program_id')
    const matchedProgramId = matchedCell.value === '' ? null : matchedCell.value
    if (matchedProgramId !== null && !lookups.programSpecialties.has(matchedProgramId)) {
      bad(
        matchedCell,
        `Unknown program id "${matchedProgramId}": the program matched must be in the programs table. Leave it empty if the graduate did not match.`,
      )
    }

    if (graduateId.value !== '' && programId !== '') {
      const key = `${graduateId.value}\u0000${programId}`
      const seen = applicationsSeen.get(key)
      if (seen !== undefined) bad(programCell, `Duplicate: graduate ${graduateId.value} and program ${programId} are already on row ${seen}.`)
      else applicationsSeen.set(key, row)
    }
    if (rejects.length > before || graduateId.value === '') return

    const raw = new Map<PastOutcomesColumn, string>(GRADUATE_COLUMNS.map((c) => [c, canonical(c, cell(c).value)]))
    const existing = graduates.get(graduateId.value)
    if (existing) {
      for (const column of GRADUATE_COLUMNS) {
        const then = existing.raw.get(column) ?? ''
        const now = raw.get(column) ?? ''
        if (then === now) continue
        const c = cell(column)
        if (column === 'match_year') {
          bad(
            c,
            `Graduate ${graduateId.value} is already in match year ${then} on row ${existing.firstRow}. A graduate who applied again in a later year needs another graduate id (e.g. ${graduateId.value}-${now}).`,
          )
        } else {
          bad(
            c,
            `Differs from row ${existing.firstRow} for the same graduate ("${then}" there, "${now}" here): a graduate’s own columns must be the same on each of their rows.`,
          )
        }
      }
      if (rejects.length > before) return
      existing.applications.push({ programId, signalled, interviewed, awayRotation, row })
      return
    }
    graduates.set(graduateId.value, {
      graduateId: graduateId.value,
      matchYear: matchYear as number,
      applicantType: applicantType as ApplicantType,
      specialtyId: specialtyId as string,
      step2,
      step1,
      researchItems,
      alphaOmegaAlpha: aoa,
      goldHumanism,
      clerkshipHonors,
      experiences,
      tieStates: [...new Set(tieStates)],
      tieRegions: [...new Set(tieRegions)] as Region[],
      needsVisa,
      matchedProgramId,
      applications: [{ programId, signalled, interviewed, awayRotation, row }],
      firstRow: row,
      raw,
    })
  })

  // ── each graduate as a whole ──
  for (const graduate of graduates.values()) {
    if (graduate.matchedProgramId === null) continue
    const application = graduate.applications.find((a) => a.programId === graduate.matchedProgramId)
    const column = headerNames[columnIndex.get('matched_program_id') as number] ?? 'matched_program_id'
    if (!application) {
      reject(
        graduate.firstRow,
        column,
        `Inconsistent: graduate ${graduate.graduateId} matched at ${graduate.matchedProgramId} but has no row applying to it. Add that application (interviewed yes) or correct the matched program.`,
      )
    } else if (!application.interviewed) {
      reject(
        application.row,
        headerNames[columnIndex.get('interviewed') as number] ?? 'interviewed',
        `Inconsistent: graduate ${graduate.graduateId} matched at ${graduate.matchedProgramId}, so they interviewed there; this row says they did not.`,
      )
    }
  }

  const checked = [...graduates.values()].map(({ raw: _raw, ...graduate }) => graduate)
  return finish(checked, rows, ignoredColumns)
}

function canonical(column: PastOutcomesColumn, value: string): string {
  const v = value.trim()
  switch (column) {
    case 'applicant_type':
      return APPLICANT_TYPE_BY_WORD.get(normaliseWord(v)) ?? v
    case 'specialty':
      return SPECIALTY_BY_WORD.get(normaliseWord(v)) ?? v
    case 'aoa':
    case 'gold_humanism':
    case 'needs_visa':
      return YES.has(v.toLowerCase()) ? 'yes' : 'no'
    case 'tie_states':
      return [...new Set(listOf(v).map((s) => s.toUpperCase()))].sort().join(';')
    case 'tie_regions':
      return [...new Set(listOf(v).map((s) => s.toLowerCase()))].sort().join(';')
    case 'step1':
      return v.toLowerCase() === 'p' ? 'pass' : v.toLowerCase() === 'f' ? 'fail' : v.toLowerCase()
    case 'research_items':
    case 'clerkship_honors':
    case 'experiences':
      return v === '' ? '0' : String(Number(v))
    default:
      return v
  }
}

function listOf(value: string): string[] {
  return value
    .split(/[;|/]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

function integerCell(c: Cell, min: number, max: number, words: string, bad: (c: Cell, message: string) => void, required: boolean): number | null {
  if (c.value === '') {
    if (required) bad(c, `Give ${words}.`)
    return null
  }
  if (!/^[+-]?\d+$/.test(c.value)) {
    bad(c, `"${c.value}" is not a whole number: use ${words}.`)
    return null
  }
  const n = Number(c.value)
  if (n < min || n > max) {
    bad(c, `${n} is out of range: use ${words}.`)
    return null
  }
  return n
}

function yesNoCell(c: Cell, bad: (c: Cell, message: string) => void, required: boolean): boolean {
  const v = c.value.toLowerCase()
  if (v === '' && required) {
    bad(c, 'Say yes or no.')
    return false
  }
  if (YES.has(v)) return true
  if (NO.has(v)) return false
  bad(c, `"${c.value}" is not yes or no.`)
  return false
}
