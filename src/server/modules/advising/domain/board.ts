import { ADVISING_SLOT_LABELS, ADVISING_SLOTS, type AdvisingSlot, type AssignableSlot, type FormerHolder, type SlotHolder } from '#shared/contracts/advising.ts'
import { MENTOR_KIND_LABELS, type ClassYear, type MentorKind, type MentorshipKind, type MentorOffering } from '#shared/enums.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import { isYearOrTwoAhead } from '#shared/class-years.ts'
import { aboutStudent } from './staff-voice.ts'

/**
 * The advising board (decision 012), computed from what the database holds — pure, so every rule
 * is table-tested. A slot is filled by:
 *
 * - advisory dean: an advisor the Office assigned to the student (`student_advisors`) who is not a
 *   specialty advisor;
 * - specialty advisor: for the declared specialty (the first of the student's specialty
 *   interests) — an Office-assigned specialty advisor of it, an explicit board assignment made for
 *   it, or an active mentorship with a faculty mentor in it (or with a specialty advisor of it).
 *   Only a board assignment records the specialty it was made for, so only it can become "former"
 *   (the student really declared another specialty since); everyone else of another specialty is
 *   listed under `others`, never said to have left the slot;
 * - research mentor: an explicit assignment, or an active mentorship with a mentor who offers research;
 * - near-peer: an explicit assignment, or an active mentorship with a near-peer mentor; not required
 *   in the final year (nobody is a year or two ahead of an M4);
 * - resident or alumni: an explicit assignment, or an active mentorship with a resident, fellow or alumni mentor.
 *
 * A coffee chat is a single conversation: it fills no slot and is listed under `others`.
 */

export type PersonRef = { id: string; name: string }

export type BoardInputs = {
  student: { id: string; name: string; classYear?: ClassYear | null; specialtyInterests: readonly string[] }
  /** `student_advisors` rows, with the advisor's `advisesSpecialtyId`. */
  officeAdvisors: readonly { person: PersonRef; advisesSpecialtyId: string | null; assignedAt: Date }[]
  /** Explicit board assignments; `agreedAt` null while the person has not yet agreed. */
  assignments: readonly { id: string; slot: AssignableSlot; person: PersonRef; specialtyId: string | null; assignedAt: Date; agreedAt: Date | null }[]
  /** The student's active mentorships, with what the board needs of the mentor. */
  mentorships: readonly {
    id: string
    kind: MentorshipKind
    startedAt: Date
    mentor: PersonRef
    mentorKind: MentorKind
    mentorSpecialtyId: string | null
    mentorOffers: readonly MentorOffering[]
    /** Set when the mentor is also a specialty advisor. */
    mentorAdvisesSpecialtyId: string | null
  }[]
}

export type Audience = 'student' | 'staff'

export type ComputedSlot = {
  slot: AdvisingSlot
  label: string
  description: string
  holders: SlotHolder[]
  former: FormerHolder[]
  isEmpty: boolean
  /** False for a slot the student need not fill (the near-peer slot in the final year). */
  isRequired: boolean
  flag: string | null
  directoryQuery: string | null
}

export type ComputedBoard = {
  declaredSpecialty: { id: string; name: string } | null
  slots: ComputedSlot[]
  /** Required slots nobody fills. */
  emptySlots: AdvisingSlot[]
  /** Mentors and advisors in the student's corner who fill no slot (coffee chats, other specialties). */
  others: SlotHolder[]
}

/** The final year: nobody is a year or two ahead, so the near-peer slot is optional. */
export const isFinalYear = (classYear: ClassYear | null | undefined): boolean => classYear === 'M4'

