import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, signInFailures } from '#server/db/schema/index.ts'
import { SIGN_IN_LIMITS } from '#server/modules/identity/domain/session-rules.ts'
import { createTestApp, TEST_PASSWORD, type TestApp } from '../setup/test-app.ts'

/**
 * Issue 11, holes 6 and 10: the sign-in limits hold against parallel guesses, and the address
 * they count (and the audit log records) is the connection's, unless a trusted proxy says
 * otherwise.
 */

let t: TestApp
let proxied: TestApp
beforeAll(async () => {
  t = await createTestApp()
}, 180_000)
afterAll(async () => {
  await t?.close()
  await proxied?.close()
})

const signIn = (app: TestApp, email: string, password: string, remoteAddress: string, forwardedFor?: string) =>
  app.request('POST', '/api/auth/sign-in', {
    body: { email, password },
    cookie: null,
    remoteAddress,
    ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}),
  })

async function auditedAddresses(app: TestApp, personId: string): Promise<(string | null)[]> {
  const rows = await app.db
    .select({ ip: auditLog.ip })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'sign-in.failed'), eq(auditLog.objectId, personId)))
  return rows.map((row) => row.ip)
}

describe('the per-account limit counts atomically', () => {
  it('30 parallel wrong passwords: 5 are checked, 25 are refused before any check', async () => {
    const person = await t.insertAccount(['student'])
    const responses = await Promise.all(Array.from({ length: 30 }, () => signIn(t, person.email, 'not the password', '192.0.2.10')))
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_LIMITS.perEmail)
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - SIGN_IN_LIMITS.perEmail)
    const counted = await t.db.select().from(signInFailures).where(eq(signInFailures.email, person.email))
    expect(counted).toHaveLength(SIGN_IN_LIMITS.perEmail)
    // The owner, too, waits for the window (or uses an e-mailed link).
    expect((await signIn(t, person.email, TEST_PASSWORD, '192.0.2.11')).status).toBe(429)
  })

  it('a successful sign-in does not count as a failure', async () => {
    const person = await t.insertAccount(['student'])
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail + 2; i++) expect((await signIn(t, person.email, TEST_PASSWORD, '192.0.2.12')).status).toBe(200)
  })
})

describe('X-Forwarded-For is believed only from a trusted proxy', () => {
  it('without TRUST_PROXY, a rotating header neither resets the per-address limit nor reaches the audit log', async () => {
    const person = await t.insertAccount(['mentor'])
    await signIn(t, person.email, 'wrong', '198.51.100.20', '203.0.113.99')
    expect(await auditedAddresses(t, person.id)).toEqual(['198.51.100.20'])

    // Guesses spread over many accounts from one address, each with a new forged header.
    const statuses: number[] = []
    for (let i = 0; i < SIGN_IN_LIMITS.perIp + 1; i++) {
      statuses.push((await signIn(t, `nobody-${i}@example.org`, 'wrong', '198.51.100.21', `203.0.113.${i % 250}`)).status)
    }
    expect(statuses.slice(0, SIGN_IN_LIMITS.perIp).every((s) => s === 401)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })

  it('with TRUST_PROXY, the client is the rightmost address the trusted proxies did not add', { timeout: 180_000 }, async () => {
    proxied = await createTestApp({ trustedProxies: ['127.0.0.1', '10.0.0.0/8'] })
    const person = await proxied.insertAccount(['mentor'])
    await signIn(proxied, person.email, 'wrong', '127.0.0.1', '198.51.100.30')
    // A client-written address on the left is ignored; the proxy appended the real one.
    await signIn(proxied, person.email, 'wrong', '::ffff:127.0.0.1', '203.0.113.1, 198.51.100.31, 10.1.2.3')
    // Not from a trusted proxy: the header is ignored.
    await signIn(proxied, person.email, 'wrong', '198.51.100.32', '203.0.113.2')
    expect((await auditedAddresses(proxied, person.id)).sort()).toEqual(['198.51.100.30', '198.51.100.31', '198.51.100.32'])
  })
})
