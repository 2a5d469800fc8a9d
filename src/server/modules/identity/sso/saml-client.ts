import { type CacheProvider, type Profile, SAML, SamlStatusError, ValidateInResponseTo } from '@node-saml/node-saml'
import { DOMParser } from '@xmldom/xmldom'
import type { SamlSettings } from './sso-settings.ts'

/**
 * The SAML 2.0 service provider (decision 032): @node-saml/node-saml checks the XML signature on
 * the assertion, the issuer, the audience, the validity window (with the bounded clock skew) and
 * InResponseTo against the AuthnRequests this server sent. node-saml does not compare the
 * Recipient and the Destination with our assertion consumer URL, so this file does, and it says
 * in one word why an answer failed, for the audit row and the sign-in page.
 */

export type SamlFailure = 'signature' | 'audience' | 'recipient' | 'expired' | 'expired-request' | 'provider' | 'assertion'

export class SamlRefused extends Error {
  constructor(
    readonly reason: SamlFailure,
    cause?: unknown,
  ) {
    super(`SAML sign-in refused: ${reason}`, { cause })
  }
}

/** Which check failed, from node-saml's error message (it throws plain Errors). */
export function classifySamlError(error: unknown): SamlFailure {
  if (error instanceof SamlRefused) return error.reason
  if (error instanceof SamlStatusError) return 'provider'
  const message = error instanceof Error ? error.message : String(error)
  if (/InResponseTo/i.test(message)) return 'expired-request'
  if (/signature|not signed|unsigned/i.test(message)) return 'signature'
  if (/audience/i.test(message)) return 'audience'
  if (/expired|NotOnOrAfter|NotBefore|not yet valid|subject confirmation/i.test(message)) return 'expired'
  return 'assertion'
}

/** What a validated assertion says: the attributes, and what the replay table keeps. */
export type SamlAnswer = {
  claims: Record<string, unknown>
  /** `issuer assertion-id`: one row of sso_seen_assertions. */
  assertionKey: string
  /** The AuthnRequest this answers. */
  inResponseTo: string
  /** When the assertion stops being valid: how long its id must be remembered. */
  validUntil: Date
}

/** The AuthnRequest ids this server sent and is waiting for, kept in sso_requests. */
export type SamlRequestStore = {
  save(id: string, issuedAt: Date): Promise<void>
  /** When the request was sent, or null when it is unknown or expired. */
  issuedAt(id: string): Promise<Date | null>
}

const SAML_NS = 'urn:oasis:names:tc:SAML:2.0:assertion'
const SAMLP_NS = 'urn:oasis:names:tc:SAML:2.0:protocol'

/** Reads attributes of the (already verified) assertion and of the response around it. */
function parse(xml: string) {
  // xmldom reports errors through a callback; a malformed document is refused, never half read.
  return new DOMParser({
    errorHandler: {
      warning: () => {},
      error: (message: string) => {
        throw new SamlRefused('assertion', message)
      },
      fatalError: (message: string) => {
        throw new SamlRefused('assertion', message)
      },
    },
  }).parseFromString(xml, 'text/xml')
}

function attributeOf(element: Element | undefined | null, name: string): string | null {
  const value = element?.getAttribute(name)
  return value ? value : null
}

