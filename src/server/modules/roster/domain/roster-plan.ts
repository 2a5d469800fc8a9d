/**
 * What a checked roster would do to the school (decision 020): who it invites, which fields it
 * changes (before → after), which rows it leaves as they are, and which students on the roster of
 * record the file does not name (listed, never removed). Rows are matched to people by school id
 * first, then by e-mail; a match that contradicts itself is a problem of the row, never a guess.
 * Pure: the service reads the people and profiles and applies the plan in one transaction.
 */
import {
  CLASS_YEAR_LABELS,
  ENROLLMENT_STATUS_LABELS,
  type ClassYear,
  type EnrollmentStatus,
  type PersonStatus,
  type Role,
  type StudentTrack,
} from '#shared/enums.ts'
import type { RosterProblem, RosterRow } from './roster-csv.ts'

export type KnownPerson = { id: string; name: string; email: string; schoolId: string | null; status: PersonStatus; roles: readonly Role[] }
export type StudentRecord = { classYear: ClassYear; graduationYear: number; track: StudentTrack; house: string; enrollment: EnrollmentStatus }
export type RosterStudent = { id: string; name: string; email: string; schoolId: string | null; classYear: ClassYear | null }

export type RosterField = 'name' | 'email' | 'schoolId' | 'classYear' | 'graduationYear' | 'track' | 'house' | 'enrollment'
export const ROSTER_FIELD_LABELS: Record<RosterField, string> = {
  name: 'Name',
  email: 'E-mail',
  schoolId: 'School id',
  classYear: 'Class year',
  graduationYear: 'Expected graduation',
  track: 'Track',
  house: 'Advisory dean or house',
  enrollment: 'Status',
}

export type FieldChange = { field: RosterField; before: string; after: string }
export type PlannedInvite = { row: number; name: string; email: string; schoolId: string | null; student: StudentRecord }
export type PlannedChange = {
  row: number
  personId: string
  name: string
  changes: FieldChange[]
  /** The person's own fields that change (identity writes these). */
  person: { name?: string; email?: string; schoolId?: string }
  /** The whole student record after the change (profiles writes it). */
  student: StudentRecord
}

export type RosterPlan = {
  invites: PlannedInvite[]
  changes: PlannedChange[]
  unchanged: number
  missing: RosterStudent[]
  problems: RosterProblem[]
}

export type RosterPlanInput = {
  rows: readonly RosterRow[]
  /** Everyone whose e-mail or school id is in the file. */
  people: readonly KnownPerson[]
  /** Student records of those people, by person id. */
  students: ReadonlyMap<string, StudentRecord>
  /** The roster of record: every student not disabled and not graduated. */
  roster: readonly RosterStudent[]
  /** The calendar year the current academic year ends in (June). */
  academicEndYear: number
  /** The column names the file uses, for the problems of matching. */
  columns: { schoolId: string; email: string }
}

const YEARS_TO_GO: Record<ClassYear, number> = { M4: 0, research: 1, M3: 1, M2: 2, M1: 3 }

/** A new student's expected graduation when the roster gives none: June after their last year. */
export function defaultGraduationYear(classYear: ClassYear, academicEndYear: number): number {
  return academicEndYear + YEARS_TO_GO[classYear]
}

const show: { [F in RosterField]: (value: string | number) => string } = {
  name: String,
  email: String,
  schoolId: (v) => (v === '' ? '(none)' : String(v)),
  classYear: (v) => CLASS_YEAR_LABELS[v as ClassYear] ?? String(v),
  graduationYear: String,
  track: String,
  house: (v) => (v === '' ? '(none)' : String(v)),
  enrollment: (v) => ENROLLMENT_STATUS_LABELS[v as EnrollmentStatus] ?? String(v),
}

