import { MENTOR_OFFERING_LABELS, type ClassYear, type IdentityAttribute, type MentorKind, type MentorOffering } from '#shared/enums.ts'
import { findDepartment, findSpecialty, SPECIALTIES } from '#shared/reference/specialties.ts'
import { regionOf } from './regions.ts'
import { stateName } from '#shared/reference/us-state-names.ts'
import { sharedPhrases, sharedWords, topicalWords, wordKey } from './text.ts'
import {
  RECOMMEND_FACTORS,
  type FactorContribution,
  type RankedRecommendation,
  type RecommendContext,
  type RecommendFactor,
  type RecommendMentor,
  type RecommendStudent,
} from './types.ts'
import { DEFAULT_RECOMMEND_WEIGHTS, type RecommendWeights } from './weights.ts'

/** A specialty's name as people say it: "Plastic Surgery", not "Plastic Surgery (Integrated)". */
const spoken = (name: string): string => name.replace(/\s*\(Integrated\)$/, '')

/** Value of a specialty match by the interest's place on the student's list. */
const INTEREST_VALUE = [1, 0.7, 0.55, 0.45, 0.4] as const

/** Specialty counts for less while a student is still exploring. */
const SPECIALTY_EMPHASIS: Record<ClassYear, number> = { M1: 0.6, M2: 0.8, M3: 1, M4: 1, research: 1 }

/**
 * How well each kind of mentor suits each year. Years 1–2 explore: someone a step or two
 * ahead (a near-peer, a resident) answers the questions they have. Years 3–4 choose and
 * apply: faculty in the specialty write letters and know programs; residents and fellows
 * have just been through the match.
 */
const STAGE_FIT: Record<ClassYear, Record<MentorKind, number>> = {
  M1: { 'near-peer': 1, resident: 0.8, fellow: 0.5, alumni: 0.5, faculty: 0.4 },
  M2: { 'near-peer': 0.9, resident: 0.9, fellow: 0.6, alumni: 0.6, faculty: 0.6 },
  M3: { faculty: 1, resident: 0.8, fellow: 0.8, alumni: 0.7, 'near-peer': 0.5 },
  M4: { faculty: 1, resident: 0.9, fellow: 0.8, alumni: 0.8, 'near-peer': 0.3 },
  research: { faculty: 1, fellow: 0.8, resident: 0.6, alumni: 0.5, 'near-peer': 0.5 },
}

const STAGE_REASON: Partial<Record<ClassYear, Partial<Record<MentorKind, string>>>> = {
  M1: { 'near-peer': 'a near-peer a year or two ahead of you', resident: 'a resident who was recently where you are' },
  M2: { 'near-peer': 'a near-peer a year or two ahead of you', resident: 'a resident who was recently where you are' },
  M3: { faculty: 'faculty who can advise you on applying' },
  M4: { faculty: 'faculty who can advise you on applying', resident: 'a resident who recently went through the match' },
  research: { faculty: 'faculty who can guide your research year' },
}

const KIND_NOUN: Record<MentorKind, string> = {
  faculty: 'faculty',
  resident: 'resident',
  fellow: 'fellow',
  alumni: 'alum',
  'near-peer': 'near-peer',
}

/** "also …" for each identity attribute, in the words a student would use. */
const IDENTITY_REASON: Record<IdentityAttribute, string> = {
  'first-generation': 'also first in their family to attend college',
  'underrepresented-in-medicine': 'also underrepresented in medicine',
  lgbtq: 'also LGBTQ+',
  'parent-or-caregiver': 'also a parent or caregiver',
  veteran: 'also a military veteran',
  disability: 'also a person with a disability',
  international: 'also has an international background',
  'rural-background': 'also from a rural background',
}

/** Answers within a day are not slow; a week or more counts fully. */
const SLOW_FROM_HOURS = 24
const SLOW_FULL_HOURS = 168
/** Response figures are trusted in proportion requests / (requests + this). */
const RESPONSE_PRIOR_REQUESTS = 3
/** Topical words in common that make the research factor complete. */
const RESEARCH_WORDS_FOR_FULL = 3

