import {
  AcceptedResponse,
  AcceptInviteRequest,
  ChangePasswordRequest,
  CompletePasswordResetRequest,
  DemoAccountsResponse,
  EmailOnlyRequest,
  ClockPreferences,
  SessionResponse,
  SessionStateResponse,
  SignInRequest,
  TokenRequest,
} from '#shared/contracts/identity.ts'
import { OkResponse } from '#shared/contracts/common.ts'
import { actorOf } from '../../http/access.ts'
import { jsonBody, jsonResponse } from '../../http/params.ts'
import { createRouter, guardedRoute, requestMeta } from '../../http/route.ts'
import { clearSessionCookie, readSessionSecret, writeSessionCookie } from '../../http/session-cookie.ts'
import type { IssuedSession } from './identity.service.ts'

const CHECK_EMAIL = 'If that address has an account, an e-mail with a link is on its way. It can take a minute.'

export function identityRoutes(options: { secureCookies: boolean; demoAccounts: () => DemoAccountsResponse | null }) {
  const router = createRouter()

  function startSession(c: Parameters<Parameters<typeof router.openapi>[1]>[0], issued: IssuedSession) {
    writeSessionCookie(c, issued.secret, new Date(issued.response.expiresAt), options.secureCookies)
    return issued.response
  }

  router.openapi(
    guardedRoute('public', {
      method: 'get',
      path: '/api/demo-accounts',
      tags: ['identity'],
      summary: 'Demo accounts to try, one per role (null outside demo mode)',
      responses: { 200: jsonResponse(DemoAccountsResponse, 'The demo accounts, or `accounts: null` when this is not a demo.') },
    }),
    // Every sign-in page asks; on a school's own install a 404 would log an error in each visitor's console.
    (c) => c.json(options.demoAccounts() ?? { accounts: null }, 200),
  )

  router.openapi(
    guardedRoute('public', {
      method: 'post',
      path: '/api/auth/sign-in',
      tags: ['identity'],
      summary: 'Sign in with e-mail and password',
      request: { body: jsonBody(SignInRequest) },
      responses: { 200: jsonResponse(SessionResponse, 'Signed in; the session cookie is set.') },
    }),
    async (c) => {
      const issued = await c.var.services.identity.signIn(c.req.valid('json'), requestMeta(c), readSessionSecret(c))
      return c.json(startSession(c, issued), 200)
    },
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/auth/sign-out',
      tags: ['identity'],
      summary: 'Sign out (ends this session)',
      responses: { 200: jsonResponse(OkResponse, 'Signed out.') },
    }),
    async (c) => {
      await c.var.services.identity.signOut(actorOf(c), requestMeta(c))
      clearSessionCookie(c, options.secureCookies)
      return c.json({ ok: true as const }, 200)
    },
  )

  router.openapi(
    guardedRoute('public', {
      method: 'get',
      path: '/api/auth/session',
      tags: ['identity'],
      summary: 'The signed-in person and their roles, or { person: null } when signed out',
      responses: { 200: jsonResponse(SessionStateResponse, 'The session, or { person: null } for a visitor who is not signed in.') },
    }),
    // Being signed out is an answer, not an error: a visitor's first page load logs nothing red.
    async (c) => c.json(c.var.actor ? await c.var.services.identity.sessionResponse(c.var.actor) : { person: null }, 200),
  )

  router.openapi(
    guardedRoute('public', {
      method: 'post',
      path: '/api/auth/magic-link',
      tags: ['identity'],
      summary: 'E-mail a one-time sign-in link',
      request: { body: jsonBody(EmailOnlyRequest) },
      responses: { 202: jsonResponse(AcceptedResponse, 'Accepted; the answer is the same whether or not the address has an account.') },
    }),
    async (c) => {
      await c.var.services.identity.requestMagicLink(c.req.valid('json').email, requestMeta(c))
      return c.json({ accepted: true as const, message: CHECK_EMAIL }, 202)
    },
  )

  router.openapi(
    guardedRoute('public', {
      method: 'post',
      path: '/api/auth/magic-link/consume',
      tags: ['identity'],
      summary: 'Sign in with the token of an e-mailed link',
      request: { body: jsonBody(TokenRequest) },
      responses: { 200: jsonResponse(SessionResponse, 'Signed in.') },
    }),
    async (c) => {
      const issued = await c.var.services.identity.consumeMagicLink(c.req.valid('json').token, requestMeta(c), readSessionSecret(c))
      return c.json(startSession(c, issued), 200)
    },
  )

  router.openapi(
    guardedRoute('public', {
      method: 'post',
      path: '/api/auth/password-reset',
      tags: ['identity'],
      summary: 'E-mail a password reset link',
      request: { body: jsonBody(EmailOnlyRequest) },
      responses: { 202: jsonResponse(AcceptedResponse, 'Accepted; the same answer whether or not the address has an account.') },
    }),
    async (c) => {
      await c.var.services.identity.requestPasswordReset(c.req.valid('json').email, requestMeta(c))
      return c.json({ accepted: true as const, message: CHECK_EMAIL }, 202)
    },
  )

  router.openapi(
    guardedRoute('public', {
      method: 'post',
      path: '/api/auth/password-reset/complete',
      tags: ['identity'],
      summary: 'Set a new password with the token of a reset link; ends every other session',
      request: { body: jsonBody(CompletePasswordResetRequest) },
      responses: { 200: jsonResponse(SessionResponse, 'Password set and signed in.') },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const issued = await c.var.services.identity.completePasswordReset(input.token, input.password, requestMeta(c), readSessionSecret(c))
      return c.json(startSession(c, issued), 200)
    },
  )

  router.openapi(
    guardedRoute('public', {
      method: 'post',
      path: '/api/auth/invite/accept',
      tags: ['identity'],
      summary: 'Accept an invitation: set a password and sign in',
      request: { body: jsonBody(AcceptInviteRequest) },
      responses: { 200: jsonResponse(SessionResponse, 'Welcome; signed in.') },
    }),
    async (c) => {
      const input = c.req.valid('json')
      const issued = await c.var.services.identity.acceptInvite(input.token, input.password, requestMeta(c), readSessionSecret(c))
      return c.json(startSession(c, issued), 200)
    },
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'post',
      path: '/api/auth/change-password',
      tags: ['identity'],
      summary: 'Change my password; signs out my other sessions',
      request: { body: jsonBody(ChangePasswordRequest) },
      responses: { 200: jsonResponse(OkResponse, 'Changed.') },
    }),
    async (c) => {
      await c.var.services.identity.changePassword(actorOf(c), c.req.valid('json'), requestMeta(c))
      return c.json({ ok: true as const }, 200)
    },
  )

  router.openapi(
    guardedRoute('signed-in', {
      method: 'put',
      path: '/api/auth/clock',
      tags: ['identity'],
      summary: 'How I read times (zone, 12- or 24-hour clock), on pages and in e-mails',
      request: { body: jsonBody(ClockPreferences) },
      responses: { 200: jsonResponse(ClockPreferences, 'Saved.') },
    }),
    async (c) => c.json(await c.var.services.identity.updateClock(actorOf(c), c.req.valid('json')), 200),
  )

  return router
}
