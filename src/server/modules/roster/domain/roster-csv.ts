/**
 * The class roster CSV (decision 020): one row per student, the school's facts about them.
 * `checkRosterCsv` parses a whole file and checks every cell, saying row by row and column by
 * column what is wrong in plain words; it reads nothing but its arguments. Matching rows to
 * people is `roster-plan.ts`'s.
 */
import { readCsvHeader } from '#shared/csv/csv-header.ts'
import { readCsv } from '#shared/csv/read-csv.ts'
import { STUDENT_TRACKS, type ClassYear, type EnrollmentStatus, type StudentTrack } from '#shared/enums.ts'

export const ROSTER_COLUMNS = ['school_id', 'name', 'email', 'class_year', 'expected_graduation', 'track', 'house', 'status'] as const
export type RosterColumn = (typeof ROSTER_COLUMNS)[number]
export const ROSTER_REQUIRED_COLUMNS = ['name', 'email', 'class_year'] as const satisfies readonly RosterColumn[]

/** Other words schools put at the top of these columns. */
const HEADER_ALIASES: Record<string, RosterColumn> = {
  e_mail: 'email',
  email_address: 'email',
  e_mail_address: 'email',
  student_id: 'school_id',
  id: 'school_id',
  full_name: 'name',
  year: 'class_year',
  graduation: 'expected_graduation',
  graduation_year: 'expected_graduation',
  expected_graduation_year: 'expected_graduation',
  advisory_dean: 'house',
  advisory_dean_or_house: 'house',
  enrollment: 'status',
}

export const ROSTER_MAX_ROWS = 10_000
/** The preview lists at most this many problems; `problemCount` says how many there were. */
export const ROSTER_MAX_PROBLEMS_LISTED = 500

export type RosterProblem = {
  /** Spreadsheet row: the header is row 1, the first student row 2. */
  row: number
  /** The column at fault as the file names it; null for the whole row or file. */
  column: string | null
  message: string
}

export type RosterRow = {
  row: number
  /** null when the file has no school id column or the cell is empty. */
  schoolId: string | null
  name: string
  email: string
  classYear: ClassYear
  /** null when not given: a new student's is worked out from the class year, an existing one's kept. */
  expectedGraduation: number | null
  /** null when the file has no track column (kept as it is; new students are MD). */
  track: StudentTrack | null
  /** null when the file has no house column (kept as it is). */
  house: string | null
  /** null when the file has no status column (kept as it is; new students are enrolled). */
  enrollment: Exclude<EnrollmentStatus, 'graduated'> | null
}

export type RosterCheck = {
  /** The rows without a problem (a file with any problem is still applied not at all). */
  rows: RosterRow[]
  problems: RosterProblem[]
  /** Columns the format does not know, as written: ignored. */
  ignoredColumns: string[]
  /** Data rows read (blank rows not counted). */
  rowCount: number
  /** Each known column's name as the file writes it (the format's name when the file has none). */
  columnNames: Record<RosterColumn, string>
}

const CLASS_YEAR_BY_WORD = new Map<string, ClassYear>()
for (const [year, words] of [
  ['M1', ['1', 'm1', 'ms1', 'year 1', 'first year', 'y1']],
  ['M2', ['2', 'm2', 'ms2', 'year 2', 'second year', 'y2']],
  ['M3', ['3', 'm3', 'ms3', 'year 3', 'third year', 'y3']],
  ['M4', ['4', 'm4', 'ms4', 'year 4', 'fourth year', 'y4']],
  ['research', ['research', 'research year', 'ry']],
] as const) {
  for (const word of words) CLASS_YEAR_BY_WORD.set(word, year)
}

const TRACK_BY_WORD = new Map<string, StudentTrack>(STUDENT_TRACKS.map((t) => [word(t), t]))
for (const [w, track] of [
  ['md/phd', 'MD-PhD'],
  ['md phd', 'MD-PhD'],
  ['mstp', 'MD-PhD'],
  ['md/mph', 'MD-MPH'],
  ['md/mba', 'MD-MBA'],
  ['primary care scholars', 'primary-care-scholars'],
  ['rural health', 'rural-health'],
] as const)
  TRACK_BY_WORD.set(w, track)

