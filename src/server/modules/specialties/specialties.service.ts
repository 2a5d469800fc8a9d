import type { Database } from '#server/db/client.ts'
import { DirectorySearchQuery } from '#shared/contracts/directory.ts'
import type { DepartmentAdvisingInput, SpecialtyPage } from '#shared/contracts/specialties.ts'
import { AppError } from '#shared/errors.ts'
import { findDepartment, findSpecialty } from '#shared/reference/specialties.ts'
import { SPECIALTY_GUIDE, trainingSource } from '#shared/reference/specialty-guide.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { countPastOutcomesInSpecialtyByYear } from '../calibration/calibration-reads.ts'
import type { DirectoryService } from '../directory/directory.service.ts'
import type { EventsService } from '../events/events.service.ts'
import { listPeopleByEmails, listPeopleByIds } from '../identity/people-reads.ts'
import type { InterestGroupsService } from '../interest-groups/interest-groups.service.ts'
import { listAdvisorFactsByIds } from '../profiles/profile-reads.ts'
import { nationalMatchFact } from './domain/national-match.ts'
import type { SpecialtiesRepository } from './specialties.repository.ts'

export type SpecialtiesDeps = {
  db: Database
  repo: SpecialtiesRepository
  clock: Clock
  audit: AuditService
  events: EventsService
  directory: DirectoryService
  interestGroups: InterestGroupsService
}

const MENTORS_SHOWN = 6
const EVENTS_SHOWN = 6
const isStaff = (actor: Actor) => actor.roles.includes('advisor') || actor.roles.includes('admin')

/**
 * A page per specialty, put together from its owners: what it is and how long it trains (shared
 * reference, with sources), its interest groups, the department's designated specialty advisor
 * and chair (this module's one table, set by the office), upcoming events for it (the events
 * service, as the caller may see them), mentors in it (the directory service, which leaves out
 * anyone on a directory hold) and the school's past matches in it (the calibration module's
 * imported past outcomes, counts only).
 */
export function createSpecialtiesService(deps: SpecialtiesDeps) {
  const { db, repo, clock, audit, events, directory, interestGroups } = deps

  /** An e-mail to an active person with one of `roles`, or a 400 on `field`. */
  async function personByEmail(email: string | null, field: string, roles: readonly string[], what: string): Promise<string | null> {
    if (!email) return null
    const [person] = await listPeopleByEmails(db, [email])
    if (person?.status !== 'active' || !person.roles.some((r) => roles.includes(r)))
      throw new AppError('VALIDATION_FAILED', `No ${what} has that address.`, { [field]: `No ${what} has the address ${email}.` })
    return person.id
  }

  return {
    async getSpecialtyPage(actor: Actor, specialtyId: string): Promise<SpecialtyPage> {
      const specialty = findSpecialty(specialtyId)
      const guide = SPECIALTY_GUIDE[specialtyId]
      if (!specialty || !guide) throw new AppError('NOT_FOUND', 'No such specialty.')
      const department = findDepartment(specialty.departmentId)
      const [groups, advising, list, mentors, pastMatches] = await Promise.all([
        interestGroups.listGroupsOfSpecialty(actor, specialtyId),
        repo.findDepartmentAdvising(specialty.departmentId),
        events.listEvents(actor),
        directory.searchMentors(actor, DirectorySearchQuery.parse({ specialty: specialtyId, pageSize: MENTORS_SHOWN }), null),
        countPastOutcomesInSpecialtyByYear(db, specialtyId),
      ])
      const groupEventIds = await interestGroups.listEventIdsOfGroups(groups.map((g) => g.id))
      const groupIds = new Set(groups.map((g) => g.id))
      const upcoming = list.upcoming.filter(
        (e) => e.specialtyIds.includes(specialtyId) || e.interestGroupIds.some((id) => groupIds.has(id)) || groupEventIds.has(e.id),
      )
      const ids = [advising?.specialtyAdvisorId, advising?.chairId].filter((id): id is string => Boolean(id))
      const [people, advisorFacts] = await Promise.all([listPeopleByIds(db, ids), listAdvisorFactsByIds(db, ids)])
      const active = (id: string | null | undefined) => people.find((p) => p.id === id && p.status === 'active')
      const advisor = active(advising?.specialtyAdvisorId)
      const chair = active(advising?.chairId)
      return {
        specialty: {
          id: specialty.id,
          name: specialty.name,
          acgmeName: specialty.acgmeName,
          departmentId: specialty.departmentId,
          departmentName: department?.name ?? specialty.departmentId,
        },
        about: guide.about,
        training: { text: `${guide.trainingYears} of residency. ${guide.trainingDetail}`, source: trainingSource(specialty.acgmeName) },
        nationalMatch: nationalMatchFact(specialty.id, specialty.name),
        interestGroups: groups,
        specialtyAdvisor: advisor
          ? { id: advisor.id, name: advisor.name, email: advisor.email, title: advisorFacts.find((f) => f.personId === advisor.id)?.title ?? '' }
          : null,
        chair: chair ? { id: chair.id, name: chair.name, availability: advising?.chairAvailability ?? '' } : null,
        upcomingEvents: upcoming.slice(0, EVENTS_SHOWN),
        mentors: {
          total: mentors.total,
          shown: mentors.results.map((m) => ({ id: m.id, name: m.name, kind: m.kind, accepting: m.accepting })),
        },
        pastMatches,
        programsHref: `/residency/programs?specialty=${encodeURIComponent(specialty.id)}`,
        mentorsHref: `/mentors?specialty=${encodeURIComponent(specialty.id)}`,
        advisingSettings: isStaff(actor)
          ? {
              specialtyAdvisorEmail: advisor?.email ?? null,
              chairEmail: chair?.email ?? null,
              chairAvailability: advising?.chairAvailability ?? '',
            }
          : null,
      }
    },

    /** The office names a department's specialty advisor and says when its chair is available for residency conversations. */
    async setDepartmentAdvising(actor: Actor, departmentId: string, input: DepartmentAdvisingInput, meta: RequestMeta): Promise<{ ok: true }> {
      const department = findDepartment(departmentId)
      if (department?.kind !== 'clinical') throw new AppError('NOT_FOUND', 'No such clinical department.')
      const specialtyAdvisorId = await personByEmail(input.specialtyAdvisorEmail, 'specialtyAdvisorEmail', ['advisor', 'mentor'], 'advisor or faculty mentor')
      const chairId = await personByEmail(input.chairEmail, 'chairEmail', ['advisor', 'mentor'], 'faculty member')
      if (input.chairAvailability.trim() && !chairId)
        throw new AppError('VALIDATION_FAILED', 'Name the chair whose availability this is.', {
          chairEmail: 'Give the chair’s e-mail, or leave the availability empty.',
        })
      await db.transaction(async (tx) => {
        await repo.saveDepartmentAdvising(
          { departmentId, specialtyAdvisorId, chairId, chairAvailability: input.chairAvailability.trim(), updatedById: actor.personId, updatedAt: clock.now() },
          tx,
        )
        await audit.record({ actorId: actor.personId, action: 'department-advising.update', objectType: 'department', objectId: departmentId }, meta, tx)
      })
      return { ok: true }
    },
  }
}

export type SpecialtiesService = ReturnType<typeof createSpecialtiesService>
