import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { SsoAdminConfig, SsoConfigTest, SsoPublicConfig } from '#shared/contracts/sso.ts'
import { AppError } from '#shared/errors.ts'
import type { AppEnv } from '../../../http/app-env.ts'
import { jsonResponse } from '../../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../../http/route.ts'
import { readSessionSecret, writeSessionCookie } from '../../../http/session-cookie.ts'
import { SSO_PATHS } from './sso-settings.ts'
import { SSO_REQUEST_MINUTES, SsoRefused } from './sso.service.ts'

/**
 * The single sign-on routes. The browser is sent here and away by redirects, so a refusal is a
 * redirect too: to the sign-in page with `?sso-error=<reason>`, which words it.
 */

/** Holds the secret of an OpenID Connect round trip; only the callback path receives it. */
const FLOW_COOKIE = 'preceptor_sso'

const redirectTo = (description: string) => ({ 302: { description, headers: z.object({ location: z.string() }) } })

export function ssoRoutes(options: { secureCookies: boolean }) {
  const router = createRouter()

  function refusedTo(c: Context<AppEnv>, error: unknown) {
    if (!(error instanceof SsoRefused)) throw error
    return c.redirect(`/sign-in?sso-error=${encodeURIComponent(error.reason)}`, 302)
  }

  router.openapi(
    guardedRoute('public', {
      method: 'get',
      path: '/api/auth/sso',
      tags: ['identity'],
      summary: 'Whether the school’s single sign-on is set up, for the sign-in page’s button',
      responses: { 200: jsonResponse(SsoPublicConfig, 'The school’s name and which protocols are on.') },
    }),
    (c) => c.json(c.var.services.sso.publicConfig(), 200),
  )

  router.openapi(
    guardedRoute('public', {
      method: 'get',
      path: SSO_PATHS.oidcStart,
      tags: ['identity'],
      summary: 'Start signing in with the school’s OpenID Connect provider (redirects there)',
      responses: redirectTo('To the provider’s sign-in page, or back to the sign-in page with `sso-error` when it is not set up.'),
    }),
    async (c) => {
      try {
        const { url, flowSecret } = await c.var.services.sso.startOidc(requestMeta(c))
        // SameSite=Lax: the provider's redirect back is a top-level GET, which carries it.
        setCookie(c, FLOW_COOKIE, flowSecret, {
          httpOnly: true,
          sameSite: 'Lax',
          secure: options.secureCookies,
          path: SSO_PATHS.oidcCallback,
          maxAge: SSO_REQUEST_MINUTES * 60,
        })
        return c.redirect(url, 302)
      } catch (error) {
        return refusedTo(c, error)
      }
    },
  )

  router.openapi(
    guardedRoute('public', {
      method: 'get',
      path: SSO_PATHS.oidcCallback,
      tags: ['identity'],
      summary: 'Where the OpenID Connect provider sends the browser back (code, state)',
      description:
        'Checks the flow cookie, state, PKCE verifier, nonce and the ID token (signature, issuer, audience, times), then starts a session. Any failure is audited and sent to the sign-in page.',
      request: { query: z.object({ code: z.string().max(2000).optional(), state: z.string().max(500).optional() }).passthrough() },
      responses: redirectTo('Signed in (to the home page), or to the sign-in page with `sso-error`.'),
    }),
    async (c) => {
      const flowSecret = getCookie(c, FLOW_COOKIE) ?? null
      deleteCookie(c, FLOW_COOKIE, { path: SSO_PATHS.oidcCallback, secure: options.secureCookies })
      try {
        const issued = await c.var.services.sso.finishOidc(new URL(c.req.url), flowSecret, requestMeta(c), readSessionSecret(c))
        writeSessionCookie(c, issued.secret, new Date(issued.response.expiresAt), options.secureCookies)
        return c.redirect('/', 302)
      } catch (error) {
        return refusedTo(c, error)
      }
    },
  )

  router.openapi(
    guardedRoute('public', {
      method: 'get',
      path: SSO_PATHS.samlMetadata,
      tags: ['identity'],
      summary: 'This service provider’s SAML metadata (entityID, assertion consumer), for the school’s identity provider',
      description: 'A stable URL: the school’s IdP administrators load it once. Its address is also the default entityID.',
      responses: {
        200: { description: 'The SAML 2.0 metadata document.', content: { 'application/samlmetadata+xml': { schema: z.string() } } },
      },
    }),
    (c) => {
      const xml = c.var.services.sso.samlMetadata()
      if (xml === null) throw new AppError('NOT_FOUND', 'SAML single sign-on is not set up on this server.')
      return c.body(xml, 200, { 'content-type': 'application/samlmetadata+xml; charset=utf-8' })
    },
  )

  router.openapi(
    guardedRoute('public', {
      method: 'get',
      path: SSO_PATHS.samlStart,
      tags: ['identity'],
      summary: 'Start signing in with the school’s SAML identity provider (redirects there with an AuthnRequest)',
      responses: redirectTo('To the identity provider, or back to the sign-in page with `sso-error` when it is not set up.'),
    }),
    async (c) => {
      try {
        return c.redirect(await c.var.services.sso.startSaml(requestMeta(c)), 302)
      } catch (error) {
        return refusedTo(c, error)
      }
    },
  )

  router.openapi(
    guardedRoute('public', {
      method: 'post',
      path: SSO_PATHS.samlAcs,
      tags: ['identity'],
      summary: 'The SAML assertion consumer: the identity provider’s page posts the signed answer here',
      description:
        'Exempt from the Origin check (the IdP’s page posts it). Requires a signed assertion from the configured issuer, for this audience and recipient, within its validity (clock skew bounded), answering a request this server made, never used before. Any failure is audited and sent to the sign-in page.',
      request: {
        body: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: z.object({ SAMLResponse: z.string().min(1).max(1_000_000), RelayState: z.string().max(1000).optional() }),
            },
          },
        },
      },
      responses: redirectTo('Signed in (to the home page), or to the sign-in page with `sso-error`.'),
    }),
    async (c) => {
      const { SAMLResponse } = c.req.valid('form')
      try {
        const issued = await c.var.services.sso.finishSaml(SAMLResponse, requestMeta(c), readSessionSecret(c))
        writeSessionCookie(c, issued.secret, new Date(issued.response.expiresAt), options.secureCookies)
        // 303: the browser follows a POST's answer with a GET.
        return c.redirect('/', 303)
      } catch (error) {
        if (!(error instanceof SsoRefused)) throw error
        return c.redirect(`/sign-in?sso-error=${encodeURIComponent(error.reason)}`, 303)
      }
    },
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'post',
      path: '/api/admin/sso/test',
      tags: ['admin'],
      summary: 'Test the single sign-on configuration: reach the providers and check what they publish',
      responses: { 200: jsonResponse(SsoConfigTest, 'Each check and what it found.') },
    }),
    async (c) => c.json(await c.var.services.sso.testConfiguration(), 200),
  )

  router.openapi(
    guardedRoute(['admin'], {
      method: 'get',
      path: '/api/admin/sso',
      tags: ['admin'],
      summary: 'The single sign-on configuration (no secrets) and the URLs to give the school’s identity provider',
      responses: { 200: jsonResponse(SsoAdminConfig, 'The configuration.') },
    }),
    (c) => c.json(c.var.services.sso.adminConfig(), 200),
  )

  return router
}
