import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { applicationProfiles, residencyPrograms, smartPickCalibrations, studentProgramLists } from '#server/db/schema/index.ts'
import type { ProgramListStatusValue } from '#shared/contracts/list-builder.ts'
import type { StoredProfile } from './domain/profile.ts'


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

/** Application profiles, the student's program list and the active calibration: this module's reads and writes. */
export function createListBuilderRepository(db: Database) {
  return {
    async findProfile(studentId: string): Promise<StoredProfile | null> {
      const [row] = await db.select().from(applicationProfiles).where(eq(applicationProfiles.studentId, studentId)).limit(1)
      if (!row) return null
      const { studentId: _id, ...profile } = row
      return profile
    },

    async upsertProfile(tx: Tx, studentId: string, columns: ProfileColumns, now: Date): Promise<void> {
      await tx
        .insert(applicationProfiles)
        .values({ studentId, ...columns, updatedAt: now })
        .onConflictDoUpdate({ target: applicationProfiles.studentId, set: { ...columns, updatedAt: now } })
    },

    /** The student's whole list with each program's name and place, newest first. */
    async listPrograms(studentId: string, writer: Tx = db): Promise<ProgramListRow[]> {
      return writer
        .select({
          programId: studentProgramLists.programId,
          name: residencyPrograms.name,
          institution: residencyPrograms.institution,
          specialtyId: residencyPrograms.specialtyId,
          city: residencyPrograms.city,
          state: residencyPrograms.state,
          status: studentProgramLists.status,
          signalled: studentProgramLists.signalled,
          note: studentProgramLists.note,
          addedAt: studentProgramLists.addedAt,
          updatedAt: studentProgramLists.updatedAt,
        })
        .from(studentProgramLists)
        .innerJoin(residencyPrograms, eq(residencyPrograms.id, studentProgramLists.programId))
        .where(eq(studentProgramLists.studentId, studentId))
        .orderBy(desc(studentProgramLists.addedAt), asc(residencyPrograms.name))
    },

    /** Locks the student's list rows (so two signal changes cannot both pass the cap) and returns them. */
    async lockListEntries(tx: Tx, studentId: string) {
      return tx
        .select({ programId: studentProgramLists.programId, signalled: studentProgramLists.signalled, status: studentProgramLists.status })
        .from(studentProgramLists)
        .where(eq(studentProgramLists.studentId, studentId))
        .for('update')
    },

    async updateListEntry(tx: Tx, studentId: string, programId: string, set: { status?: ProgramListStatusValue; signalled?: boolean; note?: string }, now: Date): Promise<boolean> {
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

    async existingProgramIds(ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set()
      const rows = await db.select({ id: residencyPrograms.id }).from(residencyPrograms).where(inArray(residencyPrograms.id, [...ids]))
      return new Set(rows.map((r) => r.id))
    },

    async programNames(ids: readonly string[]): Promise<{ id: string; name: string; specialtyId: string }[]> {
      if (ids.length === 0) return []
      return db
        .select({ id: residencyPrograms.id, name: residencyPrograms.name, specialtyId: residencyPrograms.specialtyId })
        .from(residencyPrograms)
        .where(inArray(residencyPrograms.id, [...ids]))
    },

    /**
     * A cheap fingerprint of a specialty's programs (how many, the newest change), so the
     * service can keep them in memory between requests and re-read them only after a change.
     * Every writer of `residency_programs` sets `updated_at` (the CSV import does).
     */
    async programsStamp(specialtyId: string): Promise<string> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int`, changed: sql<string | null>`max(${residencyPrograms.updatedAt})::text`, created: sql<string | null>`max(${residencyPrograms.createdAt})::text` })
        .from(residencyPrograms)
        .where(eq(residencyPrograms.specialtyId, specialtyId))
      return `${row?.n ?? 0}|${row?.changed ?? ''}|${row?.created ?? ''}`
    },

    /** The newest active calibration, if any. */
    async findActiveCalibration(): Promise<{ id: string; createdAt: Date; priors: unknown } | null> {
      const [row] = await db
        .select({ id: smartPickCalibrations.id, createdAt: smartPickCalibrations.createdAt, priors: smartPickCalibrations.priors })
        .from(smartPickCalibrations)
        .where(eq(smartPickCalibrations.active, true))
        .orderBy(desc(smartPickCalibrations.createdAt))
        .limit(1)
      return row ?? null
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
