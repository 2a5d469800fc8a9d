/**
 * The one CSV writer of the app: every export (rank order lists, mentoring hours, residency
 * programs, past outcomes, class simulations, the `simulate` command) goes through it, so none can
 * forget the quoting or the formula guard.
 *
 * - RFC 4180: a field is quoted when it holds a comma, a quote, CR or LF (or starts or ends with
 *   a space, which spreadsheets would trim), with quotes doubled; CRLF line ends by default.
 * - Formula guard (OWASP's CSV-injection advice): a *text* cell that starts with `=`, `+`, `-`,
 *   `@`, tab or CR gets a leading apostrophe, so a spreadsheet shows it as text instead of running
 *   it. Numbers are passed as numbers and written as they are: `-3` in a numeric column stays a
 *   number a spreadsheet can add up. A caller that has a number must pass the number, not its
 *   string (a string "-3" is guarded like any other text).
 */

export type CsvValue = string | number | null | undefined

/** Text a spreadsheet would run as a formula (or that starts with a control it acts on). */
export const FORMULA_START = /^[=+\-@\t\r]/

/** One field, quoted and guarded. `null`, `undefined` and non-finite numbers are empty. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export type CsvOptions = {
  /** `'\r\n'` (RFC 4180, the default) or `'\n'` for command-line output. */
  lineEnd?: '\r\n' | '\n'
}

/** A header row, then the rows; every line ends with the line end, including the last. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, options: CsvOptions = {}): string {
  const lineEnd = options.lineEnd ?? '\r\n'
  const lines = [header.map(csvField).join(',')]
  for (const row of rows) lines.push(row.map(csvField).join(','))
  return lines.join(lineEnd) + lineEnd
}
