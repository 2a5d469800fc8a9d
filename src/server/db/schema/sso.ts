import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * A single sign-on round trip under way (decision 031, 032): what was sent to the school's
 * provider, kept until the answer comes back or it expires. Owned by the identity module.
 * OpenID Connect: the row's id is the hash of the secret in the browser's flow cookie, and it
 * holds the state, nonce and PKCE verifier. SAML: the id is the AuthnRequest's ID, which the
 * assertion must name in InResponseTo. An OIDC row is claimed (deleted) once; a SAML row is marked
 * answered (`state` = 'answered') once and kept until it expires, so that a replayed assertion is
 * named a replay.
 */
export const ssoRequests = pgTable(
  'sso_requests',
  {
    id: text('id').primaryKey(),
    protocol: text('protocol', { enum: ['oidc', 'saml'] }).notNull(),
    state: text('state'),
    nonce: text('nonce'),
    codeVerifier: text('code_verifier'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sso_requests_expires_idx').on(t.expiresAt)],
)

/**
 * The IDs of SAML assertions already used to sign in, kept until the assertion itself would have
 * expired: an assertion replayed within its validity is refused (decision 032).
 */
export const ssoSeenAssertions = pgTable(
  'sso_seen_assertions',
  {
    /** The issuer and the assertion's ID, `issuer assertion-id`. */
    id: text('id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sso_seen_assertions_expires_idx').on(t.expiresAt)],
)
