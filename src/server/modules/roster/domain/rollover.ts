/**
 * The year-end rollover (decision 020), pure: every enrolled student moves up one class, Year 4
 * graduates, and students on leave or in a research year stay where they are (the office moves
 * them back by roster or on the People page when they return). An academic year runs from July to
 * June; one rollover closes one academic year.
 */
import type { ClassYear, EnrollmentStatus } from '#shared/enums.ts'

export type RolloverStudent = { id: string; name: string; classYear: ClassYear; enrollment: EnrollmentStatus }
export type RolloverMove = { id: string; name: string; from: ClassYear; to: ClassYear | 'graduated' }
export type RolloverKeep = { id: string; name: string; classYear: ClassYear; reason: 'leave' | 'research' }

export type RolloverPlan = {
  academicYear: string
  moves: RolloverMove[]
  kept: RolloverKeep[]
  /** Students per class before and after (graduates counted apart). */
  before: Record<ClassYear, number>
  after: Record<ClassYear, number>
  graduating: number
}

const NEXT: Partial<Record<ClassYear, ClassYear | 'graduated'>> = { M1: 'M2', M2: 'M3', M3: 'M4', M4: 'graduated' }
const ORDER: readonly ClassYear[] = ['M1', 'M2', 'M3', 'M4', 'research']

/** `2025-2026` for any day from 1 July 2025 to 30 June 2026 (UTC). */
export function academicYearOf(day: Date): string {
  const year = day.getUTCFullYear()
  const start = day.getUTCMonth() >= 6 ? year : year - 1
  return `${start}-${start + 1}`
}

/** The calendar year the academic year of `day` ends in (its June). */
export function academicEndYearOf(day: Date): number {
  return Number(academicYearOf(day).slice(5))
}

export function planRollover(students: readonly RolloverStudent[], today: Date): RolloverPlan {
  const zero = () => Object.fromEntries(ORDER.map((year) => [year, 0])) as Record<ClassYear, number>
  const before = zero()
  const after = zero()
  const moves: RolloverMove[] = []
  const kept: RolloverKeep[] = []
  for (const student of students) {
    if (student.enrollment === 'graduated') continue
    before[student.classYear]++
    const next = student.enrollment === 'leave' ? undefined : NEXT[student.classYear]
    if (!next) {
      kept.push({ id: student.id, name: student.name, classYear: student.classYear, reason: student.enrollment === 'leave' ? 'leave' : 'research' })
      after[student.classYear]++
      continue
    }
    moves.push({ id: student.id, name: student.name, from: student.classYear, to: next })
    if (next !== 'graduated') after[next]++
  }
  const byClassThenName =
    <T extends { name: string }>(classOf: (t: T) => ClassYear) =>
    (a: T, b: T) =>
      ORDER.indexOf(classOf(a)) - ORDER.indexOf(classOf(b)) || a.name.localeCompare(b.name)
  moves.sort(byClassThenName((m) => m.from))
  kept.sort(byClassThenName((k) => k.classYear))
  return { academicYear: academicYearOf(today), moves, kept, before, after, graduating: moves.filter((m) => m.to === 'graduated').length }
}
