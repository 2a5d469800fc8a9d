/**
 * A rank order list as the student types it into the NRMP's Registration, Ranking and Results
 * system: one row per line with the program code (the NRMP's, as imported) and name, the
 * partner's program on a couple's line, then each supplemental list under its advanced program.
 *
 * Written by the app's one CSV writer (RFC 4180, formula cells guarded).
 */
import { writeCsv } from '#shared/csv/write-csv.ts'

export type ExportProgram = { id: string; name: string; institution: string; track: string; city: string; state: string }
export type ExportLine = { rank: number; program: ExportProgram | null; partnerProgram?: ExportProgram | null; note: string }
export type ExportList = {
  primary: readonly ExportLine[]
  supplemental: readonly { advanced: ExportProgram | null; advancedProgramId: string; entries: readonly ExportLine[] }[]
  coupled: boolean
}

const NO_MATCH = 'No Match'
const place = (p: ExportProgram) => [p.city, p.state].filter(Boolean).join(', ')

export function rankListCsv(list: ExportList): string {
  const header = [
    'list',
    'rank',
    'program_code',
    'program_name',
    'institution',
    'track',
    'location',
    ...(list.coupled ? ['partner_program_code', 'partner_program_name'] : []),
    'note',
  ]
  const row = (listName: string, line: ExportLine, supplemental = false) => [
    listName,
    line.rank,
    line.program?.id ?? '',
    line.program?.name ?? NO_MATCH,
    line.program?.institution ?? '',
    line.program?.track ?? '',
    line.program ? place(line.program) : '',
    // Supplemental lists are not coupled: their partner columns stay empty.
    ...(list.coupled ? (supplemental ? ['', ''] : [line.partnerProgram?.id ?? '', line.partnerProgram?.name ?? NO_MATCH]) : []),
    line.note,
  ]
  const rows: (string | number)[][] = list.primary.map((line) => row('Primary', line))
  for (const s of list.supplemental) {
    const name = `Supplemental for ${s.advanced?.name ?? s.advancedProgramId} (${s.advancedProgramId})`
    for (const line of s.entries) rows.push(row(name, line, true))
  }
  return writeCsv(header, rows)
}
