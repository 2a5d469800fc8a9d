import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inflateRawSync } from 'node:zlib'
import { SignedXml } from 'xml-crypto'

/**
 * A SAML 2.0 identity provider on a free loopback port, for the tests only. Its sign-on address
 * takes the AuthnRequest (HTTP-Redirect binding) and answers with the auto-posting form a real IdP
 * sends, carrying a Response whose assertion is signed with xml-crypto and the test key in
 * `fixtures/` (a self-signed pair made for these tests). `next` says who signs in and lets a test
 * change the assertion before or after it is signed.
 */

const FIXTURES = new URL('./fixtures/', import.meta.url)
export const TEST_IDP_KEY = readFileSync(new URL('idp-key.pem', FIXTURES), 'utf8')
export const TEST_IDP_CERT = readFileSync(new URL('idp-cert.pem', FIXTURES), 'utf8')

export type SamlTestUser = { nameId: string; attributes: Record<string, string[]> }

export type AssertionOptions = {
  /** Defaults to the AuthnRequest's AssertionConsumerServiceURL. */
  recipient?: string
  audience?: string
  /** Seconds from now; negative for an assertion already expired. */
  validForSeconds?: number
  /** Changes the signed XML afterwards (the signature then no longer matches). */
  afterSigning?: (xml: string) => string
}

const xmlEscape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export async function startTestSamlIdp(spEntityId: string) {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const issuer = `${origin}/idp`
  const state: { user: SamlTestUser | null; options: AssertionOptions } = { user: null, options: {} }

  /** A Response to `requestId` with one assertion signed by the test key. */
  function signedResponse(requestId: string, acsUrl: string, user: SamlTestUser, options: AssertionOptions): string {
    const now = new Date()
    const until = new Date(now.getTime() + (options.validForSeconds ?? 300) * 1000)
    const notBefore = new Date(Math.min(now.getTime(), until.getTime()) - 60_000)
    const at = (d: Date) => d.toISOString()
    const recipient = options.recipient ?? acsUrl
    const attributes = Object.entries(user.attributes)
      .map(
        ([name, values]) =>
          `<saml:Attribute Name="${xmlEscape(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${values
            .map(
              (v) =>
                `<saml:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">${xmlEscape(v)}</saml:AttributeValue>`,
            )
            .join('')}</saml:Attribute>`,
      )
      .join('')
    const assertionId = `_a${randomUUID().replace(/-/g, '')}`
    const assertion =
      `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${at(now)}">` +
      `<saml:Issuer>${issuer}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">${xmlEscape(user.nameId)}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${requestId}" NotOnOrAfter="${at(until)}" Recipient="${xmlEscape(recipient)}"/></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${at(notBefore)}" NotOnOrAfter="${at(until)}"><saml:AudienceRestriction><saml:Audience>${xmlEscape(options.audience ?? spEntityId)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${at(now)}" SessionIndex="${assertionId}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
      `</saml:Assertion>`
    const response =
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomUUID().replace(/-/g, '')}" Version="2.0" IssueInstant="${at(now)}" Destination="${xmlEscape(acsUrl)}" InResponseTo="${requestId}">` +
      `<saml:Issuer>${issuer}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
      `${assertion}</samlp:Response>`
    // The signature goes inside the assertion, after its Issuer, as the schema requires.
    const signer = new SignedXml({ privateKey: TEST_IDP_KEY, publicCert: TEST_IDP_CERT })
    signer.addReference({
      xpath: "//*[local-name(.)='Assertion']",
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
      transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    })
    signer.canonicalizationAlgorithm = 'http://www.w3.org/2001/10/xml-exc-c14n#'
    signer.signatureAlgorithm = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'
    signer.computeSignature(response, { location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' } })
    const signed = signer.getSignedXml()
    return options.afterSigning ? options.afterSigning(signed) : signed
  }

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname !== '/sso') {
      res.writeHead(404).end()
      return
    }
    const encoded = url.searchParams.get('SAMLRequest')
    if (!encoded || !state.user) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('No SAMLRequest, or no one to sign in.')
      return
    }
    const request = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8')
    const requestId = /\sID="([^"]+)"/.exec(request)?.[1] as string
    const acsUrl = /AssertionConsumerServiceURL="([^"]+)"/.exec(request)?.[1] as string
    const xml = signedResponse(requestId, acsUrl.replace(/&amp;/g, '&'), state.user, state.options)
    const samlResponse = Buffer.from(xml).toString('base64')
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(
      `<!doctype html><form method="post" action="${xmlEscape(acsUrl)}"><input type="hidden" name="SAMLResponse" value="${samlResponse}"><button>Continue</button></form>`,
    )
  })

  return {
    origin,
    issuer,
    ssoUrl: `${origin}/sso`,
    cert: TEST_IDP_CERT,
    /** Who the next sign-in is, and how its assertion is made. */
    next(user: SamlTestUser, options: AssertionOptions = {}) {
      state.user = user
      state.options = options
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The SAMLResponse field of the IdP's auto-posting form. */
export function samlResponseFrom(html: string): string {
  const value = /name="SAMLResponse" value="([^"]+)"/.exec(html)?.[1]
  if (!value) throw new Error(`No SAMLResponse in the identity provider's page: ${html.slice(0, 200)}`)
  return value
}
