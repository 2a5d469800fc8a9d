/**
 * Words for the research-overlap factor: lower case, letters and digits only, no stop words,
 * a light plural stem. Deliberately simple — overlap of a few topical words ("oncology",
 * "global", "outcomes") is what a student can recognise in the reason shown to them.
 */
import { SPECIALTIES } from '#shared/reference/specialties.ts'

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
research researcher study studies studied studying
care health general program programs track training train work`.split(/\s+/),
)

/**
 * Words of specialty names ("emergency", "pediatrics", "surgery", "head", "neck") are not research
 * words in common: the specialty factor already counts the specialty, and "shares your interest
 * in pediatrics" says nothing new.
 */
const SPECIALTY_WORDS = new Set<string>()

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1)
  return word
}

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u

/**
 * Calls `visit` with each word of `text`, lower-cased: runs of letters and digits with at least
 * one letter and three characters. A hand-written scanner: splitting with a Unicode regular
 * expression cost several times more on 100,000 research-interest texts.
 */
function forEachWord(text: string, visit: (word: string) => void): void {
  let start = -1
  let letters = 0
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
    const digit = c >= 48 && c <= 57
    const other = c > 127 && NON_ASCII_WORD_CHAR.test(text.charAt(i))
    if (letter || digit || other) {
      if (start < 0) start = i
      if (!digit) letters++
      continue
    }
    if (start >= 0 && i - start >= 3 && letters > 0) visit(text.slice(start, i).toLowerCase())
    start = -1
    letters = 0
  }
}

/**
 * Topical words of a text, stemmed, each once, with the first spelling met (for reasons).
 * Words need three characters and a letter ("covid19" counts, "2024" does not).
 */
export function topicalWords(text: string): Map<string, string> {
  const words = new Map<string, string>()
  forEachWord(text, (raw) => {
    if (STOP_WORDS.has(raw)) return
    const key = stem(raw)
    if (!STOP_WORDS.has(key) && !SPECIALTY_WORDS.has(key) && !words.has(key)) words.set(key, raw)
  })
  return words
}

/**
 * The words of `goals` (from `topicalWords`) that `text` also contains, each once, in the
 * spelling of the goals, in the order met in `text`.
 */
export function sharedWords(text: string, goals: ReadonlyMap<string, string>): string[] {
  const shared: string[] = []
  forEachWord(text, (raw) => {
    const spelling = goals.get(stem(raw))
    if (spelling !== undefined && !shared.includes(spelling)) shared.push(spelling)
  })
  return shared
}

/**
 * Every word of a mentor's subspecialty and research interests, stemmed, stop words included:
 * the goal words (`topicalWords` keys) it holds are exactly the ones `sharedWords` finds.
 */
export function mentorWordKeys(text: string): Set<string> {
  const keys = new Set<string>()
  forEachWord(text, (raw) => keys.add(stem(raw)))
  return keys
}

/** Lower-cased, stemmed form of one word, as `topicalWords` keys it (for language names). */
export function wordKey(word: string): string {
  return stem(word.trim().toLowerCase())
}

/**
 * The mentor's own phrases (their subspecialty, each `;`-separated research interest) that hold
 * goal words, most goal words first, as the mentor wrote them: a reason names "heart failure in
 * underserved communities", never the stems it matched on.
 */
export function sharedPhrases(subspecialty: string, researchInterests: string, goals: ReadonlyMap<string, string>): string[] {
  // The subspecialty is a name ("Pediatric Cardiology"); an interest is a phrase, written with a
  // capital only because it began the mentor's list.
  const phrases = [{ text: subspecialty, name: true }, ...researchInterests.split(/[;\n]|\.\s/).map((text) => ({ text, name: false }))]
    .map((p) => ({ ...p, text: p.text.trim().replace(/[.,]$/, '') }))
    .filter((p) => p.text !== '')
  const scored: { phrase: string; shared: number; at: number }[] = []
  phrases.forEach(({ text, name }, at) => {
    const shared = sharedWords(text, goals).length
    const phrase = name ? text : inSentence(text)
    if (shared > 0 && !scored.some((s) => s.phrase.toLowerCase() === phrase.toLowerCase())) scored.push({ phrase, shared, at })
  })
  return scored.sort((a, b) => b.shared - a.shared || a.at - b.at).map((s) => s.phrase)
}

/** Words that keep their capital inside a sentence. */
const PROPER =
  /^(?:[A-Z]{2}|(?:Latin[aox]?|Latinx|Black|Native|Indigenous|American|African|Asian|Hispanic|Spanish|English|Medicaid|Medicare|Appalachian)\b)|^\p{Lu}\p{Ll}*-speaking/u

/** "Melanoma screening in rural clinics" → "melanoma screening in rural clinics"; "HIV care", "Spanish-speaking families" stay. */
function inSentence(phrase: string): string {
  return PROPER.test(phrase) ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1)
}

// Filled here, below the scanner it uses (its constants must exist first).
for (const specialty of SPECIALTIES) forEachWord(specialty.name, (raw) => SPECIALTY_WORDS.add(stem(raw)))
