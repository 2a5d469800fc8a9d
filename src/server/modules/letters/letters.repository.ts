import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { letterContents, letterPacketDocuments, letterReminders, letterRequests, letterUploadLinks, letterWaiverRevocations } from '#server/db/schema/index.ts'
import type { LetterPacketDocument, LetterReminderKind, LetterStatus } from '#shared/enums.ts'
import { findPersonWithRoles, listPeopleByIds } from '../identity/people-reads.ts'

/**
 * The request alone. Deliberately no column of `letter_contents`: the letter is read only by
 * `findLetterContent`, after the policy. Student's and writer's names come from identity,
 * read once per list (`withParties`).
 */
const requestColumns = { request: letterRequests }

export type LetterRequestRow = typeof letterRequests.$inferSelect & {
  studentName: string
  studentEmail: string
  writerDisplayName: string
  /** Where e-mail for the writer goes: their account's address, or the outside address. */
  writerAddress: string | null
}

function flatten(row: {
  request: typeof letterRequests.$inferSelect
  studentName: string | null
  studentEmail: string | null
  writerAccountName: string | null
  writerAccountEmail: string | null
}): LetterRequestRow {
  return {
    ...row.request,
    studentName: row.studentName ?? '',
    studentEmail: row.studentEmail ?? '',
    writerDisplayName: row.writerAccountName ?? row.request.writerName ?? '',
    writerAddress: row.writerAccountEmail ?? row.request.writerEmail,
  }
}