export { isYearOrTwoAhead }

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "March 2026", in UTC so the words do not depend on the server's zone. */
export function monthYear(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

export const SLOT_DESCRIPTIONS: Record<AdvisingSlot, string> = {
  'advisory-dean': 'Your advisor in the Office of Student Affairs: the first person to ask about anything in medical school.',
  'specialty-advisor': 'A faculty member or specialty advisor in the specialty you have declared, who knows how students match into it.',
  'research-mentor': 'A mentor who offers research: a project, a poster, a paper.',
  'near-peer': 'A student a year or two ahead, who went through your next steps recently.',
  'resident-or-alumni': 'A resident, fellow or graduate, who has seen the match from the other side.',
}

/** The declared specialty: the first of the student's specialty interests (decision 012). */
export function declaredSpecialtyOf(specialtyInterests: readonly string[]): { id: string; name: string } | null {
  const id = specialtyInterests[0]
  if (!id) return null
  return { id, name: specialtyName(id) }
}

export function specialtyName(id: string): string {
  return findSpecialty(id)?.name ?? id
}

const RESIDENT_OR_ALUMNI: readonly MentorKind[] = ['resident', 'fellow', 'alumni']

/** Whether a mentor kind fills the slot through an active mentorship (specialty aside). */
export function mentorFillsSlot(slot: AdvisingSlot, mentor: { kind: MentorKind; offers: readonly MentorOffering[] }): boolean {
  switch (slot) {
    case 'advisory-dean':
      return false
    case 'specialty-advisor':
      return mentor.kind === 'faculty'
    case 'research-mentor':
      return mentor.offers.includes('research')
    case 'near-peer':
      return mentor.kind === 'near-peer'
    case 'resident-or-alumni':
      return RESIDENT_OR_ALUMNI.includes(mentor.kind)
  }
}

/** Directory search parameters that list more people who could fill the slot. */
export function directoryQueryFor(slot: AdvisingSlot, declaredSpecialtyId: string | null): string | null {
  switch (slot) {
    case 'advisory-dean':
      return null
    case 'specialty-advisor':
      return declaredSpecialtyId
        ? new URLSearchParams([
            ['specialty', declaredSpecialtyId],
            ['kind', 'faculty'],
            ['accepting', 'true'],
          ]).toString()
        : null
    case 'research-mentor':
      return 'offers=research&accepting=true'
    case 'near-peer':
      return 'kind=near-peer&accepting=true'
    case 'resident-or-alumni':
      return 'kind=resident&kind=fellow&kind=alumni&accepting=true'
  }
}

function emptyFlag(slot: AdvisingSlot, declared: { name: string } | null, audience: Audience): string {
  const you = audience === 'student'
  switch (slot) {
    case 'advisory-dean':
      return you
        ? 'No advisory dean yet. The Office of Student Affairs assigns one to every student; write to them if this stays empty.'
        : 'No advisory dean assigned. An administrator assigns one on the Advisors page.'
    case 'specialty-advisor':
      if (!declared) {
        return you
          ? 'No specialty declared yet. Put the specialty you are aiming for first in your specialty interests, and this slot will suggest advisors for it.'
          : 'No specialty declared yet (the first specialty interest counts as declared).'
      }
      return you ? `No ${declared.name} advisor yet. Ask one of the people suggested here.` : `No ${declared.name} advisor.`
    case 'research-mentor':
      return you ? 'No research mentor yet. A mentor who offers research can guide a first project.' : 'No research mentor.'
    case 'near-peer':
      return you ? 'No near-peer mentor yet. A student a little ahead of you knows the next steps first-hand.' : 'No near-peer mentor.'
    case 'resident-or-alumni':
      return you ? 'No resident or alumni mentor yet. Someone recently through the match sees it from the other side.' : 'No resident or alumni mentor.'
  }
}

function mentorshipWhy(m: BoardInputs['mentorships'][number], what: string): string {
  const relation = m.kind === 'coffee-chat' ? 'coffee chat' : 'active mentorship'
  return `${what}; ${relation} since ${monthYear(m.startedAt)}`
}

function mentorWhat(m: BoardInputs['mentorships'][number]): string {
  const kind = MENTOR_KIND_LABELS[m.mentorKind]
  return m.mentorSpecialtyId ? `${kind}, ${specialtyName(m.mentorSpecialtyId)}` : kind
}

/** Staff read about the student by first name, never "your". */
function possessive(audience: Audience, studentName: string): string {
  return audience === 'student' ? 'your' : `${studentName.split(/\s+/)[0] ?? studentName}’s`
}

function formerWhy(specialty: string, declared: { name: string } | null, audience: Audience, studentName: string): string {
  const your = possessive(audience, studentName)
  const now = declared ? `${your} declared specialty is now ${declared.name}` : 'no specialty is declared now'
  return `Assigned as ${your} ${specialty} advisor; ${now}.`
}

/** Why someone of another specialty is in the student's corner, without claiming they left a slot. */
function otherSpecialtyNote(specialtyId: string, interests: readonly string[], audience: Audience, studentName: string): string {
  const rank = interests.indexOf(specialtyId)
  return rank > 0 ? ` (one of ${possessive(audience, studentName)} specialty interests)` : ''
}

/** Adds a holder unless the same person already holds the slot (the first reason wins). */
function addHolder(list: SlotHolder[], holder: SlotHolder): void {
  if (!list.some((h) => h.person.id === holder.person.id)) list.push(holder)
}

function addFormer(list: FormerHolder[], former: FormerHolder, holders: readonly SlotHolder[]): void {
  if (holders.some((h) => h.person.id === former.person.id)) return
  if (!list.some((f) => f.person.id === former.person.id)) list.push(former)
}

/**
 * The board of one student: every slot in `ADVISING_SLOTS` order, who fills it and why, the
 * specialty advisors of other specialties as `former`, and a flag on each empty slot worded for
 * the student or for staff. Suggestions are added by the service.
 */
export function computeBoard(inputs: BoardInputs, audience: Audience): ComputedBoard {
  const declared = declaredSpecialtyOf(inputs.student.specialtyInterests)
  const holders = new Map<AdvisingSlot, SlotHolder[]>(ADVISING_SLOTS.map((s) => [s, []]))
  const former: FormerHolder[] = []
  const get = (slot: AdvisingSlot) => holders.get(slot) ?? []

  const others: SlotHolder[] = []
  const interests = inputs.student.specialtyInterests
  const studentName = inputs.student.name

  for (const a of inputs.officeAdvisors) {
    const base = {
      person: a.person,
      source: 'office-assignment' as const,
      since: a.assignedAt.toISOString(),
      assignmentId: null,
      mentorshipId: null,
      awaitingAgreement: false,
    }
    if (a.advisesSpecialtyId === null) {
      addHolder(get('advisory-dean'), { ...base, why: `Assigned by the Office of Student Affairs in ${monthYear(a.assignedAt)}` })
    } else if (declared && a.advisesSpecialtyId === declared.id) {
      addHolder(get('specialty-advisor'), { ...base, why: `${declared.name} specialty advisor; assigned by the Office in ${monthYear(a.assignedAt)}` })
    } else {
      const note = otherSpecialtyNote(a.advisesSpecialtyId, interests, audience, studentName)
      addHolder(others, {
        ...base,
        why: `${specialtyName(a.advisesSpecialtyId)} specialty advisor${note}; assigned by the Office in ${monthYear(a.assignedAt)}`,
      })
    }
  }

  // The student sees an assignment once the person agreed; staff also see the ones still asked.
  const assignments = inputs.assignments.filter((a) => a.agreedAt !== null || audience === 'staff')
  for (const a of assignments) {
    const awaitingAgreement = a.agreedAt === null
    const base = {
      person: a.person,
      source: 'board-assignment' as const,
      since: a.assignedAt.toISOString(),
      assignmentId: a.id,
      mentorshipId: null,
      awaitingAgreement,
    }
    const what = a.slot === 'specialty-advisor' ? `${declared?.name ?? ''} advisor` : ADVISING_SLOT_LABELS[a.slot].toLowerCase()
    const why = awaitingAgreement
      ? `Asked in ${monthYear(a.assignedAt)} to be ${what}; awaiting ${a.person.name}’s agreement`
      : `Assigned as ${what} in ${monthYear(a.assignedAt)}`
    if (a.slot === 'specialty-advisor') {
      if (declared && a.specialtyId === declared.id) addHolder(get('specialty-advisor'), { ...base, why })
    } else {
      addHolder(get(a.slot), { ...base, why })
    }
  }

  for (const m of inputs.mentorships) {
    const base = {
      person: m.mentor,
      source: 'mentorship' as const,
      since: m.startedAt.toISOString(),
      assignmentId: null,
      mentorshipId: m.id,
      awaitingAgreement: false,
    }
    const mentor = { kind: m.mentorKind, offers: m.mentorOffers }
    const specialty = m.mentorAdvisesSpecialtyId ?? (m.mentorKind === 'faculty' ? m.mentorSpecialtyId : null)
    const note = specialty && specialty !== declared?.id ? otherSpecialtyNote(specialty, interests, audience, studentName) : ''
    // A coffee chat is one conversation, not someone in the student's corner for a slot.
    if (m.kind === 'coffee-chat') {
      addHolder(others, { ...base, why: mentorshipWhy(m, mentorWhat(m) + note) })
      continue
    }
    let placed = false
    const inDeclared =
      declared !== null && (m.mentorAdvisesSpecialtyId === declared.id || (mentorFillsSlot('specialty-advisor', mentor) && m.mentorSpecialtyId === declared.id))
    if (inDeclared && declared) {
      addHolder(get('specialty-advisor'), {
        ...base,
        why: mentorshipWhy(m, m.mentorAdvisesSpecialtyId === declared.id ? `${declared.name} specialty advisor` : mentorWhat(m)),
      })
      placed = true
    }
    for (const slot of ['research-mentor', 'near-peer', 'resident-or-alumni'] as const) {
      if (mentorFillsSlot(slot, mentor)) {
        addHolder(get(slot), { ...base, why: mentorshipWhy(m, slot === 'research-mentor' ? `${mentorWhat(m)}${note}, offers research` : mentorWhat(m) + note) })
        placed = true
      }
    }
    // Faculty of another specialty, without research: in the student's corner, outside the slots.
    if (!placed) addHolder(others, { ...base, why: mentorshipWhy(m, mentorWhat(m) + note) })
  }

  // Former specialty advisors: only a board assignment records the specialty it was made for (the
  // one declared then), so only it proves the declared specialty changed since.
  const specialtyHolders = get('specialty-advisor')
  for (const a of inputs.assignments) {
    if (a.slot === 'specialty-advisor' && a.agreedAt !== null && a.specialtyId !== declared?.id) {
      const name = a.specialtyId ? specialtyName(a.specialtyId) : 'another specialty'
      addFormer(former, { person: a.person, specialtyName: name, why: formerWhy(name, declared, audience, studentName), assignmentId: a.id }, specialtyHolders)
    }
  }
  const inSlots = new Set(ADVISING_SLOTS.flatMap((slot) => get(slot).map((h) => h.person.id)))
  const outside = others.filter((o) => !inSlots.has(o.person.id) && !former.some((f) => f.person.id === o.person.id))

  const voice = (text: string) => (audience === 'staff' ? aboutStudent(text, studentName) : text)
  const finalYear = isFinalYear(inputs.student.classYear)
  const slots = ADVISING_SLOTS.map((slot): ComputedSlot => {
    const list = get(slot)
    const isEmpty = list.length === 0
    const isRequired = !(slot === 'near-peer' && finalYear)
    return {
      slot,
      label: slot === 'specialty-advisor' && declared ? `${declared.name} advisor` : ADVISING_SLOT_LABELS[slot],
      description: voice(isRequired ? SLOT_DESCRIPTIONS[slot] : `${SLOT_DESCRIPTIONS[slot]} Optional in the final year: nobody is a year or two ahead.`),
      holders: list,
      former: slot === 'specialty-advisor' ? former : [],
      isEmpty,
      isRequired,
      flag: isEmpty && isRequired ? emptyFlag(slot, declared, audience) : null,
      directoryQuery: isRequired ? directoryQueryFor(slot, declared?.id ?? null) : null,
    }
  })
  return { declaredSpecialty: declared, slots, emptySlots: slots.filter((s) => s.isEmpty && s.isRequired).map((s) => s.slot), others: outside }
}

/** A suggested mentor, as the recommendations service returns one (the fields the filter needs). */
export type SuggestionCandidate = {
  id: string
  name: string
  kind: MentorKind
  /** The mentor's own class year, when they are a student (near-peers). */
  classYear?: ClassYear | null
  specialtyName: string | null
  offers: readonly MentorOffering[]
  openPlaces: number
  reasons: readonly string[]
}

export type SuggestionContext = {
  /** The student's class year: near-peers must be a year or two ahead of it. */
  studentClassYear?: ClassYear | null
  /** Mentor id → the student's request to them still waiting for an answer. */
  pendingRequests?: ReadonlyMap<string, string>
}

export type Suggestion = {
  person: PersonRef
  headline: string
  reasons: string[]
  openPlaces: number | null
  action: 'request' | 'ask-advisor'
  pendingRequestId: string | null
}

/**
 * The suggestions for one empty slot: recommended mentors (already ranked, listed and with an
 * open place) of the slot's kind, without anyone already on the board; for the specialty-advisor
 * slot, the declared specialty's advisors first (the Office connects them), then faculty in it.
 * Near-peers only when a year or two ahead of the student. A mentor the student already asked
 * comes first and carries the waiting request, so the board never offers to ask them again.
 */
export function suggestionsForSlot(
  slot: AdvisingSlot,
  declared: { id: string; name: string } | null,
  recommended: readonly SuggestionCandidate[],
  specialtyAdvisors: readonly PersonRef[],
  excludeIds: ReadonlySet<string>,
  limit = 3,
  context: SuggestionContext = {},
): Suggestion[] {
  if (slot === 'advisory-dean') return []
  if (slot === 'specialty-advisor' && !declared) return []
  if (slot === 'near-peer' && isFinalYear(context.studentClassYear)) return []
  const pending = context.pendingRequests ?? new Map<string, string>()
  const out: Suggestion[] = []
  const taken = new Set(excludeIds)
  if (slot === 'specialty-advisor' && declared) {
    for (const advisor of specialtyAdvisors) {
      if (out.length >= Math.min(2, limit) || taken.has(advisor.id)) continue
      taken.add(advisor.id)
      // A specialty advisor who is also a listed mentor with an open place can be asked directly.
      const asMentor = recommended.find((m) => m.id === advisor.id && m.openPlaces > 0)
      out.push({
        person: advisor,
        headline: `${declared.name} specialty advisor`,
        reasons: [`advises students heading for ${declared.name}`, ...(asMentor?.reasons ?? [])],
        openPlaces: asMentor ? asMentor.openPlaces : null,
        action: asMentor ? 'request' : 'ask-advisor',
        pendingRequestId: pending.get(advisor.id) ?? null,
      })
    }
  }
  // Already asked first, then in the recommendations' order (a stable sort keeps it).
  const ordered = [...recommended].sort((a, b) => Number(pending.has(b.id)) - Number(pending.has(a.id)))
  for (const m of ordered) {
    if (out.length >= limit) break
    if (taken.has(m.id) || !mentorFillsSlot(slot, m)) continue
    if (slot === 'specialty-advisor' && m.specialtyName !== declared?.name) continue
    if (slot === 'near-peer' && !isYearOrTwoAhead(context.studentClassYear, m.classYear)) continue
    taken.add(m.id)
    out.push({
      person: { id: m.id, name: m.name },
      headline: [MENTOR_KIND_LABELS[m.kind], m.specialtyName].filter(Boolean).join(', '),
      reasons: [...m.reasons],
      openPlaces: m.openPlaces,
      action: 'request',
      pendingRequestId: pending.get(m.id) ?? null,
    })
  }
  return out
}
