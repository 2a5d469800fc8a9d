import { CLASS_YEAR_STEP, isYearOrTwoAhead } from '#shared/class-years.ts'
import type { AdvisingSlot } from '#shared/contracts/advising.ts'
import { TEAM_STAGES, type TeamStage } from '#shared/contracts/recommendations.ts'
import { MENTOR_OFFERING_LABELS, type ClassYear, type MentorKind, type MentorOffering } from '#shared/enums.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'

/**
 * A mentor team across career stages (issue #17), pure. Students are told to gather several
 * mentors: faculty in the specialty they declared, a resident or fellow, a graduate, a near-peer
 * a year or two ahead, a research mentor, and — only when they asked for it — a mentor who offers
 * identity-based mentorship. For each stage nobody fills yet, the best mentor with a place is
 * picked, each person for one stage where the candidates allow it, with a reason in plain words.
 */

export type TeamStudent = {
  classYear: ClassYear
  /** Specialty ids, most interesting first; the first is the declared specialty. */
  specialtyInterests: readonly string[]
  wantsIdentityAlignedMentor: boolean
  /** "Someone who will challenge me": mentors who offer `high-expectations` come first. */
  prefersChallenge: boolean
}

/** What the advising board and the student's current mentors already cover. */
export type TeamCoverage = {
  /** The board's empty required slots (advising's `listBoardGaps`). */
  emptySlots: readonly AdvisingSlot[]
  /** The kinds of the people in the board's resident-or-alumni slot, where known. */
  residentOrAlumniKinds: readonly MentorKind[]
  /** What the student's current mentors (active ongoing mentorships) offer. */
  currentMentorOffers: readonly (readonly MentorOffering[])[]
}

export type TeamCandidate = {
  id: string
  kind: MentorKind
  specialtyId: string | null
  subspecialty: string
  clinicalSite: string
  offers: readonly MentorOffering[]
  openPlaces: number
  /** A near-peer's own class year; null for others or when unknown. */
  classYear: ClassYear | null
  /** The recommendation score for this student (higher is better). */
  score: number
  /** Shares an identity the student asked to be matched on, as far as the mentor shows it to them. */
  sharesIdentity: boolean
}

export type TeamPick = {
  stage: TeamStage
  candidate: TeamCandidate | null
  /** Plain words: why this person for the stage, or why nobody is suggested. */
  reason: string
}

const TRAINEES: readonly MentorKind[] = ['resident', 'fellow']

const declaredOf = (student: Pick<TeamStudent, 'specialtyInterests'>): string | null => student.specialtyInterests[0] ?? null
const specialtyName = (id: string): string => findSpecialty(id)?.name ?? id

/**
 * The stages nobody fills yet, in `TEAM_STAGES` order. The board decides the slots it knows
 * (specialty advisor, research mentor, near-peer — optional in the final year); its single
 * resident-or-alumni slot is split by the kind of the people in it, so a student with a resident
 * still lacks a graduate and the other way round. The identity-aligned stage exists only when the
 * student asked for it, and is filled by a current mentor who offers identity-based mentorship.
 */
export function missingStages(student: TeamStudent, coverage: TeamCoverage): TeamStage[] {
  const empty = new Set(coverage.emptySlots)
  const missing: Record<TeamStage, boolean> = {
    'specialty-faculty': empty.has('specialty-advisor'),
    'resident-or-fellow': !coverage.residentOrAlumniKinds.some((k) => TRAINEES.includes(k)),
    alumni: !coverage.residentOrAlumniKinds.includes('alumni'),
    'near-peer': empty.has('near-peer'),
    research: empty.has('research-mentor'),
    'identity-aligned': student.wantsIdentityAlignedMentor && !coverage.currentMentorOffers.some((o) => o.includes('identity-based-mentorship')),
  }
  return TEAM_STAGES.filter((s) => missing[s])
}

