import { and, asc, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { applicationProfiles, studentProgramLists } from '#server/db/schema/index.ts'
import type { ProgramListStatusValue } from '#shared/contracts/list-builder.ts'

/**
 * The list builder's public reads (and the two writes a program's page makes), for other
 * modules: a student's program list and application profiles. Each takes the database or the
 * caller's transaction and reads in one query however many ids it is given. Other modules call
 * these instead of naming `student_program_lists` or `application_profiles`.
 */
export type ListReader = Pick<Database, 'select'>
export type ListWriter = Pick<Database, 'select' | 'insert' | 'delete'>

export type ApplicationProfileRow = typeof applicationProfiles.$inferSelect

const unique = (ids: readonly string[]) => [...new Set(ids)]

/**
 * A condition, for a query of programs, that the program is on the student's list — the one
 * join a program search needs to filter "saved" programs at any size and still page in SQL.
 */
export function isOnStudentListCondition(programId: AnyColumn, studentId: string): SQL {
  return sql`exists (select 1 from ${studentProgramLists} l where l.program_id = ${programId} and l.student_id = ${studentId})`
}

/** The student's list status of each of `programIds` that is on their list. */
export async function mapListStatusesOfPrograms(
  reader: ListReader,
  studentId: string,
  programIds: readonly string[],
): Promise<Map<string, ProgramListStatusValue>> {
  if (programIds.length === 0) return new Map()
  const rows = await reader
    .select({ programId: studentProgramLists.programId, status: studentProgramLists.status })
    .from(studentProgramLists)
    .where(and(eq(studentProgramLists.studentId, studentId), inArray(studentProgramLists.programId, unique(programIds))))
  return new Map(rows.map((r) => [r.programId, r.status]))
}

/** The programs each student marked interviewed, in the order they added them. */
export async function listInterviewedProgramIdsOfStudents(reader: ListReader, studentIds: readonly string[]): Promise<Map<string, string[]>> {
  const byStudent = new Map<string, string[]>()
  if (studentIds.length === 0) return byStudent
  const rows = await reader
    .select({ studentId: studentProgramLists.studentId, programId: studentProgramLists.programId })
    .from(studentProgramLists)
    .where(and(inArray(studentProgramLists.studentId, unique(studentIds)), eq(studentProgramLists.status, 'interviewed')))
    .orderBy(asc(studentProgramLists.studentId), asc(studentProgramLists.addedAt), asc(studentProgramLists.programId))
  for (const r of rows) {
    const list = byStudent.get(r.studentId)
    if (list) list.push(r.programId)
    else byStudent.set(r.studentId, [r.programId])
  }
  return byStudent
}

/** The programs one student marked interviewed, in the order they added them. */
export async function listInterviewedProgramIds(reader: ListReader, studentId: string): Promise<string[]> {
  return (await listInterviewedProgramIdsOfStudents(reader, [studentId])).get(studentId) ?? []
}

/** The stored application profiles of `studentIds` (students who saved none are left out). */
export async function listApplicationProfilesByStudentIds(reader: ListReader, studentIds: readonly string[]): Promise<ApplicationProfileRow[]> {
  if (studentIds.length === 0) return []
  return reader
    .select()
    .from(applicationProfiles)
    .where(inArray(applicationProfiles.studentId, unique(studentIds)))
}

/** Puts the program on the student's list as `considering`, unless it is there already. */
export async function addProgramToStudentList(writer: ListWriter, studentId: string, programId: string, now: Date): Promise<void> {
  await writer.insert(studentProgramLists).values({ studentId, programId, status: 'considering', addedAt: now, updatedAt: now }).onConflictDoNothing()
}

/** Removes the program from the list only while it is still `considering` (nothing done with it yet). */
export async function removeConsideredProgramFromStudentList(writer: ListWriter, studentId: string, programId: string): Promise<void> {
  await writer
    .delete(studentProgramLists)
    .where(and(eq(studentProgramLists.studentId, studentId), eq(studentProgramLists.programId, programId), eq(studentProgramLists.status, 'considering')))
}
