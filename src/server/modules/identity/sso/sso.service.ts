import type { Clock } from '../../../clock.ts'
import type { RequestMeta } from '../../../http/app-env.ts'
import type { AuditService } from '../../audit/audit.service.ts'
import { readIdentity } from '../domain/sso-identity.ts'
import type { IdentityService, IssuedSession, ProviderRefusal } from '../identity.service.ts'
import { hashSecret, newSecret } from '../tokens.ts'
import { createOidcClient, OidcRefused, type OidcClient, type OidcFailure } from './oidc-client.ts'
import type { SsoRepository } from './sso.repository.ts'
import { SSO_PATHS, type SsoSettings } from './sso-settings.ts'
import { createSamlClient, SamlRefused, type SamlAnswer, type SamlClient, type SamlFailure } from './saml-client.ts'
import { checkOidc, checkSaml, type ConfigCheck } from './sso-config-check.ts'
import { MS_PER_MINUTE } from '#shared/time.ts'

/** How long a person has at the school's sign-in page before the round trip must start again. */
export const SSO_REQUEST_MINUTES = 10

/** Every reason a single sign-on can end without a session; the sign-in page words each one. */
export type SsoRefusal = OidcFailure | SamlFailure | ProviderRefusal | 'replay' | 'expired-request' | 'missing-claim' | 'not-configured'

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
  /** How the admin page's configuration test reaches the providers (a test may replace it). */
  fetch?: (url: string, init?: RequestInit) => Promise<Response>
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
  const saml: SamlClient | null = settings?.saml
    ? createSamlClient(settings.saml, `${deps.appOrigin}${SSO_PATHS.samlAcs}`, {
        clockSkewSeconds: settings.rules.clockSkewSeconds,
        requestMinutes: SSO_REQUEST_MINUTES,
        requests: {
          async save(id, issuedAt) {
            const now = clock.now()
            await repo.purgeExpired(now)
            await repo.insertRequest({ id, protocol: 'saml', createdAt: issuedAt, expiresAt: new Date(now.getTime() + SSO_REQUEST_MINUTES * MS_PER_MINUTE) })
          },
          async issuedAt(id) {
            return (await repo.findRequest(id, 'saml', clock.now()))?.createdAt ?? null
          },
        },
      })
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
              metadataXml: saml?.metadata() ?? '',
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

    /** This service provider's metadata (XML), or null when SAML is not set up. */
    samlMetadata(): string | null {
      return saml?.metadata() ?? null
    },

    /** Starts a SAML round trip: the IdP's URL carrying a new AuthnRequest, whose id is stored. */
    async startSaml(meta: RequestMeta): Promise<string> {
      if (!saml) return refuse('saml', 'not-configured', meta)
      try {
        return await saml.start()
      } catch {
        return refuse('saml', 'unavailable', meta)
      }
    },

    /**
     * The assertion consumer: node-saml's checks and ours (recipient), then the replay table and
     * the request, then the account rules. A refusal names the first check that failed.
     */
    async finishSaml(samlResponse: string, meta: RequestMeta, previousSecret: string | null): Promise<IssuedSession> {
      if (!saml) return refuse('saml', 'not-configured', meta)
      let answer: SamlAnswer
      try {
        answer = await saml.finish(samlResponse)
      } catch (error) {
        return refuse('saml', error instanceof SamlRefused ? error.reason : 'assertion', meta)
      }
      // The same assertion twice, or a second assertion answering one request: both are replays.
      if (!(await repo.markAssertionSeen(answer.assertionKey, answer.validUntil))) return refuse('saml', 'replay', meta)
      if (!(await repo.answerSamlRequest(answer.inResponseTo, clock.now()))) return refuse('saml', 'replay', meta)
      return sessionFor('saml', answer.claims, meta, previousSecret)
    },

    /** The admin page's "Test the configuration": what the providers publish, checked. */
    async testConfiguration(): Promise<{ checks: ConfigCheck[] }> {
      const fetcher = deps.fetch ?? ((url: string, init?: RequestInit) => fetch(url, init))
      const checks: ConfigCheck[] = []
      if (settings?.oidc) checks.push(...(await checkOidc(settings.oidc, fetcher)))
      if (settings?.saml) checks.push(...(await checkSaml(settings.saml, fetcher, clock.now())))
      return { checks }
    },
  }
}

export type SsoService = ReturnType<typeof createSsoService>
