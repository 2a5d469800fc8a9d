import { and, eq, gt, isNull, lt } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { ssoRequests, ssoSeenAssertions } from '#server/db/schema/index.ts'

/** The `state` of a SAML request once an assertion answered it (SAML requests have no OIDC state). */
const SAML_ANSWERED = 'answered'

export type SsoRequestRow = typeof ssoRequests.$inferSelect

/** The round trips under way and the SAML assertions already used (identity module's tables). */
export function createSsoRepository(db: Database) {
  return {
    async insertRequest(row: typeof ssoRequests.$inferInsert) {
      await db.insert(ssoRequests).values(row)
    },

    /** Takes the request once: a second answer naming it finds nothing. Expired rows are not returned. */
    async claimRequest(id: string, protocol: 'oidc' | 'saml', now: Date, tx: Tx | Database = db): Promise<SsoRequestRow | null> {
      const [row] = await tx
        .delete(ssoRequests)
        .where(and(eq(ssoRequests.id, id), eq(ssoRequests.protocol, protocol), gt(ssoRequests.expiresAt, now)))
        .returning()
      return row ?? null
    },

    /** Whether a SAML request with this id is still waiting (node-saml's InResponseTo check). */
    async findRequest(id: string, protocol: 'oidc' | 'saml', now: Date): Promise<SsoRequestRow | null> {
      const [row] = await db
        .select()
        .from(ssoRequests)
        .where(and(eq(ssoRequests.id, id), eq(ssoRequests.protocol, protocol), gt(ssoRequests.expiresAt, now)))
      return row ?? null
    },

    /**
     * Marks a SAML request answered, once: the row stays until it expires so that a replayed
     * assertion still finds it and is refused as a replay (decision 032). False when it was
     * already answered or has expired.
     */
    async answerSamlRequest(id: string, now: Date): Promise<boolean> {
      const rows = await db
        .update(ssoRequests)
        .set({ state: SAML_ANSWERED })
        .where(and(eq(ssoRequests.id, id), eq(ssoRequests.protocol, 'saml'), isNull(ssoRequests.state), gt(ssoRequests.expiresAt, now)))
        .returning({ id: ssoRequests.id })
      return rows.length === 1
    },

    /** Records an assertion's id; false when it was already there (a replay). */
    async markAssertionSeen(id: string, expiresAt: Date, tx: Tx | Database = db): Promise<boolean> {
      const inserted = await tx.insert(ssoSeenAssertions).values({ id, expiresAt }).onConflictDoNothing().returning({ id: ssoSeenAssertions.id })
      return inserted.length === 1
    },

    async purgeExpired(now: Date) {
      await db.delete(ssoRequests).where(lt(ssoRequests.expiresAt, now))
      await db.delete(ssoSeenAssertions).where(lt(ssoSeenAssertions.expiresAt, now))
    },
  }
}

export type SsoRepository = ReturnType<typeof createSsoRepository>
