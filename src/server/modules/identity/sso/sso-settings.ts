import type { Role } from '#shared/enums.ts'

/** The school's OpenID Connect provider (decision 031). */
export type OidcSettings = {
  issuer: string
  clientId: string
  /** Unset: a public client, protected by PKCE alone. */
  clientSecret: string | null
  scopes: string
}

/** The school's SAML 2.0 identity provider and this service provider's names (decision 032). */
export type SamlSettings = {
  /** Where the browser is sent with the AuthnRequest. */
  idpSsoUrl: string
  /** The IdP's entityID: assertions from any other issuer are refused. */
  idpIssuer: string
  /** The IdP's signing certificate(s), PEM. */
  idpCerts: string[]
  /** This service provider's entityID; the audience every assertion must name. */
  spEntityId: string
}

/** How a signed-in identity becomes a Preceptor account, for either protocol. */
export type SsoAccountRules = {
  /** The claim or attribute whose value identifies the person, e.g. `email` or `eduPersonPrincipalName`. */
  matchClaim: string
  /** Which field of an account that value is compared with. */
  matchField: 'email' | 'school-id'
  /** The claim or attribute holding eduPersonAffiliation values. */
  affiliationClaim: string
  /** Affiliation → roles given to a new account (never applied to an existing one). */
  roleMap: Record<string, Role[]>
  /** E-mail domains for which an unknown person gets an account at first sign-in. */
  jitDomains: string[]
  /** E-mail domains whose people must use single sign-on (no password, no e-mailed link). */
  requiredDomains: string[]
  /** How far the provider's clock may be from ours, in seconds. */
  clockSkewSeconds: number
}

export type SsoSettings = {
  /** The name on the sign-in button: "Sign in with <schoolName>". */
  schoolName: string
  oidc: OidcSettings | null
  saml: SamlSettings | null
  rules: SsoAccountRules
}

/** The stable paths of the routes a provider is configured with. */
export const SSO_PATHS = {
  oidcStart: '/api/auth/oidc/start',
  oidcCallback: '/api/auth/oidc/callback',
  samlStart: '/api/auth/saml/start',
  samlMetadata: '/api/auth/saml/metadata',
  samlAcs: '/api/auth/saml/acs',
} as const

/** The domain of an e-mail address, lower case, or null. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@')
  return at > 0
    ? email
        .slice(at + 1)
        .trim()
        .toLowerCase()
    : null
}

/** Whether people with this address must sign in through the school's provider. */
export function ssoRequiredFor(settings: SsoSettings | null, email: string): boolean {
  const domain = emailDomain(email)
  return Boolean(settings && domain && settings.rules.requiredDomains.includes(domain))
}
