/**
 * Published facts per specialty that the list builder's model is held to (docs/smart-pick.md,
 * "Specialties"). Tags as elsewhere: [P] primary (NRMP, AAMC, a journal), [S] secondary, [A] an
 * aggregator's transcription of a primary report, [M] our own assumption.
 *
 * The U.S. MD seniors' rows are NRMP *Charting Outcomes in the Match: Senior Students of U.S. MD
 * Medical Schools*, 2024 Main Residency Match [A] (one public transcription; its orthopaedic row
 * agrees with Orthopedics 2025;48(3):e139 and J Surg Educ 2025, doi 10.1016/j.jsurg.2025.103647
 * [P]). Signals: AAMC, "Program signaling, 2025 MyERAS season" [P]. Applications per applicant:
 * AAMC ERAS statistics as quoted in the sources named on each row.
 */

/** What one specialty's published figures say. */
export type SpecialtyFacts = {
  /** U.S. MD seniors who preferred the specialty, 2024: matched and unmatched counts. */
  seniors: { matched: number; unmatched: number }
  /** Step 2 CK mean of those who matched / did not, 2024. */
  step2: { matched: number; unmatched: number }
  /** Mean research items (abstracts, presentations, publications), matched / unmatched, 2024. */
  research: { matched: number; unmatched: number }
  /** ERAS program signals, 2025 season (total, with the gold ones when tiered); null when none. */
  signals: { total: number; gold?: number; note?: string; source: string } | null
  /** Odds ratio of an interview invitation for a signalled program, where published for the specialty. */
  signalOddsRatio: { value: number; source: string } | null
  /** The published effect of a signal in words, for the page. */
  signalEffect: string
  /** Applications per applicant, U.S. MD where given. */
  applicationsPerApplicant: { value: number; source: string }
}

/** ERAS 2025, all specialties: U.S. MD applicants sent 58 applications each [S] quoting AAMC. */
export const ALL_SPECIALTY_APPLICATIONS = { value: 58, source: 'ERAS 2025, U.S. MD applicants, all specialties: 58 per applicant [S] quoting AAMC' }

const NINE_SPECIALTIES_SIGNAL = 'In nine specialties (ERAS 2023) a signal multiplied the odds of an interview invitation by 2.7 to 9.1 [P].'
const ERAS_2025 = 'AAMC, Program signaling, 2025 MyERAS season [P]'
/** Geometric middle of the nine-specialty range 2.7–9.1 [P]: used where a specialty has no figure of its own. */
const NINE_SPECIALTY_ODDS = { value: 5.0, source: 'middle of 2.7–9.1, nine specialties, ERAS 2023 [P]' }