export function planRoster(input: RosterPlanInput): RosterPlan {
  const bySchoolId = new Map(input.people.filter((p) => p.schoolId !== null).map((p) => [p.schoolId?.toLowerCase() as string, p]))
  const byEmail = new Map(input.people.map((p) => [p.email, p]))
  const problems: RosterProblem[] = []
  const invites: PlannedInvite[] = []
  const changes: PlannedChange[] = []
  const named = new Set<string>()
  let unchanged = 0

  for (const row of input.rows) {
    const bySchool = row.schoolId ? bySchoolId.get(row.schoolId.toLowerCase()) : undefined
    const byMail = byEmail.get(row.email)
    if (bySchool && byMail && bySchool.id !== byMail.id) {
      problems.push({
        row: row.row,
        column: input.columns.email,
        message: `${row.email} belongs to ${byMail.name}, but school id ${row.schoolId} is ${bySchool.name}’s; correct one of them.`,
      })
      continue
    }
    if (!bySchool && byMail && row.schoolId && byMail.schoolId && byMail.schoolId.toLowerCase() !== row.schoolId.toLowerCase()) {
      problems.push({
        row: row.row,
        column: input.columns.schoolId,
        message: `${row.email} belongs to ${byMail.name}, whose school id is ${byMail.schoolId}, not ${row.schoolId}.`,
      })
      continue
    }
    const person = bySchool ?? byMail
    if (person) named.add(person.id)
    if (!person) {
      invites.push({
        row: row.row,
        name: row.name,
        email: row.email,
        schoolId: row.schoolId,
        student: {
          classYear: row.classYear,
          graduationYear: row.expectedGraduation ?? defaultGraduationYear(row.classYear, input.academicEndYear),
          track: row.track ?? 'MD',
          house: row.house ?? '',
          enrollment: row.enrollment ?? 'enrolled',
        },
      })
      continue
    }
    const column = bySchool ? input.columns.schoolId : input.columns.email
    if (person.status === 'disabled') {
      problems.push({ row: row.row, column, message: `belongs to ${person.name}, whose account is disabled; enable it on the People page first.` })
      continue
    }
    if (!person.roles.includes('student')) {
      const graduated = input.students.get(person.id)?.enrollment === 'graduated'
      problems.push({
        row: row.row,
        column,
        message: graduated
          ? `belongs to ${person.name}, who has graduated; an alumnus is not on the class roster.`
          : `belongs to ${person.name}, who is not a student here; give them the student role on the People page first, or correct the row.`,
      })
      continue
    }
    const before = input.students.get(person.id) ?? null
    const after: StudentRecord = {
      classYear: row.classYear,
      graduationYear: row.expectedGraduation ?? before?.graduationYear ?? defaultGraduationYear(row.classYear, input.academicEndYear),
      track: row.track ?? before?.track ?? 'MD',
      house: row.house ?? before?.house ?? '',
      enrollment: row.enrollment ?? (before?.enrollment === 'leave' ? 'leave' : 'enrolled'),
    }
    const fieldChanges: FieldChange[] = []
    const compare = (field: RosterField, was: string | number | null, now: string | number) => {
      if (was !== now) fieldChanges.push({ field, before: was === null ? '(none)' : show[field](was), after: show[field](now) })
    }
    const personChanges: PlannedChange['person'] = {}
    if (row.name !== person.name) {
      compare('name', person.name, row.name)
      personChanges.name = row.name
    }
    if (row.email !== person.email) {
      compare('email', person.email, row.email)
      personChanges.email = row.email
    }
    // School ids match without case (S-1 is s-1), so a change of case alone is no change.
    if (row.schoolId !== null && row.schoolId.toLowerCase() !== person.schoolId?.toLowerCase()) {
      compare('schoolId', person.schoolId ?? '', row.schoolId)
      personChanges.schoolId = row.schoolId
    }
    compare('classYear', before?.classYear ?? null, after.classYear)
    compare('graduationYear', before?.graduationYear ?? null, after.graduationYear)
    compare('track', before?.track ?? null, after.track)
    compare('house', before?.house ?? null, after.house)
    compare('enrollment', before?.enrollment ?? null, after.enrollment)
    if (fieldChanges.length === 0) unchanged++
    else changes.push({ row: row.row, personId: person.id, name: person.name, changes: fieldChanges, person: personChanges, student: after })
  }

  const missing = input.roster.filter((student) => !named.has(student.id)).sort((a, b) => a.name.localeCompare(b.name))
  problems.sort((a, b) => a.row - b.row)
  return { invites, changes, unchanged, missing, problems }
}
