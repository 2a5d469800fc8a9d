import { SPECIALTY_FACTS, seniorMatchRate } from '#engines/smart-pick/index.ts'
import { SMALL_CELL_MINIMUM, type OutcomesReport, type SpecialtyOutcome } from '#shared/contracts/office-reports.ts'
import { SPECIALTIES_BY_NAME } from '#shared/reference/specialties.ts'
import { shownCellsOfLine } from './small-cells.ts'

/** Where the national figures come from, said on the page and in the export. */
export const NATIONAL_SOURCE =
  'National rates: U.S. MD seniors who preferred each specialty in the 2024 Main Residency Match, from the NRMP’s “Charting Outcomes in the Match: Senior Students of U.S. MD Medical Schools” (2024), as a public transcription gives them. Specialties the NRMP report does not cover have no national rate here.'

const rounded = (x: number) => Math.round(x * 10_000) / 10_000

/** The published national rate of a specialty, or null. */
export function nationalRateOf(specialtyId: string): SpecialtyOutcome['national'] {
  const facts = SPECIALTY_FACTS[specialtyId]
  if (!facts) return null
  return { matched: facts.seniors.matched, unmatched: facts.seniors.unmatched, rate: rounded(seniorMatchRate(facts)) }
}

/**
 * The school's match results by specialty against the nation. Each specialty is a cell of the
 * line of every graduate, whose total is shown, so the small-cell rule hides a specialty of
 * fewer than the minimum graduates and, when one is hidden, the next smallest (decision 029).
 * Specialties in name order, those with no graduates left out.
 */
export function outcomesVsNation(
  counts: readonly { specialtyId: string; applicants: number; matched: number }[],
  years: readonly number[],
  now: Date,
  minimum = SMALL_CELL_MINIMUM,
): OutcomesReport {
  const bySpecialty = new Map(counts.filter((c) => c.applicants > 0).map((c) => [c.specialtyId, c]))
  const known = new Set(SPECIALTIES_BY_NAME.map((s) => s.id))
  const ordered = [...SPECIALTIES_BY_NAME.map((s) => s.id), ...[...bySpecialty.keys()].filter((id) => !known.has(id)).sort()].flatMap((id) => {
    const c = bySpecialty.get(id)
    return c ? [c] : []
  })
  const applicants = ordered.reduce((n, c) => n + c.applicants, 0)
  const matched = ordered.reduce((n, c) => n + c.matched, 0)
  const totalShown = applicants >= minimum
  const shown = shownCellsOfLine(
    ordered.map((c) => ({ people: c.applicants })),
    totalShown,
    minimum,
  )
  return {
    generatedAt: now.toISOString(),
    minimum,
    years: [...years],
    specialties: ordered.map((c, i) => {
      const national = nationalRateOf(c.specialtyId)
      if (!shown[i]) return { specialtyId: c.specialtyId, shown: false, applicants: null, matched: null, rate: null, national, difference: null }
      const rate = rounded(c.matched / c.applicants)
      return {
        specialtyId: c.specialtyId,
        shown: true,
        applicants: c.applicants,
        matched: c.matched,
        rate,
        national,
        difference: national ? rounded(rate - national.rate) : null,
      }
    }),
    total: totalShown
      ? { shown: true, applicants, matched, rate: rounded(matched / applicants) }
      : { shown: false, applicants: null, matched: null, rate: null },
    nationalSource: NATIONAL_SOURCE,
  }
}
