import { MS_PER_MINUTE, MS_PER_HOUR } from '#shared/time.ts'
/**
 * When a session ends. Two clocks, as OWASP's session guidance asks: an idle timeout (no
 * request for a while) and an absolute one (however active, sign in again after a while).
 */

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date }
export type SessionPolicy = { idleMinutes: number; absoluteHours: number }

export function absoluteExpiry(createdAt: Date, policy: SessionPolicy): Date {
  return new Date(createdAt.getTime() + policy.absoluteHours * MS_PER_HOUR)
}

export function isSessionAlive(session: SessionTimes, now: Date, policy: SessionPolicy): boolean {
  if (now.getTime() >= session.expiresAt.getTime()) return false
  return now.getTime() - session.lastSeenAt.getTime() < policy.idleMinutes * MS_PER_MINUTE
}

/** Writing `last_seen_at` on every request would make every read a write; a minute is plenty. */
export function shouldTouchSession(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= MS_PER_MINUTE
}

/** How long each e-mailed token stays valid. */
export const TOKEN_LIFETIME_MINUTES = {
  'magic-link': 15,
  'password-reset': 60,
  invite: 7 * 24 * 60,
} as const

/** Sign-in attempts: at most this many failures per e-mail (and per address) in the window. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perEmail: 5, perIp: 50 } as const

/** E-mailed links (magic link, reset) per address in the window, so the app cannot be used to spam. */
export const EMAIL_LINK_LIMIT = { windowMinutes: 15, perEmail: 3 } as const
