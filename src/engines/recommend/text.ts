/**
 * Words for the research-overlap factor: lower case, letters and digits only, no stop words,
 * a light plural stem. Deliberately simple — overlap of a few topical words ("oncology",
 * "global", "outcomes") is what a student can recognise in the reason shown to them.
 */

/** Function words and words every goal or research text in medicine contains. */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each either especially etc every few for from further had has have having he her here
hers him his how however i if in into is it its itself just like many may me more most much my myself no nor not now of off on
once only or other our ours out over own per really same she should so some such than that the their theirs them then there
these they this those through to too under until up upon us very via want wanted wants was we well were what when where which
while who whom why will with within without would you your yours yourself
interest interested interests interesting career careers goal goals future hope hoping plan planning plans become becoming
would like love passion passionate learn learning work working worked job field fields area areas student students school
medical medicine clinical clinician physician physicians doctor doctors patient patients practice practicing residency
resident residents mentor mentors mentorship specialty specialties year years day days one two three many lot lots thing
things make making get getting help helping especially particularly currently eventually someday maybe possibly including
research researcher`.split(/\s+/),
)

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1)
  return word
}

/**
 * Topical words of a text, stemmed, each once, with the first spelling met (for reasons).
 * Numbers are kept only when they carry letters ("covid19"); words need three letters.
 */
export function topicalWords(text: string): Map<string, string> {
  const words = new Map<string, string>()
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || STOP_WORDS.has(raw) || !/\p{L}/u.test(raw)) continue
    const key = stem(raw)
    if (STOP_WORDS.has(key) || words.has(key)) continue
    words.set(key, raw)
  }
  return words
}

/** Lower-cased, stemmed form of one word, as `topicalWords` keys it (for language names). */
export function wordKey(word: string): string {
  return stem(word.trim().toLowerCase())
}
