import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { ErrorResponse } from '#shared/contracts/common.ts'
import { friendlyIssue } from '#shared/contracts/friendly-issues.ts'
import { AppError, type ErrorEnvelope, type FieldErrors } from '#shared/errors.ts'
import { authorize, type Access } from './access.ts'
import type { AppEnv, RequestMeta } from './app-env.ts'
import { refuseUnsafeText } from './unsafe-text.ts'

// Validation messages in plain words for every API client, the same the web app's forms show.
z.config({ customError: (issue) => friendlyIssue(issue) })

/** An error response of the OpenAPI document, with an example of the envelope it carries. */
function errorResponse(description: string, example: ErrorEnvelope['error']) {
  return { description, content: { 'application/json': { schema: ErrorResponse, example: { error: example } } } }
}

const standardErrors = {
  400: errorResponse('The input is not valid; `fields` names what is wrong.', {
    code: 'VALIDATION_FAILED',
    message: 'Some of the information is not valid. Check the fields named.',
    fields: { email: 'Enter an e-mail address, such as name@school.edu.' },
  }),
  401: errorResponse('Not signed in.', { code: 'NOT_AUTHENTICATED', message: 'Sign in to continue.' }),
  403: errorResponse('Signed in, but not allowed.', { code: 'FORBIDDEN', message: 'You do not have access to this.' }),
  404: errorResponse('Not found, or not visible to you.', { code: 'NOT_FOUND', message: 'Not found.' }),
  429: errorResponse('Too many attempts; `Retry-After` says how many seconds to wait.', {
    code: 'RATE_LIMITED',
    message: 'Too many failed sign-ins. Wait 15 minutes, or sign in with an e-mailed link.',
  }),
}
/** What a request that changes something may also meet. */
const changeErrors = {
  409: errorResponse('Conflicts with the current state: changed meanwhile, already done, or a duplicate.', {
    code: 'CONFLICT',
    message: 'This request was already answered.',
  }),
  413: errorResponse('The request is too large.', { code: 'PAYLOAD_TOO_LARGE', message: 'The request is too large (at most 2 MB).' }),
}
const jsonBodyErrors = {
  415: errorResponse('The body is not JSON (Content-Type: application/json).', {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send a JSON body with Content-Type: application/json.',
    fields: { _: 'A JSON body is required.' },
  }),
}

/**
 * The errors every route may answer, by status, with the name each has under
 * components.responses in the OpenAPI document (openapi-document.ts refers to them there rather
 * than repeating them in each of the 300 operations).
 */
export const STANDARD_ERROR_RESPONSES = {
  400: { name: 'ValidationFailed', description: standardErrors[400].description },
  401: { name: 'NotAuthenticated', description: standardErrors[401].description },
  403: { name: 'Forbidden', description: standardErrors[403].description },
  404: { name: 'NotFound', description: standardErrors[404].description },
  409: { name: 'Conflict', description: changeErrors[409].description },
  413: { name: 'PayloadTooLarge', description: changeErrors[413].description },
  415: { name: 'UnsupportedMediaType', description: jsonBodyErrors[415].description },
  429: { name: 'RateLimited', description: standardErrors[429].description },
} as const

/** The OpenAPI security scheme of the session cookie (registered by the app). */
export const SESSION_SECURITY_SCHEME = 'sessionCookie'

/**
 * A stable operationId from the method and path, for generated clients:
 * `GET /api/mentorships/{mentorshipId}/meetings` → `getMentorshipsByMentorshipIdMeetings`.
 * Method and path together are unique, so the ids are too.
 */
export function operationIdOf(method: string, path: string): string {
  const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)
  const words = path
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment)?.[1]
      if (param) return `By${capital(param)}`
      return segment
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map(capital)
        .join('')
    })
  return `${method.toLowerCase()}${words.join('')}`
}

/**
 * A route with its access rule. Authorization runs before validation, so a caller without
 * access learns nothing from the validation errors. Every route then refuses NUL and lone
 * surrogates anywhere in its input (`unsafe-text.ts`), whatever its own schemas say.
 */
export function guardedRoute<const R extends Omit<RouteConfig, 'middleware'>>(access: Access, config: R) {
  const accessNote = access === 'public' ? 'Public.' : access === 'signed-in' ? 'Any signed-in person.' : `Roles: ${access.join(', ')}.`
  const changes = config.method !== 'get' && config.method !== 'head' && config.method !== 'options'
  return createRoute({
    operationId: operationIdOf(config.method, config.path),
    security: access === 'public' ? [] : [{ [SESSION_SECURITY_SCHEME]: [] }],
    ...config,
    description: [config.description, `Access: ${accessNote}`].filter(Boolean).join('\n\n'),
    middleware: [authorize(access), ...(takesJson(config) ? [requireJsonBody] : []), refuseUnsafeText] as const,
    responses: { ...standardErrors, ...(changes ? changeErrors : {}), ...(takesJson(config) ? jsonBodyErrors : {}), ...config.responses },
  })
}

function takesJson(config: Omit<RouteConfig, 'middleware'>): boolean {
  const body = config.request?.body
  return body !== undefined && 'content' in body && body.content !== undefined && 'application/json' in body.content
}

/** A JSON route without a JSON body is refused outright, rather than read as an empty object. */
const requireJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send a JSON body with Content-Type: application/json.', { _: 'A JSON body is required.' })
  }
  await next()
}

/** Turns zod issues into `{ 'path.to.field': 'message' }` for the error envelope. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_'
    fields[key] ??= issue.message
  }
  return fields
}

export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues
        const fields = fieldErrors(issues)
        throw new AppError('VALIDATION_FAILED', 'Some of the information is not valid. Check the fields named.', fields)
      }
    },
  })
}

export function requestMeta(c: Context<AppEnv>): RequestMeta {
  return {
    requestId: c.get('requestId'),
    ip: c.get('clientIp') ?? null,
    userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
  }
}