export const SPECIALTY_FACTS: Readonly<Record<string, SpecialtyFacts>> = {
  anesthesiology: {
    seniors: { matched: 1136, unmatched: 191 },
    step2: { matched: 252, unmatched: 240 },
    research: { matched: 9.0, unmatched: 5.4 },
    signals: { total: 15, gold: 5, source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: NINE_SPECIALTIES_SIGNAL,
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  dermatology: {
    seniors: { matched: 314, unmatched: 126 },
    step2: { matched: 257, unmatched: 250 },
    research: { matched: 27.7, unmatched: 19.0 },
    signals: { total: 28, gold: 3, source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: `About 61 % of signals to dermatology programs brought an interview (2021–22) [P] Acad Med 2024;99(4):437. ${NINE_SPECIALTIES_SIGNAL}`,
    applicationsPerApplicant: { value: 40, source: 'ERAS 2025, dermatology: 40 per applicant (72 in 2023, before signals) [S] quoting AAMC' },
  },
  'emergency-medicine': {
    seniors: { matched: 1027, unmatched: 20 },
    step2: { matched: 248, unmatched: 234 },
    research: { matched: 5.7, unmatched: 5.0 },
    signals: { total: 5, note: 'do not signal your home program or programs where you rotated', source: ERAS_2025 },
    signalOddsRatio: { value: 4.1, source: 'Texas STAR 2023 and 2024, odds ratios of an interview 4.4 and 3.8 [P]' },
    signalEffect:
      'Emergency medicine programs invited 63 % of applicants who signalled them and 33 % of those who did not (median program, ERAS 2023) [S] quoting AAMC.',
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  'family-medicine': {
    seniors: { matched: 1170, unmatched: 12 },
    step2: { matched: 244, unmatched: 231 },
    research: { matched: 4.2, unmatched: 1.4 },
    signals: { total: 5, source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: NINE_SPECIALTIES_SIGNAL,
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  'general-surgery': {
    seniors: { matched: 858, unmatched: 181 },
    step2: { matched: 253, unmatched: 238 },
    research: { matched: 10.9, unmatched: 7.3 },
    signals: { total: 15, source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: `About 61 % of signals to general surgery programs brought an interview (2021–22) [P] Acad Med 2024;99(4):437. ${NINE_SPECIALTIES_SIGNAL}`,
    applicationsPerApplicant: { value: 63, source: 'general surgery, 63 ± 21 per applicant (2011–22 pooled) [P]' },
  },
  'internal-medicine': {
    seniors: { matched: 3024, unmatched: 64 },
    step2: { matched: 251, unmatched: 234 },
    research: { matched: 8.7, unmatched: 6.2 },
    signals: { total: 15, gold: 3, source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: `About 61 % of signals to internal medicine programs brought an interview (2021–22) [P] Acad Med 2024;99(4):437. ${NINE_SPECIALTIES_SIGNAL}`,
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  'interventional-radiology': {
    seniors: { matched: 117, unmatched: 24 },
    step2: { matched: 253, unmatched: 245 },
    research: { matched: 15.8, unmatched: 10.1 },
    signals: { total: 12, gold: 6, note: 'shared with diagnostic radiology', source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: NINE_SPECIALTIES_SIGNAL,
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  'neurological-surgery': {
    seniors: { matched: 161, unmatched: 71 },
    step2: { matched: 255, unmatched: 247 },
    research: { matched: 37.4, unmatched: 31.8 },
    signals: { total: 25, source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: NINE_SPECIALTIES_SIGNAL,
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  neurology: {
    seniors: { matched: 488, unmatched: 30 },
    step2: { matched: 250, unmatched: 236 },
    research: { matched: 8.8, unmatched: 5.5 },
    signals: { total: 8, source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: NINE_SPECIALTIES_SIGNAL,
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  'obstetrics-gynecology': {
    seniors: { matched: 925, unmatched: 149 },
    step2: { matched: 252, unmatched: 244 },
    research: { matched: 9.0, unmatched: 6.8 },
    signals: { total: 18, gold: 3, note: 'the 2024 season’s numbers', source: 'ERAS 2024 season [A]' },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: NINE_SPECIALTIES_SIGNAL,
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  'orthopaedic-surgery': {
    seniors: { matched: 587, unmatched: 203 },
    step2: { matched: 257, unmatched: 246 },
    research: { matched: 23.8, unmatched: 18.0 },
    signals: { total: 30, source: ERAS_2025 },
    signalOddsRatio: { value: 9.6, source: 'Texas STAR 2023, orthopaedics: odds ratio of an interview 9.6 [P]' },
    signalEffect: 'In orthopaedics a signal went with 9.6 times the odds of an interview, an away rotation with 62 times (Texas STAR 2023) [P].',
    applicationsPerApplicant: { value: 88, source: 'orthopaedics, 88 per applicant, the most of any specialty (ERAS 2022) [S]' },
  },
  otolaryngology: {
    seniors: { matched: 268, unmatched: 54 },
    step2: { matched: 256, unmatched: 251 },
    research: { matched: 20.0, unmatched: 15.6 },
    signals: { total: 25, source: ERAS_2025 },
    signalOddsRatio: { value: 5.0, source: 'otolaryngology, about 5 times the odds of an interview (2022) [P] JAMA Netw Open 2023;6(3):e231922' },
    signalEffect: 'Otolaryngology programs offered interviews to 58 % of applicants who signalled them and 14 % of those who did not (2021) [P] Acad Med 2021.',
    applicationsPerApplicant: { value: 64, source: 'otolaryngology, median 64 per applicant (2024 survey) [P]' },
  },
  pathology: {
    seniors: { matched: 213, unmatched: 11 },
    step2: { matched: 247, unmatched: 232 },
    research: { matched: 8.4, unmatched: 4.1 },
    signals: { total: 5, source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: NINE_SPECIALTIES_SIGNAL,
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  pediatrics: {
    // Two unmatched seniors: their means are not published; the matched means stand in [M].
    seniors: { matched: 1216, unmatched: 2 },
    step2: { matched: 247, unmatched: 233 },
    research: { matched: 6.4, unmatched: 6.4 },
    signals: { total: 5, source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: NINE_SPECIALTIES_SIGNAL,
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  'physical-medicine-rehabilitation': {
    seniors: { matched: 231, unmatched: 42 },
    step2: { matched: 248, unmatched: 236 },
    research: { matched: 8.6, unmatched: 6.4 },
    signals: { total: 8, source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: NINE_SPECIALTIES_SIGNAL,
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  'plastic-surgery': {
    seniors: { matched: 159, unmatched: 48 },
    step2: { matched: 256, unmatched: 247 },
    research: { matched: 34.7, unmatched: 26.3 },
    signals: null,
    signalOddsRatio: null,
    signalEffect: 'Integrated plastic surgery has no ERAS signals in the 2025 season.',
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  psychiatry: {
    seniors: { matched: 1051, unmatched: 123 },
    step2: { matched: 246, unmatched: 235 },
    research: { matched: 7.5, unmatched: 4.6 },
    signals: { total: 10, source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: NINE_SPECIALTIES_SIGNAL,
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  'radiation-oncology': {
    seniors: { matched: 103, unmatched: 3 },
    step2: { matched: 252, unmatched: 242 },
    research: { matched: 15.9, unmatched: 13.5 },
    signals: { total: 4, source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: NINE_SPECIALTIES_SIGNAL,
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  'diagnostic-radiology': {
    seniors: { matched: 625, unmatched: 86 },
    step2: { matched: 256, unmatched: 241 },
    research: { matched: 12.0, unmatched: 8.0 },
    signals: { total: 12, gold: 6, note: 'shared with interventional radiology', source: ERAS_2025 },
    signalOddsRatio: NINE_SPECIALTY_ODDS,
    signalEffect: NINE_SPECIALTIES_SIGNAL,
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
  'vascular-surgery': {
    seniors: { matched: 64, unmatched: 6 },
    step2: { matched: 253, unmatched: 246 },
    research: { matched: 12.8, unmatched: 8.0 },
    signals: null,
    signalOddsRatio: null,
    signalEffect: 'No ERAS signal figure is published for integrated vascular surgery.',
    applicationsPerApplicant: ALL_SPECIALTY_APPLICATIONS,
  },
}

/** Match rate of U.S. MD seniors who preferred the specialty. */
export function seniorMatchRate(facts: SpecialtyFacts): number {
  return facts.seniors.matched / (facts.seniors.matched + facts.seniors.unmatched)
}

/**
 * The applicant-type gap by specialty: published points [P] it is anchored on. The gap between
 * U.S. MD and other applicants grows with how hard the specialty is to enter.
 */
export const TYPE_GAP_FIGURES = {
  /** 2025 PGY-1 match rates, all specialties [S] AMA summarising NRMP Results and Data. */
  overall: { 'us-md': 0.935, 'us-do': 0.926, 'us-img': 0.678, 'non-us-img': 0.58 },
  /**
   * Orthopaedic surgery 2019–2023: U.S. MD students 74.5 %, U.S. DO students 59.9 % matched [P]
   * Modica et al., JBJS Open Access 2024;9(2):e24.00027.
   */
  orthopaedics: { 'us-md': 0.745, 'us-do': 0.599 },
} as const