/** The checks node-saml leaves to its caller, on the signed assertion and the response. */
export function checkAddressedToUs(assertionXml: string, responseXml: string, acsUrl: string): { assertionId: string; validUntil: Date } {
  const assertion = parse(assertionXml).documentElement
  const assertionId = attributeOf(assertion, 'ID')
  if (!assertion || !assertionId) throw new SamlRefused('assertion', 'assertion without ID')
  const confirmations = Array.from(assertion.getElementsByTagNameNS(SAML_NS, 'SubjectConfirmationData'))
  // The Web SSO profile requires a bearer confirmation naming the consumer it was sent to.
  if (confirmations.length === 0 || !confirmations.some((data) => attributeOf(data, 'Recipient') === acsUrl)) {
    throw new SamlRefused('recipient', 'Recipient is not this assertion consumer')
  }
  const response = parse(responseXml).documentElement
  if (response?.namespaceURI === SAMLP_NS && response.localName === 'Response') {
    const destination = attributeOf(response, 'Destination')
    if (destination !== null && destination !== acsUrl) throw new SamlRefused('recipient', 'Destination is not this assertion consumer')
  }
  const ends = [
    ...Array.from(assertion.getElementsByTagNameNS(SAML_NS, 'Conditions')).map((c) => attributeOf(c, 'NotOnOrAfter')),
    ...confirmations.map((c) => attributeOf(c, 'NotOnOrAfter')),
  ]
    .filter((v): v is string => v !== null)
    .map((v) => new Date(v).getTime())
    .filter((ms) => Number.isFinite(ms))
  // Kept until the latest moment any part of the assertion could still be accepted.
  const validUntil = new Date(ends.length > 0 ? Math.max(...ends) : Date.now() + 60 * 60 * 1000)
  return { assertionId, validUntil }
}

export function createSamlClient(
  settings: SamlSettings,
  acsUrl: string,
  options: { clockSkewSeconds: number; requestMinutes: number; requests: SamlRequestStore },
) {
  // node-saml's cache of request ids, backed by the database so any server process can answer.
  const cacheProvider: CacheProvider = {
    async saveAsync(key, value) {
      await options.requests.save(key, new Date(value))
      return { value, createdAt: Date.now() }
    },
    async getAsync(key) {
      const at = await options.requests.issuedAt(key)
      return at ? at.toISOString() : null
    },
    // The service claims the request itself after every check has passed, so that a replayed
    // assertion still finds its request and is named a replay rather than a late answer.
    async removeAsync(key) {
      return key
    },
  }

  const saml = new SAML({
    entryPoint: settings.idpSsoUrl,
    issuer: settings.spEntityId,
    callbackUrl: acsUrl,
    idpIssuer: settings.idpIssuer,
    idpCert: settings.idpCerts,
    audience: settings.spEntityId,
    wantAssertionsSigned: true,
    // Many identity providers sign only the assertion; that signature is the one required.
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: options.clockSkewSeconds * 1000,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: options.requestMinutes * 60 * 1000,
    cacheProvider,
    // Ask for no particular NameID format or authentication method: the school's IdP decides
    // (a RequestedAuthnContext of "password" would refuse people who sign in with a security key).
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    signatureAlgorithm: 'sha256',
  })

  return {
    /** This service provider's metadata, for the school's IdP administrators. */
    metadata(): string {
      return saml.generateServiceProviderMetadata(null, null)
    },

    /** The IdP's URL with a new AuthnRequest (HTTP-Redirect binding); its id is stored by node-saml. */
    async start(): Promise<string> {
      return saml.getAuthorizeUrlAsync('', undefined, {})
    },

    /** Validates the posted SAMLResponse; the attributes and what the replay check needs. */
    async finish(samlResponse: string): Promise<SamlAnswer> {
      let profile: Profile | null
      try {
        ;({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse }))
      } catch (error) {
        throw new SamlRefused(classifySamlError(error), error)
      }
      if (!profile?.getAssertionXml || !profile.getSamlResponseXml) throw new SamlRefused('assertion', 'no assertion')
      const inResponseTo = typeof profile.inResponseTo === 'string' ? profile.inResponseTo : null
      if (!inResponseTo) throw new SamlRefused('expired-request', 'no InResponseTo')
      const { assertionId, validUntil } = checkAddressedToUs(profile.getAssertionXml(), profile.getSamlResponseXml(), acsUrl)
      const attributes = (profile.attributes ?? {}) as Record<string, unknown>
      return {
        claims: { ...attributes, nameID: profile.nameID, ...(profile.email ? { email: profile.email } : {}) },
        assertionKey: `${profile.issuer} ${assertionId}`,
        inResponseTo,
        validUntil,
      }
    },
  }
}

export type SamlClient = ReturnType<typeof createSamlClient>
