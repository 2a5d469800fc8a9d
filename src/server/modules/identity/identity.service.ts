import { hash, verify } from '@node-rs/argon2'
import type { Database, Tx } from '#server/db/client.ts'
import type { ClockPreferences, SessionResponse, SignInRequest, ChangePasswordRequest } from '#shared/contracts/identity.ts'
import { ROLES, type Role } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import {
  EMAIL_LINK_LIMIT,
  SIGN_IN_LIMITS,
  TOKEN_LIFETIME_MINUTES,
  absoluteExpiry,
  isSessionAlive,
  shouldTouchSession,
  type SessionPolicy,
} from './domain/session-rules.ts'
import { inviteEmail, magicLinkEmail, passwordResetEmail } from './identity-emails.ts'
import type { IdentityRepository, PersonWithRoles } from './identity.repository.ts'
import { listPeopleByEmailsOrSchoolIds } from './people-reads.ts'
import { hashSecret, newSecret } from './tokens.ts'
import type { AuthTokenPurpose } from '#server/db/schema/index.ts'
import { MS_PER_MINUTE } from '#shared/time.ts'
import { decideNewAccount, type ReadIdentity } from './domain/sso-identity.ts'
import { emailDomain, ssoRequiredFor, type SsoSettings } from './sso/sso-settings.ts'

/** Why a provider's sign-in gave no session, for the page and the audit row. */
export type ProviderRefusal = 'no-account' | 'no-email' | 'no-role' | 'disabled'

export type IdentityDeps = {
  db: Database
  repo: IdentityRepository
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  sessionPolicy: SessionPolicy
  appOrigin: string
  demoMode: boolean
  /** Single sign-on, when the school configured it (decisions 031, 032). */
  sso?: SsoSettings | null
}

/** A new session: the secret goes into the cookie, only its hash into the database. */
export type IssuedSession = { secret: string; response: SessionResponse }

// Verifying against a real hash when the e-mail is unknown keeps the answer time the same,
// so sign-in does not reveal which addresses have accounts.
const UNKNOWN_PERSON_HASH = await hash('not-a-real-password-used-for-timing')

function assertAdmin(actor: Actor) {
  if (!actor.roles.includes('admin')) throw new AppError('FORBIDDEN', 'Only an admin can manage people.')
}

const GENERIC_SIGN_IN_ERROR = 'That e-mail and password do not match an account. Check them, or sign in with an e-mailed link.'