/** The stages someone already fills: a board slot with a holder, or a current mentor (identity). */
export function filledStages(student: TeamStudent, coverage: TeamCoverage & { filledSlots: readonly AdvisingSlot[] }): TeamStage[] {
  const missing = missingStages(student, coverage)
  const held = new Set(coverage.filledSlots)
  const filled: Record<TeamStage, boolean> = {
    'specialty-faculty': held.has('specialty-advisor'),
    'resident-or-fellow': !missing.includes('resident-or-fellow'),
    alumni: !missing.includes('alumni'),
    'near-peer': held.has('near-peer'),
    research: held.has('research-mentor'),
    'identity-aligned': student.wantsIdentityAlignedMentor && !missing.includes('identity-aligned'),
  }
  return TEAM_STAGES.filter((s) => filled[s])
}

/** Whether a mentor can fill the stage for this student at all (a place left is checked apart). */
export function fitsStage(stage: TeamStage, c: Pick<TeamCandidate, 'kind' | 'specialtyId' | 'offers' | 'classYear'>, student: TeamStudent): boolean {
  switch (stage) {
    case 'specialty-faculty': {
      const declared = declaredOf(student)
      return c.kind === 'faculty' && declared !== null && c.specialtyId === declared
    }
    case 'resident-or-fellow':
      return TRAINEES.includes(c.kind)
    case 'alumni':
      return c.kind === 'alumni'
    case 'near-peer':
      return c.kind === 'near-peer' && isYearOrTwoAhead(student.classYear, c.classYear)
    case 'research':
      return c.offers.includes('research')
    case 'identity-aligned':
      return c.offers.includes('identity-based-mentorship')
  }
}

/** 0 the declared specialty, 1 another of the student's interests, 2 any other (or no interests given). */
function specialtyTier(c: TeamCandidate, student: TeamStudent): number {
  if (c.specialtyId === null) return 2
  const i = student.specialtyInterests.indexOf(c.specialtyId)
  return i === 0 ? 0 : i > 0 ? 1 : 2
}

/**
 * The order of preference within a stage: for the identity stage, a shared identity first; then
 * the declared specialty, the student's other interests, anyone else; within each, mentors who
 * hold high expectations first when the student asked to be challenged; then the score.
 */
function preference(stage: TeamStage, student: TeamStudent) {
  const key = (c: TeamCandidate): number[] => [
    stage === 'identity-aligned' && c.sharesIdentity ? 0 : 1,
    specialtyTier(c, student),
    student.prefersChallenge && c.offers.includes('high-expectations') ? 0 : 1,
  ]
  return (a: TeamCandidate, b: TeamCandidate): number => {
    const ka = key(a)
    const kb = key(b)
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] as number) - (kb[i] as number)
    return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  }
}

/**
 * Picks one mentor per missing stage from `candidates` (every mentor who may be suggested to the
 * student: listed, accepting, not already theirs, not declined). A stage is left empty only when
 * nobody who fits it has a place. Different people fill different stages whenever the candidates
 * allow it (a maximum matching, stages in order, each trying its preferred mentors first and
 * moving an earlier stage to its next choice only to make room); a stage whose only suitable
 * mentors are all picked for other stages gets its best one again, named as such.
 */
export function pickTeam(student: TeamStudent, stages: readonly TeamStage[], candidates: readonly TeamCandidate[]): TeamPick[] {
  const options = new Map<TeamStage, TeamCandidate[]>()
  for (const stage of stages) {
    options.set(stage, candidates.filter((c) => c.openPlaces > 0 && fitsStage(stage, c, student)).sort(preference(stage, student)))
  }
  const holderOf = new Map<string, TeamStage>()
  const chosen = new Map<TeamStage, TeamCandidate>()
  const tryStage = (stage: TeamStage, visited: Set<string>): boolean => {
    for (const c of options.get(stage) ?? []) {
      if (visited.has(c.id)) continue
      visited.add(c.id)
      const holder = holderOf.get(c.id)
      if (holder === undefined || tryStage(holder, visited)) {
        holderOf.set(c.id, stage)
        chosen.set(stage, c)
        return true
      }
    }
    return false
  }
  for (const stage of stages) tryStage(stage, new Set())

  return stages.map((stage) => {
    const list = options.get(stage) ?? []
    // Said only when true: nobody of the stage in the declared specialty has a place at all.
    const noneInDeclared = !list.some((c) => specialtyTier(c, student) === 0)
    const own = chosen.get(stage)
    if (own) return { stage, candidate: own, reason: teamReason(stage, own, student, { alsoFor: null, noneInDeclared }) }
    const shared = list[0]
    if (shared) {
      const alsoFor = holderOf.get(shared.id) ?? null
      return { stage, candidate: shared, reason: teamReason(stage, shared, student, { alsoFor, noneInDeclared }) }
    }
    return { stage, candidate: null, reason: nobodyReason(stage, student) }
  })
}