const clamp01 = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : x)

/** "mock interviews" — the label without a leading capital, unless it is an acronym (CV). */
function offeringWords(offering: MentorOffering): string {
  const label = MENTOR_OFFERING_LABELS[offering]
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1)
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/**
 * A uniform number in [0, 1) from a string: FNV-1a, then MurmurHash3's finaliser to spread the
 * bits (FNV alone is poorly mixed in its high bits, which the comparison reads).
 */
export function unitHash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return (h >>> 0) / 2 ** 32
}

/** How many of the goal words the mentor's word keys hold. */
function countShared(goals: ReadonlyMap<string, string>, wordKeys: ReadonlySet<string>): number {
  let n = 0
  for (const key of goals.keys()) if (wordKeys.has(key)) n++
  return n
}

/**
 * A student's factor contributions (weight × value) as functions of one mentor field at a time,
 * for callers that keep mentors in columns and want an upper bound of each score without
 * scoring everyone: the sum of the seven factors' contributions, penalties left out, is at
 * least the score. `research` takes how many of `goalWords` the mentor's word keys hold
 * (`mentorWordKeys`); `languageCounts` says whether a language earns `language`; `identity` is
 * earned only through `identityAttributes` (empty without the student's consent).
 */
export type RecommendBounds = {
  specialty: (specialtyId: string | null, departmentId: string | null) => number
  help: (offers: readonly MentorOffering[]) => number
  stage: (kind: MentorKind) => number
  site: (clinicalSite: string, state: string) => number
  research: (sharedWords: number) => number
  goalWords: readonly string[]
  languageCounts: (language: string) => boolean
  language: number
  identityAttributes: readonly IdentityAttribute[]
  identity: number
}

/** The bound functions of `RecommendBounds` for one student. */
export function recommendBounds(
  student: RecommendStudent,
  context: RecommendContext = {},
  weights: Readonly<RecommendWeights> = DEFAULT_RECOMMEND_WEIGHTS,
): RecommendBounds {
  return prepare(student, context, weights).bounds
}

const lookup = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined

/** Penalties subtract. */
const SIGN: Record<RecommendFactor, number> = { specialty: 1, help: 1, stage: 1, site: 1, research: 1, language: 1, identity: 1, responsiveness: -1, load: -1 }

/**
 * The per-student part of the scoring, shared by `recommendMentors` and `recommendBounds`, so a
 * bound and a score can never be computed two different ways.
 */