export function createIdentityService(deps: IdentityDeps) {
  const { db, repo, clock, audit, notifications } = deps

  async function issueSession(person: PersonWithRoles, meta: RequestMeta, previousSecret: string | null, tx: Tx): Promise<IssuedSession> {
    // Rotation: whatever session the browser held before is ended, so a fixed session id
    // planted before sign-in is worthless after it.
    if (previousSecret) await repo.deleteSession(hashSecret(previousSecret), tx)
    const secret = newSecret()
    const now = clock.now()
    const expiresAt = absoluteExpiry(now, deps.sessionPolicy)
    await repo.insertSession({ id: hashSecret(secret), personId: person.id, createdAt: now, lastSeenAt: now, expiresAt, userAgent: meta.userAgent }, tx)
    await repo.updatePerson(person.id, { lastSignInAt: now }, tx)
    return {
      secret,
      response: {
        person: { id: person.id, email: person.email, name: person.name, roles: person.roles, status: 'active' },
        clock: person.clock,
        expiresAt: expiresAt.toISOString(),
        demoMode: deps.demoMode,
      },
    }
  }

  async function createEmailToken(personId: string, purpose: AuthTokenPurpose, tx: Tx | Database = db): Promise<string> {
    const token = newSecret()
    const now = clock.now()
    await repo.insertToken(
      { personId, purpose, tokenHash: hashSecret(token), createdAt: now, expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[purpose] * MS_PER_MINUTE) },
      tx,
    )
    return token
  }

  async function assertEmailLinkAllowance(personId: string, purpose: AuthTokenPurpose) {
    const since = new Date(clock.now().getTime() - EMAIL_LINK_LIMIT.windowMinutes * MS_PER_MINUTE)
    if ((await repo.countTokensSince(personId, purpose, since)) >= EMAIL_LINK_LIMIT.perEmail) {
      throw new AppError(
        'RATE_LIMITED',
        `Several links were already sent to this address. Use the newest one, or try again in ${EMAIL_LINK_LIMIT.windowMinutes} minutes.`,
        undefined,
        { retryAfterSeconds: EMAIL_LINK_LIMIT.windowMinutes * 60 },
      )
    }
  }

  /** Consumes a one-time token and signs its person in, all in one transaction. */
  async function signInWithToken(
    token: string,
    purpose: AuthTokenPurpose,
    meta: RequestMeta,
    previousSecret: string | null,
    beforeSession?: (personId: string, tx: Tx) => Promise<void>,
  ): Promise<IssuedSession> {
    return db.transaction(async (tx) => {
      const personId = await repo.claimToken(hashSecret(token), purpose, clock.now(), tx)
      if (!personId) throw new AppError('NOT_FOUND', 'This link has expired or was already used. Ask for a new one.', { token: 'Expired or already used.' })
      await beforeSession?.(personId, tx)
      const person = await repo.findByIdIncludeRoles(personId, tx)
      if (!person || person.status === 'disabled') throw new AppError('FORBIDDEN', 'This account is disabled. Contact the Office of Student Affairs.')
      const issued = await issueSession(person, meta, previousSecret, tx)
      await audit.record({ actorId: person.id, action: `sign-in.${purpose}`, objectType: 'person', objectId: person.id }, meta, tx)
      return issued
    })
  }

  /** A school domain's people use the school's sign-in (SSO_REQUIRED_DOMAINS); others keep passwords and links. */
  function assertPasswordSignInAllowed(email: string) {
    if (!ssoRequiredFor(deps.sso ?? null, email)) return
    const school = deps.sso?.schoolName ?? 'your school'
    throw new AppError(
      'FORBIDDEN',
      `People with an @${emailDomain(email)} address sign in with the “Sign in with ${school}” button, not a password or an e-mailed link.`,
      {
        email: `Use “Sign in with ${school}”.`,
      },
    )
  }

  /** Writes the invitation token and its e-mail in the caller's transaction. */
  async function sendInvite(person: { id: string; email: string; name: string }, invitedBy: string, tx: Tx): Promise<void> {
    const token = await createEmailToken(person.id, 'invite', tx)
    const link = `${deps.appOrigin}/auth/invite?token=${token}`
    await notifications.enqueue(inviteEmail(person.email, person.name, link, TOKEN_LIFETIME_MINUTES.invite / 1440, invitedBy), tx)
  }

  return {
    async signIn(input: SignInRequest, meta: RequestMeta, previousSecret: string | null): Promise<IssuedSession> {
      assertPasswordSignInAllowed(input.email)
      // The attempt is reserved (and counted as a failure) before the password is checked, in
      // one locked step, so parallel guesses cannot all pass the limit before any is counted.
      const now = clock.now()
      const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * MS_PER_MINUTE)
      const reservation = await repo.reserveSignInAttempt({ email: input.email, ip: meta.ip, at: now }, since, SIGN_IN_LIMITS)
      if (reservation === null) {
        throw new AppError(
          'RATE_LIMITED',
          `Too many failed sign-ins. Wait ${SIGN_IN_LIMITS.windowMinutes} minutes, or sign in with an e-mailed link.`,
          undefined,
          {
            retryAfterSeconds: SIGN_IN_LIMITS.windowMinutes * 60,
          },
        )
      }
      const person = await repo.findByEmailIncludeRoles(input.email)
      const valid = await verify(person?.passwordHash ?? UNKNOWN_PERSON_HASH, input.password)
      if (!person?.passwordHash || !valid || person.status !== 'active') {
        await audit.record({ actorId: person?.id ?? null, action: 'sign-in.failed', objectType: 'person', ...(person ? { objectId: person.id } : {}) }, meta)
        if (person && valid && person.status === 'disabled') throw new AppError('FORBIDDEN', 'This account is disabled. Contact the Office of Student Affairs.')
        throw new AppError('NOT_AUTHENTICATED', GENERIC_SIGN_IN_ERROR, { email: ' ', password: 'E-mail or password is not right.' })
      }
      const issued = await db.transaction(async (tx) => {
        const session = await issueSession(person, meta, previousSecret, tx)
        await audit.record({ actorId: person.id, action: 'sign-in.password', objectType: 'person', objectId: person.id }, meta, tx)
        return session
      })
      await repo.releaseSignInAttempt(reservation)
      return issued
    },

    /**
     * Signs in the person a school's provider vouched for (the protocol's checks already passed):
     * the account matched by e-mail or school id, or a new one for an allowed domain with the roles
     * of its affiliation. An existing account's roles are never touched, so an admin's choices stay.
     */
    async signInWithProvider(
      protocol: 'oidc' | 'saml',
      identity: ReadIdentity,
      meta: RequestMeta,
      previousSecret: string | null,
    ): Promise<IssuedSession | { refused: ProviderRefusal }> {
      const rules = deps.sso?.rules
      if (!rules) return { refused: 'no-account' }
      const refusal = await db.transaction(async (tx) => {
        let person =
          rules.matchField === 'email'
            ? await repo.findByEmailIncludeRoles(identity.matchValue, tx)
            : await repo.findBySchoolIdIncludeRoles(identity.matchValue, tx)
        if (!person) {
          const decision = decideNewAccount(identity, rules)
          if (decision.kind === 'refuse') return { refused: decision.reason }
          if (decision.kind === 'create') {
            if (await repo.findByEmailIncludeRoles(decision.email, tx)) return { refused: 'no-account' as const }
            const now = clock.now()
            const id = await repo.insertPerson(
              {
                email: decision.email,
                name: decision.name,
                status: 'active',
                createdAt: now,
                updatedAt: now,
                ...(rules.matchField === 'school-id' ? { schoolId: identity.matchValue } : {}),
              },
              decision.roles,
              now,
              tx,
            )
            await audit.record({ actorId: id, action: `person.created-by-${protocol}`, objectType: 'person', objectId: id }, meta, tx)
            person = await repo.findByIdIncludeRoles(id, tx)
          }
        }
        if (!person || person.status === 'disabled') return { refused: 'disabled' as const }
        // Someone invited who signs in through the school has accepted the invitation.
        if (person.status === 'invited') await repo.updatePerson(person.id, { status: 'active', updatedAt: clock.now() }, tx)
        const issued = await issueSession(person, meta, previousSecret, tx)
        await audit.record({ actorId: person.id, action: `sign-in.${protocol}`, objectType: 'person', objectId: person.id }, meta, tx)
        return issued
      })
      return refusal
    },

    async signOut(actor: Actor, meta: RequestMeta): Promise<void> {
      await db.transaction(async (tx) => {
        await repo.deleteSession(actor.sessionId, tx)
        await audit.record({ actorId: actor.personId, action: 'sign-out', objectType: 'person', objectId: actor.personId }, meta, tx)
      })
    },

    /** The actor behind a session cookie, or null when the session is unknown, ended or the person disabled. */
    async resolveSession(secret: string): Promise<Actor | null> {
      const sessionId = hashSecret(secret)
      const session = await repo.findSessionIncludePersonAndRoles(sessionId)
      if (!session) return null
      const now = clock.now()
      if (!isSessionAlive(session, now, deps.sessionPolicy) || session.status !== 'active') {
        await repo.deleteSession(sessionId)
        return null
      }
      if (shouldTouchSession(session, now)) await repo.touchSession(sessionId, now)
      return {
        personId: session.personId,
        email: session.email,
        name: session.name,
        roles: session.roles,
        schoolWide: session.schoolWideRecords && session.roles.includes('advisor'),
        sessionId,
        expiresAt: session.expiresAt,
      }
    },

    async sessionResponse(actor: Actor): Promise<SessionResponse> {
      return {
        person: { id: actor.personId, email: actor.email, name: actor.name, roles: actor.roles, status: 'active' },
        clock: await repo.findClock(actor.personId),
        expiresAt: actor.expiresAt.toISOString(),
        demoMode: deps.demoMode,
      }
    },

    /** How the person reads times, on every page and in the e-mails sent to them. */
    async updateClock(actor: Actor, input: ClockPreferences): Promise<ClockPreferences> {
      await repo.updateClock(actor.personId, input, clock.now())
      return input
    },

    /** Always answers the same way, whether or not the address has an account. */
    async requestMagicLink(email: string, meta: RequestMeta): Promise<void> {
      assertPasswordSignInAllowed(email)
      const person = await repo.findByEmailIncludeRoles(email)
      if (person?.status !== 'active') return
      await assertEmailLinkAllowance(person.id, 'magic-link')
      await db.transaction(async (tx) => {
        const token = await createEmailToken(person.id, 'magic-link', tx)
        const link = `${deps.appOrigin}/auth/magic?token=${token}`
        await notifications.enqueue(magicLinkEmail(person.email, person.name, link, TOKEN_LIFETIME_MINUTES['magic-link']), tx)
        await audit.record({ actorId: null, action: 'magic-link.requested', objectType: 'person', objectId: person.id }, meta, tx)
      })
    },

    consumeMagicLink: (token: string, meta: RequestMeta, previousSecret: string | null) => signInWithToken(token, 'magic-link', meta, previousSecret),

    async requestPasswordReset(email: string, meta: RequestMeta): Promise<void> {
      const person = await repo.findByEmailIncludeRoles(email)
      if (person?.status !== 'active') return
      await assertEmailLinkAllowance(person.id, 'password-reset')
      await db.transaction(async (tx) => {
        const token = await createEmailToken(person.id, 'password-reset', tx)
        const link = `${deps.appOrigin}/auth/reset?token=${token}`
        await notifications.enqueue(passwordResetEmail(person.email, person.name, link, TOKEN_LIFETIME_MINUTES['password-reset']), tx)
        await audit.record({ actorId: null, action: 'password-reset.requested', objectType: 'person', objectId: person.id }, meta, tx)
      })
    },

    async completePasswordReset(token: string, password: string, meta: RequestMeta, previousSecret: string | null): Promise<IssuedSession> {
      const passwordHash = await hash(password)
      return signInWithToken(token, 'password-reset', meta, previousSecret, async (personId, tx) => {
        // A reset is what someone does when they fear their password is known: end every session.
        await repo.deleteSessionsOf(personId, tx)
        await repo.updatePerson(personId, { passwordHash, updatedAt: clock.now() }, tx)
        await audit.record({ actorId: personId, action: 'password.reset', objectType: 'person', objectId: personId }, meta, tx)
      })
    },

    async acceptInvite(token: string, password: string, meta: RequestMeta, previousSecret: string | null): Promise<IssuedSession> {
      const passwordHash = await hash(password)
      return signInWithToken(token, 'invite', meta, previousSecret, async (personId, tx) => {
        const person = await repo.findByIdIncludeRoles(personId, tx)
        if (person?.status === 'disabled') return
        await repo.updatePerson(personId, { passwordHash, status: 'active', updatedAt: clock.now() }, tx)
        await audit.record({ actorId: personId, action: 'invite.accepted', objectType: 'person', objectId: personId }, meta, tx)
      })
    },

    async changePassword(actor: Actor, input: ChangePasswordRequest, meta: RequestMeta): Promise<void> {
      const person = await repo.findByIdIncludeRoles(actor.personId)
      if (!person?.passwordHash || !(await verify(person.passwordHash, input.currentPassword))) {
        throw new AppError('VALIDATION_FAILED', 'Your current password is not right.', { currentPassword: 'Not your current password.' })
      }
      const passwordHash = await hash(input.newPassword)
      await db.transaction(async (tx) => {
        await repo.updatePerson(actor.personId, { passwordHash, updatedAt: clock.now() }, tx)
        // Other devices signed in with the old password are signed out; this one stays.
        await repo.deleteSessionsOfExcept(actor.personId, actor.sessionId, tx)
        await audit.record({ actorId: actor.personId, action: 'password.changed', objectType: 'person', objectId: actor.personId }, meta, tx)
      })
    },

    endSessionsOf: (personId: string, tx: Tx) => repo.deleteSessionsOf(personId, tx),

    /**
     * The actor's own name, pronouns or photo, written in the caller's transaction (profiles
     * records the audit row with it). Only these fields: never status, e-mail or password.
     */
    async updateOwnDetails(
      actor: Actor,
      values: { name?: string | undefined; pronouns?: string | null | undefined; photo?: Uint8Array | null; photoType?: string | null },
      tx: Tx,
    ): Promise<void> {
      const { name, pronouns, photo, photoType } = values
      await repo.updatePerson(
        actor.personId,
        {
          ...(name !== undefined ? { name } : {}),
          ...(pronouns !== undefined ? { pronouns } : {}),
          ...(photo !== undefined ? { photo, photoType: photoType ?? null } : {}),
          updatedAt: clock.now(),
        },
        tx,
      )
    },

    // ── People administration: the admin module writes people only through these. ──
    // Each runs in the caller's transaction (the admin's audit row commits with it) and
    // refuses anyone but an admin.

    /** Creates an invited person with their roles and e-mails the invitation; returns their id. */
    async createInvitedPerson(actor: Actor, input: { email: string; name: string; roles: readonly Role[] }, tx: Tx): Promise<string> {
      assertAdmin(actor)
      if (await repo.findByEmailIncludeRoles(input.email, tx))
        throw new AppError('CONFLICT', 'Someone with this e-mail already has an account.', { email: 'Already has an account.' })
      const now = clock.now()
      const id = await repo.insertPerson({ email: input.email, name: input.name, status: 'invited', createdAt: now, updatedAt: now }, input.roles, now, tx)
      await sendInvite({ id, email: input.email, name: input.name }, actor.name, tx)
      return id
    },

    /**
     * Invites many people at once (a roster's new students, decision 020): one insert per
     * thousand for people, roles, tokens and e-mails. Refuses, writing nothing, when any e-mail or
     * school id already has an account. Returns the ids in the order given.
     */
    async createInvitedPeople(
      actor: Actor,
      inputs: readonly { email: string; name: string; schoolId: string | null }[],
      roles: readonly Role[],
      tx: Tx,
    ): Promise<string[]> {
      assertAdmin(actor)
      if (inputs.length === 0) return []
      const taken = await listPeopleByEmailsOrSchoolIds(
        tx,
        inputs.map((i) => i.email),
        inputs.flatMap((i) => (i.schoolId ? [i.schoolId] : [])),
      )
      if (taken.length > 0) throw new AppError('CONFLICT', `Someone with the e-mail or school id of ${taken[0]?.name} already has an account.`)
      const now = clock.now()
      const ids = await repo.insertPeople(
        inputs.map((i) => ({ email: i.email, name: i.name, schoolId: i.schoolId, status: 'invited' as const, createdAt: now, updatedAt: now })),
        roles,
        now,
        tx,
      )
      const emails = []
      const tokens = []
      for (const [index, input] of inputs.entries()) {
        const token = newSecret()
        const personId = ids[index] as string
        tokens.push({
          personId,
          purpose: 'invite' as const,
          tokenHash: hashSecret(token),
          createdAt: now,
          expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MINUTES.invite * MS_PER_MINUTE),
        })
        emails.push(inviteEmail(input.email, input.name, `${deps.appOrigin}/auth/invite?token=${token}`, TOKEN_LIFETIME_MINUTES.invite / 1440, actor.name))
      }
      await repo.insertTokens(tokens, tx)
      await notifications.enqueueMany(emails, tx)
      return ids
    },

    /** The roster's facts about people: name, e-mail and school id (null leaves a field as it is). */
    async updateRosterDetails(
      actor: Actor,
      updates: readonly { personId: string; name: string | null; email: string | null; schoolId: string | null }[],
      tx: Tx,
    ) {
      assertAdmin(actor)
      await repo.updatePeopleDetails(updates, clock.now(), tx)
    },

    /** Takes `role` from these people, keeping their other roles and their account (graduates lose the student role). */
    async withdrawRole(actor: Actor, personIds: readonly string[], role: Role, tx: Tx) {
      assertAdmin(actor)
      await repo.deleteRoleOf(personIds, role, tx)
    },

    /**
     * A graduate who agreed to mentor takes the mentor role themself (decision 020). The roster
     * module checks they have graduated before it calls this; nobody else may give themself a role.
     */
    async grantAlumniMentorRole(actor: Actor, tx: Tx) {
      await repo.addRole(actor.personId, 'mentor', clock.now(), tx)
    },

    async resendInvite(actor: Actor, person: { id: string; email: string; name: string }, tx: Tx): Promise<void> {
      assertAdmin(actor)
      await sendInvite(person, actor.name, tx)
    },

    /** Replaces a person's roles, in the order of `ROLES`. */
    async setRoles(actor: Actor, personId: string, roles: readonly Role[], tx: Tx): Promise<Role[]> {
      assertAdmin(actor)
      const sorted = ROLES.filter((r) => roles.includes(r))
      await repo.replaceRoles(personId, sorted, clock.now(), tx)
      return sorted
    },

    /** Grants or withdraws the school-wide scope (decision 015); only an advisor may hold it. */
    async setSchoolWide(actor: Actor, personId: string, schoolWide: boolean, tx: Tx): Promise<void> {
      assertAdmin(actor)
      if (schoolWide && !(await repo.rolesOf(personId, tx)).includes('advisor'))
        throw new AppError('VALIDATION_FAILED', 'Only an advisor can read every student’s record; give them the advisor role first.', {
          schoolWide: 'Give them the advisor role first.',
        })
      await repo.updatePerson(personId, { schoolWideRecords: schoolWide, updatedAt: clock.now() }, tx)
    },

    /** Disabling ends every session of the person at once, in the same transaction. */
    async disablePerson(actor: Actor, personId: string, tx: Tx): Promise<void> {
      assertAdmin(actor)
      await repo.updatePerson(personId, { status: 'disabled', updatedAt: clock.now() }, tx)
      await repo.deleteSessionsOf(personId, tx)
    },

    /** Enabling restores `active` to someone who has signed in before, `invited` to someone who never did. */
    async enablePerson(actor: Actor, personId: string, tx: Tx): Promise<void> {
      assertAdmin(actor)
      const state = await repo.findAccountState(personId, tx)
      if (!state) throw new AppError('NOT_FOUND', 'No such person.')
      await repo.updatePerson(personId, { status: state.hasSignedIn ? 'active' : 'invited', updatedAt: clock.now() }, tx)
    },

    countActiveAdminsExcept: (personId: string, tx: Tx) => repo.countActiveAdminsExcept(personId, tx),
  }
}

export type IdentityService = ReturnType<typeof createIdentityService>
