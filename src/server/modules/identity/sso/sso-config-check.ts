import { X509Certificate } from 'node:crypto'
import { MS_PER_DAY } from '#shared/time.ts'
import type { OidcSettings, SamlSettings } from './sso-settings.ts'

/**
 * The admin page's "Test the configuration": each check the school's IT would do by hand, said in
 * plain words — does the provider answer, is its certificate still good. It reads only what the
 * provider publishes; it never signs anyone in.
 */

export type ConfigCheck = { protocol: 'oidc' | 'saml'; label: string; outcome: 'ok' | 'warning' | 'failed'; detail: string }

/** How long before a certificate expires the page warns. */
const WARN_DAYS = 30
const FETCH_TIMEOUT_MS = 5000

type Fetch = (url: string, init?: RequestInit) => Promise<Response>

async function reach(fetcher: Fetch, url: string): Promise<{ response: Response } | { error: string }> {
  try {
    return { response: await fetcher(url, { redirect: 'manual', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) }) }
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
    return { error: timedOut ? `no answer within ${FETCH_TIMEOUT_MS / 1000} seconds` : 'the address could not be reached (name, network or TLS problem)' }
  }
}

export async function checkOidc(settings: OidcSettings, fetcher: Fetch): Promise<ConfigCheck[]> {
  const label = 'Discovery document'
  const url = `${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
  const reached = await reach(fetcher, url)
  if ('error' in reached) return [{ protocol: 'oidc', label, outcome: 'failed', detail: `${url}: ${reached.error}.` }]
  if (!reached.response.ok) return [{ protocol: 'oidc', label, outcome: 'failed', detail: `${url} answered HTTP ${reached.response.status}.` }]
  let document: Record<string, unknown>
  try {
    document = (await reached.response.json()) as Record<string, unknown>
  } catch {
    return [{ protocol: 'oidc', label, outcome: 'failed', detail: `${url} did not answer with JSON.` }]
  }
  const checks: ConfigCheck[] = []
  const sameIssuer = String(document.issuer ?? '').replace(/\/$/, '') === settings.issuer.replace(/\/$/, '')
  checks.push(
    sameIssuer
      ? { protocol: 'oidc', label, outcome: 'ok', detail: `Found at ${url}; it names the same issuer.` }
      : { protocol: 'oidc', label, outcome: 'failed', detail: `Found, but it names the issuer "${String(document.issuer)}", not OIDC_ISSUER.` },
  )
  const missing = ['authorization_endpoint', 'token_endpoint', 'jwks_uri'].filter((k) => typeof document[k] !== 'string')
  checks.push(
    missing.length === 0
      ? { protocol: 'oidc', label: 'Endpoints', outcome: 'ok', detail: 'The sign-in, token and signing-key addresses are published.' }
      : { protocol: 'oidc', label: 'Endpoints', outcome: 'failed', detail: `The document lacks ${missing.join(', ')}.` },
  )
  if (typeof document.jwks_uri === 'string') {
    const keys = await reach(fetcher, document.jwks_uri)
    let count = 0
    if ('response' in keys && keys.response.ok) count = ((await keys.response.json().catch(() => ({}))) as { keys?: unknown[] }).keys?.length ?? 0
    checks.push(
      count > 0
        ? { protocol: 'oidc', label: 'Signing keys', outcome: 'ok', detail: `${count} key${count === 1 ? '' : 's'} published for checking ID tokens.` }
        : {
            protocol: 'oidc',
            label: 'Signing keys',
            outcome: 'failed',
            detail: 'No signing key could be read from the provider, so no ID token could be checked.',
          },
    )
  }
  return checks
}

/** The IdP certificates' validity, and whether its sign-on address answers at all. */
export async function checkSaml(settings: SamlSettings, fetcher: Fetch, now: Date): Promise<ConfigCheck[]> {
  const checks: ConfigCheck[] = []
  settings.idpCerts.forEach((pem, index) => {
    const label = settings.idpCerts.length > 1 ? `Signing certificate ${index + 1}` : 'Signing certificate'
    let cert: X509Certificate
    try {
      cert = new X509Certificate(pem)
    } catch {
      checks.push({ protocol: 'saml', label, outcome: 'failed', detail: 'SAML_IDP_CERT could not be read as a certificate.' })
      return
    }
    const until = new Date(cert.validTo)
    const days = Math.floor((until.getTime() - now.getTime()) / MS_PER_DAY)
    const subject = cert.subject.replace(/\n/g, ', ')
    if (days < 0) checks.push({ protocol: 'saml', label, outcome: 'failed', detail: `${subject}: expired on ${until.toISOString().slice(0, 10)}.` })
    else if (new Date(cert.validFrom) > now)
      checks.push({ protocol: 'saml', label, outcome: 'failed', detail: `${subject}: not valid before ${cert.validFrom}.` })
    else if (days < WARN_DAYS)
      checks.push({
        protocol: 'saml',
        label,
        outcome: 'warning',
        detail: `${subject}: expires in ${days} days (${until.toISOString().slice(0, 10)}); ask for the next one.`,
      })
    else checks.push({ protocol: 'saml', label, outcome: 'ok', detail: `${subject}: valid until ${until.toISOString().slice(0, 10)}.` })
  })
  const reached = await reach(fetcher, settings.idpSsoUrl)
  // Without a SAMLRequest many IdPs answer 400 or redirect: any answer shows the address is right
  // enough to reach; only no answer or a server error is a failure.
  if ('error' in reached) checks.push({ protocol: 'saml', label: 'Sign-on address', outcome: 'failed', detail: `${settings.idpSsoUrl}: ${reached.error}.` })
  else if (reached.response.status >= 500)
    checks.push({
      protocol: 'saml',
      label: 'Sign-on address',
      outcome: 'failed',
      detail: `${settings.idpSsoUrl} answered HTTP ${reached.response.status} (a server error).`,
    })
  else if (reached.response.status === 404 || reached.response.status === 410)
    checks.push({
      protocol: 'saml',
      label: 'Sign-on address',
      outcome: 'warning',
      detail: `${settings.idpSsoUrl} answers, but says there is no such page (HTTP ${reached.response.status}): check SAML_IDP_SSO_URL against the provider’s metadata.`,
    })
  else checks.push({ protocol: 'saml', label: 'Sign-on address', outcome: 'ok', detail: `${settings.idpSsoUrl} answers (HTTP ${reached.response.status}).` })
  return checks
}
