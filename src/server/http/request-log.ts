import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.ts'

/**
 * `LOG_REQUESTS=true`: one JSON object per line for each request, for a log collector. The path
 * is the route's pattern (`/api/mentorships/:mentorshipId`), never the path itself: paths carry
 * ids and, on the outside writer's upload page, a secret token. No query string, no person.
 */
export function requestLog(write: (line: string) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    try {
      await next()
    } finally {
      write(
        JSON.stringify({
          at: new Date().toISOString(),
          request_id: c.get('requestId'),
          method: c.req.method,
          route: c.req.routePath,
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        }),
      )
    }
  }
}
