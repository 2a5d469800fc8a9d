import { sql } from 'drizzle-orm'
import { boolean, customType, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { LetterPacketDocument, LetterPurpose, LetterReminderKind, LetterStatus, LetterType } from '#shared/enums.ts'
import { people } from './identity.ts'
import { specialties } from './profiles.ts'

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })

/**
 * A student's request for a letter of recommendation. It never holds the letter itself: the
 * PDF lives in `letter_contents`, which no query building a student's view reads
 * (decision 008).
 */
export const letterRequests = pgTable(
  'letter_requests',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** A writer with an account (the mentor role); null for a writer outside the app. */
    writerPersonId: uuid('writer_person_id').references(() => people.id, { onDelete: 'set null' }),
    /** For a writer outside the app: the name and address the student gave. */
    writerName: text('writer_name'),
    writerEmail: text('writer_email'),
    purpose: text('purpose').$type<LetterPurpose>().notNull(),
    specialtyId: text('specialty_id').references(() => specialties.id),
    programName: text('program_name'),
    letterType: text('letter_type').$type<LetterType>().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    erasLetterId: text('eras_letter_id'),
    talkingPoints: text('talking_points').notNull().default(''),
    /** FERPA waiver of the right to read this letter: asked on each request, never assumed. */
    waivedRightOfAccess: boolean('waived_right_of_access').notNull().default(false),
    waiverRecordedAt: timestamp('waiver_recorded_at', { withTimezone: true }).notNull(),
    waiverRecordedBy: uuid('waiver_recorded_by').notNull(),
    status: text('status').$type<LetterStatus>().notNull().default('requested'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull(),
    /** The writer's optional words when accepting or declining (never the letter). */
    writerMessage: text('writer_message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    deliveredBy: uuid('delivered_by'),
    thankedAt: timestamp('thanked_at', { withTimezone: true }),
    lastNudgedAt: timestamp('last_nudged_at', { withTimezone: true }),
  },
  (t) => [
    index('letter_requests_student_idx').on(t.studentId),
    index('letter_requests_writer_idx').on(t.writerPersonId),
    index('letter_requests_status_due_idx').on(t.status, t.dueDate),
  ],
)

/** The letter PDF, one per request, apart from the request so student views cannot reach it. */
export const letterContents = pgTable('letter_contents', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => letterRequests.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  /** The writer's person id; null when uploaded through a one-time link. */
  uploadedBy: uuid('uploaded_by'),
})

/** The student's packet for the writer: CV and personal statement as PDFs. */
export const letterPacketDocuments = pgTable(
  'letter_packet_documents',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => letterRequests.id, { onDelete: 'cascade' }),
    document: text('document').$type<LetterPacketDocument>().notNull(),
    bytes: bytea('bytes').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.document] })],
)

/** One-time, expiring, revocable upload links for writers without an account; only hashes stored. */
export const letterUploadLinks = pgTable(
  'letter_upload_links',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    requestId: uuid('request_id')
      .notNull()
      .references(() => letterRequests.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [index('letter_upload_links_request_idx').on(t.requestId)],
)

/** Each automatic reminder sent; the primary key makes a second send of one kind impossible. */
export const letterReminders = pgTable(
  'letter_reminders',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => letterRequests.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<LetterReminderKind>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.kind] })],
)

/**
 * A student's written revocation of the waiver. It applies to letters requested after it only;
 * letters already requested keep the waiver they were requested with.
 */
export const letterWaiverRevocations = pgTable(
  'letter_waiver_revocations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    statement: text('statement').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('letter_waiver_revocations_student_idx').on(t.studentId)],
)