function prepare(student: RecommendStudent, context: RecommendContext, weights: Readonly<RecommendWeights>) {
  const declined = new Set(context.declined ?? [])
  const goals = topicalWords(student.careerGoals)
  const wantedLanguages = new Set((student.languages ?? []).map(wordKey))
  const interestDepartments = student.specialtyInterests.map((id) => findSpecialty(id)?.departmentId)
  const studentSite = (context.studentSite ?? '').trim().toLowerCase()
  const studentState = (context.studentState ?? '').trim().toUpperCase()
  const studentRegion = regionOf(studentState)
  const helpWanted = new Set(student.helpWanted)
  // Read identity only with consent: without it, nothing below can depend on it.
  const sharedIdentity = student.wantsIdentityAlignedMentor ? new Set(student.identity) : null
  const seatsPerPlace = Math.max(0, weights.studentsPerOpenPlace)
  const rotation = context.rotation ?? ''

  // A necessary condition for sharing a topical word, tested before splitting the mentor's
  // text into words: each goal word's stem (less a final "y", so "communities" still passes)
  // appears somewhere in it. Most mentors fail it, which keeps a 100,000-mentor ranking fast.
  const goalPattern =
    goals.size === 0 ? null : new RegExp([...goals.keys()].map((k) => (k.endsWith('y') ? k.slice(0, -1) : k).replace(/[^\p{L}\p{N}]/gu, '')).join('|'), 'iu')

  /** The specialty factor's value: the mentor's specialty on the student's list, else their department. */
  const specialtyValue = (specialtyId: string | null, departmentId: string | null): number => {
    const interest = specialtyId === null ? -1 : student.specialtyInterests.indexOf(specialtyId)
    if (interest >= 0) return (INTEREST_VALUE[interest] ?? 0.4) * SPECIALTY_EMPHASIS[student.classYear]
    const k = departmentId === null ? -1 : interestDepartments.indexOf(departmentId)
    return k >= 0 ? 0.5 * (INTEREST_VALUE[k] ?? 0.4) * SPECIALTY_EMPHASIS[student.classYear] : 0
  }
  const helpValue = (offers: readonly MentorOffering[]): number => {
    if (helpWanted.size === 0) return 0
    let offered = 0
    for (const o of offers) if (helpWanted.has(o)) offered++
    return offered / helpWanted.size
  }
  const siteValue = (clinicalSite: string, state: string): number => {
    const mentorSite = studentSite === '' ? '' : clinicalSite.trim()
    const mentorState = studentState === '' ? '' : state.trim().toUpperCase()
    if (studentSite !== '' && mentorSite.length === studentSite.length && mentorSite.toLowerCase() === studentSite) return 1
    if (studentState !== '' && mentorState === studentState) return 0.5
    if (studentRegion !== undefined && mentorState !== '' && regionOf(mentorState) === studentRegion) return 0.25
    return 0
  }
  const researchValue = (shared: number): number => clamp01(shared / RESEARCH_WORDS_FOR_FULL)
  /** Does speaking this language earn the language factor? */
  const languageCounts = (language: string): boolean => {
    const key = wordKey(language)
    return wantedLanguages.has(key) || (key !== 'english' && goals.has(key))
  }

  const values: Record<RecommendFactor, number> = {
    specialty: 0,
    help: 0,
    stage: 0,
    site: 0,
    research: 0,
    language: 0,
    identity: 0,
    responsiveness: 0,
    load: 0,
  }
  const reasons: { factor: RecommendFactor; text: string }[] = []

  /**
   * Scores one mentor into `values` and returns the score, or null when the mentor is not to
   * be shown. With `explain`, also fills `reasons`; the ranking pass skips them, and only the
   * mentors returned are explained.
   */
  const evaluate = (mentor: RecommendMentor, explain: boolean): number | null => {
    if (mentor.id === student.id || !mentor.accepting || declined.has(mentor.id)) return null
    const open = Math.min(mentor.capacity, lookup(context.openPlaces, mentor.id) ?? mentor.capacity)
    if (!(open >= 1)) return null

    // Load: hold the mentor back from part of the class when demand exceeds what the open
    // places can take; the hash decides which part, the same way on every call.
    const demand = Math.max(0, lookup(context.demand, mentor.id) ?? 0)
    const seats = open * seatsPerPlace
    const pressure = seats > 0 ? demand / seats : demand > 0 ? Number.POSITIVE_INFINITY : 0
    if (pressure > 1 && unitHash(`${rotation}\u0000${student.id}\u0000${mentor.id}`) >= 1 / pressure) return null

    for (const factor of RECOMMEND_FACTORS) values[factor] = 0
    values.load = clamp01(pressure)
    reasons.length = 0

    // Specialty: the mentor's own specialty on the student's list, else their department.
    const interest = mentor.specialtyId === null ? -1 : student.specialtyInterests.indexOf(mentor.specialtyId)
    values.specialty = specialtyValue(mentor.specialtyId, mentor.departmentId)
    if (interest >= 0) {
      if (explain) {
        const name = spoken(findSpecialty(mentor.specialtyId as string)?.name ?? (mentor.specialtyId as string))
        reasons.push({ factor: 'specialty', text: mentor.kind === 'near-peer' ? `near-peer headed for ${name}` : `${name} ${KIND_NOUN[mentor.kind]}` })
      }
    } else if (mentor.departmentId !== null) {
      const k = interestDepartments.indexOf(mentor.departmentId)
      if (k >= 0) {
        if (explain) {
          const department = findDepartment(mentor.departmentId)?.name ?? mentor.departmentId
          const specialty = spoken(SPECIALTIES.find((s) => s.id === student.specialtyInterests[k])?.name ?? '')
          reasons.push({ factor: 'specialty', text: `${KIND_NOUN[mentor.kind]} in ${department}, home of ${specialty}` })
        }
      }
    }

    if (helpWanted.size > 0) {
      values.help = helpValue(mentor.offers)
      if (explain && values.help > 0) {
        // In the student's order of asking, so the reason reads like their own request.
        const ordered = student.helpWanted.filter((o) => mentor.offers.includes(o))
        reasons.push({ factor: 'help', text: `offers ${listWords(ordered.map(offeringWords))}` })
      }
    }

    values.stage = STAGE_FIT[student.classYear][mentor.kind]
    const stageReason = STAGE_REASON[student.classYear]?.[mentor.kind]
    if (explain && stageReason !== undefined && interest < 0) reasons.push({ factor: 'stage', text: stageReason })

    values.site = siteValue(mentor.clinicalSite, mentor.state)
    if (explain && values.site === 1) reasons.push({ factor: 'site', text: `at ${mentor.clinicalSite.trim()}, your site` })
    else if (explain && values.site === 0.5) reasons.push({ factor: 'site', text: `also in ${stateName(mentor.state)}` })

    // With the mentor's word keys precomputed, the count is a set intersection; the words for
    // the reason still come from the text (the same words, in the order met).
    const sharedCount = mentor.wordKeys !== undefined && !explain ? countShared(goals, mentor.wordKeys) : -1
    if (sharedCount > 0) values.research = researchValue(sharedCount)
    else if (sharedCount < 0 && goalPattern !== null && (goalPattern.test(mentor.researchInterests) || goalPattern.test(mentor.subspecialty))) {
      const shared = sharedWords(`${mentor.subspecialty} ${mentor.researchInterests}`, goals)
      if (shared.length > 0) {
        values.research = researchValue(shared.length)
        // In the mentor's own phrases: the stems matched on ("care", "sloe") mean nothing alone.
        const phrases = sharedPhrases(mentor.subspecialty, mentor.researchInterests, goals).slice(0, 2)
        if (explain && phrases.length > 0) reasons.push({ factor: 'research', text: `shares your interest in ${listWords(phrases)}` })
      }
    }

    if (wantedLanguages.size > 0 || goals.size > 0)
      for (const language of mentor.languages) {
        if (languageCounts(language)) {
          values.language = 1
          if (explain) reasons.push({ factor: 'language', text: `speaks ${language.trim()}` })
          break
        }
      }

    if (sharedIdentity !== null) {
      const shared = mentor.identity.filter((a) => sharedIdentity.has(a))
      if (shared.length > 0) {
        values.identity = 1
        if (explain) reasons.push({ factor: 'identity', text: `${shared.map((a) => IDENTITY_REASON[a]).join('; ')} — you asked for that` })
      }
    }

    const stats = lookup(context.responseStats, mentor.id)
    if (stats !== undefined && stats.requests > 0) {
      const trust = stats.requests / (stats.requests + RESPONSE_PRIOR_REQUESTS)
      const hours = stats.medianHoursToAnswer
      const slow = hours === null ? 0 : clamp01((hours - SLOW_FROM_HOURS) / (SLOW_FULL_HOURS - SLOW_FROM_HOURS))
      values.responsiveness = trust * clamp01(0.7 * clamp01(stats.unansweredShare) + 0.3 * slow)
    }

    // Summed in the fixed factor order, so a score never depends on anything but this pair.
    let score = 0
    for (const factor of RECOMMEND_FACTORS) score += SIGN[factor] * weights[factor] * values[factor]
    return score
  }

  const bounds: RecommendBounds = {
    specialty: (specialtyId, departmentId) => weights.specialty * specialtyValue(specialtyId, departmentId),
    help: (offers) => weights.help * helpValue(offers),
    stage: (kind) => weights.stage * STAGE_FIT[student.classYear][kind],
    site: (clinicalSite, state) => weights.site * siteValue(clinicalSite, state),
    research: (shared) => weights.research * researchValue(shared),
    goalWords: [...goals.keys()],
    languageCounts: (language) => (wantedLanguages.size > 0 || goals.size > 0) && languageCounts(language),
    language: weights.language,
    identityAttributes: sharedIdentity === null ? [] : [...sharedIdentity],
    identity: weights.identity,
  }
  return { evaluate, values, reasons, bounds }
}

