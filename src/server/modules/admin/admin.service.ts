import { and, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { containsPattern } from '#shared/search/like-pattern.ts'
import { people, personRoles, studentProfiles } from '#server/db/schema/index.ts'
import type { AdminSummaryResponse, InvitePersonRequest, PeoplePage, PeopleQuery, StudentsSummaryResponse } from '#shared/contracts/admin.ts'
import type { PersonSummary } from '#shared/contracts/profiles.ts'
import { CLASS_YEARS, ROLES, type ClassYear, type Role } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { IdentityService } from '../identity/identity.service.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'


export type AdminDeps = { db: Database; clock: Clock; audit: AuditService; identity: IdentityService; notifications: NotificationsService }

export function createAdminService(deps: AdminDeps) {
  const { db, clock, audit, identity } = deps

  async function summaries(ids: string[], tx: Tx = db): Promise<PersonSummary[]> {
    if (ids.length === 0) return []
    const [rows, roles] = await Promise.all([
      tx
        .select({ id: people.id, email: people.email, name: people.name, pronouns: people.pronouns, status: people.status, photoType: people.photoType })
        .from(people)
        .where(inArray(people.id, ids)),
      tx.select().from(personRoles).where(inArray(personRoles.personId, ids)),
    ])
    const byId = new Map(rows.map((r) => [r.id, r]))
    return ids.flatMap((id) => {
      const row = byId.get(id)
      if (!row) return []
      const { photoType, ...rest } = row
      return [{ ...rest, hasPhoto: photoType !== null, roles: roles.filter((r) => r.personId === id).map((r) => r.role).sort() }]
    })
  }

  async function getSummary(personId: string, tx: Tx = db): Promise<PersonSummary> {
    const [summary] = await summaries([personId], tx)
    if (!summary) throw new AppError('NOT_FOUND', 'No such person.')
    return summary
  }

  async function countAdmins(tx: Tx, exceptPersonId: string): Promise<number> {
    const [row] = await tx
      .select({ n: count() })
      .from(personRoles)
      .innerJoin(people, eq(people.id, personRoles.personId))
      .where(and(eq(personRoles.role, 'admin'), eq(people.status, 'active'), sql`${people.id} <> ${exceptPersonId}`))
    return row?.n ?? 0
  }

  /** The school must never be left without an active admin, nor an admin lock themself out. */
  async function assertKeepsAnAdmin(actor: Actor, personId: string, tx: Tx, what: string) {
    if (personId === actor.personId) throw new AppError('CONFLICT', `You cannot ${what} yourself; ask another admin.`)
    if ((await countAdmins(tx, personId)) === 0) throw new AppError('CONFLICT', `This is the last active admin; add another admin before you ${what} them.`)
  }

  return {
    getSummary,

    async listPeople(query: PeopleQuery): Promise<PeoplePage> {
      const conditions: (SQL | undefined)[] = [
        query.q ? or(ilike(people.name, containsPattern(query.q)), ilike(people.email, containsPattern(query.q))) : undefined,
        query.status ? eq(people.status, query.status) : undefined,
        query.role ? sql`exists (select 1 from ${personRoles} where ${personRoles.personId} = ${people.id} and ${personRoles.role} = ${query.role})` : undefined,
      ]
      const where = and(...conditions)
      const [rows, totals] = await Promise.all([
        db
          .select({ id: people.id })
          .from(people)
          .where(where)
          .orderBy(people.name, people.id)
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ total: count() }).from(people).where(where),
      ])
      return { items: await summaries(rows.map((r) => r.id)), total: totals[0]?.total ?? 0, page: query.page, pageSize: query.pageSize }
    },

    async invitePerson(actor: Actor, input: InvitePersonRequest, meta: RequestMeta): Promise<PersonSummary> {
      return db.transaction(async (tx) => {
        const [existing] = await tx.select({ id: people.id }).from(people).where(eq(people.email, input.email)).limit(1)
        if (existing) throw new AppError('CONFLICT', 'Someone with this e-mail already has an account.', { email: 'Already has an account.' })
        const now = clock.now()
        const [created] = await tx.insert(people).values({ email: input.email, name: input.name, status: 'invited', createdAt: now, updatedAt: now }).returning({ id: people.id })
        if (!created) throw new Error('insert returned no row')
        await tx.insert(personRoles).values(input.roles.map((role) => ({ personId: created.id, role, grantedAt: now })))
        await identity.sendInvite({ id: created.id, email: input.email, name: input.name }, actor.name, tx)
        await audit.record({ actorId: actor.personId, action: 'person.invited', objectType: 'person', objectId: created.id }, meta, tx)
        return getSummary(created.id, tx)
      })
    },

    async resendInvite(actor: Actor, personId: string, meta: RequestMeta): Promise<void> {
      await db.transaction(async (tx) => {
        const person = await getSummary(personId, tx)
        if (person.status !== 'invited') throw new AppError('CONFLICT', 'This person has already accepted their invitation.')
        await identity.sendInvite({ id: person.id, email: person.email, name: person.name }, actor.name, tx)
        await audit.record({ actorId: actor.personId, action: 'person.invite-resent', objectType: 'person', objectId: personId }, meta, tx)
      })
    },

    async setRoles(actor: Actor, personId: string, roles: Role[], meta: RequestMeta): Promise<PersonSummary> {
      return db.transaction(async (tx) => {
        const person = await getSummary(personId, tx)
        if (person.roles.includes('admin') && !roles.includes('admin')) await assertKeepsAnAdmin(actor, personId, tx, 'remove the admin role from')
        const sorted = ROLES.filter((r) => roles.includes(r))
        await tx.delete(personRoles).where(eq(personRoles.personId, personId))
        await tx.insert(personRoles).values(sorted.map((role) => ({ personId, role, grantedAt: clock.now() })))
        await audit.record({ actorId: actor.personId, action: `person.roles-set:${sorted.join('+')}`, objectType: 'person', objectId: personId }, meta, tx)
        return getSummary(personId, tx)
      })
    },

    /** Disabling ends every session of the person at once, in the same transaction. */
    async disablePerson(actor: Actor, personId: string, meta: RequestMeta): Promise<PersonSummary> {
      return db.transaction(async (tx) => {
        const person = await getSummary(personId, tx)
        if (person.roles.includes('admin') || personId === actor.personId) await assertKeepsAnAdmin(actor, personId, tx, 'disable')
        await tx.update(people).set({ status: 'disabled', updatedAt: clock.now() }).where(eq(people.id, personId))
        await identity.endSessionsOf(personId, tx)
        await audit.record({ actorId: actor.personId, action: 'person.disabled', objectType: 'person', objectId: personId }, meta, tx)
        return getSummary(personId, tx)
      })
    },

    async enablePerson(actor: Actor, personId: string, meta: RequestMeta): Promise<PersonSummary> {
      return db.transaction(async (tx) => {
        const [row] = await tx.select({ status: people.status, passwordHash: people.passwordHash, lastSignInAt: people.lastSignInAt }).from(people).where(eq(people.id, personId))
        if (!row) throw new AppError('NOT_FOUND', 'No such person.')
        const status = row.passwordHash || row.lastSignInAt ? 'active' : 'invited'
        await tx.update(people).set({ status, updatedAt: clock.now() }).where(eq(people.id, personId))
        await audit.record({ actorId: actor.personId, action: 'person.enabled', objectType: 'person', objectId: personId }, meta, tx)
        return getSummary(personId, tx)
      })
    },

    /** Active students by class year, and how many of each have not named a specialty interest. */
    async studentsSummary(): Promise<StudentsSummaryResponse> {
      const rows = await db
        .select({
          classYear: studentProfiles.classYear,
          n: count(),
          undecided: sql<number>`count(*) filter (where cardinality(${studentProfiles.specialtyInterests}) = 0)::int`,
        })
        .from(studentProfiles)
        .innerJoin(people, eq(people.id, studentProfiles.personId))
        .innerJoin(personRoles, and(eq(personRoles.personId, people.id), eq(personRoles.role, 'student')))
        .where(eq(people.status, 'active'))
        .groupBy(studentProfiles.classYear)
      const zero = () => Object.fromEntries(CLASS_YEARS.map((year) => [year, 0])) as Record<ClassYear, number>
      const byClassYear = zero()
      const withoutSpecialtyInterest = zero()
      for (const row of rows) {
        byClassYear[row.classYear] = row.n
        withoutSpecialtyInterest[row.classYear] = Number(row.undecided)
      }
      return { total: rows.reduce((sum, row) => sum + row.n, 0), byClassYear, withoutSpecialtyInterest }
    },

    async summary(): Promise<AdminSummaryResponse> {
      const [statusRows, roleRows, outboxPending] = await Promise.all([
        db.select({ status: people.status, n: count() }).from(people).groupBy(people.status),
        db.select({ role: personRoles.role, n: count() }).from(personRoles).groupBy(personRoles.role),
        deps.notifications.countPending(),
      ])
      const byStatus = Object.fromEntries(statusRows.map((r) => [r.status, r.n]))
      return {
        people: {
          total: statusRows.reduce((sum, r) => sum + r.n, 0),
          invited: byStatus.invited ?? 0,
          disabled: byStatus.disabled ?? 0,
          byRole: Object.fromEntries(ROLES.map((role) => [role, roleRows.find((r) => r.role === role)?.n ?? 0])),
        },
        outboxPending,
      }
    },
  }
}

export type AdminService = ReturnType<typeof createAdminService>
