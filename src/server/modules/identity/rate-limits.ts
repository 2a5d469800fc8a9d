import { and, count, eq, gt, lte, sql } from 'drizzle-orm'
import type { Tx } from '#server/db/client.ts'
import { rateLimitHits } from '#server/db/schema/index.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import { MS_PER_MINUTE } from '#shared/time.ts'

/** At most `limit` actions per `windowMinutes` for one (scope, key). */
export type RateRule = {
  scope: string
  key: string
  limit: number
  windowMinutes: number
  /** Said to the person refused (a 429 RATE_LIMITED), with the field it is about, if any. */
  message: string
  field?: string
}

/**
 * Limits kept in the database (`rate_limit_hits`), so they hold across restarts and across server
 * processes. `take` runs inside the caller's transaction: the action and its count commit or roll
 * back together (a refused or failed send is not counted). Each (scope, key) is counted under a
 * transaction-scoped advisory lock, taken in a fixed order, so parallel requests queue instead of
 * all reading the same count.
 */
export function createRateLimits(clock: Clock) {
  return {
    async take(rules: readonly RateRule[], tx: Tx): Promise<void> {
      const now = clock.now()
      const ordered = [...rules].sort((a, b) => `${a.scope}\n${a.key}`.localeCompare(`${b.scope}\n${b.key}`))
      for (const rule of ordered) {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rate-limit:${rule.scope}:${rule.key}`}))`)
        const since = new Date(now.getTime() - rule.windowMinutes * MS_PER_MINUTE)
        const where = and(eq(rateLimitHits.scope, rule.scope), eq(rateLimitHits.key, rule.key))
        // Rows a whole window old count for nothing: clear them as we pass.
        await tx.delete(rateLimitHits).where(and(where, lte(rateLimitHits.at, since)))
        const [row] = await tx
          .select({ n: count() })
          .from(rateLimitHits)
          .where(and(where, gt(rateLimitHits.at, since)))
        if ((row?.n ?? 0) >= rule.limit)
          throw new AppError('RATE_LIMITED', rule.message, rule.field ? { [rule.field]: rule.message } : undefined, {
            retryAfterSeconds: rule.windowMinutes * 60,
          })
      }
      if (ordered.length > 0) await tx.insert(rateLimitHits).values(ordered.map((rule) => ({ scope: rule.scope, key: rule.key, at: now })))
    },
  }
}

export type RateLimits = ReturnType<typeof createRateLimits>

/**
 * Mail to an address the sender typed (an outside letter writer, …): the school's mail server
 * must not become a relay. Per sender, and per address whoever sends.
 */
export const TYPED_ADDRESS_MAIL = { perSenderPerDay: 10, perAddressPerDay: 4 } as const

export function typedAddressMailRules(senderId: string, address: string): RateRule[] {
  const day = 24 * 60
  return [
    {
      scope: 'typed-address-mail.sender',
      key: senderId,
      limit: TYPED_ADDRESS_MAIL.perSenderPerDay,
      windowMinutes: day,
      message: `You have sent ${TYPED_ADDRESS_MAIL.perSenderPerDay} e-mails to outside addresses in the last 24 hours, the most allowed. Try again tomorrow, or ask the Office of Student Affairs.`,
    },
    {
      scope: 'typed-address-mail.address',
      key: address.trim().toLowerCase(),
      limit: TYPED_ADDRESS_MAIL.perAddressPerDay,
      windowMinutes: day,
      message: `This address has been sent ${TYPED_ADDRESS_MAIL.perAddressPerDay} e-mails in the last 24 hours, the most allowed. Try again tomorrow.`,
    },
  ]
}
