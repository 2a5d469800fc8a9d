import * as client from 'openid-client'
import { isLoopbackUrl } from '../../../config/sso-env.ts'
import type { OidcSettings } from './sso-settings.ts'

/**
 * The OpenID Connect relying party (decision 031): openid-client does the protocol — discovery,
 * PKCE, the state and nonce comparisons, and the ID token's signature, issuer, audience and times.
 * This file only holds the provider's configuration and says, in one word, why an answer failed.
 */

export type OidcFailure = 'state' | 'nonce' | 'token' | 'provider' | 'unavailable'

export class OidcRefused extends Error {
  constructor(
    readonly reason: OidcFailure,
    cause: unknown,
  ) {
    super(`OpenID Connect sign-in refused: ${reason}`, { cause })
  }
}

/** Which check failed, from openid-client's (oauth4webapi's) error. */
export function classifyOidcError(error: unknown): OidcFailure {
  if (error instanceof client.AuthorizationResponseError) return 'provider'
  // openid-client may wrap oauth4webapi's error; the check that failed is named in the chain.
  let message = ''
  for (let e: unknown = error; e instanceof Error; e = e.cause) message += ` ${e.message}`
  if (/"state"/.test(message)) return 'state'
  if (/"nonce"/.test(message)) return 'nonce'
  if (error instanceof TypeError && /fetch failed/.test(message)) return 'unavailable'
  return 'token'
}

export function createOidcClient(settings: OidcSettings, redirectUri: string, clockSkewSeconds: number) {
  let configuration: Promise<client.Configuration> | null = null

  /** Discovery once, kept; a failure is forgotten so the next sign-in tries again. */
  function config(): Promise<client.Configuration> {
    configuration ??= client.discovery(
      new URL(settings.issuer),
      settings.clientId,
      { redirect_uris: [redirectUri], response_types: ['code'], [client.clockTolerance]: clockSkewSeconds },
      settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
      // Plain http only to a provider on this machine (tests, a developer's laptop).
      isLoopbackUrl(settings.issuer) ? { execute: [client.allowInsecureRequests] } : {},
    )
    configuration.catch(() => {
      configuration = null
    })
    return configuration
  }

  return {
    /** The provider's sign-in URL for a new round trip, and the secrets to keep for its answer. */
    async start(): Promise<{ url: URL; state: string; nonce: string; codeVerifier: string }> {
      let c: client.Configuration
      try {
        c = await config()
      } catch (error) {
        throw new OidcRefused('unavailable', error)
      }
      const codeVerifier = client.randomPKCECodeVerifier()
      const state = client.randomState()
      const nonce = client.randomNonce()
      const url = client.buildAuthorizationUrl(c, {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      return { url, state, nonce, codeVerifier }
    },

    /**
     * Exchanges the code and validates the ID token; returns its claims with the UserInfo
     * endpoint's (many providers put e-mail and affiliation only there).
     */
    async finish(currentUrl: URL, expected: { state: string; nonce: string; codeVerifier: string }): Promise<Record<string, unknown>> {
      try {
        const c = await config()
        const tokens = await client.authorizationCodeGrant(c, currentUrl, {
          pkceCodeVerifier: expected.codeVerifier,
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          idTokenExpected: true,
        })
        const idClaims = tokens.claims()
        if (!idClaims) throw new Error('no ID token')
        const userInfo = c.serverMetadata().userinfo_endpoint ? await client.fetchUserInfo(c, tokens.access_token, idClaims.sub) : {}
        return { ...userInfo, ...idClaims }
      } catch (error) {
        throw new OidcRefused(classifyOidcError(error), error)
      }
    },
  }
}

export type OidcClient = ReturnType<typeof createOidcClient>
