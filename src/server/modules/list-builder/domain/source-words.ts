/**
 * The published figures carry the source tags of `docs/data/residency-facts.md` — [P] the
 * original report (NRMP, AAMC, a journal), [S] a secondary source quoting one, [A] a data site's
 * transcription, [M] our own assumption — and, in the model's own wording, a pointer into the
 * documentation. Both are for the people who maintain the figures; a student reads words.
 */
const TAGGED: readonly (readonly [RegExp, string])[] = [
  // "[P] Acad Med 2024;99(4):437." → "(original report: Acad Med 2024;99(4):437)."
  [/ ?\[P\] ([^.[\]]+)\./g, ' (original report: $1).'],
  // "[S] quoting AAMC." → "(AAMC's figures, as quoted by another source)."
  [/ ?\[S\] quoting ([^.[\]]+)\./g, " ($1's figures, as quoted by another source)."],
  [/ ?\[P\]/g, ' (original report)'],
  [/ ?\[S\]/g, ' (as quoted by another source)'],
  [/ ?\[A\]/g, ' (as transcribed by a data site)'],
  [/ ?\[M\]/g, ' (our own assumption)'],
  // "national priors (docs/smart-pick.md) recalibrated…": the documentation is not the student's to open.
  [/ ?\(docs\/[^)]*\)/g, ''],
]

/** `text` with its source tags in plain words and without pointers into the documentation. */
export function sourceTagsInWords(text: string): string {
  return TAGGED.reduce((words, [tag, plain]) => words.replace(tag, plain), text)
}
