import { and, count, eq, gt, gte, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { authTokens, people, personRoles, sessions, signInFailures, type AuthTokenPurpose } from '#server/db/schema/index.ts'
import type { Role } from '#shared/enums.ts'
import type { ClockPreferences } from '#shared/contracts/identity.ts'
import { createSessionCache, noSessionCache, type SessionCache } from './session-cache.ts'

export type PersonWithRoles = {
  id: string
  email: string
  name: string
  status: 'invited' | 'active' | 'disabled'
  passwordHash: string | null
  roles: Role[]
  clock: ClockPreferences
}

/** A session with its person and roles, as every signed-in request reads it. */
export type SessionWithPerson = {
  id: string
  personId: string
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
  email: string
  name: string
  status: PersonWithRoles['status']
  schoolWideRecords: boolean
  roles: Role[]
}

/** Fields of `people` that a `SessionWithPerson` holds: writing one of them empties the session cache. */
const SESSION_PERSON_FIELDS = ['email', 'name', 'status', 'schoolWideRecords'] as const

/** Rows per multi-row statement: well under PostgreSQL's 65,535 parameters for every table here. */
const BATCH_ROWS = 1_000

function inBatches<T>(rows: readonly T[]): T[][] {
  const batches: T[][] = []
  for (let i = 0; i < rows.length; i += BATCH_ROWS) batches.push(rows.slice(i, i + BATCH_ROWS))
  return batches
}

/**
 * `sessionCache`: keep session lookups in memory (`session-cache.ts`); only for a database one
 * process alone writes.
 */
export function createIdentityRepository(db: Database, options: { sessionCache?: boolean } = {}) {
  const sessionCache: SessionCache<SessionWithPerson> = options.sessionCache ? createSessionCache() : noSessionCache()

  async function countSignInFailuresSince(since: Date, by: { email: string } | { ip: string }, tx: Tx = db): Promise<number> {
    const where = 'email' in by ? eq(signInFailures.email, by.email) : eq(signInFailures.ip, by.ip)
    const [row] = await tx
      .select({ n: count() })
      .from(signInFailures)
      .where(and(where, gte(signInFailures.at, since)))
    return row?.n ?? 0
  }

  async function rolesOf(personId: string, tx: Tx = db): Promise<Role[]> {
    const rows = await tx.select({ role: personRoles.role }).from(personRoles).where(eq(personRoles.personId, personId))
    return rows.map((r) => r.role).sort()
  }

  async function findPersonWithRoles(where: ReturnType<typeof eq>, tx: Tx = db): Promise<PersonWithRoles | null> {
    const [person] = await tx
      .select({
        id: people.id,
        email: people.email,
        name: people.name,
        status: people.status,
        passwordHash: people.passwordHash,
        timeZone: people.timeZone,
        hourCycle: people.hourCycle,
      })
      .from(people)
      .where(where)
      .limit(1)
    if (!person) return null
    const { timeZone, hourCycle, ...rest } = person
    return { ...rest, clock: { timeZone, hourCycle }, roles: await rolesOf(person.id, tx) }
  }

  return {
    rolesOf,
    findByEmailIncludeRoles: (email: string, tx: Tx = db) => findPersonWithRoles(eq(people.email, email), tx),
    findByIdIncludeRoles: (id: string, tx: Tx = db) => findPersonWithRoles(eq(people.id, id), tx),
    findBySchoolIdIncludeRoles: (schoolId: string, tx: Tx = db) => findPersonWithRoles(eq(people.schoolId, schoolId), tx),

    async findClock(personId: string): Promise<ClockPreferences> {
      const [row] = await db.select({ timeZone: people.timeZone, hourCycle: people.hourCycle }).from(people).where(eq(people.id, personId))
      return { timeZone: row?.timeZone ?? null, hourCycle: row?.hourCycle ?? null }
    },

    async updateClock(personId: string, clock: ClockPreferences, at: Date): Promise<void> {
      await db.update(people).set({ timeZone: clock.timeZone, hourCycle: clock.hourCycle, updatedAt: at }).where(eq(people.id, personId))
    },

    async insertSession(row: typeof sessions.$inferInsert, tx: Tx = db) {
      await tx.insert(sessions).values(row)
    },

    /**
     * A session with its person and roles in one round trip: every signed-in request pays for
     * this lookup, and on the embedded database's single connection a second query per request
     * halved what the cheapest routes could serve. Kept in memory there (`session-cache.ts`).
     */
    async findSessionIncludePersonAndRoles(sessionId: string): Promise<SessionWithPerson | null> {
      return sessionCache.read(sessionId, async () => {
        const [row] = await db
          .select({
            id: sessions.id,
            personId: sessions.personId,
            createdAt: sessions.createdAt,
            lastSeenAt: sessions.lastSeenAt,
            expiresAt: sessions.expiresAt,
            email: people.email,
            name: people.name,
            status: people.status,
            schoolWideRecords: people.schoolWideRecords,
            roles: sql<
              Role[]
            >`coalesce((select array_agg(${personRoles.role} order by ${personRoles.role}) from ${personRoles} where ${personRoles.personId} = ${sessions.personId}), '{}')`,
          })
          .from(sessions)
          .innerJoin(people, eq(people.id, sessions.personId))
          .where(eq(sessions.id, sessionId))
          .limit(1)
        return row ?? null
      })
    },

    async touchSession(sessionId: string, at: Date) {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId))
      sessionCache.update(sessionId, (row) => ({ ...row, lastSeenAt: at }))
    },

    async deleteSession(sessionId: string, tx: Tx = db) {
      await tx.delete(sessions).where(eq(sessions.id, sessionId))
      sessionCache.forget(sessionId)
    },

    async deleteSessionsOf(personId: string, tx: Tx = db) {
      await tx.delete(sessions).where(eq(sessions.personId, personId))
      sessionCache.forgetAll()
    },

    async deleteSessionsOfExcept(personId: string, keepSessionId: string, tx: Tx = db) {
      await tx.delete(sessions).where(and(eq(sessions.personId, personId), ne(sessions.id, keepSessionId)))
      sessionCache.forgetAll()
    },

    async insertToken(row: typeof authTokens.$inferInsert, tx: Tx = db) {
      await tx.insert(authTokens).values(row)
    },

    async insertTokens(rows: readonly (typeof authTokens.$inferInsert)[], tx: Tx = db) {
      for (const batch of inBatches(rows)) await tx.insert(authTokens).values(batch)
    },

    async countTokensSince(personId: string, purpose: AuthTokenPurpose, since: Date): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(authTokens)
        .where(and(eq(authTokens.personId, personId), eq(authTokens.purpose, purpose), gte(authTokens.createdAt, since)))
      return row?.n ?? 0
    },

    /**
     * Marks a token used and returns its person, in one statement: of two concurrent uses of
     * the same link, exactly one wins.
     */
    async claimToken(tokenHash: string, purpose: AuthTokenPurpose, now: Date, tx: Tx = db): Promise<string | null> {
      const [row] = await tx
        .update(authTokens)
        .set({ usedAt: now })
        .where(and(eq(authTokens.tokenHash, tokenHash), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
        .returning({ personId: authTokens.personId })
      return row?.personId ?? null
    },

    /**
     * Reserves one sign-in attempt for an address (and the caller's network address), counted as
     * a failure until `releaseSignInAttempt` says it succeeded; null when a limit is reached.
     * The count and the insert happen under a transaction-scoped advisory lock per address, so
     * parallel attempts queue here: 30 at once on one account reserve 5 and are refused 25,
     * before any password is checked. Locks are taken e-mail first, then network address, in
     * every transaction, so two attempts cannot wait on each other.
     */
    async reserveSignInAttempt(
      attempt: { email: string; ip: string | null; at: Date },
      since: Date,
      limits: { perEmail: number; perIp: number },
    ): Promise<number | null> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in email ${attempt.email}`}))`)
        if (attempt.ip) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in ip ${attempt.ip}`}))`)
        if ((await countSignInFailuresSince(since, { email: attempt.email }, tx)) >= limits.perEmail) return null
        if (attempt.ip && (await countSignInFailuresSince(since, { ip: attempt.ip }, tx)) >= limits.perIp) return null
        const [row] = await tx.insert(signInFailures).values(attempt).returning({ id: signInFailures.id })
        return row?.id ?? null
      })
    },

    /** The attempt succeeded: it no longer counts against the address. */
    async releaseSignInAttempt(id: number) {
      await db.delete(signInFailures).where(eq(signInFailures.id, id))
    },

    countSignInFailuresSince,

    async updatePerson(personId: string, values: Partial<typeof people.$inferInsert>, tx: Tx = db) {
      await tx.update(people).set(values).where(eq(people.id, personId))
      if (SESSION_PERSON_FIELDS.some((field) => field in values)) sessionCache.forgetAll()
    },

    async insertPerson(values: typeof people.$inferInsert, roles: readonly Role[], grantedAt: Date, tx: Tx = db): Promise<string> {
      const [created] = await tx.insert(people).values(values).returning({ id: people.id })
      if (!created) throw new Error('Inserting the person returned no row.')
      if (roles.length > 0) await tx.insert(personRoles).values(roles.map((role) => ({ personId: created.id, role, grantedAt })))
      return created.id
    },

    /** Many people at once (a roster's new students), each with the same roles; ids in the order given. */
    async insertPeople(values: readonly (typeof people.$inferInsert)[], roles: readonly Role[], grantedAt: Date, tx: Tx = db): Promise<string[]> {
      const ids: string[] = []
      for (const batch of inBatches(values)) {
        const created = await tx.insert(people).values(batch).returning({ id: people.id, email: people.email })
        const idByEmail = new Map(created.map((c) => [c.email, c.id]))
        const batchIds = batch.map((v) => idByEmail.get(v.email) as string)
        ids.push(...batchIds)
        if (roles.length > 0) await tx.insert(personRoles).values(batchIds.flatMap((personId) => roles.map((role) => ({ personId, role, grantedAt }))))
      }
      return ids
    },

    /**
     * Name, e-mail and school id of many people, one statement per batch (`null` leaves a field
     * as it is). Names and e-mails are part of every session: the session cache is emptied.
     */
    async updatePeopleDetails(
      updates: readonly { personId: string; name: string | null; email: string | null; schoolId: string | null }[],
      at: Date,
      tx: Tx = db,
    ) {
      for (const batch of inBatches(updates)) {
        const values = sql.join(
          batch.map((u) => sql`(${u.personId}::uuid, ${u.name}::text, ${u.email}::text, ${u.schoolId}::text)`),
          sql`, `,
        )
        await tx.execute(sql`
          update ${people} set
            name = coalesce(v.name, ${people.name}),
            email = coalesce(v.email, ${people.email}),
            school_id = coalesce(v.school_id, ${people.schoolId}),
            updated_at = ${at.toISOString()}::timestamptz
          from (values ${values}) as v(id, name, email, school_id)
          where ${people.id} = v.id`)
      }
      if (updates.length > 0) sessionCache.forgetAll()
    },

    /** Takes `role` from each of these people (their other roles stay). */
    async deleteRoleOf(personIds: readonly string[], role: Role, tx: Tx = db) {
      for (const batch of inBatches(personIds)) await tx.delete(personRoles).where(and(inArray(personRoles.personId, batch), eq(personRoles.role, role)))
      if (personIds.length > 0) sessionCache.forgetAll()
    },

    /** Gives `role` to a person who may not hold it yet. */
    async addRole(personId: string, role: Role, grantedAt: Date, tx: Tx = db) {
      await tx.insert(personRoles).values({ personId, role, grantedAt }).onConflictDoNothing()
      sessionCache.forgetAll()
    },

    async replaceRoles(personId: string, roles: readonly Role[], grantedAt: Date, tx: Tx = db) {
      await tx.delete(personRoles).where(eq(personRoles.personId, personId))
      sessionCache.forgetAll()
      if (roles.length > 0) await tx.insert(personRoles).values(roles.map((role) => ({ personId, role, grantedAt })))
    },

    /** Whether the person has ever set a password or signed in (enabling them again restores `active`, else `invited`). */
    async findAccountState(personId: string, tx: Tx = db): Promise<{ status: PersonWithRoles['status']; hasSignedIn: boolean } | null> {
      const [row] = await tx
        .select({ status: people.status, passwordHash: people.passwordHash, lastSignInAt: people.lastSignInAt })
        .from(people)
        .where(eq(people.id, personId))
        .limit(1)
      return row ? { status: row.status, hasSignedIn: row.passwordHash !== null || row.lastSignInAt !== null } : null
    },

    async countActiveAdminsExcept(personId: string, tx: Tx = db): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(personRoles)
        .innerJoin(people, eq(people.id, personRoles.personId))
        .where(and(eq(personRoles.role, 'admin'), eq(people.status, 'active'), sql`${people.id} <> ${personId}`))
      return row?.n ?? 0
    },
  }
}

export type IdentityRepository = ReturnType<typeof createIdentityRepository>
