import type { Role } from '#shared/enums.ts'
import type { Services } from '../services.ts'

/** The person making a request, as the session middleware found them. */
export type Actor = {
  personId: string
  email: string
  name: string
  roles: Role[]
  /** School-wide scope (decision 015): an advisor who reads every student's record. Absent: no. */
  schoolWide?: boolean
  sessionId: string
  expiresAt: Date
}

/** What a service needs to know about a request besides its input: who, and for the audit log. */
export type RequestMeta = { requestId: string; ip: string | null; userAgent: string | null }

export type AppEnv = {
  Variables: {
    actor: Actor | null
    requestId: string
    /** The caller's address: the socket's, or a trusted proxy's word for it (client-address.ts). */
    clientIp: string | null
    services: Services
  }
}

export function hasRole(actor: Actor | null, role: Role): boolean {
  return actor?.roles.includes(role) ?? false
}
