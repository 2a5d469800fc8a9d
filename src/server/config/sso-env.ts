import { z } from 'zod'
import { ROLES, type Role } from '#shared/enums.ts'
import type { SsoSettings } from '../modules/identity/sso/sso-settings.ts'
import { SSO_PATHS } from '../modules/identity/sso/sso-settings.ts'

/**
 * The single sign-on settings (decisions 031 and 032), read by env.ts. Each is optional; the
 * combinations are checked in `ssoSettingsFrom`, so a half-configured provider stops start-up
 * with a sentence naming what is missing rather than failing at a student's first sign-in.
 */

const domainList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
      .filter(Boolean),
  )
  .refine((domains) => domains.every((d) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(d)), 'List e-mail domains separated by commas, such as school.edu,med.school.edu.')

const httpsUrl = (what: string) =>
  z
    .string()
    .url(`Use the ${what}'s full URL, such as https://login.school.edu.`)
    .refine((url) => url.startsWith('https://') || isLoopbackUrl(url), `The ${what} must use https:// (http:// only on this machine, for testing).`)

export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname
    return host === 'localhost' || host === '127.0.0.1' || host === '[::1]'
  } catch {
    return false
  }
}

const roleMap = z.string().transform((value, ctx) => {
  const map: Record<string, Role[]> = {}
  for (const pair of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [affiliation, role] = pair.split(':').map((s) => s.trim())
    if (!affiliation || !role || !(ROLES as readonly string[]).includes(role) || role === 'admin') {
      ctx.addIssue({
        code: 'custom',
        message: `Write affiliation:role pairs separated by commas, such as student:student,faculty:mentor (roles: student, mentor, advisor; "${pair}" is not one).`,
      })
      return z.NEVER
    }
    map[affiliation.toLowerCase()] = [...(map[affiliation.toLowerCase()] ?? []), role as Role]
  }
  return map
})

export const SsoEnvSchema = {
  /** The school's name on the sign-in button. */
  SSO_SCHOOL_NAME: z.string().max(80, 'Use at most 80 characters.').optional(),
  OIDC_ISSUER: httpsUrl('OpenID Connect issuer').optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z.string().default('openid email profile'),
  SAML_IDP_SSO_URL: httpsUrl('SAML sign-on').optional(),
  SAML_IDP_ISSUER: z.string().optional(),
  /** PEM text of the IdP's signing certificate; several separated by blank lines. */
  SAML_IDP_CERT: z
    .string()
    .refine((pem) => pem.includes('BEGIN CERTIFICATE'), 'Paste the PEM certificate, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.')
    .optional(),
  SAML_SP_ENTITY_ID: z.string().optional(),
  SSO_MATCH_CLAIM: z
    .string()
    .regex(/^[A-Za-z0-9_:.-]+$/, 'Use a claim or attribute name, such as email or eduPersonPrincipalName.')
    .default('email'),
  SSO_MATCH_FIELD: z.enum(['email', 'school-id'], 'Use email or school-id.').default('email'),
  SSO_AFFILIATION_CLAIM: z.string().default('eduPersonAffiliation'),
  SSO_ROLE_MAP: roleMap.default({ student: ['student'], faculty: ['mentor'], staff: ['mentor'] }),
  SSO_JIT_DOMAINS: domainList.default([]),
  SSO_REQUIRED_DOMAINS: domainList.default([]),
  SSO_CLOCK_SKEW_SECONDS: z.coerce.number().int('Use a whole number.').min(0).max(300, 'Allow at most 300 seconds (five minutes).').default(120),
}

const SsoEnvObject = z.object(SsoEnvSchema)
type SsoEnv = z.infer<typeof SsoEnvObject>

/** The settings, or the sentences saying what is missing. */
export function ssoSettingsFrom(env: SsoEnv, appOrigin: string): { settings: SsoSettings | null } | { problems: string[] } {
  const problems: string[] = []
  const oidcAny = env.OIDC_ISSUER || env.OIDC_CLIENT_ID || env.OIDC_CLIENT_SECRET
  const samlAny = env.SAML_IDP_SSO_URL || env.SAML_IDP_ISSUER || env.SAML_IDP_CERT
  if (oidcAny && !(env.OIDC_ISSUER && env.OIDC_CLIENT_ID))
    problems.push('OIDC_ISSUER and OIDC_CLIENT_ID: set both to use OpenID Connect (OIDC_CLIENT_SECRET too if the provider gave one).')
  if (samlAny && !(env.SAML_IDP_SSO_URL && env.SAML_IDP_ISSUER && env.SAML_IDP_CERT))
    problems.push('SAML_IDP_SSO_URL, SAML_IDP_ISSUER and SAML_IDP_CERT: set all three to use SAML (from the identity provider’s metadata).')
  if ((oidcAny || samlAny) && !env.SSO_SCHOOL_NAME) problems.push('SSO_SCHOOL_NAME: the name on the sign-in button, such as "Northfield University".')
  if (!oidcAny && !samlAny && env.SSO_REQUIRED_DOMAINS.length > 0)
    problems.push('SSO_REQUIRED_DOMAINS: requiring single sign-on needs a provider (OIDC_ISSUER or SAML_IDP_SSO_URL).')
  if (problems.length > 0) return { problems }
  if (!oidcAny && !samlAny) return { settings: null }
  return {
    settings: {
      schoolName: env.SSO_SCHOOL_NAME as string,
      oidc:
        env.OIDC_ISSUER && env.OIDC_CLIENT_ID
          ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET ?? null, scopes: env.OIDC_SCOPES }
          : null,
      saml:
        env.SAML_IDP_SSO_URL && env.SAML_IDP_ISSUER && env.SAML_IDP_CERT
          ? {
              idpSsoUrl: env.SAML_IDP_SSO_URL,
              idpIssuer: env.SAML_IDP_ISSUER,
              idpCerts: env.SAML_IDP_CERT.split(/(?<=-----END CERTIFICATE-----)/)
                .map((c) => c.trim())
                .filter(Boolean),
              spEntityId: env.SAML_SP_ENTITY_ID ?? `${appOrigin}${SSO_PATHS.samlMetadata}`,
            }
          : null,
      rules: {
        matchClaim: env.SSO_MATCH_CLAIM,
        matchField: env.SSO_MATCH_FIELD,
        affiliationClaim: env.SSO_AFFILIATION_CLAIM,
        roleMap: env.SSO_ROLE_MAP,
        jitDomains: env.SSO_JIT_DOMAINS,
        requiredDomains: env.SSO_REQUIRED_DOMAINS,
        clockSkewSeconds: env.SSO_CLOCK_SKEW_SECONDS,
      },
    },
  }
}
