import { hash } from '@node-rs/argon2'
import { createApp } from '#server/app.ts'
import { fixedClock } from '#server/clock.ts'
import { insertReferenceData } from '#server/db/seed/reference-data.ts'
import { sessions } from '#server/db/schema/index.ts'
import { hashSecret, newSecret } from '#server/modules/identity/tokens.ts'
import type { Mailer } from '#server/modules/notifications/mailer.ts'
import { createServices } from '#server/services.ts'
import type { Role } from '#shared/enums.ts'
import type { SsoSettings } from '#server/modules/identity/sso/sso-settings.ts'
import { sql } from 'drizzle-orm'
import { createTestDatabase } from './test-database.ts'
import { insertPerson, type PersonOverrides } from '../factories/index.ts'
import { MS_PER_DAY } from '#shared/time.ts'

export const TEST_ORIGIN = 'http://preceptor.test'
export const TEST_PASSWORD = 'correct horse battery staple'

type RequestOptions = {
  body?: unknown
  rawBody?: BodyInit
  headers?: Record<string, string>
  cookie?: string | null
  origin?: string | null
  /** The connection's address, as the Node server would report it. */
  remoteAddress?: string
}

/**
 * The whole HTTP application on a fresh copy of the migrated database, with a clock the test
 * moves. Requests go through `app.request`, with the Origin header a browser would send.
 */
export async function createTestApp(
  options: { demoMode?: boolean; mailer?: Mailer | null; now?: Date; trustedProxies?: string[]; requestLog?: (line: string) => void; sso?: SsoSettings } = {},
) {
  const database = await createTestDatabase()
  const clock = fixedClock(options.now ?? new Date('2026-10-05T14:00:00Z'))
  await insertReferenceData(database.db)
  const services = createServices(database.db, clock, options.mailer ?? null, {
    appOrigin: TEST_ORIGIN,
    demoMode: options.demoMode ?? true,
    sessionPolicy: { idleMinutes: 60, absoluteHours: 24 },
    // As the server runs: sessions cached on the embedded database, looked up on PostgreSQL.
    sessionCache: database.kind === 'pglite',
    sso: options.sso ?? null,
  })
  const app = createApp({
    services,
    checkDatabase: async () => {
      await database.db.execute(sql`select 1`)
    },
    databaseKind: database.kind,
    appOrigin: TEST_ORIGIN,
    demoAccounts: () => (options.demoMode === false ? null : { accounts: [] }),
    webRoot: null,
    trustedProxies: options.trustedProxies ?? [],
    ...(options.requestLog ? { requestLog: options.requestLog } : {}),
  })
  const passwordHash = await hash(TEST_PASSWORD)

  async function request(method: string, path: string, opts: RequestOptions = {}) {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.origin !== null) headers.origin = opts.origin ?? TEST_ORIGIN
    if (opts.cookie) headers.cookie = opts.cookie
    let body: BodyInit | undefined = opts.rawBody
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json'
      body = JSON.stringify(opts.body)
    }
    const env = opts.remoteAddress ? { incoming: { socket: { remoteAddress: opts.remoteAddress } } } : undefined
    const response = await app.request(`${TEST_ORIGIN}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) }, env)
    const text = await response.text()
    // A request refused before any query (bad input, a cached session on the embedded database)
    // runs start to end on promises alone, so a loop of them never lets a timer run: not a test's
    // timeout, nor anything else the process has waiting. A real request always passes through
    // the event loop; this makes each one here do the same.
    await new Promise((resolve) => setImmediate(resolve))
    let json: unknown = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = null
    }
    return { status: response.status, json: json as Record<string, any>, text, headers: response.headers }
  }

  /** A person with the given roles, realistic profiles from the factories, and a known password. */
  async function insertAccount(roles: Role[], overrides: Omit<PersonOverrides, 'passwordHash'> = {}) {
    return insertPerson(database.db, { roles, passwordHash, ...overrides })
  }

  /** A session cookie for a person, written straight to the sessions table. */
  async function sessionCookie(personId: string): Promise<string> {
    const secret = newSecret()
    const now = clock.now()
    await database.db
      .insert(sessions)
      .values({ id: hashSecret(secret), personId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + MS_PER_DAY) })
    return `preceptor_session=${secret}`
  }

  async function signedInAs(roles: Role[]) {
    const person = await insertAccount(roles)
    return { person, cookie: await sessionCookie(person.id) }
  }

  return { app, db: database.db, kind: database.kind, clock, services, request, insertAccount, sessionCookie, signedInAs, close: database.close }
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>

/** The session cookie a response set, as a Cookie header value. */
export function cookieFrom(headers: Headers): string | null {
  const setCookie = headers.get('set-cookie')
  const match = setCookie?.match(/preceptor_session=([^;]*)/)
  return match?.[1] ? `preceptor_session=${match[1]}` : null
}
