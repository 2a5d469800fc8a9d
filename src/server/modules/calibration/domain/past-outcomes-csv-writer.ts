/**
 * Writes past outcomes in the import format (docs/formats/past-outcomes-csv.md): the example
 * file, the synthetic cohorts of the tests, and the demo. Pure; the app's one CSV writer.
 */
import type { PastOutcome } from '#engines/smart-pick/index.ts'
import { type CsvValue, writeCsv } from '#shared/csv/write-csv.ts'
import { PAST_OUTCOMES_COLUMNS } from './past-outcomes-csv.ts'

const yesNo = (b: boolean): string => (b ? 'yes' : 'no')

/** One row per graduate and program applied to; `graduateId(outcome, index)` names each graduate. */
export function writePastOutcomesCsv(
  outcomes: readonly PastOutcome[],
  graduateId: (outcome: PastOutcome, index: number) => string = (o, i) => `G${o.year}-${String(i + 1).padStart(4, '0')}`,
): string {
  const rows: CsvValue[][] = []
  outcomes.forEach((outcome, index) => {
    const a = outcome.applicant
    const id = graduateId(outcome, index)
    const away = new Set(a.awayRotations)
    const signalled = new Set(a.signalledProgramIds)
    for (const application of outcome.applications) {
      const step1 = a.step1 === null || a.step1 === undefined ? '' : String(a.step1)
      rows.push([
        outcome.year,
        id,
        a.applicantType,
        a.preferredSpecialty,
        a.step2 ?? '',
        step1,
        a.researchItems,
        yesNo(a.alphaOmegaAlpha),
        yesNo(a.goldHumanism),
        a.clerkshipHonors,
        a.experiences,
        a.ties.states.join(';'),
        a.ties.regions.join(';'),
        yesNo(a.needsVisa),
        application.programId,
        yesNo(signalled.has(application.programId)),
        yesNo(away.has(application.programId)),
        yesNo(application.interviewed),
        outcome.matchedProgramId ?? '',
      ])
    }
  })
  return writeCsv(PAST_OUTCOMES_COLUMNS, rows)
}
