import type { FieldErrors } from '#shared/errors.ts'
import type { MentorProgramStatus, PairingMethod } from '#shared/contracts/mentor-programs.ts'

/**
 * The rules of a formal mentor program that need no database: which step may follow which,
 * how many students a mentor takes, and the hard constraints every pair must meet — never a
 * conflict (a mentor who grades the student), never more than a mentor's seats, and a pair both
 * sides asked to keep stays kept (decision 011).
 */

export type ProgramAction = 'edit' | 'open-ranking' | 'run' | 'edit-pair' | 'publish' | 'archive' | 'rank'

/** May `action` happen to a program in `status` with `method`? Null if yes, else why not. */
export function refusalFor(action: ProgramAction, status: MentorProgramStatus, method: PairingMethod): string | null {
  switch (action) {
    case 'edit':
      return status === 'draft' || status === 'ranking' || status === 'review' ? null : `This program is ${status}; it can no longer be changed.`
    case 'open-ranking':
      if (method !== 'student-ranks') return 'Only a program whose students rank mentors opens a ranking.'
      return status === 'draft' ? null : 'Ranking can be opened only while the program is a draft.'
    case 'run':
      if (status === 'review') return null
      if (method === 'student-ranks')
        return status === 'ranking'
          ? null
          : status === 'draft'
            ? 'Open the ranking first, so students can rank their mentors.'
            : `This program is ${status}; it cannot be paired again.`
      return status === 'draft' ? null : `This program is ${status}; it cannot be paired again.`
    case 'edit-pair':
    case 'publish':
      return status === 'review'
        ? null
        : status === 'published'
          ? 'This program is already published.'
          : 'Run the pairing first; pairs can be changed and published only while they are in review.'
    case 'archive':
      return status === 'archived' ? 'This program is already archived.' : null
    case 'rank':
      return status === 'ranking' ? null : status === 'draft' ? 'Ranking has not opened yet.' : 'Ranking has closed for this program.'
  }
}

/** The status an edit leaves a program in: editing a program in review discards its draft pairs. */
export function statusAfterEdit(status: MentorProgramStatus, method: PairingMethod): MentorProgramStatus {
  if (status !== 'review') return method === 'max-fit' && status === 'ranking' ? 'draft' : status
  return method === 'student-ranks' ? 'ranking' : 'draft'
}

/**
 * Seats a mentor has in a program: their open places (capacity minus active mentees), lowered by
 * the program's override for them and by the program's maximum per mentor. An override never
 * raises them: publishing creates mentorships, and a mentor never has more active mentorships
 * than their capacity (the mentorships module's invariant).
 */
export function seatsOf(override: number | null, openPlaces: number, maxPerMentor: number): number {
  return Math.max(0, Math.min(override ?? openPlaces, openPlaces, maxPerMentor))
}

export const pairKey = (student: string, mentor: string) => `${student}\u0000${mentor}`

export type ProgramConstraints = {
  students: ReadonlySet<string>
  /** Seats per mentor of the program. */
  seats: ReadonlyMap<string, number>
  /** `pairKey(student, mentor)` → the conflict's reason. */
  forbidden: ReadonlyMap<string, string>
  /** Student → mentor, for pairs both sides asked to keep. */
  kept: ReadonlyMap<string, string>
}

export type Pair = { student: string; mentor: string }

/** Every hard constraint a pairing breaks, in words; empty when it breaks none. */
export function findViolations(pairs: readonly Pair[], c: ProgramConstraints): string[] {
  const problems: string[] = []
  const filled = new Map<string, number>()
  const seen = new Set<string>()
  for (const p of pairs) {
    if (!c.students.has(p.student)) problems.push(`${p.student} is not a student of this program`)
    if (seen.has(p.student)) problems.push(`${p.student} is paired twice`)
    seen.add(p.student)
    if (!c.seats.has(p.mentor)) problems.push(`${p.mentor} is not a mentor of this program`)
    if (p.student === p.mentor) problems.push(`${p.student} is paired with themself`)
    if (c.forbidden.has(pairKey(p.student, p.mentor))) problems.push(`${p.student} and ${p.mentor} must never be paired`)
    filled.set(p.mentor, (filled.get(p.mentor) ?? 0) + 1)
  }
  for (const [mentor, n] of filled) {
    const seats = c.seats.get(mentor) ?? 0
    if (n > seats) problems.push(`${mentor} has ${n} students for ${seats} seats`)
  }
  const byStudent = new Map(pairs.map((p) => [p.student, p.mentor]))
  for (const [student, mentor] of c.kept) {
    if (byStudent.get(student) !== mentor) problems.push(`${student} and ${mentor} asked to keep their pair`)
  }
  return problems
}

