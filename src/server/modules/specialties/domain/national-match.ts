import { SPECIALTY_FACTS } from '#engines/smart-pick/specialty-facts.ts'

/**
 * The national match of U.S. MD seniors who preferred the specialty, in a sentence with its
 * source, from the figures the list builder is held to (NRMP Charting Outcomes 2024). Null where
 * none is published (specialties outside the NRMP, or not in the report).
 */
export function nationalMatchFact(specialtyId: string, specialtyName: string): { text: string; source: string } | null {
  const facts = SPECIALTY_FACTS[specialtyId]
  if (!facts) return null
  const { matched, unmatched } = facts.seniors
  const total = matched + unmatched
  if (total === 0) return null
  const rate = Math.round((1000 * matched) / total) / 10
  return {
    text: `In the 2024 Main Residency Match, ${matched.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} U.S. MD seniors who preferred ${specialtyName} matched in it (${rate} %).`,
    source:
      'NRMP, Charting Outcomes in the Match: Senior Students of U.S. MD Medical Schools, 2024 (from a public transcription of the report; check it there).',
  }
}
