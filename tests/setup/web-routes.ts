import { isValidElement } from 'react'
import { matchRoutes } from 'react-router'
import type { Role } from '#shared/enums.ts'
import { routes } from '#web/routes.tsx'

export type WebRoute = { pattern: string; roles: readonly Role[] | null }

/**
 * The page of the web app that a path (with its query) opens, and the roles it is limited to
 * (null: anyone signed in, or anyone at all); null when only the catch-all "not found" matches.
 */
export function webRouteFor(pathWithQuery: string): WebRoute | null {
  const pathname = new URL(pathWithQuery, 'http://app.invalid').pathname
  const matches = matchRoutes(routes, pathname)
  const leaf = matches?.at(-1)
  if (!matches || !leaf || leaf.route.path === '*') return null
  let roles: readonly Role[] | null = null
  for (const { route } of matches) {
    const element = route.element
    if (isValidElement<{ roles?: readonly Role[] }>(element) && Array.isArray(element.props.roles)) roles = element.props.roles
  }
  return {
    pattern: matches
      .map((m) => m.route.path ?? '')
      .filter(Boolean)
      .join('/'),
    roles,
  }
}
