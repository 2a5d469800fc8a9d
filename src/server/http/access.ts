import type { MiddlewareHandler } from 'hono'
import { AppError } from '#shared/errors.ts'
import type { Role } from '#shared/enums.ts'
import type { Actor, AppEnv } from './app-env.ts'

/**
 * Who may call a route, declared next to the route itself:
 * `public` — anyone; `signed-in` — any active person; a list of roles — a person with at least one.
 */
export type Access = 'public' | 'signed-in' | readonly Role[]

export function authorize(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access !== 'public') {
      const actor = c.get('actor')
      if (!actor) throw new AppError('NOT_AUTHENTICATED', 'Sign in to continue.')
      if (access !== 'signed-in' && !access.some((role) => actor.roles.includes(role))) {
        throw new AppError('FORBIDDEN', 'You do not have access to this.')
      }
    }
    await next()
  }
}

/** The actor of a route that `authorize` already guarded; throws if called on a public route. */
export function actorOf(c: { get(key: 'actor'): Actor | null }): Actor {
  const actor = c.get('actor')
  if (!actor) throw new AppError('NOT_AUTHENTICATED', 'Sign in to continue.')
  return actor
}
