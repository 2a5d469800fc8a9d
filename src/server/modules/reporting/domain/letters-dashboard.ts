import {
  LETTERS_DASHBOARD_RULES,
  type LetterListItem,
  type LetterMeasure,
  type LettersDashboard,
  type LetterWriterRow,
} from '#shared/contracts/season-reports.ts'
import type { ClassYear, LetterStatus } from '#shared/enums.ts'
import type { MaterialKind } from '#shared/reference/application-limits.ts'
import { MS_PER_DAY } from '#shared/time.ts'

/** A student in the viewer's scope. */
export type ScopedStudent = { id: string; name: string; classYear: ClassYear }

/** What the owners give about one open letter, review or mock (status and dates only). */
export type OpenLetter = {
  id: string
  studentId: string
  writerKey: string
  writerName: string
  hasAccount: boolean
  status: LetterStatus
  dueDate: string
  requestedAt: Date
}
export type OpenReview = { id: string; studentId: string; documentKind: MaterialKind; reviewerName: string; dueDate: string; requestedAt: Date }
export type OpenMock = { id: string; studentId: string; interviewerName: string; startAt: Date; endAt: Date; bookedAt: Date }

export type LetterFacts = { letters: readonly OpenLetter[]; reviews: readonly OpenReview[]; mocks: readonly OpenMock[] }

/** Days from today (UTC) to a due date: negative once it has passed. A letter is due by the end of its day. */
function daysUntil(dueDate: string, now: Date): number {
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`)
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - today) / MS_PER_DAY)
}

/** Overdue: the due date's day has ended (the letters module's `isLate` for an open letter). */
export const isOverdue = (dueDate: string, now: Date) => daysUntil(dueDate, now) < 0
const isDueSoon = (dueDate: string, now: Date) => {
  const d = daysUntil(dueDate, now)
  return d >= 0 && d <= LETTERS_DASHBOARD_RULES.dueSoonDays
}

/** Whether a letter counts under a letter measure. */
export function letterHasMeasure(letter: OpenLetter, measure: LetterMeasure, now: Date): boolean {
  switch (measure) {
    case 'outstanding':
      return true
    case 'overdue':
      return isOverdue(letter.dueDate, now)
    case 'due-soon':
      return isDueSoon(letter.dueDate, now)
    case 'due-later':
      return daysUntil(letter.dueDate, now) > LETTERS_DASHBOARD_RULES.dueSoonDays
    default:
      return false
  }
}

/**
 * The letters dashboard's figures over the open letters, reviews and mocks of the students in
 * scope (the caller has kept only those). Writers are listed most overdue first, then most
 * outstanding, then by name.
 */
export function lettersFigures(facts: LetterFacts, now: Date): Omit<LettersDashboard, 'scope' | 'generatedAt'> {
  const count = (measure: LetterMeasure) => facts.letters.filter((l) => letterHasMeasure(l, measure, now)).length
  const writers = new Map<string, LetterWriterRow>()
  for (const l of facts.letters) {
    const row = writers.get(l.writerKey) ?? { writer: l.writerKey, name: l.writerName, hasAccount: l.hasAccount, outstanding: 0, overdue: 0 }
    row.outstanding += 1
    if (isOverdue(l.dueDate, now)) row.overdue += 1
    writers.set(l.writerKey, row)
  }
  return {
    letters: {
      outstanding: facts.letters.length,
      overdue: count('overdue'),
      dueSoon: count('due-soon'),
      dueLater: count('due-later'),
      students: new Set(facts.letters.map((l) => l.studentId)).size,
    },
    byWriter: [...writers.values()].sort((a, b) => b.overdue - a.overdue || b.outstanding - a.outstanding || a.name.localeCompare(b.name)),
    reviews: { open: facts.reviews.length, overdue: facts.reviews.filter((r) => isOverdue(r.dueDate, now)).length },
    mockInterviews: {
      upcoming: facts.mocks.filter((m) => m.startAt.getTime() > now.getTime()).length,
      awaitingFeedback: facts.mocks.filter((m) => m.endAt.getTime() <= now.getTime()).length,
    },
  }
}

/**
 * The items behind a figure, soonest due first: letters (optionally one writer's), reviews or
 * mocks, each with its student. Items of students not in `students` are dropped.
 */
export function lettersBehind(
  facts: LetterFacts,
  students: ReadonlyMap<string, ScopedStudent>,
  measure: LetterMeasure,
  writer: string | null,
  now: Date,
): LetterListItem[] {
  const items: LetterListItem[] = []
  const push = (studentId: string, item: Omit<LetterListItem, 'studentId' | 'studentName' | 'classYear'>) => {
    const s = students.get(studentId)
    if (s) items.push({ ...item, studentId, studentName: s.name, classYear: s.classYear })
  }
  switch (measure) {
    case 'reviews-open':
    case 'reviews-overdue':
      for (const r of facts.reviews) {
        if (measure === 'reviews-overdue' && !isOverdue(r.dueDate, now)) continue
        push(r.studentId, {
          id: r.id,
          withName: r.reviewerName,
          status: null,
          documentKind: r.documentKind,
          due: r.dueDate,
          requestedAt: r.requestedAt.toISOString(),
        })
      }
      break
    case 'mocks-upcoming':
    case 'mocks-awaiting-feedback':
      for (const m of facts.mocks) {
        const upcoming = m.startAt.getTime() > now.getTime()
        const held = m.endAt.getTime() <= now.getTime()
        if (measure === 'mocks-upcoming' ? !upcoming : !held) continue
        push(m.studentId, {
          id: m.id,
          withName: m.interviewerName,
          status: null,
          documentKind: null,
          due: m.startAt.toISOString(),
          requestedAt: m.bookedAt.toISOString(),
        })
      }
      break
    default:
      for (const l of facts.letters) {
        if ((writer !== null && l.writerKey !== writer) || !letterHasMeasure(l, measure, now)) continue
        push(l.studentId, { id: l.id, withName: l.writerName, status: l.status, documentKind: null, due: l.dueDate, requestedAt: l.requestedAt.toISOString() })
      }
  }
  return items.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.studentName.localeCompare(b.studentName) || a.id.localeCompare(b.id)))
}
