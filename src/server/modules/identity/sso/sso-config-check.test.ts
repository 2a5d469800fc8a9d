import { describe, expect, it } from 'vitest'
import { TEST_IDP_CERT } from '#tests/sso/test-saml-idp.ts'
import { checkOidc, checkSaml } from './sso-config-check.ts'

const saml = {
  idpSsoUrl: 'https://idp.school.edu/sso',
  idpIssuer: 'https://idp.school.edu',
  idpCerts: [TEST_IDP_CERT],
  spEntityId: 'https://preceptor.school.edu',
}
const oidc = { issuer: 'https://login.school.edu', clientId: 'preceptor', clientSecret: null, scopes: 'openid' }
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const unreachable = async (): Promise<Response> => {
  throw new TypeError('fetch failed')
}

describe('the admin page’s configuration test', () => {
  it('says plainly when the SAML sign-on address cannot be reached, is a 404, or the certificate has expired', async () => {
    const down = await checkSaml(saml, unreachable, new Date())
    expect(down.find((c) => c.label === 'Sign-on address')).toMatchObject({ outcome: 'failed', detail: expect.stringContaining('could not be reached') })
    const missing = await checkSaml(saml, async () => new Response('', { status: 404 }), new Date())
    expect(missing.find((c) => c.label === 'Sign-on address')).toMatchObject({ outcome: 'warning', detail: expect.stringContaining('SAML_IDP_SSO_URL') })
    const later = await checkSaml(saml, async () => new Response('', { status: 400 }), new Date('2200-01-01T00:00:00Z'))
    expect(later.find((c) => c.label === 'Signing certificate')).toMatchObject({ outcome: 'failed', detail: expect.stringContaining('expired on') })
    expect(later.find((c) => c.label === 'Sign-on address')?.outcome).toBe('ok')
    const garbled = await checkSaml(
      { ...saml, idpCerts: ['-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----'] },
      async () => new Response(''),
      new Date(),
    )
    expect(garbled[0]).toMatchObject({ outcome: 'failed', detail: 'SAML_IDP_CERT could not be read as a certificate.' })
  })

  it('checks the OpenID Connect discovery document, its issuer and its signing keys', async () => {
    const good = await checkOidc(oidc, async (url) =>
      url.endsWith('/jwks')
        ? json({ keys: [{ kty: 'RSA' }] })
        : json({ issuer: 'https://login.school.edu', authorization_endpoint: 'a', token_endpoint: 't', jwks_uri: 'https://login.school.edu/jwks' }),
    )
    expect(good.map((c) => c.outcome)).toEqual(['ok', 'ok', 'ok'])
    const other = await checkOidc(oidc, async () => json({ issuer: 'https://elsewhere.edu' }))
    expect(other[0]).toMatchObject({ outcome: 'failed', detail: expect.stringContaining('not OIDC_ISSUER') })
    expect(other[1]).toMatchObject({ outcome: 'failed', detail: expect.stringContaining('authorization_endpoint') })
    expect((await checkOidc(oidc, async () => json({}, 503)))[0]).toMatchObject({ outcome: 'failed', detail: expect.stringContaining('HTTP 503') })
    expect((await checkOidc(oidc, unreachable))[0]?.outcome).toBe('failed')
  })
})
