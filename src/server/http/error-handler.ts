import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AppError, type ErrorCode } from '#shared/errors.ts'
import { logUnexpectedError } from '../log/describe-error.ts'
import type { AppEnv } from './app-env.ts'

const HTTP_STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'NOT_AUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
}

/**
 * Every failure leaves as the one envelope. Expected ones (AppError, Hono's own 4xx such as
 * malformed JSON) keep their status; anything else is logged with the request id and answered
 * 500 without details, so nothing internal reaches the caller. The log line names the route's
 * pattern, not the path (a path can hold a one-time upload token), and the error's class and
 * code, not its message (a failed query's message lists every parameter).
 */
export function handleError(error: Error, c: Context<AppEnv>) {
  if (error instanceof AppError) {
    if (error.code === 'RATE_LIMITED') c.header('retry-after', String(retryAfter(error)))
    return c.json(error.toEnvelope(), error.status as ContentfulStatusCode)
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code = HTTP_STATUS_CODES[error.status] ?? 'VALIDATION_FAILED'
    const message = error.message.includes('JSON') ? 'The request body is not valid JSON.' : error.message || 'The request is not valid.'
    return c.json(new AppError(code, message, code === 'VALIDATION_FAILED' ? { _: message } : undefined).toEnvelope(), error.status as ContentfulStatusCode)
  }
  logUnexpectedError(`[${c.get('requestId') ?? '-'}] ${c.req.method} ${c.req.routePath} failed`, error)
  return c.json({ error: { code: 'INTERNAL', message: `Something went wrong on our side. Reference: ${c.get('requestId') ?? 'unknown'}.` } }, 500)
}

/**
 * Whole seconds, at least one. The OpenAPI document promises Retry-After on every 429; a limit
 * that does not say how long it lasts is given a minute, so a client still backs off.
 */
function retryAfter(error: AppError): number {
  return Math.max(1, Math.ceil(error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS))
}
const DEFAULT_RETRY_AFTER_SECONDS = 60

export function apiNotFound(c: Context<AppEnv>) {
  return c.json(new AppError('NOT_FOUND', `No API route ${c.req.method} ${c.req.path}.`).toEnvelope(), 404)
}
