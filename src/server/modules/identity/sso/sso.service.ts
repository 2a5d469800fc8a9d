import type { Clock } from '../../../clock.ts'
import type { RequestMeta } from '../../../http/app-env.ts'
import type { AuditService } from '../../audit/audit.service.ts'
import { readIdentity } from '../domain/sso-identity.ts'
import type { IdentityService, IssuedSession, ProviderRefusal } from '../identity.service.ts'
import { hashSecret, newSecret } from '../tokens.ts'
import { createOidcClient, OidcRefused, type OidcClient, type OidcFailure } from './oidc-client.ts'
import type { SsoRepository } from './sso.repository.ts'
import { SSO_PATHS, type SsoSettings } from './sso-settings.ts'
import { MS_PER_MINUTE } from '#shared/time.ts'

/** How long a person has at the school's sign-in page before the round trip must start again. */
export const SSO_REQUEST_MINUTES = 10

/** Every reason a single sign-on can end without a session; the sign-in page words each one. */
export type SsoRefusal = OidcFailure | ProviderRefusal | 'expired-request' | 'missing-claim' | 'not-configured'

export class SsoRefused extends Error {
  constructor(readonly reason: SsoRefusal) {
    super(`Single sign-on refused: ${reason}`)
  }
}

export type SsoDeps = {
  settings: SsoSettings | null
  appOrigin: string
  repo: SsoRepository
  clock: Clock
  audit: AuditService
  identity: IdentityService
}

/**
 * The single sign-on round trips (decisions 031, 032). Every refusal is audited (`sso.refused`,
 * the protocol and the reason) before the person is sent back to the sign-in page with it.
 */
export function createSsoService(deps: SsoDeps) {
  const { settings, repo, clock, audit } = deps
  const oidc: OidcClient | null = settings?.oidc
    ? createOidcClient(settings.oidc, `${deps.appOrigin}${SSO_PATHS.oidcCallback}`, settings.rules.clockSkewSeconds)
    : null

  async function refuse(protocol: 'oidc' | 'saml', reason: SsoRefusal, meta: RequestMeta): Promise<never> {
    await audit.record({ actorId: null, action: 'sso.refused', objectType: protocol, objectId: reason }, meta)
    throw new SsoRefused(reason)
  }

  async function sessionFor(protocol: 'oidc' | 'saml', claims: Record<string, unknown>, meta: RequestMeta, previousSecret: string | null) {
    if (!settings) return refuse(protocol, 'not-configured', meta)
    const identity = readIdentity(claims, settings.rules)
    if ('missing' in identity) return refuse(protocol, 'missing-claim', meta)
    const result = await deps.identity.signInWithProvider(protocol, identity, meta, previousSecret)
    if ('refused' in result) return refuse(protocol, result.refused, meta)
    return result
  }

  return {
    /** What the sign-in page shows: the school's button, and which domains must use it. */
    publicConfig() {
      return {
        schoolName: settings?.schoolName ?? null,
        oidc: Boolean(oidc),
        saml: Boolean(settings?.saml),
        requiredDomains: settings?.rules.requiredDomains ?? [],
      }
    },

    /** The configuration for the admin page: everything but the client secret. */
    adminConfig() {
      return {
        configured: Boolean(settings),
        schoolName: settings?.schoolName ?? null,
        oidc: settings?.oidc
          ? {
              issuer: settings.oidc.issuer,
              clientId: settings.oidc.clientId,
              clientSecretSet: settings.oidc.clientSecret !== null,
              scopes: settings.oidc.scopes,
              redirectUri: `${deps.appOrigin}${SSO_PATHS.oidcCallback}`,
            }
          : null,
        saml: settings?.saml
          ? {
              idpSsoUrl: settings.saml.idpSsoUrl,
              idpIssuer: settings.saml.idpIssuer,
              idpCertificates: settings.saml.idpCerts.length,
              spEntityId: settings.saml.spEntityId,
              metadataUrl: `${deps.appOrigin}${SSO_PATHS.samlMetadata}`,
              acsUrl: `${deps.appOrigin}${SSO_PATHS.samlAcs}`,
            }
          : null,
        rules: settings
          ? {
              matchClaim: settings.rules.matchClaim,
              matchField: settings.rules.matchField,
              affiliationClaim: settings.rules.affiliationClaim,
              roleMap: Object.entries(settings.rules.roleMap).map(([affiliation, roles]) => ({ affiliation, roles })),
              jitDomains: settings.rules.jitDomains,
              requiredDomains: settings.rules.requiredDomains,
              clockSkewSeconds: settings.rules.clockSkewSeconds,
            }
          : null,
      }
    },

    /**
     * Starts an OpenID Connect round trip: the provider's URL to send the browser to, and the
     * secret for the browser's flow cookie, which alone can find the state, nonce and verifier.
     */
    async startOidc(meta: RequestMeta): Promise<{ url: string; flowSecret: string }> {
      if (!oidc) return refuse('oidc', 'not-configured', meta)
      let started: Awaited<ReturnType<OidcClient['start']>>
      try {
        started = await oidc.start()
      } catch (error) {
        return refuse('oidc', error instanceof OidcRefused ? error.reason : 'unavailable', meta)
      }
      const flowSecret = newSecret()
      const now = clock.now()
      await repo.purgeExpired(now)
      await repo.insertRequest({
        id: hashSecret(flowSecret),
        protocol: 'oidc',
        state: started.state,
        nonce: started.nonce,
        codeVerifier: started.codeVerifier,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SSO_REQUEST_MINUTES * MS_PER_MINUTE),
      })
      return { url: started.url.href, flowSecret }
    },

    /** The provider's answer: validated by openid-client, then the account rules; a session or a refusal. */
    async finishOidc(currentUrl: URL, flowSecret: string | null, meta: RequestMeta, previousSecret: string | null): Promise<IssuedSession> {
      if (!oidc) return refuse('oidc', 'not-configured', meta)
      // The request is claimed once, whatever happens next: an answer cannot be tried twice.
      const request = flowSecret ? await repo.claimRequest(hashSecret(flowSecret), 'oidc', clock.now()) : null
      if (!request?.state || !request.nonce || !request.codeVerifier) return refuse('oidc', 'expired-request', meta)
      let claims: Record<string, unknown>
      try {
        claims = await oidc.finish(currentUrl, { state: request.state, nonce: request.nonce, codeVerifier: request.codeVerifier })
      } catch (error) {
        return refuse('oidc', error instanceof OidcRefused ? error.reason : 'token', meta)
      }
      return sessionFor('oidc', claims, meta, previousSecret)
    },
  }
}

export type SsoService = ReturnType<typeof createSsoService>
