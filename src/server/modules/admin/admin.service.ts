import type { Database } from '#server/db/client.ts'
import type { AdminSummaryResponse, InvitePersonRequest, PeoplePage, PeopleQuery, StudentsSummaryResponse } from '#shared/contracts/admin.ts'
import type { PersonSummary } from '#shared/contracts/profiles.ts'
import { CLASS_YEARS, ROLES, type ClassYear, type Role } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { IdentityService } from '../identity/identity.service.ts'
import { countPeople, listPersonSummariesByIds, searchPeopleIds } from '../identity/people-reads.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { countActiveStudentsByClassYear } from '../profiles/profile-reads.ts'

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

export type AdminDeps = { db: Database; clock: Clock; audit: AuditService; identity: IdentityService; notifications: NotificationsService }

/** The admin's pages over people; every write to a person goes through identity's service. */
export function createAdminService(deps: AdminDeps) {
  const { db, audit, identity } = deps

  async function getSummary(personId: string, tx: Pick<Database, 'select'> = db): Promise<PersonSummary> {
    const [summary] = await listPersonSummariesByIds(tx, [personId])
    if (!summary) throw new AppError('NOT_FOUND', 'No such person.')
    return summary
  }

  /** The school must never be left without an active admin, nor an admin lock themself out. */
  async function assertKeepsAnAdmin(actor: Actor, personId: string, tx: Tx, what: string) {
    if (personId === actor.personId) throw new AppError('CONFLICT', `You cannot ${what} yourself; ask another admin.`)
    if ((await identity.countActiveAdminsExcept(personId, tx)) === 0)
      throw new AppError('CONFLICT', `This is the last active admin; add another admin before you ${what} them.`)
  }

  return {
    getSummary,

    async listPeople(query: PeopleQuery): Promise<PeoplePage> {
      const { ids, total } = await searchPeopleIds(db, query)
      return { items: await listPersonSummariesByIds(db, ids), total, page: query.page, pageSize: query.pageSize }
    },

    async invitePerson(actor: Actor, input: InvitePersonRequest, meta: RequestMeta): Promise<PersonSummary> {
      return db.transaction(async (tx) => {
        const id = await identity.createInvitedPerson(actor, input, tx)
        await audit.record({ actorId: actor.personId, action: 'person.invited', objectType: 'person', objectId: id }, meta, tx)
        return getSummary(id, tx)
      })
    },

    async resendInvite(actor: Actor, personId: string, meta: RequestMeta): Promise<void> {
      await db.transaction(async (tx) => {
        const person = await getSummary(personId, tx)
        if (person.status !== 'invited') throw new AppError('CONFLICT', 'This person has already accepted their invitation.')
        await identity.resendInvite(actor, person, tx)
        await audit.record({ actorId: actor.personId, action: 'person.invite-resent', objectType: 'person', objectId: personId }, meta, tx)
      })
    },

    async setRoles(actor: Actor, personId: string, roles: Role[], meta: RequestMeta): Promise<PersonSummary> {
      return db.transaction(async (tx) => {
        const person = await getSummary(personId, tx)
        if (person.roles.includes('admin') && !roles.includes('admin')) await assertKeepsAnAdmin(actor, personId, tx, 'remove the admin role from')
        const sorted = await identity.setRoles(actor, personId, roles, tx)
        await audit.record({ actorId: actor.personId, action: `person.roles-set:${sorted.join('+')}`, objectType: 'person', objectId: personId }, meta, tx)
        return getSummary(personId, tx)
      })
    },

    /** Grants or withdraws the school-wide scope of an advisor (decision 015); audited either way. */
    async setSchoolWide(actor: Actor, personId: string, schoolWide: boolean, meta: RequestMeta): Promise<PersonSummary> {
      return db.transaction(async (tx) => {
        await getSummary(personId, tx)
        await identity.setSchoolWide(actor, personId, schoolWide, tx)
        await audit.record(
          { actorId: actor.personId, action: `person.school-wide-${schoolWide ? 'granted' : 'withdrawn'}`, objectType: 'person', objectId: personId },
          meta,
          tx,
        )
        return getSummary(personId, tx)
      })
    },

    /** Disabling ends every session of the person at once, in the same transaction. */
    async disablePerson(actor: Actor, personId: string, meta: RequestMeta): Promise<PersonSummary> {
      return db.transaction(async (tx) => {
        const person = await getSummary(personId, tx)
        if (person.roles.includes('admin') || personId === actor.personId) await assertKeepsAnAdmin(actor, personId, tx, 'disable')
        await identity.disablePerson(actor, personId, tx)
        await audit.record({ actorId: actor.personId, action: 'person.disabled', objectType: 'person', objectId: personId }, meta, tx)
        return getSummary(personId, tx)
      })
    },

    async enablePerson(actor: Actor, personId: string, meta: RequestMeta): Promise<PersonSummary> {
      return db.transaction(async (tx) => {
        await identity.enablePerson(actor, personId, tx)
        await audit.record({ actorId: actor.personId, action: 'person.enabled', objectType: 'person', objectId: personId }, meta, tx)
        return getSummary(personId, tx)
      })
    },

    /** Active students by class year, and how many of each have not named a specialty interest. */
    async studentsSummary(): Promise<StudentsSummaryResponse> {
      const rows = await countActiveStudentsByClassYear(db)
      const zero = () => Object.fromEntries(CLASS_YEARS.map((year) => [year, 0])) as Record<ClassYear, number>
      const byClassYear = zero()
      const withoutSpecialtyInterest = zero()
      for (const row of rows) {
        byClassYear[row.classYear] = row.students
        withoutSpecialtyInterest[row.classYear] = row.undecided
      }
      return { total: rows.reduce((sum, row) => sum + row.students, 0), byClassYear, withoutSpecialtyInterest }
    },

    async summary(): Promise<AdminSummaryResponse> {
      const [counts, outboxPending] = await Promise.all([countPeople(db), deps.notifications.countPending()])
      const byStatus = counts.byStatus
      return {
        people: {
          total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
          invited: byStatus.invited ?? 0,
          disabled: byStatus.disabled ?? 0,
          byRole: Object.fromEntries(ROLES.map((role) => [role, counts.byRole[role] ?? 0])),
        },
        outboxPending,
      }
    },
  }
}

export type AdminService = ReturnType<typeof createAdminService>
