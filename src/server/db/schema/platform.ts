import { sql } from 'drizzle-orm'
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { NotificationStatus } from '#shared/enums.ts'

export type EmailAttachment = { filename: string; contentType: string; content: string }

/**
 * Every e-mail the application sends is written here first, in the same transaction as the
 * change that causes it; a worker delivers it over SMTP, or it stays readable on the outbox
 * page when no SMTP server is configured.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    /** Files sent with the message (calendar invites); `content` is text. */
    attachments: jsonb('attachments').$type<EmailAttachment[]>().notNull().default([]),
    kind: text('kind').notNull(),
    status: text('status').$type<NotificationStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_status_next_idx').on(t.status, t.nextAttemptAt), index('outbox_created_idx').on(t.createdAt)],
)

/**
 * Append-only: who did what to which object, never the content. The application's database
 * role only ever inserts here (see the migration's trigger that refuses UPDATE and DELETE).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    requestId: text('request_id'),
    ip: text('ip'),
    /** Hash chain: `hash` = sha256 over `prev_hash` and this row's fields (modules/audit/audit-chain.ts). */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_action_idx').on(t.action),
    // "Who read this student's record?": the audit page filters by subject.
    index('audit_log_object_idx').on(t.objectId, t.id),
  ],
)

/**
 * Each scheduled (or requested) check of the audit log's hash chain (the audit module, decision
 * 030): when, whether it held, how many rows it read, the first break, and the newest hash it
 * reached, which an admin exports to keep outside the system.
 */
export const auditChainChecks = pgTable(
  'audit_chain_checks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    intact: boolean('intact').notNull(),
    rowsChecked: integer('rows_checked').notNull(),
    legacyRows: integer('legacy_rows').notNull(),
    /** The first row that fails, and why (`edited`, `link-broken`, `unchained`); null when intact. */
    breakRowId: bigint('break_row_id', { mode: 'number' }),
    breakReason: text('break_reason'),
    /** The last row that checked out and its hash: the head of the intact part of the chain. */
    newestRowId: bigint('newest_row_id', { mode: 'number' }),
    newestHash: text('newest_hash'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('audit_chain_checks_checked_idx').on(t.checkedAt)],
)
