import type {
  RequirementInput,
  RequirementList,
  RequirementRecordInput,
  RequirementStanding,
  RequirementStandingList,
  RequirementView,
  VerificationQueue,
} from '#shared/contracts/shadowing.ts'
import { OPPORTUNITY_KIND_LABELS, type OpportunityKind } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { StudentRecords } from '../advising/student-records.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { listPeopleWithRoleByIds, mapPersonNamesByIds } from '../identity/people-reads.ts'
import { toLocal } from '../mentorships/calendar-invites.ts'
import { expiryStanding, type RequirementAction, requirementRefusal, requirementState, requirementsFor } from './domain/requirements.ts'
import type { OpportunitiesRepository } from './opportunities.repository.ts'
import type { RequirementRecordRow, RequirementRow, RequirementsRepository } from './requirements.repository.ts'

export type RequirementsDeps = {
  repo: RequirementsRepository
  opportunitiesRepo: Pick<OpportunitiesRepository, 'findOpportunityById' | 'listOpportunitiesByIds'>
  clock: Clock
  audit: AuditService
  studentRecords: Pick<StudentRecords, 'assertCanRead'>
  db: Parameters<typeof mapPersonNamesByIds>[0]
  /** The zone whose calendar day decides expiry: the school's. */
  schoolTimeZone?: string
}

const NO_REQUIREMENT = 'No such requirement, or it is no longer asked for.'
/** Records the queue shows at once: a morning's work, oldest first; the rest come as those are verified. */
const QUEUE_SIZE = 100

/**
 * Requirements the office sets (HIPAA training, immunisations, a background check), for every
 * opportunity of a kind or for one opportunity; each student's record of them; and the check an
 * application or a booking makes. Whether a requirement is met, awaiting the office or expired
 * is computed from the record's dates and the school's today on every read (`domain/requirements.ts`).
 */
