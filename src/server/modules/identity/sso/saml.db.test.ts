import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, personRoles } from '#server/db/schema/index.ts'
import { cookieFrom, createTestApp, TEST_ORIGIN, type TestApp } from '#tests/setup/test-app.ts'
import { type AssertionOptions, type SamlTestUser, samlResponseFrom, startTestSamlIdp } from '#tests/sso/test-saml-idp.ts'
import type { SsoSettings } from './sso-settings.ts'

const SP_ENTITY_ID = `${TEST_ORIGIN}/api/auth/saml/metadata`
const ACS = `${TEST_ORIGIN}/api/auth/saml/acs`
const EPPN = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.6'
const AFFILIATION = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.1'
const MAIL = 'urn:oid:0.9.2342.19200300.100.1.3'
let t: TestApp
let idp: Awaited<ReturnType<typeof startTestSamlIdp>>

beforeAll(async () => {
  idp = await startTestSamlIdp(SP_ENTITY_ID)
  const sso: SsoSettings = {
    schoolName: 'Northfield University',
    oidc: null,
    saml: { idpSsoUrl: idp.ssoUrl, idpIssuer: idp.issuer, idpCerts: [idp.cert], spEntityId: SP_ENTITY_ID },
    rules: {
      // Matched by eduPersonPrincipalName against the school id, as many registrars do.
      matchClaim: 'eduPersonPrincipalName',
      matchField: 'school-id',
      affiliationClaim: 'eduPersonAffiliation',
      roleMap: { student: ['student'], faculty: ['mentor'] },
      jitDomains: ['northfield.edu'],
      requiredDomains: ['northfield.edu'],
      clockSkewSeconds: 60,
    },
  }
  // The real clock: node-saml and the IdP read the time of day, as in production.
  t = await createTestApp({ sso, now: new Date() })
})
afterAll(async () => {
  await t?.close()
  await idp?.close()
})

const person = (eppn: string, email: string, affiliation: string[]): SamlTestUser => ({
  nameId: eppn,
  attributes: { [EPPN]: [eppn], [MAIL]: [email], [AFFILIATION]: affiliation, 'urn:oid:2.16.840.1.113730.3.1.241': ['Test Person'] },
})

/** The browser's round trip: the app's start, the IdP's auto-posting form, the post to the consumer. */
async function signInThroughIdp(user: SamlTestUser, options: AssertionOptions = {}) {
  idp.next(user, options)
  const start = await t.request('GET', '/api/auth/saml/start')
  expect(start.status).toBe(302)
  const location = start.headers.get('location') as string
  expect(location.startsWith(`${idp.ssoUrl}?SAMLRequest=`)).toBe(true)
  const page = await fetch(location)
  expect(page.status).toBe(200)
  const samlResponse = samlResponseFrom(await page.text())
  return { samlResponse, answer: await postAssertion(samlResponse) }
}

/** As the IdP's page posts it: a form, from the IdP's origin. */
function postAssertion(samlResponse: string) {
  return t.request('POST', '/api/auth/saml/acs', {
    origin: idp.origin,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    rawBody: new URLSearchParams({ SAMLResponse: samlResponse }).toString(),
  })
}

async function refusalsFor(reason: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'sso.refused'), eq(auditLog.objectType, 'saml'), eq(auditLog.objectId, reason)))
}

function expectRefused(answer: { status: number; headers: Headers }, reason: string) {
  expect(answer.status).toBe(303)
  expect(answer.headers.get('location')).toBe(`/sign-in?sso-error=${reason}`)
  expect(cookieFrom(answer.headers)).toBeNull()
}

