import type { AdvisingSlot } from '#shared/contracts/advising.ts'
import { DASHBOARD_RULES, type EngagementRow, type MentorLoadRow, type MentorMeasure, type StudentMeasure } from '#shared/contracts/reporting.ts'
import { CLASS_YEARS, MENTOR_KINDS, type ClassYear, type MentorKind } from '#shared/enums.ts'
import { MS_PER_DAY } from '#shared/time.ts'

/** What the dashboard knows of one student, gathered from the owning modules. */
export type StudentStanding = {
  id: string
  name: string
  email: string
  classYear: ClassYear
  /** Mentors of the student's active ongoing mentorships (a coffee chat is not a mentor). */
  mentors: number
  /** Required slots of the advising board left empty. */
  emptySlots: readonly AdvisingSlot[]
  /** Start of the latest confirmed meeting before now; null when never. */
  lastMeetingAt: Date | null
}

/** What the dashboard knows of one mentor. */
export type MentorStanding = {
  id: string
  name: string
  kind: MentorKind
  capacity: number
  activeMentorships: number
  /** Students' requests left unanswered (see `DASHBOARD_RULES`). */
  unansweredRequests: number
  oldestUnansweredAt: Date | null
}

/**
 * Whether a student counts under a measure. "No recent meeting" is asked only of students who have
 * a mentor: a student without one is counted under "no mentor", not twice.
 */
export function studentHasMeasure(student: StudentStanding, measure: StudentMeasure, now: Date): boolean {
  switch (measure) {
    case 'all':
      return true
    case 'no-mentor':
      return student.mentors === 0
    case 'empty-board-slots':
      return student.emptySlots.length > 0
    case 'no-recent-meeting':
      return (
        student.mentors > 0 && (student.lastMeetingAt === null || now.getTime() - student.lastMeetingAt.getTime() > DASHBOARD_RULES.noMeetingDays * MS_PER_DAY)
      )
  }
}

export function mentorHasMeasure(mentor: MentorStanding, measure: MentorMeasure): boolean {
  switch (measure) {
    case 'all':
      return true
    case 'at-capacity':
      return mentor.capacity > 0 && mentor.activeMentorships === mentor.capacity
    case 'over-capacity':
      return mentor.activeMentorships > mentor.capacity
    case 'silent':
      return mentor.unansweredRequests > 0
  }
}

function engagementRow(classYear: ClassYear | null, students: readonly StudentStanding[], now: Date): EngagementRow {
  const countOf = (measure: StudentMeasure) => students.reduce((n, s) => n + (studentHasMeasure(s, measure, now) ? 1 : 0), 0)
  return {
    classYear,
    students: students.length,
    noMentor: countOf('no-mentor'),
    emptyBoardSlots: countOf('empty-board-slots'),
    noRecentMeeting: countOf('no-recent-meeting'),
  }
}

/** Engagement per class year (every year, empty ones included, in the curriculum's order) and in total. */
export function engagementFigures(students: readonly StudentStanding[], now: Date): { byClassYear: EngagementRow[]; total: EngagementRow } {
  return {
    byClassYear: CLASS_YEARS.map((year) =>
      engagementRow(
        year,
        students.filter((s) => s.classYear === year),
        now,
      ),
    ),
    total: engagementRow(null, students, now),
  }
}

function mentorLoadRow(kind: MentorKind | null, mentors: readonly MentorStanding[]): MentorLoadRow {
  const countOf = (measure: MentorMeasure) => mentors.reduce((n, m) => n + (mentorHasMeasure(m, measure) ? 1 : 0), 0)
  return {
    kind,
    mentors: mentors.length,
    capacity: mentors.reduce((n, m) => n + m.capacity, 0),
    activeMentorships: mentors.reduce((n, m) => n + m.activeMentorships, 0),
    atCapacity: countOf('at-capacity'),
    overCapacity: countOf('over-capacity'),
    silent: countOf('silent'),
  }
}

/** Mentor load against capacity per kind of mentor and in total. */
export function mentorLoadFigures(mentors: readonly MentorStanding[]): { byKind: MentorLoadRow[]; total: MentorLoadRow } {
  return {
    byKind: MENTOR_KINDS.map((kind) =>
      mentorLoadRow(
        kind,
        mentors.filter((m) => m.kind === kind),
      ),
    ),
    total: mentorLoadRow(null, mentors),
  }
}

const byName = <T extends { name: string; id: string }>(a: T, b: T) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)

/** The students behind a figure, by name. */
export function studentsBehind(students: readonly StudentStanding[], measure: StudentMeasure, classYear: ClassYear | null, now: Date): StudentStanding[] {
  return students.filter((s) => (classYear === null || s.classYear === classYear) && studentHasMeasure(s, measure, now)).sort(byName)
}

/** The mentors behind a figure: the most unanswered first for "silent", the most loaded first otherwise, then by name. */
export function mentorsBehind(mentors: readonly MentorStanding[], measure: MentorMeasure, kind: MentorKind | null): MentorStanding[] {
  const key = (m: MentorStanding) => (measure === 'silent' ? m.unansweredRequests : m.activeMentorships - m.capacity)
  return mentors.filter((m) => (kind === null || m.kind === kind) && mentorHasMeasure(m, measure)).sort((a, b) => key(b) - key(a) || byName(a, b))
}
