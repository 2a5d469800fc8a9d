import type { ClassMilestoneFigure, DueDateMoved, StudentBehind } from '#shared/contracts/curriculum.ts'
import type { StudentFactsForRules } from './completion-rules.ts'
import { dueWindowText } from './due-dates.ts'
import { milestoneProgress, type DueDateCalendar, type MilestoneForTimeline, type MilestoneProgress } from './timeline.ts'

/** One student of a class, with what decides their milestones (read in batches by the service). */
export type ClassStudent = {
  id: string
  name: string
  graduationYear: number
  hasResearchYear: boolean
  ticked: ReadonlyMap<string, Date>
  attendedEventIds: ReadonlySet<string>
  facts: StudentFactsForRules
}

export type ClassProgress = { milestones: ClassMilestoneFigure[]; behind: StudentBehind[] }

/** Each student's progress on each milestone, by `milestoneProgress` — the function a student's own timeline uses. */
export function progressOfClass(
  milestones: readonly MilestoneForTimeline[],
  students: readonly ClassStudent[],
  today: string,
  calendar?: DueDateCalendar,
): Map<string, Map<string, MilestoneProgress>> {
  return new Map(
    students.map((s) => {
      const input = { ...s, today, ...calendar }
      return [s.id, new Map(milestones.map((m) => [m.id, milestoneProgress(m, input)] as const))] as const
    }),
  )
}

/**
 * A class's year: per milestone, how many students did it, are late, or have it due soon (and
 * the share done); and every student late on a required milestone or with one due soon, by name.
 */
export function classProgress(
  milestones: readonly MilestoneForTimeline[],
  students: readonly ClassStudent[],
  today: string,
  calendar?: DueDateCalendar,
): ClassProgress {
  const progress = progressOfClass(milestones, students, today, calendar)
  const figures = milestones.map((m) => {
    let done = 0
    let late = 0
    let dueSoon = 0
    let dueDate: string | null = null
    let dueMoved: DueDateMoved | null = null
    for (const s of students) {
      const p = progress.get(s.id)?.get(m.id)
      if (!p) continue
      if (p.status === 'done') done += 1
      else if (p.status === 'late') late += 1
      else if (p.status === 'due-soon') dueSoon += 1
      if (dueDate === null || p.dueDate < dueDate) {
        dueDate = p.dueDate
        dueMoved = p.dueMoved
      }
    }
    return {
      id: m.id,
      title: m.title,
      required: m.required,
      dueWindow: dueWindowText(m.year, m.dueMonth),
      dueDate,
      dueMoved,
      done,
      late,
      dueSoon,
      percentDone: students.length === 0 ? 0 : Math.round((done / students.length) * 100),
    }
  })
  const behind = students.flatMap((s) => {
    const mine = progress.get(s.id)
    const late = milestones.filter((m) => mine?.get(m.id)?.status === 'late').map((m) => m.id)
    const dueSoon = milestones.filter((m) => mine?.get(m.id)?.status === 'due-soon').map((m) => m.id)
    return late.length + dueSoon.length > 0 ? [{ id: s.id, name: s.name, late, dueSoon }] : []
  })
  behind.sort((a, b) => a.name.localeCompare(b.name))
  return { milestones: figures, behind }
}
