import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * One row per counted action (an e-mail sent to an address someone typed, …), kept for the
 * limit's window; shared by every server process. `modules/identity/rate-limits.ts` counts and
 * inserts under a transaction-scoped advisory lock, so parallel requests cannot all pass.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** What is limited, e.g. `typed-address-mail.sender`. */
    scope: text('scope').notNull(),
    /** Whom or what it is counted for: a person id, an e-mail address. */
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_hits_scope_key_at_idx').on(t.scope, t.key, t.at)],
)
