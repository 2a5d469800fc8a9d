/**
 * A finished class simulation as CSV, one row per student (simulated or left out), for an
 * advisor's own spreadsheet. Shares as fractions from 0 to 1 (numbers, so a spreadsheet can sort
 * and format them); flags by their names and reasons in words. Written by the app's one writer.
 */
import { AT_RISK_REASON_NAMES, type ClassSimulationResult } from '#shared/contracts/class-simulation.ts'
import { type CsvValue, writeCsv } from '#shared/csv/write-csv.ts'

export const CLASS_SIMULATION_CSV_HEADER = [
  'student',
  'specialties',
  'list_source',
  'list_length',
  'p_match',
  'p_match_low',
  'p_match_high',
  'p_top3',
  'expected_rank',
  'reach',
  'target',
  'likely',
  'at_risk',
  'flags',
] as const

const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000)

export function classSimulationCsv(result: Pick<ClassSimulationResult, 'students' | 'skipped'>, specialtyName: (id: string) => string = (id) => id): string {
  const flagWords = (flags: readonly { reason: keyof typeof AT_RISK_REASON_NAMES; message: string }[]) =>
    flags.map((f) => `${AT_RISK_REASON_NAMES[f.reason]}: ${f.message}`).join(' | ')
  const rows: CsvValue[][] = result.students.map((s) => [
    s.name,
    s.specialties.map(specialtyName).join('; '),
    s.source === 'interviews' ? 'interviews' : 'rank order list',
    s.listLength,
    round(s.pMatch),
    round(s.pMatchLow),
    round(s.pMatchHigh),
    round(s.pTop3),
    round(s.expectedRank),
    s.tiers.reach,
    s.tiers.target,
    s.tiers.likely,
    s.flags.length > 0 ? 'yes' : 'no',
    flagWords(s.flags),
  ])
  for (const s of result.skipped)
    rows.push([s.name, '', 'not simulated', 0, null, null, null, null, null, null, null, null, 'not simulated', flagWords(s.flags)])
  return writeCsv(CLASS_SIMULATION_CSV_HEADER, rows)
}
