import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import Provider from 'oidc-provider'

/**
 * A real OpenID Connect provider (oidc-provider) on a free loopback port, for the tests only. Its
 * sign-in step is automatic: whoever `nextAccount` names is signed in and consents. `tamper` lets a
 * test replace the ID token the token endpoint returns (expired, unsigned).
 */

export type TestAccount = { sub: string; email: string; name: string; affiliation?: string[]; eppn?: string }

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

export async function startTestOidcProvider(redirectUri: string) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }
  const accounts = new Map<string, TestAccount>()
  const state: { nextAccount: string | null; tamper: ((idToken: string) => string) | null } = { nextAccount: null, tamper: null }

  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const provider = new Provider(issuer, {
    clients: [{ client_id: 'preceptor', client_secret: 'test-client-secret', redirect_uris: [redirectUri], token_endpoint_auth_method: 'client_secret_post' }],
    jwks: { keys: [jwk] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], affiliation: ['eduPersonAffiliation', 'eduPersonPrincipalName'] },
    scopes: ['openid', 'email', 'profile', 'affiliation'],
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id)
      if (!account) return undefined
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: account.email,
          email_verified: true,
          name: account.name,
          ...(account.affiliation ? { eduPersonAffiliation: account.affiliation } : {}),
          ...(account.eppn ? { eduPersonPrincipalName: account.eppn } : {}),
        }),
      }
    },
  })
  // oidc-provider is a Koa app: a post-middleware may rewrite the token endpoint's answer.
  provider.use(async (ctx: any, next: () => Promise<void>) => {
    await next()
    if (ctx.path === '/token' && state.tamper && ctx.body?.id_token) ctx.body = { ...ctx.body, id_token: state.tamper(ctx.body.id_token) }
  })
  const callback = provider.callback()
  server.on('request', async (req, res) => {
    const interaction = /^\/interaction\/([^/?]+)/.exec(req.url ?? '')
    if (!interaction) return callback(req, res)
    // The automatic sign-in and consent, as documented for custom interactions.
    const details = await provider.interactionDetails(req, res)
    const accountId = state.nextAccount as string
    const grant = new provider.Grant({ accountId, clientId: details.params.client_id })
    grant.addOIDCScope(String(details.params.scope))
    const grantId = await grant.save()
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false })
  })

  /** Re-signs a token's payload with the provider's key after `change`: valid signature, changed claims. */
  function resign(idToken: string, change: (claims: Record<string, any>) => Record<string, any>): string {
    const [header, payload] = idToken.split('.')
    const claims = change(JSON.parse(Buffer.from(payload as string, 'base64url').toString()))
    const input = `${header}.${b64(claims)}`
    return `${input}.${sign('sha256', Buffer.from(input), privateKey as KeyObject).toString('base64url')}`
  }

  /** The same claims with `alg: none` and no signature. */
  function unsigned(idToken: string): string {
    const payload = idToken.split('.')[1]
    return `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`
  }

  return {
    issuer,
    state,
    resign,
    unsigned,
    addAccount: (account: TestAccount) => accounts.set(account.sub, account),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