describe('[sso-saml] SAML 2.0 against an identity provider that signs real assertions', () => {
  it('[sso-saml] publishes the service provider metadata at a stable URL', async () => {
    const metadata = await t.request('GET', '/api/auth/saml/metadata', { cookie: null })
    expect(metadata.status).toBe(200)
    expect(metadata.headers.get('content-type')).toContain('application/samlmetadata+xml')
    expect(metadata.text).toContain(`entityID="${SP_ENTITY_ID}"`)
    expect(metadata.text).toContain(`Location="${ACS}"`)
    expect(metadata.text).toContain('WantAssertionsSigned="true"')
  })

  it('[sso-saml] signs in an existing account matched by eduPersonPrincipalName; admin-set roles kept; sign-out', async () => {
    const existing = await t.insertAccount(['advisor'], { email: 'ada@northfield.edu', schoolId: 'ada@northfield.edu' })
    const { answer } = await signInThroughIdp(person('ada@northfield.edu', 'ada@northfield.edu', ['student']))
    expect(answer.status).toBe(303)
    expect(answer.headers.get('location')).toBe('/')
    const cookie = cookieFrom(answer.headers)
    const session = await t.request('GET', '/api/auth/session', { cookie })
    // The affiliation says student; the advisor role an admin gave is what counts.
    expect(session.json.person).toMatchObject({ id: existing.id, roles: ['advisor'] })
    const signIns = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sign-in.saml'), eq(auditLog.objectId, existing.id)))
    expect(signIns).toHaveLength(1)
    expect((await t.request('POST', '/api/auth/sign-out', { cookie })).status).toBe(200)
    expect((await t.request('GET', '/api/auth/session', { cookie })).json.person).toBeNull()
  })

  it('[sso-saml] creates an account at first sign-in for an allowed domain, with the roles of the affiliation', async () => {
    const { answer } = await signInThroughIdp(person('newcomer@northfield.edu', 'Newcomer@Northfield.edu', ['faculty', 'member']))
    expect(answer.headers.get('location')).toBe('/')
    const session = await t.request('GET', '/api/auth/session', { cookie: cookieFrom(answer.headers) })
    expect(session.json.person).toMatchObject({ email: 'newcomer@northfield.edu', roles: ['mentor'] })
    const roles = await t.db.select().from(personRoles).where(eq(personRoles.personId, session.json.person.id))
    expect(roles.map((r) => r.role)).toEqual(['mentor'])
  })

  it('[sso-saml] refuses a tampered assertion (changed after signing), with a page that says why and an audit row', async () => {
    const { answer } = await signInThroughIdp(person('mallory@northfield.edu', 'mallory@northfield.edu', ['student']), {
      afterSigning: (xml) => xml.replace('mallory@northfield.edu</saml:AttributeValue>', 'ada@northfield.edu</saml:AttributeValue>'),
    })
    expectRefused(answer, 'signature')
    expect(await refusalsFor('signature')).toHaveLength(1)
  })

  it('[sso-saml] refuses an assertion with its signature removed', async () => {
    const { answer } = await signInThroughIdp(person('nosig@northfield.edu', 'nosig@northfield.edu', ['student']), {
      afterSigning: (xml) => xml.replace(/<Signature[\s\S]*<\/Signature>/, ''),
    })
    expectRefused(answer, 'signature')
    expect(await refusalsFor('signature')).toHaveLength(2)
  })

  it('[sso-saml] refuses an assertion meant for another service provider (wrong audience)', async () => {
    const { answer } = await signInThroughIdp(person('aud@northfield.edu', 'aud@northfield.edu', ['student']), { audience: 'https://another-app.example.org' })
    expectRefused(answer, 'audience')
    expect(await refusalsFor('audience')).toHaveLength(1)
  })

  it('[sso-saml] refuses an assertion addressed to another consumer (recipient)', async () => {
    const { answer } = await signInThroughIdp(person('rcp@northfield.edu', 'rcp@northfield.edu', ['student']), {
      recipient: 'https://another-app.example.org/acs',
    })
    expectRefused(answer, 'recipient')
    expect(await refusalsFor('recipient')).toHaveLength(1)
  })

  it('[sso-saml] refuses an expired assertion, beyond the allowed clock skew', async () => {
    // Expired 90 seconds ago; the skew allowed is 60.
    const { answer } = await signInThroughIdp(person('exp@northfield.edu', 'exp@northfield.edu', ['student']), { validForSeconds: -90 })
    expectRefused(answer, 'expired')
    expect(await refusalsFor('expired')).toHaveLength(1)
  })

  it('[sso-saml] accepts an assertion just past its end within the clock skew', async () => {
    const { answer } = await signInThroughIdp(person('skew@northfield.edu', 'skew@northfield.edu', ['student']), { validForSeconds: -20 })
    expect(answer.headers.get('location')).toBe('/')
  })

  it('[sso-saml] refuses a replayed assertion, and one answering no request of ours', async () => {
    const { samlResponse, answer } = await signInThroughIdp(person('replay@northfield.edu', 'replay@northfield.edu', ['student']))
    expect(answer.headers.get('location')).toBe('/')
    const again = await postAssertion(samlResponse)
    expectRefused(again, 'replay')
    expect(await refusalsFor('replay')).toHaveLength(1)
    // A well-signed assertion for a request this server never sent (IdP-initiated, or forged InResponseTo).
    const unsolicited = Buffer.from(
      Buffer.from(samlResponse, 'base64')
        .toString()
        .replace(/InResponseTo="[^"]+"/g, 'InResponseTo="_never-sent"'),
    ).toString('base64')
    const refused = await postAssertion(unsolicited)
    expect(refused.status).toBe(303)
    expect(refused.headers.get('location')).toMatch(/^\/sign-in\?sso-error=(expired-request|signature)$/)
  })

  it('[sso-saml] answers garbage with the sign-in page or a 400, never a 500', async () => {
    for (const garbage of [Buffer.from('<not-saml/>').toString('base64'), '%%%', Buffer.from('<a><b').toString('base64')]) {
      const answer = await postAssertion(garbage)
      expect(answer.status).toBe(303)
      expect(answer.headers.get('location')).toMatch(/^\/sign-in\?sso-error=[a-z-]+$/)
    }
    const empty = await t.request('POST', '/api/auth/saml/acs', {
      origin: idp.origin,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      rawBody: '',
    })
    expect(empty.status).toBe(400)
  })

  it('[sso-saml] shows the admin the SP metadata and tests the configuration; other roles may not', async () => {
    const admin = await t.signedInAs(['admin'])
    const page = await t.request('GET', '/api/admin/sso', { cookie: admin.cookie })
    expect(page.status).toBe(200)
    expect(page.json.saml).toMatchObject({ spEntityId: SP_ENTITY_ID, acsUrl: ACS, idpCertificates: 1 })
    expect(page.json.saml.metadataXml).toContain(`entityID="${SP_ENTITY_ID}"`)
    const test = await t.request('POST', '/api/admin/sso/test', { cookie: admin.cookie })
    expect(test.status).toBe(200)
    expect(test.json.checks).toEqual([
      expect.objectContaining({ protocol: 'saml', label: 'Signing certificate', outcome: 'ok' }),
      expect.objectContaining({ protocol: 'saml', label: 'Sign-on address', outcome: 'ok' }),
    ])
    for (const roles of [['student'], ['mentor'], ['advisor']] as const) {
      const other = await t.signedInAs([...roles])
      expect((await t.request('POST', '/api/admin/sso/test', { cookie: other.cookie })).status).toBe(403)
      expect((await t.request('GET', '/api/admin/sso', { cookie: other.cookie })).status).toBe(403)
    }
    expect((await t.request('POST', '/api/admin/sso/test', { cookie: null })).status).toBe(401)
  })
})