/**
 * "Mentors for you": ranks the mentors a student may ask, best first, each with reasons in
 * plain words and the factor contributions behind its score.
 *
 * Method: a weighted sum of explainable factors (a linear scoring rule, as in multi-attribute
 * value theory — Keeney & Raiffa 1976), each factor between 0 and 1, weights in
 * `DEFAULT_RECOMMEND_WEIGHTS`: specialty, help offered, stage fit, site, research words in
 * common, language, and identity alignment — identity only when the student asked for it,
 * otherwise neither the student's nor the mentor's identity is read. Two penalties subtract:
 * responsiveness (unanswered and slow requests) and load (demand per open place).
 *
 * Load spreading works like a seat count: a mentor is shown to at most about
 * `studentsPerOpenPlace` students per open place at a time. When the current demand is
 * above that, each student sees the mentor only if a fixed hash of (rotation, student,
 * mentor) falls below (open places × studentsPerOpenPlace) / demand, so over a class the
 * mentor appears in about that share of lists, and as demand falls the share grows back.
 *
 * Never returned: the student themself, mentors not accepting, with no open place, or
 * declined by or declining this student. Pure and deterministic: the same inputs give the
 * same list, whatever the order of `mentors`; ties go to the smaller mentor id.
 */
export function recommendMentors(
  student: RecommendStudent,
  mentors: readonly RecommendMentor[],
  context: RecommendContext = {},
  weights: Readonly<RecommendWeights> = DEFAULT_RECOMMEND_WEIGHTS,
): RankedRecommendation[] {
  const { evaluate, values, reasons } = prepare(student, context, weights)

  const candidates: { mentor: RecommendMentor; score: number }[] = []
  for (const mentor of mentors) {
    const score = evaluate(mentor, false)
    if (score !== null) candidates.push({ mentor, score })
  }
  const better = (a: { mentor: RecommendMentor; score: number }, b: { mentor: RecommendMentor; score: number }): number =>
    b.score - a.score || (a.mentor.id < b.mentor.id ? -1 : a.mentor.id > b.mentor.id ? 1 : 0)
  const limit = Math.max(0, Math.min(context.limit ?? candidates.length, candidates.length))
  const top = selectTop(candidates, limit, better)

  return top.map(({ mentor }, i) => {
    const score = evaluate(mentor, true) as number
    const factors: FactorContribution[] = RECOMMEND_FACTORS.map((factor) => ({
      factor,
      value: values[factor],
      weight: weights[factor],
      contribution: SIGN[factor] * weights[factor] * values[factor],
    }))
    const strength = (factor: RecommendFactor): number => weights[factor] * values[factor]
    return {
      mentorId: mentor.id,
      rank: i + 1,
      score,
      reasons: reasons
        .filter((r) => strength(r.factor) > 0)
        .sort((a, b) => strength(b.factor) - strength(a.factor) || RECOMMEND_FACTORS.indexOf(a.factor) - RECOMMEND_FACTORS.indexOf(b.factor))
        .map((r) => r.text),
      factors,
    }
  })
}

/** The `k` best of `items` in order: a full sort when k is a large share, else a bounded insertion list. */
function selectTop<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k * 8 >= items.length) return items.sort(compare).slice(0, k)
  const top: T[] = []
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1] as T) >= 0) continue
    let i = top.length === k ? k - 1 : top.length
    if (top.length < k) top.push(item)
    while (i > 0 && compare(item, top[i - 1] as T) < 0) {
      top[i] = top[i - 1] as T
      i--
    }
    top[i] = item
  }
  return top
}
