import type { MiddlewareHandler } from 'hono'
import { AppError } from '#shared/errors.ts'
import type { AppEnv } from './app-env.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF defence by origin check: every unsafe request must say, in its Origin header, that it
 * comes from the application itself. Browsers set Origin on every cross-site and same-site
 * POST, PUT, PATCH and DELETE, and a page cannot forge it.
 */
export function originCheck(allowedOrigins: readonly string[], exemptPaths: readonly string[] = []): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // An exempt path is posted by another site by design (the SAML assertion consumer); what
    // protects it is the signed assertion it must carry (decision 032).
    if (!SAFE_METHODS.has(c.req.method) && !exemptPaths.includes(c.req.path)) {
      const origin = c.req.header('origin')
      const own = new URL(c.req.url).origin
      if (!origin || (origin !== own && !allowedOrigins.includes(origin))) {
        throw new AppError('FORBIDDEN', 'This request did not come from the Preceptor application (Origin check failed).')
      }
    }
    await next()
  }
}
