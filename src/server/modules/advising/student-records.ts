import { and, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { studentAdvisors } from '#server/db/schema/index.ts'
import type { Role } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { studentRecordReader, type StudentRecordReader } from './student-records.policy.ts'

/**
 * The one gate for reading a student's residency-application record. Every module that shows
 * such a record (application profile, program list, rank order list, simulation results) asks
 * here first; every read by staff leaves an audit row naming what was read, never its content.
 */
export function createStudentRecords(deps: { db: Database; audit: AuditService }) {
  const { db, audit } = deps

  async function isAssignedAdvisor(advisorId: string, studentId: string): Promise<boolean> {
    const [row] = await db
      .select({ studentId: studentAdvisors.studentId })
      .from(studentAdvisors)
      .where(and(eq(studentAdvisors.studentId, studentId), eq(studentAdvisors.advisorId, advisorId)))
      .limit(1)
    return row !== undefined
  }

  return {
    isAssignedAdvisor,

    /**
     * Throws NOT_FOUND (not FORBIDDEN, so ids cannot be probed) unless `actor` may read the
     * record; audits every read by someone other than the student as
     * `student-record.read.<what>` on the student. `grantedRoles`: roles the record's own module
     * lets read it besides assigned advisors (see `studentRecordReader`).
     */
    async assertCanRead(
      actor: Actor,
      studentId: string,
      what: string,
      meta: RequestMeta | null,
      grantedRoles: readonly Role[] = [],
    ): Promise<StudentRecordReader> {
      const assigned = actor.personId !== studentId && actor.roles.includes('advisor') ? await isAssignedAdvisor(actor.personId, studentId) : false
      const reader = studentRecordReader(actor, studentId, assigned, grantedRoles)
      if (!reader) throw new AppError('NOT_FOUND', 'No such student record, or it is not yours to see.')
      if (reader !== 'self') {
        await audit.record({ actorId: actor.personId, action: `student-record.read.${what}`, objectType: 'person', objectId: studentId }, meta)
      }
      return reader
    },

    /** Whether the actor reads every student's record (an advisor with the school-wide scope). */
    hasSchoolWideScope: (actor: Actor): boolean => actor.roles.includes('advisor') && actor.schoolWide === true,

    /** Student ids an advisor is assigned to. */
    async studentsOf(advisorId: string): Promise<string[]> {
      const rows = await db.select({ studentId: studentAdvisors.studentId }).from(studentAdvisors).where(eq(studentAdvisors.advisorId, advisorId))
      return rows.map((r) => r.studentId)
    },
  }
}

export type StudentRecords = ReturnType<typeof createStudentRecords>
