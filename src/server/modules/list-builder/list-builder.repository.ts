import { and, count, eq, sql } from 'drizzle-orm'
import { anyOf } from '#server/db/any-of.ts'
import type { Database } from '#server/db/client.ts'
import { applicationProfiles, studentProgramLists } from '#server/db/schema/index.ts'
import type { ProgramListStatusValue } from '#shared/contracts/list-builder.ts'
import { listProgramLabelsByIds } from '../residency-programs/program-rows.ts'
import type { StoredProfile } from './domain/profile.ts'

export type Tx = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>

export type ProfileColumns = Omit<StoredProfile, 'updatedAt'>

export type ProgramListRow = {
  programId: string
  name: string
  institution: string
  specialtyId: string
  city: string
  state: string
  status: ProgramListStatusValue
  signalled: boolean
  note: string
  addedAt: Date
  updatedAt: Date
}

/** Application profiles and the student's program list: this module's reads and writes. */
export function createListBuilderRepository(db: Database) {
  return {
    async findProfile(studentId: string): Promise<StoredProfile | null> {
      const [row] = await db.select().from(applicationProfiles).where(eq(applicationProfiles.studentId, studentId)).limit(1)
      if (!row) return null
      const { studentId: _id, ...profile } = row
      return profile
    },

    /** The fields of many students' saved profiles that say whether one is complete, in one query. */
    async listProfileSummaries(studentIds: readonly string[]) {
      if (studentIds.length === 0) return []
      return db
        .select({
          studentId: applicationProfiles.studentId,
          preferredSpecialtyId: applicationProfiles.preferredSpecialtyId,
          step1: applicationProfiles.step1,
          step2: applicationProfiles.step2,
        })
        .from(applicationProfiles)
        .where(anyOf(applicationProfiles.studentId, studentIds))
    },

    /** How many programs each of `studentIds` has on their list (those with none are left out), in one query. */
    async countProgramsOfStudents(studentIds: readonly string[]): Promise<Map<string, number>> {
      if (studentIds.length === 0) return new Map()
      const rows = await db
        .select({ studentId: studentProgramLists.studentId, programs: count() })
        .from(studentProgramLists)
        .where(anyOf(studentProgramLists.studentId, studentIds))
        .groupBy(studentProgramLists.studentId)
      return new Map(rows.map((r) => [r.studentId, Number(r.programs)]))
    },

    async upsertProfile(tx: Tx, studentId: string, columns: ProfileColumns, now: Date): Promise<void> {
      await tx
        .insert(applicationProfiles)
        .values({ studentId, ...columns, updatedAt: now })
        .onConflictDoUpdate({ target: applicationProfiles.studentId, set: { ...columns, updatedAt: now } })
    },

    /** The student's whole list with each program's name and place, newest first (then by name). */
    async listPrograms(studentId: string, writer: Tx = db): Promise<ProgramListRow[]> {
      const entries = await writer
        .select({
          programId: studentProgramLists.programId,
          status: studentProgramLists.status,
          signalled: studentProgramLists.signalled,
          note: studentProgramLists.note,
          addedAt: studentProgramLists.addedAt,
          updatedAt: studentProgramLists.updatedAt,
        })
        .from(studentProgramLists)
        .where(eq(studentProgramLists.studentId, studentId))
      const labels = new Map(
        (
          await listProgramLabelsByIds(
            writer,
            entries.map((e) => e.programId),
          )
        ).map((p) => [p.id, p]),
      )
      return entries
        .flatMap((e) => {
          const p = labels.get(e.programId)
          return p ? [{ ...e, name: p.name, institution: p.institution, specialtyId: p.specialtyId, city: p.city, state: p.state }] : []
        })
        .sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime() || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    },

    /** Locks the student's list rows (so two signal changes cannot both pass the cap) and returns them. */
    async lockListEntries(tx: Tx, studentId: string) {
      return tx
        .select({ programId: studentProgramLists.programId, signalled: studentProgramLists.signalled, status: studentProgramLists.status })
        .from(studentProgramLists)
        .where(eq(studentProgramLists.studentId, studentId))
        .for('update')
    },

    async updateListEntry(
      tx: Tx,
      studentId: string,
      programId: string,
      set: { status?: ProgramListStatusValue; signalled?: boolean; note?: string },
      now: Date,
    ): Promise<boolean> {
      const rows = await tx
        .update(studentProgramLists)
        .set({ ...set, updatedAt: now })
        .where(and(eq(studentProgramLists.studentId, studentId), eq(studentProgramLists.programId, programId)))
        .returning({ programId: studentProgramLists.programId })
      return rows.length > 0
    },

    /** Adds programs not yet on the list; returns how many were added. */
    async addListEntries(tx: Tx, studentId: string, programIds: readonly string[], status: ProgramListStatusValue, now: Date): Promise<number> {
      if (programIds.length === 0) return 0
      const rows = await tx
        .insert(studentProgramLists)
        .values(programIds.map((programId) => ({ studentId, programId, status, addedAt: now, updatedAt: now })))
        .onConflictDoNothing()
        .returning({ programId: studentProgramLists.programId })
      return rows.length
    },

    async countSignalled(studentId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(studentProgramLists)
        .where(and(eq(studentProgramLists.studentId, studentId), eq(studentProgramLists.signalled, true)))
      return row?.n ?? 0
    },
  }
}

export type ListBuilderRepository = ReturnType<typeof createListBuilderRepository>
