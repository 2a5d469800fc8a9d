import { readCsv } from '#shared/csv/read-csv.ts'

/**
 * The advisor-assignment CSV: a header row with `student_email` and `advisor_email` (other
 * columns are ignored), then one assignment per row. Pure: parses and checks the shape, row by
 * row; the service looks the people up. Rows are numbered as a spreadsheet shows them (the
 * header is row 1).
 */

export const ADVISOR_CSV_MAX_ROWS = 5_000

export type AdvisorCsvRow = { row: number; studentEmail: string; advisorEmail: string }
/** `column` names the CSV column at fault, or null when the row as a whole is. */
export type AdvisorCsvReject = { row: number; column: 'student_email' | 'advisor_email' | null; label: string; reason: string }
export type AdvisorCsvResult = { rows: AdvisorCsvRow[]; rejects: AdvisorCsvReject[]; fileError: string | null }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function parseAdvisorAssignmentsCsv(text: string): AdvisorCsvResult {
  const { records, errors } = readCsv(text, { skipEmptyLines: true, trim: true })
  const firstError = errors[0]
  if (firstError) return { rows: [], rejects: [], fileError: `The file is not valid CSV: row ${firstError.row}: ${firstError.message}.` }
  const header = (records[0] ?? []).map((h) => h.toLowerCase().replace(/\s+/g, '_'))
  const studentAt = header.indexOf('student_email')
  const advisorAt = header.indexOf('advisor_email')
  if (studentAt < 0 || advisorAt < 0) {
    return { rows: [], rejects: [], fileError: 'The first row must name the columns student_email and advisor_email.' }
  }
  if (records.length - 1 > ADVISOR_CSV_MAX_ROWS) {
    return { rows: [], rejects: [], fileError: `At most ${ADVISOR_CSV_MAX_ROWS} rows at once; split the file.` }
  }
  const rows: AdvisorCsvRow[] = []
  const rejects: AdvisorCsvReject[] = []
  const seen = new Set<string>()
  records.slice(1).forEach((record, i) => {
    const row = i + 2
    const studentEmail = (record[studentAt] ?? '').toLowerCase()
    const advisorEmail = (record[advisorAt] ?? '').toLowerCase()
    const label = `${studentEmail || '(no student e-mail)'} → ${advisorEmail || '(no advisor e-mail)'}`
    if (!studentEmail) {
      rejects.push({ row, column: 'student_email', label, reason: 'student_email is empty.' })
      return
    }
    if (!EMAIL.test(studentEmail)) {
      rejects.push({ row, column: 'student_email', label, reason: `student_email "${studentEmail}" is not an e-mail address.` })
      return
    }
    if (!advisorEmail) {
      rejects.push({ row, column: 'advisor_email', label, reason: 'advisor_email is empty.' })
      return
    }
    if (!EMAIL.test(advisorEmail)) {
      rejects.push({ row, column: 'advisor_email', label, reason: `advisor_email "${advisorEmail}" is not an e-mail address.` })
      return
    }
    const key = `${studentEmail} ${advisorEmail}`
    if (seen.has(key)) {
      rejects.push({ row, column: null, label, reason: 'The same pair appears on an earlier row.' })
      return
    }
    seen.add(key)
    rows.push({ row, studentEmail, advisorEmail })
  })
  return { rows, rejects, fileError: null }
}
