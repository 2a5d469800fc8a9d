import type { ConfirmExperienceInput, ExperienceInput, ExperienceList, ExperienceView } from '#shared/contracts/opportunities.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { StudentRecords } from '../advising/student-records.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { listPeopleWithRoleByIds, mapPersonNamesByIds } from '../identity/people-reads.ts'
import { isPoster } from './opportunities.policy.ts'
import type { ExperienceRow, OpportunitiesRepository } from './opportunities.repository.ts'
import { experienceViewOf } from './opportunity-views.ts'

export type ExperiencesDeps = {
  repo: OpportunitiesRepository
  clock: Clock
  audit: AuditService
  studentRecords: Pick<StudentRecords, 'assertCanRead'>
  db: Parameters<typeof mapPersonNamesByIds>[0]
}

const NOT_FOUND = 'No such experience among those you may confirm.'

/**
 * A student's experience record: an entry for each accepted opportunity (its poster confirms
 * the hours) and the entries the student adds from elsewhere. The student reads their own; their
 * assigned advisors and the office (admins) read it through the student-record gate, audited.
 */
export function createExperiencesService(deps: ExperiencesDeps) {
  const { repo, clock, audit, studentRecords, db } = deps

  async function views(rows: ExperienceRow[]): Promise<ExperienceView[]> {
    const applications = await repo.listApplicationsByIds(rows.flatMap((r) => (r.applicationId ? [r.applicationId] : [])))
    const opportunityOf = new Map(applications.map((a) => [a.id, a.opportunityId]))
    const names = await mapPersonNamesByIds(
      db,
      rows.map((r) => r.confirmedById),
    )
    return rows.map((r) =>
      experienceViewOf(r, (r.applicationId && opportunityOf.get(r.applicationId)) || null, (r.confirmedById && names.get(r.confirmedById)) || null),
    )
  }

  return {
    async listMine(actor: Actor): Promise<ExperienceList> {
      return { experiences: await views(await repo.listExperiencesOfStudent(actor.personId)) }
    },

    /** A student's record as their assigned advisor or the office sees it (404 for anyone else). */
    async listOfStudent(actor: Actor, studentId: string, meta: RequestMeta): Promise<ExperienceList> {
      await studentRecords.assertCanRead(actor, studentId, 'experiences', meta, ['admin'])
      // The office may read anyone's record, but only a student has one: any other id is unknown.
      if ((await listPeopleWithRoleByIds(db, [studentId], 'student')).length === 0) throw new AppError('NOT_FOUND', 'No such student.')
      return { experiences: await views(await repo.listExperiencesOfStudent(studentId)) }
    },

    /** An experience from elsewhere, in the student's own words (not confirmed by anyone). */
    async addMine(actor: Actor, input: ExperienceInput): Promise<ExperienceView> {
      const now = clock.now()
      const row = await repo.insertExperience({ ...input, studentId: actor.personId, createdAt: now, updatedAt: now })
      const [view] = await views([row])
      if (!view) throw new Error('The experience vanished.')
      return view
    },

    /** The poster of the accepted opportunity confirms the student took part, for so many hours. */
    async confirm(actor: Actor, id: string, input: ConfirmExperienceInput, meta: RequestMeta): Promise<ExperienceView> {
      const entry = await repo.findExperienceById(id)
      const application = entry?.applicationId ? await repo.findApplicationById(entry.applicationId) : null
      const opportunity = application ? await repo.findOpportunityById(application.opportunityId) : null
      if (!entry || !opportunity || !isPoster(actor, opportunity)) throw new AppError('NOT_FOUND', NOT_FOUND)
      const now = clock.now()
      const row = await repo.updateExperience(id, { hours: input.hours, confirmedById: actor.personId, confirmedAt: now, updatedAt: now })
      await audit.record({ actorId: actor.personId, action: 'experience.confirm', objectType: 'experience', objectId: id }, meta)
      const [view] = await views([row])
      if (!view) throw new Error('The experience vanished.')
      return view
    },
  }
}

export type ExperiencesService = ReturnType<typeof createExperiencesService>
