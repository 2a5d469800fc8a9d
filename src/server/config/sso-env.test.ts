import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env.ts'

const OIDC = {
  SSO_SCHOOL_NAME: 'Northfield University',
  OIDC_ISSUER: 'https://login.northfield.edu',
  OIDC_CLIENT_ID: 'preceptor',
  OIDC_CLIENT_SECRET: 's3cret',
}

describe('single sign-on settings', () => {
  it('leave SSO off when nothing is set', () => {
    expect(parseEnv({}).sso).toBeNull()
  })

  it('read an OpenID Connect provider with the account rules', () => {
    const sso = parseEnv({
      ...OIDC,
      SSO_JIT_DOMAINS: 'Northfield.edu, @med.northfield.edu',
      SSO_ROLE_MAP: 'student:student,faculty:mentor',
      SSO_REQUIRED_DOMAINS: 'northfield.edu',
    }).sso
    expect(sso?.oidc).toEqual({ issuer: 'https://login.northfield.edu', clientId: 'preceptor', clientSecret: 's3cret', scopes: 'openid email profile' })
    expect(sso?.rules).toMatchObject({
      jitDomains: ['northfield.edu', 'med.northfield.edu'],
      roleMap: { student: ['student'], faculty: ['mentor'] },
      requiredDomains: ['northfield.edu'],
      clockSkewSeconds: 120,
    })
  })

  it.each([
    [{ OIDC_ISSUER: 'https://login.northfield.edu', SSO_SCHOOL_NAME: 'N' }, 'OIDC_CLIENT_ID'],
    [{ ...OIDC, SSO_SCHOOL_NAME: '' }, 'SSO_SCHOOL_NAME'],
    [{ ...OIDC, OIDC_ISSUER: 'http://login.northfield.edu' }, 'https://'],
    [{ ...OIDC, SSO_ROLE_MAP: 'staff:admin' }, 'affiliation:role'],
    [{ ...OIDC, SSO_JIT_DOMAINS: 'not a domain' }, 'e-mail domains'],
    [{ ...OIDC, SSO_CLOCK_SKEW_SECONDS: '3600' }, '300 seconds'],
    [{ SSO_REQUIRED_DOMAINS: 'northfield.edu' }, 'needs a provider'],
    [{ SAML_IDP_SSO_URL: 'https://idp.northfield.edu/sso', SSO_SCHOOL_NAME: 'N' }, 'SAML_IDP_CERT'],
  ])('stop start-up with a clear message: %o', (env, words) => {
    expect(() => parseEnv(env)).toThrow(EnvError)
    expect(() => parseEnv(env)).toThrow(words)
  })
})
