import type { LetterListItem, SeasonListItem } from '#shared/contracts/season-reports.ts'
import { writeCsv } from '#shared/csv/write-csv.ts'
import { CLASS_YEAR_LABELS, LETTER_STATUS_LABELS } from '#shared/enums.ts'
import { MATERIAL_KIND_LABELS } from '#shared/reference/application-limits.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'

/** The items behind a letters-dashboard figure: status and dates only (decision 013's writer). */
export function letterListCsv(items: readonly LetterListItem[]): string {
  return writeCsv(
    ['student', 'class_year', 'with', 'what', 'due', 'requested'],
    items.map((i) => [
      i.studentName,
      CLASS_YEAR_LABELS[i.classYear],
      i.withName,
      i.status ? `Letter: ${LETTER_STATUS_LABELS[i.status]}` : i.documentKind ? `Review: ${MATERIAL_KIND_LABELS[i.documentKind]}` : 'Mock interview',
      i.due.slice(0, 10),
      i.requestedAt.slice(0, 10),
    ]),
  )
}

const RANK_LIST_WORDS: Record<SeasonListItem['rankList'], string> = {
  draft: 'Not submitted',
  submitted: 'Submitted',
  'signed-off': 'Signed off',
  'changed-since-sign-off': 'Changed since sign-off',
}

/** The students behind a season-dashboard figure. */
export function seasonListCsv(items: readonly SeasonListItem[]): string {
  return writeCsv(
    ['student', 'class_year', 'profile_complete', 'preferred_specialty', 'programs', 'typical_applications', 'rank_list', 'at_risk'],
    items.map((s) => [
      s.name,
      CLASS_YEAR_LABELS[s.classYear],
      s.profileComplete ? 'yes' : 'no',
      s.preferredSpecialtyId ? (findSpecialty(s.preferredSpecialtyId)?.name ?? s.preferredSpecialtyId) : '',
      s.programs,
      s.typicalApplications,
      RANK_LIST_WORDS[s.rankList],
      s.atRiskReasons === null ? 'not simulated' : s.atRiskReasons.length === 0 ? 'no' : s.atRiskReasons.join('; '),
    ]),
  )
}