export function createLettersRepository(db: Database) {
  const selectRequests = (tx: Tx = db) => tx.select(requestColumns).from(letterRequests)

  /** The requests with their student's and writer's names and addresses, in one read of identity. */
  async function withParties(rows: readonly { request: typeof letterRequests.$inferSelect }[], tx: Tx = db): Promise<LetterRequestRow[]> {
    const ids = rows.flatMap(({ request }) => (request.writerPersonId ? [request.studentId, request.writerPersonId] : [request.studentId]))
    const people = new Map((await listPeopleByIds(tx, ids)).map((p) => [p.id, p]))
    return rows.map(({ request }) => {
      const student = people.get(request.studentId)
      const writer = request.writerPersonId ? people.get(request.writerPersonId) : undefined
      return flatten({
        request,
        studentName: student?.name ?? null,
        studentEmail: student?.email ?? null,
        writerAccountName: writer?.name ?? null,
        writerAccountEmail: writer?.email ?? null,
      })
    })
  }

  return {
    async findPersonIncludeRoles(personId: string, tx: Tx = db) {
      const person = await findPersonWithRoles(tx, personId)
      return person ? { id: person.id, name: person.name, email: person.email, status: person.status, roles: person.roles } : null
    },

    async insertRequest(values: typeof letterRequests.$inferInsert, tx: Tx = db): Promise<string> {
      const [row] = await tx.insert(letterRequests).values(values).returning({ id: letterRequests.id })
      if (!row) throw new Error('Inserting the letter request returned no row.')
      return row.id
    },

    async findRequestById(id: string, tx: Tx = db): Promise<LetterRequestRow | null> {
      const [row] = await withParties(await selectRequests(tx).where(eq(letterRequests.id, id)).limit(1), tx)
      return row ?? null
    },

    async listRequestsByStudent(studentId: string): Promise<LetterRequestRow[]> {
      const rows = await selectRequests().where(eq(letterRequests.studentId, studentId)).orderBy(asc(letterRequests.dueDate), asc(letterRequests.createdAt))
      return withParties(rows)
    },

    /** The status of every letter request of each of `studentIds`, in one query (for the curriculum's class view). */
    async listStatusesOfStudents(studentIds: readonly string[]): Promise<{ studentId: string; status: LetterStatus }[]> {
      if (studentIds.length === 0) return []
      return db
        .select({ studentId: letterRequests.studentId, status: letterRequests.status })
        .from(letterRequests)
        .where(inArray(letterRequests.studentId, [...new Set(studentIds)]))
    },

    async listRequestsByWriter(writerPersonId: string): Promise<LetterRequestRow[]> {
      const rows = await selectRequests()
        .where(eq(letterRequests.writerPersonId, writerPersonId))
        .orderBy(asc(letterRequests.dueDate), asc(letterRequests.createdAt))
      return withParties(rows)
    },

    async listRequests(status: LetterStatus | undefined, page: number, pageSize: number) {
      const where = status ? eq(letterRequests.status, status) : undefined
      const [rows, totals] = await Promise.all([
        selectRequests()
          .where(where)
          .orderBy(asc(letterRequests.dueDate), asc(letterRequests.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ total: count() }).from(letterRequests).where(where),
      ])
      return { rows: await withParties(rows), total: totals[0]?.total ?? 0 }
    },

    /**
     * Moves a request from one of `from` to `values.status`, in one UPDATE so that two callers
     * racing on the same request cannot both win. Returns false when the status had moved on.
     */
    async updateRequestIfStatus(id: string, from: readonly LetterStatus[], values: Partial<typeof letterRequests.$inferInsert>, tx: Tx = db): Promise<boolean> {
      const rows = await tx
        .update(letterRequests)
        .set(values)
        .where(and(eq(letterRequests.id, id), inArray(letterRequests.status, [...from])))
        .returning({ id: letterRequests.id })
      return rows.length > 0
    },

    async markThanked(id: string, now: Date, tx: Tx = db): Promise<void> {
      await tx
        .update(letterRequests)
        .set({ thankedAt: now })
        .where(and(eq(letterRequests.id, id), isNull(letterRequests.thankedAt)))
    },

    /** Records a nudge only if none was sent since `notBefore`: the rate limit holds under races. */
    async claimNudge(id: string, now: Date, notBefore: Date, tx: Tx = db): Promise<boolean> {
      const rows = await tx
        .update(letterRequests)
        .set({ lastNudgedAt: now })
        .where(and(eq(letterRequests.id, id), or(isNull(letterRequests.lastNudgedAt), lte(letterRequests.lastNudgedAt, notBefore))))
        .returning({ id: letterRequests.id })
      return rows.length > 0
    },

    async upsertPacketDocument(requestId: string, document: LetterPacketDocument, bytes: Uint8Array, now: Date, tx: Tx = db): Promise<void> {
      const values = { bytes, sizeBytes: bytes.byteLength, uploadedAt: now }
      await tx
        .insert(letterPacketDocuments)
        .values({ requestId, document, ...values })
        .onConflictDoUpdate({ target: [letterPacketDocuments.requestId, letterPacketDocuments.document], set: values })
    },

    /** Which packet documents exist, without their bytes. */
    async findPacketSummary(requestId: string) {
      const rows = await db
        .select({ document: letterPacketDocuments.document, sizeBytes: letterPacketDocuments.sizeBytes, uploadedAt: letterPacketDocuments.uploadedAt })
        .from(letterPacketDocuments)
        .where(eq(letterPacketDocuments.requestId, requestId))
      return rows
    },

    async findPacketDocument(requestId: string, document: LetterPacketDocument): Promise<Uint8Array | null> {
      const [row] = await db
        .select({ bytes: letterPacketDocuments.bytes })
        .from(letterPacketDocuments)
        .where(and(eq(letterPacketDocuments.requestId, requestId), eq(letterPacketDocuments.document, document)))
        .limit(1)
      return row?.bytes ?? null
    },

    async upsertLetterContent(requestId: string, bytes: Uint8Array, sha256: string, uploadedBy: string | null, now: Date, tx: Tx = db): Promise<void> {
      const values = { bytes, sizeBytes: bytes.byteLength, sha256, uploadedAt: now, uploadedBy }
      await tx
        .insert(letterContents)
        .values({ requestId, ...values })
        .onConflictDoUpdate({ target: letterContents.requestId, set: values })
    },

    /** Size and time of the letter, never its bytes. Call only after the policy allowed it. */
    async findLetterSummary(requestId: string) {
      const [row] = await db
        .select({ sizeBytes: letterContents.sizeBytes, uploadedAt: letterContents.uploadedAt })
        .from(letterContents)
        .where(eq(letterContents.requestId, requestId))
        .limit(1)
      return row ?? null
    },

    /** The letter's bytes: the only read of them. Call only after `canReadLetterContent`. */
    async findLetterContent(requestId: string): Promise<Uint8Array | null> {
      const [row] = await db.select({ bytes: letterContents.bytes }).from(letterContents).where(eq(letterContents.requestId, requestId)).limit(1)
      return row?.bytes ?? null
    },

    async insertUploadLink(values: typeof letterUploadLinks.$inferInsert, tx: Tx = db): Promise<void> {
      await tx.insert(letterUploadLinks).values(values)
    },

    /** Revokes every link of a request that is still open; returns how many. */
    async revokeOpenUploadLinks(requestId: string, by: string, now: Date, tx: Tx = db): Promise<number> {
      const rows = await tx
        .update(letterUploadLinks)
        .set({ revokedAt: now, revokedBy: by })
        .where(
          and(
            eq(letterUploadLinks.requestId, requestId),
            isNull(letterUploadLinks.revokedAt),
            isNull(letterUploadLinks.usedAt),
            gt(letterUploadLinks.expiresAt, now),
          ),
        )
        .returning({ id: letterUploadLinks.id })
      return rows.length
    },

    async findUploadLinkByHash(tokenHash: string, tx: Tx = db) {
      const [row] = await tx.select().from(letterUploadLinks).where(eq(letterUploadLinks.tokenHash, tokenHash)).limit(1)
      return row ?? null
    },

    /** The newest link of a request, for the student's and admin's view (never the token). */
    async findLatestUploadLink(requestId: string) {
      const [row] = await db
        .select({ expiresAt: letterUploadLinks.expiresAt, usedAt: letterUploadLinks.usedAt, revokedAt: letterUploadLinks.revokedAt })
        .from(letterUploadLinks)
        .where(eq(letterUploadLinks.requestId, requestId))
        .orderBy(desc(letterUploadLinks.createdAt))
        .limit(1)
      return row ?? null
    },

    /** Uses a link once: one UPDATE, so two uploads with the same link cannot both win. */
    async claimUploadLink(tokenHash: string, now: Date, tx: Tx = db): Promise<string | null> {
      const [row] = await tx
        .update(letterUploadLinks)
        .set({ usedAt: now })
        .where(
          and(
            eq(letterUploadLinks.tokenHash, tokenHash),
            isNull(letterUploadLinks.usedAt),
            isNull(letterUploadLinks.revokedAt),
            gt(letterUploadLinks.expiresAt, now),
          ),
        )
        .returning({ requestId: letterUploadLinks.requestId })
      return row?.requestId ?? null
    },

    /** Open requests due by `dueBy`, with the reminders already sent: the sweep's work list. */
    async listRemindable(dueBy: string, statuses: readonly LetterStatus[]) {
      const rows = await selectRequests()
        .where(and(inArray(letterRequests.status, [...statuses]), lte(letterRequests.dueDate, dueBy)))
        .orderBy(asc(letterRequests.dueDate))
      const flat = await withParties(rows)
      const ids = flat.map((r) => r.id)
      const sent =
        ids.length > 0
          ? await db
              .select({ requestId: letterReminders.requestId, kind: letterReminders.kind })
              .from(letterReminders)
              .where(inArray(letterReminders.requestId, ids))
          : []
      return flat.map((request) => ({ request, sent: new Set(sent.filter((s) => s.requestId === request.id).map((s) => s.kind)) }))
    },

    /** Records a reminder; false when another sweep recorded the same one first. */
    async claimReminder(requestId: string, kind: LetterReminderKind, now: Date, tx: Tx = db): Promise<boolean> {
      const rows = await tx
        .insert(letterReminders)
        .values({ requestId, kind, sentAt: now })
        .onConflictDoNothing()
        .returning({ requestId: letterReminders.requestId })
      return rows.length > 0
    },

    async insertWaiverRevocation(studentId: string, statement: string, now: Date, tx: Tx = db): Promise<void> {
      await tx.insert(letterWaiverRevocations).values({ studentId, statement, revokedAt: now })
    },

    async findLatestWaiverRevocation(studentId: string) {
      const [row] = await db
        .select({ revokedAt: letterWaiverRevocations.revokedAt })
        .from(letterWaiverRevocations)
        .where(eq(letterWaiverRevocations.studentId, studentId))
        .orderBy(desc(letterWaiverRevocations.revokedAt))
        .limit(1)
      return row ?? null
    },

    /** For the writer's load: their requests counted by status, due within the season. */
  }
}

export type LettersRepository = ReturnType<typeof createLettersRepository>