/** The stage's name on its card. */
export function stageLabel(stage: TeamStage, student: Pick<TeamStudent, 'specialtyInterests'>): string {
  const declared = declaredOf(student)
  switch (stage) {
    case 'specialty-faculty':
      return declared ? `Faculty in ${specialtyName(declared)}` : 'Faculty in your specialty'
    case 'resident-or-fellow':
      return 'A resident or fellow'
    case 'alumni':
      return 'A graduate of the school'
    case 'near-peer':
      return 'A student a year or two ahead'
    case 'research':
      return 'A research mentor'
    case 'identity-aligned':
      return 'Identity-based mentorship'
  }
}

/** What the board (or the student's own wish) lacks, ending each reason. */
function gapWords(stage: TeamStage, student: TeamStudent): string {
  const declared = declaredOf(student)
  switch (stage) {
    case 'specialty-faculty':
      return `your board has no ${declared ? specialtyName(declared) : 'specialty'} advisor yet`
    case 'resident-or-fellow':
      return 'your board has no resident or fellow yet'
    case 'alumni':
      return 'your board has no graduate of the school yet'
    case 'near-peer':
      return 'your board has no near-peer yet'
    case 'research':
      return 'your board has no research mentor yet'
    case 'identity-aligned':
      return 'you asked for identity-based mentorship'
  }
}

function yearsAhead(student: ClassYear, mentor: ClassYear | null): string {
  if (!mentor) return ''
  const gap = CLASS_YEAR_STEP[mentor] - CLASS_YEAR_STEP[student]
  const ahead = gap <= 0.5 ? 'a little ahead of you' : gap <= 1 ? 'a year ahead of you' : 'two years ahead of you'
  // "an M4": the letter is said "em".
  return `${mentor === 'research' ? 'in a research year' : `an ${mentor}`}, ${ahead}`
}

/** "A resident in Emergency Medicine", "An M4, a year ahead of you, headed for Pediatrics". */
function who(c: TeamCandidate, student: TeamStudent): string {
  const specialty = c.specialtyId ? specialtyName(c.specialtyId) : null
  // A subspecialty that only repeats the specialty ("Emergency Medicine (Emergency Medicine)") is left out.
  const sub = c.subspecialty.trim().toLowerCase() === (specialty ?? '').toLowerCase() ? '' : c.subspecialty.trim()
  switch (c.kind) {
    case 'faculty':
      return `A faculty member${specialty ? ` in ${specialty}` : ''}${sub ? ` (${sub})` : ''}${c.clinicalSite ? ` at ${c.clinicalSite}` : ''}`
    case 'resident':
      return `A resident${specialty ? ` in ${specialty}` : ''}${c.clinicalSite ? ` at ${c.clinicalSite}` : ''}`
    case 'fellow':
      return `A fellow${sub ? ` in ${sub}` : specialty ? ` in ${specialty}` : ''}${c.clinicalSite ? ` at ${c.clinicalSite}` : ''}`
    case 'alumni':
      return `A graduate of the school${specialty ? ` in ${specialty}` : ''}`
    case 'near-peer': {
      const year = yearsAhead(student.classYear, c.classYear)
      return `A student${year ? ` (${year})` : ''}${specialty ? ` headed for ${specialty}` : ''}`
    }
  }
}