const STATUS_BY_WORD = new Map<string, 'enrolled' | 'leave'>([
  ['enrolled', 'enrolled'],
  ['active', 'enrolled'],
  ['leave', 'leave'],
  ['on leave', 'leave'],
  ['leave of absence', 'leave'],
  ['loa', 'leave'],
])

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[a-z]{2,}$/i
const FORMULA_START = /^[=+\-@\t\r]/
const ADDRESS_IN_NAME = /(https?:\/\/|www\.|@)/i
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/

function word(value: string): string {
  return value.trim().toLowerCase().replace(/[–—_]/g, '-').replace(/\s+/g, ' ')
}

/** Parses and checks a roster CSV; `currentYear` bounds the expected graduation. Pure. */
export function checkRosterCsv(text: string, currentYear: number): RosterCheck {
  const problems: RosterProblem[] = []
  const columnNames = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, c])) as Record<RosterColumn, string>
  const problem = (row: number, column: string | null, message: string) => problems.push({ row, column, message })
  const finish = (rows: RosterRow[], rowCount: number, ignoredColumns: string[] = []): RosterCheck => {
    problems.sort((a, b) => a.row - b.row)
    return { rows, problems, ignoredColumns, rowCount, columnNames }
  }

  const { records, errors } = readCsv(text)
  for (const e of errors) problem(e.row, null, `This row is not valid CSV: ${e.message}.`)
  const rawHeader = records[0]
  if (!rawHeader || rawHeader.every((cell) => cell.trim() === '')) {
    if (!errors.some((e) => e.row === 1)) problem(1, null, 'The file is empty: the first row must name the columns (name, email, class_year, …).')
    return finish([], 0)
  }
  const header = rawHeader.map((cell) => {
    const normalised = cell
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_')
    return HEADER_ALIASES[normalised] ?? cell
  })
  const { columnIndex, headerNames, ignoredColumns, problems: headerProblems } = readCsvHeader(header, ROSTER_COLUMNS, ROSTER_REQUIRED_COLUMNS)
  rawHeader.forEach((raw, i) => {
    headerNames[i] = raw.trim()
  })
  for (const [column, i] of columnIndex)
    if ((ROSTER_COLUMNS as readonly string[]).includes(column)) columnNames[column as RosterColumn] = headerNames[i] ?? column
  for (const p of headerProblems) problem(1, p.column, p.message)
  if (headerProblems.length > 0) return finish([], 0, ignoredColumns)

  const dataRecords = records.slice(1)
  const nonBlank = dataRecords.filter((r) => !r.every((cell) => cell.trim() === '')).length
  if (nonBlank === 0) {
    problem(2, null, 'The file has a header but no student rows.')
    return finish([], 0, ignoredColumns)
  }
  if (nonBlank > ROSTER_MAX_ROWS) {
    problem(1, null, `The file has ${nonBlank.toLocaleString('en-US')} rows; at most ${ROSTER_MAX_ROWS.toLocaleString('en-US')} at a time.`)
    return finish([], nonBlank, ignoredColumns)
  }

  const has = (column: RosterColumn) => columnIndex.has(column)
  const firstRowOfEmail = new Map<string, number>()
  const firstRowOfSchoolId = new Map<string, number>()
  const rows: RosterRow[] = []
  let rowCount = 0
  dataRecords.forEach((record, index) => {
    const row = index + 2
    if (record.every((cell) => cell.trim() === '')) return
    rowCount++
    if (record.length > rawHeader.length) {
      problem(
        row,
        null,
        `This row has ${record.length} values but the header has ${rawHeader.length} columns. Check for a comma inside a value that is not in quotes.`,
      )
      return
    }
    const before = problems.length
    const cell = (column: RosterColumn) => {
      const i = columnIndex.get(column)
      return { value: i === undefined ? '' : (record[i] ?? '').trim(), column: i === undefined ? column : (headerNames[i] ?? column) }
    }
    const bad = (c: { column: string }, message: string) => problem(row, c.column, message)
    const plainText = (c: { value: string; column: string }, max: number, what: string): boolean => {
      if (CONTROL.test(c.value)) bad(c, `has a line break or control character; give the ${what} on one line.`)
      else if (FORMULA_START.test(c.value)) bad(c, `starts with ${JSON.stringify(c.value[0])}, which a spreadsheet would run as a formula; remove it.`)
      else if (c.value.length > max) bad(c, `is longer than ${max} characters.`)
      else return true
      return false
    }

    const schoolIdCell = cell('school_id')
    const schoolId = schoolIdCell.value === '' ? null : schoolIdCell.value
    if (schoolId !== null && plainText(schoolIdCell, 64, 'school id')) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(schoolId)) bad(schoolIdCell, `"${schoolId}" is not a school id: use letters, digits, dots, dashes or slashes.`)
      else {
        const seen = firstRowOfSchoolId.get(schoolId.toLowerCase())
        if (seen !== undefined) bad(schoolIdCell, `${schoolId} is already on row ${seen}; each student once.`)
        else firstRowOfSchoolId.set(schoolId.toLowerCase(), row)
      }
    }

    const nameCell = cell('name')
    if (nameCell.value === '') bad(nameCell, 'is empty; give the student’s name.')
    else if (plainText(nameCell, 200, 'name') && ADDRESS_IN_NAME.test(nameCell.value)) bad(nameCell, 'give a name only, without a web or e-mail address.')

    const emailCell = cell('email')
    const email = emailCell.value.toLowerCase()
    if (email === '') bad(emailCell, 'is empty; give the student’s school e-mail address.')
    else if (email.length > 254 || !EMAIL.test(email)) bad(emailCell, `"${emailCell.value}" is not an address.`)
    else {
      const seen = firstRowOfEmail.get(email)
      if (seen !== undefined) bad(emailCell, `${email} is already on row ${seen}; each student once.`)
      else firstRowOfEmail.set(email, row)
    }

    const classYearCell = cell('class_year')
    const classYear = CLASS_YEAR_BY_WORD.get(word(classYearCell.value)) ?? null
    if (classYearCell.value === '') bad(classYearCell, 'is empty; use 1, 2, 3, 4 or research.')
    else if (!classYear) bad(classYearCell, `"${classYearCell.value}" is not a class year; use 1, 2, 3, 4 or research.`)

    const graduationCell = cell('expected_graduation')
    let expectedGraduation: number | null = null
    if (graduationCell.value !== '') {
      const n = /^\d{4}$/.test(graduationCell.value) ? Number(graduationCell.value) : Number.NaN
      if (Number.isNaN(n)) bad(graduationCell, `"${graduationCell.value}" is not a year; use four digits, e.g. ${currentYear + 2}.`)
      else if (n < currentYear || n > currentYear + 8) bad(graduationCell, `${n} is out of range; use a year from ${currentYear} to ${currentYear + 8}.`)
      else expectedGraduation = n
    }

    const trackCell = cell('track')
    let track: StudentTrack | null = has('track') ? 'MD' : null
    if (trackCell.value !== '') {
      track = TRACK_BY_WORD.get(word(trackCell.value)) ?? null
      if (!track) bad(trackCell, `"${trackCell.value}" is not a track; use one of ${STUDENT_TRACKS.join(', ')}.`)
    }

    const houseCell = cell('house')
    if (houseCell.value !== '') plainText(houseCell, 100, 'advisory dean or house')

    const statusCell = cell('status')
    let enrollment: 'enrolled' | 'leave' | null = has('status') ? 'enrolled' : null
    if (statusCell.value !== '') {
      enrollment = STATUS_BY_WORD.get(word(statusCell.value)) ?? null
      if (!enrollment) bad(statusCell, `"${statusCell.value}" is not a status; use enrolled or on leave.`)
    }

    if (problems.length > before || !classYear) return
    rows.push({
      row,
      schoolId,
      name: nameCell.value,
      email,
      classYear,
      expectedGraduation,
      track,
      house: has('house') ? houseCell.value : null,
      enrollment,
    })
  })
  return finish(rows, rowCount, ignoredColumns)
}
