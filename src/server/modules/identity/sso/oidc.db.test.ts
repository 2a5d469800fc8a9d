import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, personRoles, ssoRequests } from '#server/db/schema/index.ts'
import { cookieFrom, createTestApp, TEST_ORIGIN, type TestApp } from '#tests/setup/test-app.ts'
import { startTestOidcProvider } from '#tests/sso/test-oidc-provider.ts'
import type { SsoSettings } from './sso-settings.ts'
import { hashSecret } from '../tokens.ts'

const CALLBACK = `${TEST_ORIGIN}/api/auth/oidc/callback`
let t: TestApp
let idp: Awaited<ReturnType<typeof startTestOidcProvider>>

beforeAll(async () => {
  idp = await startTestOidcProvider(CALLBACK)
  const sso: SsoSettings = {
    schoolName: 'Northfield University',
    oidc: { issuer: idp.issuer, clientId: 'preceptor', clientSecret: 'test-client-secret', scopes: 'openid email profile affiliation' },
    saml: null,
    rules: {
      matchClaim: 'email',
      matchField: 'email',
      affiliationClaim: 'eduPersonAffiliation',
      roleMap: { student: ['student'], faculty: ['mentor'] },
      jitDomains: ['northfield.edu'],
      requiredDomains: ['northfield.edu'],
      clockSkewSeconds: 60,
    },
  }
  t = await createTestApp({ sso })
})
afterAll(async () => {
  await t?.close()
  await idp?.close()
})

const flowCookieOf = (headers: Headers) => /preceptor_sso=([^;]+)/.exec(headers.get('set-cookie') ?? '')?.[1] ?? null

/**
 * A browser's round trip: the app's start, the provider's pages (with their own cookies), and the
 * callback back to the app. `beforeCallback` may alter the callback URL or the stored request.
 */
async function signInThroughProvider(accountId: string, options: { beforeCallback?: (url: URL, flowSecret: string) => Promise<URL> | URL } = {}) {
  idp.state.nextAccount = accountId
  const start = await t.request('GET', '/api/auth/oidc/start')
  expect(start.status).toBe(302)
  const flowSecret = flowCookieOf(start.headers) as string
  expect(flowSecret).toBeTruthy()
  let location = start.headers.get('location') as string
  expect(location.startsWith(idp.issuer)).toBe(true)
  const jar = new Map<string, string>()
  for (let hop = 0; hop < 10 && !location.startsWith(TEST_ORIGIN); hop++) {
    const response = await fetch(location, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, ...value] = (pair as string).split('=')
      jar.set(name as string, value.join('='))
    }
    location = new URL(response.headers.get('location') as string, location).href
  }
  let callback = new URL(location)
  if (options.beforeCallback) callback = await options.beforeCallback(callback, flowSecret)
  return t.request('GET', `${callback.pathname}${callback.search}`, { cookie: `preceptor_sso=${flowSecret}` })
}

async function refusalsFor(reason: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'sso.refused'), eq(auditLog.objectType, 'oidc'), eq(auditLog.objectId, reason)))
}

