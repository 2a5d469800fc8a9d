import { sql } from 'drizzle-orm'
import { boolean, check, customType, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { PersonStatus, Role } from '#shared/enums.ts'

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** Stored lower-cased; unique. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    pronouns: text('pronouns'),
    status: text('status').$type<PersonStatus>().notNull().default('active'),
    /** argon2id hash; null for people who sign in only by e-mailed link or single sign-on. */
    passwordHash: text('password_hash'),
    /** FERPA directory hold: the person never appears in directory search or listings. */
    directoryHold: boolean('directory_hold').notNull().default(false),
    photo: bytea('photo'),
    photoType: text('photo_type'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** The zone this person reads times in (IANA); null: e-mails use the meeting's or the mentor's zone. */
    timeZone: text('time_zone'),
    /** '12h' or '24h'; null: the browser's habit on pages, a 12-hour clock in e-mails. */
    hourCycle: text('hour_cycle').$type<'12h' | '24h'>(),
    /**
     * School-wide scope (decision 015): with the advisor role, this person reads every student's
     * record, each read audited as an assigned advisor's is. Set by an admin; inert without the role.
     */
    schoolWideRecords: boolean('school_wide_records').notNull().default(false),
    /** The school's own id for the person (student number), as the roster gives it; unique when set (decision 020). */
    schoolId: text('school_id'),
  },
  (t) => [
    index('people_name_idx').on(t.name),
    index('people_status_idx').on(t.status),
    uniqueIndex('people_school_id_idx').on(t.schoolId),
    check('people_hour_cycle_check', sql`${t.hourCycle} in ('12h', '24h')`),
  ],
)

export const personRoles = pgTable(
  'person_roles',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.role] }), index('person_roles_role_idx').on(t.role)],
)

/**
 * Sessions live in the database so any server process can serve any request. The id is the
 * SHA-256 of the cookie's secret: a copy of this table cannot be replayed as cookies.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_person_idx').on(t.personId)],
)

export const AUTH_TOKEN_PURPOSES = ['magic-link', 'password-reset', 'invite'] as const
export type AuthTokenPurpose = (typeof AUTH_TOKEN_PURPOSES)[number]

/** One-time tokens sent by e-mail; stored hashed, used once, expiring. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<AuthTokenPurpose>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('auth_tokens_person_idx').on(t.personId)],
)

/** Failed sign-ins, kept for the rate limit window; shared by every server process. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_failures_email_at_idx').on(t.email, t.at), index('sign_in_failures_ip_at_idx').on(t.ip, t.at)],
)