/** An offering mid-sentence: lower case, but "CV review" keeps its capitals. */
function offeringWords(offering: MentorOffering): string {
  const label = MENTOR_OFFERING_LABELS[offering]
  return /^[A-Z]{2}/.test(label) ? label : `${label.charAt(0).toLowerCase()}${label.slice(1)}`
}

/** The offers named in a reason: the stage's own first, the student's wish to be challenged next. */
function offersWords(stage: TeamStage, c: TeamCandidate, student: TeamStudent): string {
  const first: MentorOffering[] = []
  if (stage === 'research') first.push('research')
  if (stage === 'identity-aligned') first.push('identity-based-mentorship')
  if (student.prefersChallenge && c.offers.includes('high-expectations')) first.push('high-expectations')
  const named = [...first, ...c.offers.filter((o) => !first.includes(o) && o !== 'high-expectations')].slice(0, 3)
  if (named.length === 0) return ''
  const words = named.map((o) => (o === 'high-expectations' ? 'says they will challenge you' : `offers ${offeringWords(o)}`))
  // "who offers research and shadowing", "who says they will challenge you and offers research"
  const merged: string[] = []
  for (const w of words) {
    const last = merged.at(-1)
    if (last?.startsWith('offers ') && w.startsWith('offers ')) merged[merged.length - 1] = `${last}, ${w.slice('offers '.length)}`
    else merged.push(w)
  }
  const text = merged.join(' and ')
  // "offers research, shadowing, letters" → "offers research, shadowing and letters"
  return ` who ${text.replace(/, ([^,]+)$/, ' and $1')}`
}

/**
 * Why this mentor for this stage. `alsoFor`: the same person was picked for another stage first;
 * `noneInDeclared`: nobody who fits the stage in the declared specialty has a place.
 */
export function teamReason(
  stage: TeamStage,
  c: TeamCandidate,
  student: TeamStudent,
  { alsoFor, noneInDeclared }: { alsoFor: TeamStage | null; noneInDeclared: boolean },
): string {
  const parts = [`${who(c, student)}${offersWords(stage, c, student)}`]
  const sharing = stage === 'identity-aligned' && c.sharesIdentity
  if (sharing) parts.push('shares part of the background you asked to be matched on')
  const declared = declaredOf(student)
  if (declared && stage !== 'specialty-faculty' && noneInDeclared && specialtyTier(c, student) > 0) {
    const noun = stageNoun(stage)
    parts.push(`no ${noun} in ${specialtyName(declared)} has a place right now`)
  }
  if (alsoFor) parts.push(`also suggested above as ${lowerFirst(stageLabel(alsoFor, student))}: nobody else fits both`)
  // A shared background already says why; otherwise the stage's gap does.
  if (!sharing) parts.push(gapWords(stage, student))
  return parts.join(' — ')
}

const lowerFirst = (text: string): string => `${text.charAt(0).toLowerCase()}${text.slice(1)}`

function stageNoun(stage: TeamStage): string {
  switch (stage) {
    case 'specialty-faculty':
      return 'faculty member'
    case 'resident-or-fellow':
      return 'resident or fellow'
    case 'alumni':
      return 'graduate'
    case 'near-peer':
      return 'near-peer a year or two ahead'
    case 'research':
      return 'research mentor'
    case 'identity-aligned':
      return 'mentor offering identity-based mentorship'
  }
}

/** Why a stage has nobody: said in words rather than leaving the stage out. */
export function nobodyReason(stage: TeamStage, student: TeamStudent): string {
  const declared = declaredOf(student)
  switch (stage) {
    case 'specialty-faculty':
      return declared
        ? `No faculty in ${specialtyName(declared)} have a place right now. Your advisory dean can introduce you to one.`
        : 'Put the specialty you are aiming for first in your profile, and faculty in it will be suggested here.'
    case 'resident-or-fellow':
      return 'No residents or fellows have a place right now.'
    case 'alumni':
      return 'No graduates of the school have a place right now.'
    case 'near-peer':
      return 'No students a year or two ahead of you have a place right now.'
    case 'research':
      return 'No mentors who offer research have a place right now.'
    case 'identity-aligned':
      return 'No mentors who offer identity-based mentorship have a place right now.'
  }
}