describe('[sso-oidc] OpenID Connect against a real provider', () => {
  it('[sso-oidc] signs in an existing account: code + PKCE, state, nonce, ID token; the normal session cookie', async () => {
    const person = await t.insertAccount(['advisor'], { email: 'ada@northfield.edu' })
    idp.addAccount({ sub: 'ada-1', email: 'ada@northfield.edu', name: 'Ada L', affiliation: ['staff'] })
    const callback = await signInThroughProvider('ada-1')
    expect(callback.status).toBe(302)
    expect(callback.headers.get('location')).toBe('/')
    const cookie = cookieFrom(callback.headers)
    const session = await t.request('GET', '/api/auth/session', { cookie })
    // An admin's roles are kept: the provider's affiliation does not change them.
    expect(session.json.person).toMatchObject({ id: person.id, roles: ['advisor'] })
    const signIns = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sign-in.oidc'), eq(auditLog.objectId, person.id)))
    expect(signIns).toHaveLength(1)
    // Sign-out ends the local session.
    expect((await t.request('POST', '/api/auth/sign-out', { cookie })).status).toBe(200)
    expect((await t.request('GET', '/api/auth/session', { cookie })).json.person).toBeNull()
  })

  it('[sso-oidc] creates an account at first sign-in for an allowed domain, with the roles of the affiliation', async () => {
    idp.addAccount({ sub: 'new-1', email: 'Newcomer@Northfield.edu', name: 'New Comer', affiliation: ['student', 'member'] })
    const callback = await signInThroughProvider('new-1')
    expect(callback.headers.get('location')).toBe('/')
    const session = await t.request('GET', '/api/auth/session', { cookie: cookieFrom(callback.headers) })
    expect(session.json.person).toMatchObject({ email: 'newcomer@northfield.edu', name: 'New Comer', roles: ['student'] })
    const roles = await t.db.select().from(personRoles).where(eq(personRoles.personId, session.json.person.id))
    expect(roles.map((r) => r.role)).toEqual(['student'])
  })

  it('[sso-oidc] refuses an unknown person outside the allowed domains, with a page that says why and an audit row', async () => {
    idp.addAccount({ sub: 'out-1', email: 'someone@elsewhere.org', name: 'Out Sider', affiliation: ['student'] })
    const callback = await signInThroughProvider('out-1')
    expect(callback.status).toBe(302)
    expect(callback.headers.get('location')).toBe('/sign-in?sso-error=no-account')
    expect(cookieFrom(callback.headers)).toBeNull()
    expect(await refusalsFor('no-account')).toHaveLength(1)
  })

  it('[sso-oidc] refuses a wrong state', async () => {
    idp.addAccount({ sub: 'st-1', email: 'state@northfield.edu', name: 'S', affiliation: ['student'] })
    const callback = await signInThroughProvider('st-1', {
      beforeCallback: (url) => {
        url.searchParams.set('state', 'forged-state')
        return url
      },
    })
    expect(callback.headers.get('location')).toBe('/sign-in?sso-error=state')
    expect(cookieFrom(callback.headers)).toBeNull()
    expect(await refusalsFor('state')).toHaveLength(1)
  })

  it('[sso-oidc] refuses an ID token whose nonce is not the one this browser sent', async () => {
    idp.addAccount({ sub: 'no-1', email: 'nonce@northfield.edu', name: 'N', affiliation: ['student'] })
    const callback = await signInThroughProvider('no-1', {
      beforeCallback: async (url, flowSecret) => {
        await t.db
          .update(ssoRequests)
          .set({ nonce: 'another-request-nonce' })
          .where(eq(ssoRequests.id, hashSecret(flowSecret)))
        return url
      },
    })
    expect(callback.headers.get('location')).toBe('/sign-in?sso-error=nonce')
    expect(await refusalsFor('nonce')).toHaveLength(1)
  })

  it('[sso-oidc] refuses an expired ID token and an unsigned one', async () => {
    idp.addAccount({ sub: 'ex-1', email: 'expired@northfield.edu', name: 'E', affiliation: ['student'] })
    const before = (await refusalsFor('token')).length
    idp.state.tamper = (token) => idp.resign(token, (claims) => ({ ...claims, iat: claims.iat - 7200, exp: claims.iat - 3600 }))
    const expired = await signInThroughProvider('ex-1')
    idp.state.tamper = (token) => idp.unsigned(token)
    const unsigned = await signInThroughProvider('ex-1')
    idp.state.tamper = null
    for (const response of [expired, unsigned]) {
      expect(response.status).toBe(302)
      expect(response.headers.get('location')).toBe('/sign-in?sso-error=token')
      expect(cookieFrom(response.headers)).toBeNull()
    }
    expect(await refusalsFor('token')).toHaveLength(before + 2)
  })

  it('[sso-oidc] refuses a callback without the flow cookie, or one replayed after use', async () => {
    idp.addAccount({ sub: 'rp-1', email: 'replay@northfield.edu', name: 'R', affiliation: ['student'] })
    let used: URL | null = null
    const first = await signInThroughProvider('rp-1', {
      beforeCallback: (url) => {
        used = url
        return url
      },
    })
    expect(first.headers.get('location')).toBe('/')
    const url = used as unknown as URL
    const noCookie = await t.request('GET', `${url.pathname}${url.search}`)
    expect(noCookie.headers.get('location')).toBe('/sign-in?sso-error=expired-request')
    const garbage = await t.request('GET', `/api/auth/oidc/callback?code=%00%ff&state=${'x'.repeat(600)}`)
    expect(garbage.status).toBeLessThan(500)
  })

  it('[sso-oidc] requires the school sign-in for its own domain: password and e-mailed link refused, outsiders keep links', async () => {
    await t.insertAccount(['student'], { email: 'grace@northfield.edu' })
    const password = await t.request('POST', '/api/auth/sign-in', { body: { email: 'grace@northfield.edu', password: 'correct horse battery staple' } })
    expect(password.status).toBe(403)
    expect(password.json.error.message).toContain('Sign in with Northfield University')
    const link = await t.request('POST', '/api/auth/magic-link', { body: { email: 'grace@northfield.edu' } })
    expect(link.status).toBe(403)
    await t.insertAccount(['mentor'], { email: 'alum@elsewhere.org' })
    expect((await t.request('POST', '/api/auth/magic-link', { body: { email: 'alum@elsewhere.org' } })).status).toBe(202)
  })

  it('[sso-oidc] tells the sign-in page about the button, and the admin the configuration without the secret', async () => {
    const config = await t.request('GET', '/api/auth/sso', { cookie: null })
    expect(config.json).toEqual({ schoolName: 'Northfield University', oidc: true, saml: false, requiredDomains: ['northfield.edu'] })
    const admin = await t.signedInAs(['admin'])
    const page = await t.request('GET', '/api/admin/sso', { cookie: admin.cookie })
    expect(page.status).toBe(200)
    expect(page.json.oidc).toMatchObject({ clientId: 'preceptor', clientSecretSet: true, redirectUri: CALLBACK })
    expect(page.text).not.toContain('test-client-secret')
    for (const roles of [['student'], ['mentor'], ['advisor']] as const) {
      const other = await t.signedInAs([...roles])
      expect((await t.request('GET', '/api/admin/sso', { cookie: other.cookie })).status).toBe(403)
    }
    expect((await t.request('GET', '/api/admin/sso', { cookie: null })).status).toBe(401)
  })
})
