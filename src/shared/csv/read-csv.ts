/**
 * The one CSV reader of the app (programs, past outcomes, advisor assignments): RFC 4180 by
 * csv-parse, with a byte-order mark dropped.
 *
 * A broken record does not hide the rest of the file. When the whole file does not parse (most
 * often a quote opened and never closed, which would otherwise swallow every line after it), the
 * file is cut into records by quote-aware line scanning and each record is parsed on its own: a
 * record that fails is reported with its row and left empty (so later rows keep their numbers),
 * and a quote that is never closed is reported on the row that opened it, while the rows after it
 * are read line by line, as the person who wrote the file meant them.
 */
import { parse } from 'csv-parse/sync'

export type CsvReadError = {
  /** Record number, 1-based: the header is 1. Equals the spreadsheet row. */
  row: number
  message: string
}

export type CsvRead = {
  /** One array of cells per record; a record that could not be read is `[]` (a blank row). */
  records: string[][]
  errors: CsvReadError[]
}

export type CsvReadOptions = {
  /** Trim spaces around every cell. */
  trim?: boolean
  /** Leave out blank lines (then row numbers count only the records kept). */
  skipEmptyLines?: boolean
}

const parseOptions = (options: CsvReadOptions) => ({
  bom: true,
  relax_column_count: true,
  skip_empty_lines: options.skipEmptyLines ?? false,
  trim: options.trim ?? false,
})

export function readCsv(text: string, options: CsvReadOptions = {}): CsvRead {
  const body = text.replace(/^\uFEFF/, '')
  try {
    return { records: parse(body, parseOptions(options)) as string[][], errors: [] }
  } catch {
    return readRecordByRecord(body, options)
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote (") opens a value here and is never closed'
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quoted value is followed by more text before the next comma; double a quote inside a quoted value ("")'
  // csv-parse names this one without its usual CSV_ prefix; its own message counts lines and fields
  // of the one record being re-read, so it would say "line 1" of any row.
  if (code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_OPENING_QUOTE') {
    return 'a quote (") appears inside a value that is not in quotes; put the whole value in quotes and double the quote inside ("")'
  }
  return error instanceof Error ? error.message.replace(/^.*?:\s*/, '') : 'unreadable'
}

/**
 * Record by record: each record's lines are found by quote-aware scanning. A quote that does not
 * close by the end of the file, or that "closes" on a later line into something that does not
 * parse, is taken as a quote never closed on its own line; the lines after it are read afresh.
 */
function readRecordByRecord(text: string, options: CsvReadOptions): CsvRead {
  const lines = text.split(/\r\n|\n|\r/)
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  const records: string[][] = []
  const errors: CsvReadError[] = []
  const tryParse = (chunk: string): string[] | Error => {
    try {
      return (parse(chunk, { ...parseOptions(options), skip_empty_lines: false }) as string[][])[0] ?? ['']
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error))
    }
  }
  let i = 0
  while (i < lines.length) {
    const first = lines[i] ?? ''
    if (first.trim() === '' && options.skipEmptyLines) {
      i++
      continue
    }
    const row = records.length + 1
    let inQuotes = false
    let end = i
    for (; end < lines.length; end++) {
      for (const ch of lines[end] ?? '') if (ch === '"') inQuotes = !inQuotes
      if (!inQuotes) break
    }
    const parsed = inQuotes ? null : tryParse(lines.slice(i, end + 1).join('\n'))
    if (parsed === null || (parsed instanceof Error && end > i)) {
      errors.push({ row, message: describe({ code: 'CSV_QUOTE_NOT_CLOSED' }) })
      records.push([])
      i++
    } else if (parsed instanceof Error) {
      errors.push({ row, message: describe(parsed) })
      records.push([])
      i++
    } else {
      records.push(parsed)
      i = end + 1
    }
  }
  return { records, errors }
}