export function createRequirementsService(deps: RequirementsDeps) {
  const { repo, opportunitiesRepo, clock, audit, studentRecords, db } = deps
  const zone = deps.schoolTimeZone ?? 'America/New_York'
  const today = () => toLocal(clock.now(), zone).date

  async function views(rows: readonly RequirementRow[]): Promise<RequirementView[]> {
    const titles = new Map(
      (await opportunitiesRepo.listOpportunitiesByIds(rows.flatMap((r) => (r.opportunityId ? [r.opportunityId] : [])))).map((o) => [o.id, o.title]),
    )
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      verification: r.verification,
      opportunityKind: r.opportunityKind,
      opportunityId: r.opportunityId,
      appliesTo: r.opportunityKind ? OPPORTUNITY_KIND_LABELS[r.opportunityKind] : (r.opportunityId && titles.get(r.opportunityId)) || 'One opportunity',
    }))
  }

  async function standings(rows: readonly RequirementRow[], records: readonly RecordLike[], action: RequirementAction): Promise<RequirementStanding[]> {
    const byRequirement = new Map(records.map((r) => [r.requirementId, r]))
    const [list, verifiers] = await Promise.all([
      views(rows),
      mapPersonNamesByIds(
        db,
        records.map((r) => r.verifiedById),
      ),
    ])
    const on = today()
    return list.map((view, i) => {
      const row = rows[i] as RequirementRow
      const record = byRequirement.get(row.id) ?? null
      return {
        ...view,
        state: requirementState(row.verification, record, on),
        completedOn: record?.completedOn ?? null,
        expiresOn: record?.expiresOn ?? null,
        verifiedAt: record?.verifiedAt?.toISOString() ?? null,
        verifiedByName: (record?.verifiedById && verifiers.get(record.verifiedById)) || null,
        problem: requirementRefusal(row, record, on, on, action),
      }
    })
  }

  async function studentName(studentId: string): Promise<string> {
    if ((await listPeopleWithRoleByIds(db, [studentId], 'student')).length === 0) throw new AppError('NOT_FOUND', 'No such student.')
    return (await mapPersonNamesByIds(db, [studentId])).get(studentId) ?? 'Former student'
  }

  async function activeRequirement(id: string): Promise<RequirementRow> {
    const row = await repo.findRequirementById(id)
    if (!row || row.retiredAt) throw new AppError('NOT_FOUND', NO_REQUIREMENT)
    return row
  }

  return {
    /** The requirements in force (the office's list). */
    async listRequirements(): Promise<RequirementList> {
      return { requirements: await views(await repo.listActive()) }
    },

    async createRequirement(actor: Actor, input: RequirementInput, meta: RequestMeta): Promise<RequirementList> {
      if (input.opportunityId && !(await opportunitiesRepo.findOpportunityById(input.opportunityId)))
        throw new AppError('VALIDATION_FAILED', 'No such opportunity.', { opportunityId: 'Choose an opportunity that exists.' })
      const row = await repo.insertRequirement({ ...input, createdById: actor.personId, createdAt: clock.now() })
      await audit.record({ actorId: actor.personId, action: 'requirement.create', objectType: 'requirement', objectId: row.id }, meta)
      return { requirements: await views(await repo.listActive()) }
    },

    /** Changes a requirement in force: its words, who vouches for it, what it applies to. Students' records of it stay and are judged by the new rule. */
    async updateRequirement(actor: Actor, id: string, input: RequirementInput, meta: RequestMeta): Promise<RequirementList> {
      await activeRequirement(id)
      if (input.opportunityId && !(await opportunitiesRepo.findOpportunityById(input.opportunityId)))
        throw new AppError('VALIDATION_FAILED', 'No such opportunity.', { opportunityId: 'Choose an opportunity that exists.' })
      await repo.updateRequirement(id, input)
      await audit.record({ actorId: actor.personId, action: 'requirement.update', objectType: 'requirement', objectId: id }, meta)
      return { requirements: await views(await repo.listActive()) }
    },

    /**
     * The office's queue: students' records of requirements it verifies, waiting for it, the
     * longest waiting first, each with where its expiry stands today. The office reads every
     * student's requirements (as through the student-record gate); the read is audited once.
     */
    async verificationQueue(actor: Actor, meta: RequestMeta): Promise<VerificationQueue> {
      const rows = await repo.listAwaitingVerification(QUEUE_SIZE + 1)
      const shown = rows.slice(0, QUEUE_SIZE)
      const [list, names] = await Promise.all([
        views(shown.map((r) => r.requirement)),
        mapPersonNamesByIds(
          db,
          shown.map((r) => r.studentId),
        ),
      ])
      await audit.record({ actorId: actor.personId, action: 'requirement.queue.read', objectType: 'requirement' }, meta)
      const on = today()
      return {
        items: shown.map((r, i) => ({
          requirementId: r.requirementId,
          requirementName: r.requirement.name,
          appliesTo: list[i]?.appliesTo ?? '',
          studentId: r.studentId,
          studentName: names.get(r.studentId) ?? 'Former student',
          completedOn: r.completedOn,
          expiresOn: r.expiresOn,
          recordedAt: r.updatedAt.toISOString(),
          expiry: expiryStanding(r.expiresOn, on),
        })),
        more: rows.length > QUEUE_SIZE,
      }
    },

    /** Stops asking for a requirement; students' records of it stay. */
    async retireRequirement(actor: Actor, id: string, meta: RequestMeta): Promise<RequirementList> {
      await activeRequirement(id)
      await repo.retireRequirement(id, clock.now())
      await audit.record({ actorId: actor.personId, action: 'requirement.retire', objectType: 'requirement', objectId: id }, meta)
      return { requirements: await views(await repo.listActive()) }
    },

    /** The student's own standing on every requirement in force. */
    async listMine(actor: Actor): Promise<RequirementStandingList> {
      const rows = await repo.listActive()
      return {
        studentName: await studentName(actor.personId),
        requirements: await standings(rows, await repo.listRecordsOfStudent(actor.personId), 'booking'),
      }
    },

    /**
     * The student records a requirement: when they completed it and when it expires. One the
     * office verifies waits for them again, since the dates changed.
     */
    async recordMine(actor: Actor, requirementId: string, input: RequirementRecordInput): Promise<RequirementStandingList> {
      await activeRequirement(requirementId)
      await repo.saveRecord({ requirementId, studentId: actor.personId, ...input, verifiedById: null, verifiedAt: null, updatedAt: clock.now() })
      const rows = await repo.listActive()
      return { studentName: await studentName(actor.personId), requirements: await standings(rows, await repo.listRecordsOfStudent(actor.personId), 'booking') }
    },

    /** A student's standing, for their assigned advisors and the office (audited). */
    async listOfStudent(actor: Actor, studentId: string, meta: RequestMeta): Promise<RequirementStandingList> {
      await studentRecords.assertCanRead(actor, studentId, 'requirements', meta, ['admin'])
      const name = await studentName(studentId)
      return { studentName: name, requirements: await standings(await repo.listActive(), await repo.listRecordsOfStudent(studentId), 'booking') }
    },

    /** The office records and verifies a student's requirement (from the document the student sent). */
    async verifyForStudent(
      actor: Actor,
      requirementId: string,
      studentId: string,
      input: RequirementRecordInput,
      meta: RequestMeta,
    ): Promise<RequirementStandingList> {
      await studentRecords.assertCanRead(actor, studentId, 'requirements', meta, ['admin'])
      const name = await studentName(studentId)
      await activeRequirement(requirementId)
      const now = clock.now()
      await repo.saveRecord({ requirementId, studentId, ...input, verifiedById: actor.personId, verifiedAt: now, updatedAt: now })
      await audit.record({ actorId: actor.personId, action: 'requirement.verify', objectType: 'person', objectId: studentId }, meta)
      return { studentName: name, requirements: await standings(await repo.listActive(), await repo.listRecordsOfStudent(studentId), 'booking') }
    },

    /** The requirements an opportunity demands, with the caller's standing on each if they are a student. */
    async standingsFor(actor: Actor, opportunity: { id: string; kind: OpportunityKind }, action: RequirementAction): Promise<RequirementStanding[]> {
      const rows = await repo.listForOpportunity(opportunity)
      const records = actor.roles.includes('student')
        ? await repo.listRecordsOfStudent(
            actor.personId,
            rows.map((r) => r.id),
          )
        : []
      return standings(rows, records, action)
    },

    /**
     * The first reason a student may not apply to or book the opportunity, in words, or null.
     * `on` is the day it must hold (a shadowing day ahead); an application checks today.
     */
    async refusalFor(
      studentId: string,
      opportunity: { id: string; kind: OpportunityKind },
      action: RequirementAction,
      on: string | null = null,
    ): Promise<string | null> {
      const rows = requirementsFor(await repo.listForOpportunity(opportunity), opportunity)
      const records = new Map(
        (
          await repo.listRecordsOfStudent(
            studentId,
            rows.map((r) => r.id),
          )
        ).map((r) => [r.requirementId, r]),
      )
      const now = today()
      for (const row of rows) {
        const refusal = requirementRefusal(row, records.get(row.id) ?? null, now, on ?? now, action)
        if (refusal) return refusal
      }
      return null
    },

    /** The school's calendar day of an instant (a shadowing day's date). */
    dayOf: (at: Date) => toLocal(at, zone).date,
  }
}

type RecordLike = Pick<RequirementRecordRow, 'requirementId' | 'completedOn' | 'expiresOn' | 'verifiedAt' | 'verifiedById'>

export type RequirementsService = ReturnType<typeof createRequirementsService>
