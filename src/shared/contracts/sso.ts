import { z } from 'zod'
import { ROLES } from '../enums.ts'

/** What the sign-in page needs to show the school's button (decisions 031, 032). */
export const SsoPublicConfig = z.object({
  schoolName: z.string().nullable(),
  oidc: z.boolean(),
  saml: z.boolean(),
  /** E-mail domains whose people must use the school's sign-in. */
  requiredDomains: z.array(z.string()),
})
export type SsoPublicConfig = z.infer<typeof SsoPublicConfig>

/** The single sign-on configuration as the admin page shows it: never a secret. */
export const SsoAdminConfig = z.object({
  configured: z.boolean(),
  schoolName: z.string().nullable(),
  oidc: z.object({ issuer: z.string(), clientId: z.string(), clientSecretSet: z.boolean(), scopes: z.string(), redirectUri: z.string() }).nullable(),
  saml: z
    .object({
      idpSsoUrl: z.string(),
      idpIssuer: z.string(),
      idpCertificates: z.number().int(),
      spEntityId: z.string(),
      metadataUrl: z.string(),
      /** The metadata document itself, to copy into the IdP's configuration. */
      metadataXml: z.string(),
      acsUrl: z.string(),
    })
    .nullable(),
  rules: z
    .object({
      matchClaim: z.string(),
      matchField: z.enum(['email', 'school-id']),
      affiliationClaim: z.string(),
      roleMap: z.array(z.object({ affiliation: z.string(), roles: z.array(z.enum(ROLES)) })),
      jitDomains: z.array(z.string()),
      requiredDomains: z.array(z.string()),
      clockSkewSeconds: z.number().int(),
    })
    .nullable(),
})
export type SsoAdminConfig = z.infer<typeof SsoAdminConfig>

/** The admin page's "Test the configuration": each check and what it found, in plain words. */
export const SsoConfigTest = z.object({
  checks: z.array(
    z.object({
      protocol: z.enum(['oidc', 'saml']),
      label: z.string(),
      outcome: z.enum(['ok', 'warning', 'failed']),
      detail: z.string(),
    }),
  ),
})
export type SsoConfigTest = z.infer<typeof SsoConfigTest>

/** Why a school sign-in ended without a session: the sign-in page reads `?sso-error=` and words it. */
export const SSO_ERROR_MESSAGES: Record<string, string> = {
  state: 'The answer from your school’s sign-in did not belong to this browser’s request, so it was refused. Start again with the button below.',
  nonce: 'The answer from your school’s sign-in did not match the request this browser made, so it was refused. Start again with the button below.',
  token:
    'Your school’s sign-in answered with something that could not be verified (an expired, unsigned or altered token), so it was refused. Start again; if it happens again, tell the Office of Student Affairs.',
  assertion:
    'Your school’s sign-in answered with something that could not be verified (expired, unsigned, altered or meant for another site), so it was refused. Start again; if it happens again, tell the Office of Student Affairs.',
  signature:
    'Your school’s sign-in answered with a message whose signature did not check out (altered, unsigned or signed with another key), so it was refused. Start again; if it happens again, tell the Office of Student Affairs.',
  audience: 'Your school’s sign-in answered with a message meant for another site, so it was refused. Tell the Office of Student Affairs.',
  recipient: 'Your school’s sign-in answered with a message addressed to another page, so it was refused. Tell the Office of Student Affairs.',
  expired: 'Your school’s sign-in answer had expired (or your school’s clock and ours disagree), so it was refused. Start again with the button below.',
  replay: 'That sign-in answer was already used once, so it was refused. Start again with the button below.',
  provider: 'Your school’s sign-in did not let you in (you may have cancelled). Start again with the button below.',
  unavailable: 'Your school’s sign-in could not be reached just now. Try again in a few minutes.',
  'expired-request': 'The sign-in took too long or was started in another browser. Start again with the button below.',
  'missing-claim': 'Your school’s sign-in did not say who you are (an attribute Preceptor needs was missing). Tell the Office of Student Affairs.',
  'no-email': 'Your school’s sign-in did not give an e-mail address, so no account could be found. Tell the Office of Student Affairs.',
  'no-account': 'There is no Preceptor account for you yet. Ask the Office of Student Affairs for an invitation.',
  'no-role': 'Your school’s sign-in worked, but your affiliation does not come with a Preceptor role. Ask the Office of Student Affairs to add you.',
  disabled: 'This account is disabled. Contact the Office of Student Affairs.',
  'not-configured': 'Signing in through your school is not set up here. Use your e-mail instead.',
}
