import { describe, expect, it } from 'vitest'
import { SPECIALTY_FACTS } from '#engines/smart-pick/specialty-facts.ts'
import { sourceTagsInWords } from './source-words.ts'

describe('sourceTagsInWords', () => {
  it.each([
    [
      'About 61 % of signals brought an interview (2021–22) [P] Acad Med 2024;99(4):437. In nine specialties a signal multiplied the odds by 2.7 to 9.1 [P].',
      'About 61 % of signals brought an interview (2021–22) (original report: Acad Med 2024;99(4):437). In nine specialties a signal multiplied the odds by 2.7 to 9.1 (original report).',
    ],
    [
      'Programs invited 63 % of applicants who signalled them (median program, ERAS 2023) [S] quoting AAMC.',
      "Programs invited 63 % of applicants who signalled them (median program, ERAS 2023) (AAMC's figures, as quoted by another source).",
    ],
    [
      'A tie to the state counts 1 [M]; positions [S]; means [A]',
      'A tie to the state counts 1 (our own assumption); positions (as quoted by another source); means (as transcribed by a data site)',
    ],
    [
      'Interview chance: national priors from cited NRMP, AAMC and journal figures and stated assumptions (docs/smart-pick.md); not yet calibrated',
      'Interview chance: national priors from cited NRMP, AAMC and journal figures and stated assumptions; not yet calibrated',
    ],
    ['Integrated plastic surgery has no ERAS signals in the 2025 season.', 'Integrated plastic surgery has no ERAS signals in the 2025 season.'],
  ])('%s', (tagged, words) => {
    expect(sourceTagsInWords(tagged)).toBe(words)
  })

  it('leaves no tag in any specialty’s published signal effect', () => {
    for (const [id, facts] of Object.entries(SPECIALTY_FACTS)) expect(sourceTagsInWords(facts.signalEffect), id).not.toMatch(/\[[PSAM]\]|docs\//)
  })
})
