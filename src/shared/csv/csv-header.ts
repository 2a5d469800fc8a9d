/** A header cell as a column name: trimmed, lower case, spaces and hyphens as underscores ("Match year" → `match_year`). */
export function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

export type CsvHeader = {
  /** Where each named column is (normalised name → index). */
  columnIndex: Map<string, number>
  /** Each column's name as the file writes it, by index: what a reject names. */
  headerNames: string[]
  /** Columns the format does not know, as written: ignored, and said so. */
  ignoredColumns: string[]
  /** A column twice, a required column missing: each a reject of the header row. */
  problems: { column: string; message: string }[]
}

/** Reads an importer's header row against the columns its format knows and requires. */
export function readCsvHeader(header: readonly string[], known: readonly string[], required: readonly string[]): CsvHeader {
  const columnIndex = new Map<string, number>()
  const headerNames: string[] = []
  const ignoredColumns: string[] = []
  const problems: CsvHeader['problems'] = []
  const knownNames = new Set(known)
  header.forEach((raw, i) => {
    const name = normaliseHeader(raw)
    headerNames[i] = raw.trim()
    if (name === '') return
    if (columnIndex.has(name)) {
      problems.push({ column: raw.trim(), message: `The column "${raw.trim()}" appears twice.` })
      return
    }
    columnIndex.set(name, i)
    if (!knownNames.has(name)) ignoredColumns.push(raw.trim())
  })
  for (const column of required) {
    if (!columnIndex.has(column)) problems.push({ column, message: `The column "${column}" is missing. Required: ${required.join(', ')}.` })
  }
  return { columnIndex, headerNames, ignoredColumns, problems }
}