export type PairEdit = { studentId: string; mentorId: string | null }
export type NameOf = (id: string) => string

/**
 * Checks an admin's change to one student's pair against the hard constraints. Returns the
 * field errors that refuse it, or null when it may be made.
 */
export function checkPairEdit(
  edit: PairEdit,
  current: readonly Pair[],
  c: ProgramConstraints,
  nameOf: NameOf,
): { message: string; fields: FieldErrors } | null {
  if (!c.students.has(edit.studentId)) return { message: 'This student is not in the program.', fields: { studentId: 'Not a student of this program.' } }
  const kept = c.kept.get(edit.studentId)
  if (kept !== undefined && kept !== edit.mentorId) {
    return {
      message: `${nameOf(edit.studentId)} and ${nameOf(kept)} both asked to keep last year's pair; that pair stays.`,
      fields: { mentorId: `Kept pair: ${nameOf(edit.studentId)} stays with ${nameOf(kept)} (both asked to keep it).` },
    }
  }
  if (edit.mentorId === null) return null
  const seats = c.seats.get(edit.mentorId)
  if (seats === undefined) return { message: 'This mentor is not in the program.', fields: { mentorId: 'Not a mentor of this program.' } }
  if (edit.mentorId === edit.studentId) return { message: 'A student cannot mentor themself.', fields: { mentorId: 'Choose someone else.' } }
  const conflict = c.forbidden.get(pairKey(edit.studentId, edit.mentorId))
  if (conflict !== undefined) {
    return {
      message: `${nameOf(edit.mentorId)} may never be paired with ${nameOf(edit.studentId)}.`,
      fields: { mentorId: `Conflict: ${conflict}. This pair must never be made.` },
    }
  }
  const filled = current.filter((p) => p.mentor === edit.mentorId && p.student !== edit.studentId).length
  if (filled + 1 > seats) {
    return {
      message: `${nameOf(edit.mentorId)} has no seat left in this program.`,
      fields: { mentorId: `Over capacity: ${nameOf(edit.mentorId)} already has ${filled} of ${seats} seat${seats === 1 ? '' : 's'} filled.` },
    }
  }
  return null
}

export type UnpairedContext = {
  method: PairingMethod
  /** Mentors this student may be paired with (in the program, has seats, no conflict, not themself). */
  allowedMentors: readonly string[]
  /** Student-ranks: the mentors they ranked. */
  ranked: readonly string[]
  /** An admin left them unpaired, with this reason. */
  adminReason: string | null
  adminName: string | null
  studentCount: number
  totalSeats: number
}

/** Why a student has no mentor in the draft, in words an admin can act on. */
export function unpairedReason(ctx: UnpairedContext): string {
  if (ctx.adminReason !== null) return `Left unpaired by ${ctx.adminName ?? 'an admin'}: ${ctx.adminReason}`
  if (ctx.allowedMentors.length === 0) return 'No mentor is allowed: every mentor of the program has a conflict with this student or no seat.'
  if (ctx.method === 'student-ranks') {
    const allowed = new Set(ctx.allowedMentors)
    const rankedAllowed = ctx.ranked.filter((m) => allowed.has(m))
    if (ctx.ranked.length === 0) return 'Did not rank any mentor.'
    if (rankedAllowed.length === 0) return 'Every mentor they ranked is ruled out (a conflict or no seat).'
    return `All ${rankedAllowed.length} mentor${rankedAllowed.length === 1 ? '' : 's'} they ranked filled their seats with students they fit better.`
  }
  if (ctx.studentCount > ctx.totalSeats) return `Not enough seats: ${ctx.totalSeats} seats for ${ctx.studentCount} students.`
  return 'The mentors allowed for this student were filled by pairs the others needed more.'
}

/**
 * The recommendation engine's reasons speak to the student ("shares your interest in …"); the
 * draft is read by staff, so they are told about the student instead.
 */
export function reasonForStaff(reason: string): string {
  return reason
    .replace(/\bwhere you are\b/g, 'where the student is')
    .replace(/\byour\b/g, 'the student’s')
    .replace(/\byou\b/g, 'the student')
}

/**
 * Whether a program's students and mentors see it. A draft is the Office's work in progress
 * (participants, conflicts, pairing method may all change), so it is theirs alone; a student-ranks
 * program opens with its ranking and stays visible through review; a max-fit program's review is
 * still the Office's, so participants first see it published. Archived programs are history.
 */
export function isOpenToParticipants(status: MentorProgramStatus, method: PairingMethod): boolean {
  if (status === 'ranking' || status === 'published') return true
  return status === 'review' && method === 'student-ranks'
}
