import type { SessionResponse } from '#shared/contracts/identity.ts'
import type { Role } from '#shared/enums.ts'

export function hasRole(session: SessionResponse | null | undefined, role: Role): boolean {
  return session?.person.roles.includes(role) ?? false
}

export function hasAnyRole(session: SessionResponse | null | undefined, roles: readonly Role[]): boolean {
  return roles.some((role) => hasRole(session, role))
}

/** Only paths inside the app, so a crafted `next` cannot send someone to another site. */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  if (next.startsWith('/sign-in') || next.startsWith('/auth/')) return '/'
  return next
}
