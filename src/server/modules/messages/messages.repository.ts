import { and, asc, count, desc, eq, gt, inArray, ne, sql, type SQL } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { messageAttachments, messagePreferences, messageReads, messages } from '#server/db/schema/index.ts'
import type { MessageEmailFrequency } from '#shared/contracts/messages.ts'

const listColumns = {
  id: messages.id,
  requestId: messages.requestId,
  authorId: messages.authorId,
  body: messages.body,
  createdAt: messages.createdAt,
  attachmentName: messages.attachmentName,
  attachmentBytes: messages.attachmentBytes,
}
export type MessageRow = { [K in keyof typeof listColumns]: (typeof messages.$inferSelect)[K] }

type Rows<T> = { rows: T[] }

/** Messages' SQL. Lists never read an attachment's bytes; only `findAttachment` does. */

/** Messages from others after the person's read mark, per conversation, within `window` (more conditions on the message). */
async function unreadPerConversation(reader: Tx, personId: string, requestIds: readonly string[], window: SQL[]): Promise<Map<string, number>> {
  if (requestIds.length === 0) return new Map()
  const rows = await reader
    .select({ requestId: messages.requestId, unread: count() })
    .from(messages)
    .leftJoin(messageReads, and(eq(messageReads.requestId, messages.requestId), eq(messageReads.personId, personId)))
    .where(
      and(
        inArray(messages.requestId, [...requestIds]),
        ne(messages.authorId, personId),
        ...window,
        sql`${messages.createdAt} > coalesce(${messageReads.readUpTo}, '-infinity'::timestamptz)`,
      ),
    )
    .groupBy(messages.requestId)
  return new Map(rows.map((r) => [r.requestId, r.unread]))
}

export function createMessagesRepository(db: Database) {
  return {
    /** The newest `limit` messages of a conversation, oldest first. */
    async listMessages(requestId: string, limit: number): Promise<MessageRow[]> {
      const rows = await db
        .select(listColumns)
        .from(messages)
        .where(eq(messages.requestId, requestId))
        .orderBy(desc(messages.createdAt), desc(messages.id))
        .limit(limit)
      return rows.reverse()
    },

    /** Every message of these conversations, oldest first (the records export). */
    async listAllMessages(requestIds: readonly string[]): Promise<MessageRow[]> {
      if (requestIds.length === 0) return []
      return db
        .select(listColumns)
        .from(messages)
        .where(inArray(messages.requestId, [...requestIds]))
        .orderBy(asc(messages.createdAt), asc(messages.id))
    },

    async insertMessage(
      values: { requestId: string; authorId: string; body: string; createdAt: Date; attachment: { name: string; bytes: Uint8Array } | null },
      tx: Tx,
    ): Promise<MessageRow> {
      const [row] = await tx
        .insert(messages)
        .values({
          requestId: values.requestId,
          authorId: values.authorId,
          body: values.body,
          createdAt: values.createdAt,
          attachmentName: values.attachment?.name ?? null,
          attachmentBytes: values.attachment?.bytes.byteLength ?? null,
        })
        .returning(listColumns)
      if (!row) throw new Error('The message was not written.')
      if (values.attachment) await tx.insert(messageAttachments).values({ messageId: row.id, bytes: values.attachment.bytes })
      return row
    },

    async findAttachment(messageId: string): Promise<{ requestId: string; name: string; bytes: Uint8Array } | null> {
      const [row] = await db
        .select({ requestId: messages.requestId, name: messages.attachmentName, bytes: messageAttachments.bytes })
        .from(messages)
        .innerJoin(messageAttachments, eq(messageAttachments.messageId, messages.id))
        .where(eq(messages.id, messageId))
      return row?.name ? { requestId: row.requestId, name: row.name, bytes: row.bytes } : null
    },

    /** Each participant's "read up to" mark in a conversation. */
    async mapReadMarks(requestId: string): Promise<Map<string, Date>> {
      const rows = await db.select().from(messageReads).where(eq(messageReads.requestId, requestId))
      return new Map(rows.map((r) => [r.personId, r.readUpTo]))
    },

    /** Moves a read mark forward only: two tabs marking at once keep the later moment. */
    async saveReadMark(requestId: string, personId: string, readUpTo: Date): Promise<void> {
      await db
        .insert(messageReads)
        .values({ requestId, personId, readUpTo })
        .onConflictDoUpdate({
          target: [messageReads.requestId, messageReads.personId],
          set: { readUpTo: sql`greatest(${messageReads.readUpTo}, excluded.read_up_to)` },
        })
    },

    /** Messages from others after the person's read mark, per conversation (those with any). */
    async countUnread(personId: string, requestIds: readonly string[]): Promise<Map<string, number>> {
      return unreadPerConversation(db, personId, requestIds, [])
    },

    /** Messages to a person (from others) in these conversations after `since` and up to `until`, not yet read, per conversation. */
    async countUnreadBetween(personId: string, requestIds: readonly string[], since: Date, until: Date, tx: Tx): Promise<Map<string, number>> {
      return unreadPerConversation(tx, personId, requestIds, [gt(messages.createdAt, since), sql`${messages.createdAt} <= ${until.toISOString()}::timestamptz`])
    },

    async findPreference(personId: string, reader: Tx = db): Promise<MessageEmailFrequency> {
      const [row] = await reader.select({ f: messagePreferences.emailFrequency }).from(messagePreferences).where(eq(messagePreferences.personId, personId))
      return row?.f ?? 'each'
    },

    /** A digest starts counting from the moment daily was chosen; choosing it again keeps the old start. */
    async savePreference(personId: string, emailFrequency: MessageEmailFrequency, now: Date): Promise<void> {
      await db
        .insert(messagePreferences)
        .values({ personId, emailFrequency, digestThrough: now, updatedAt: now })
        .onConflictDoUpdate({
          target: messagePreferences.personId,
          set: {
            emailFrequency,
            updatedAt: now,
            digestThrough: sql`case when ${messagePreferences.emailFrequency} = 'daily' and excluded.email_frequency = 'daily' then ${messagePreferences.digestThrough} else excluded.digest_through end`,
          },
        })
    },

    /**
     * Claims the right to e-mail a person about a conversation now: true when nothing was e-mailed
     * about it within the window. One statement, so of two messages at once only one claims.
     */
    async claimImmediateEmail(requestId: string, personId: string, now: Date, windowStart: Date, tx: Tx): Promise<boolean> {
      const result = await tx.execute(sql`
        insert into message_email_marks (request_id, person_id, emailed_at, emailed_through)
        values (${requestId}, ${personId}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
        on conflict (request_id, person_id) do update
          set emailed_at = excluded.emailed_at, emailed_through = excluded.emailed_through
          where message_email_marks.emailed_at <= ${windowStart.toISOString()}::timestamptz
        returning request_id`)
      return (result as unknown as Rows<unknown>).rows.length > 0
    },

    /**
     * Claims the conversations whose messages came inside a closed e-mail window and are still
     * unread ("each message" people): FOR UPDATE SKIP LOCKED, so two sweeps never both send.
     * Returns each with the moment its last e-mail covered.
     */
    async claimFollowUpEmails(now: Date, windowStart: Date, tx: Tx): Promise<{ requestId: string; personId: string; since: Date }[]> {
      const at = now.toISOString()
      const result = await tx.execute(sql`
        with due as (
          select k.request_id, k.person_id, k.emailed_through
          from message_email_marks k
          left join message_preferences p on p.person_id = k.person_id
          left join message_reads r on r.request_id = k.request_id and r.person_id = k.person_id
          where coalesce(p.email_frequency, 'each') = 'each'
            and k.emailed_at <= ${windowStart.toISOString()}::timestamptz
            and exists (
              select 1 from messages m
              where m.request_id = k.request_id and m.author_id <> k.person_id
                and m.created_at > k.emailed_through and m.created_at <= ${at}::timestamptz
                and m.created_at > coalesce(r.read_up_to, '-infinity'::timestamptz))
          for update of k skip locked
        )
        update message_email_marks set emailed_at = ${at}::timestamptz, emailed_through = ${at}::timestamptz
        from due
        where message_email_marks.request_id = due.request_id and message_email_marks.person_id = due.person_id
        returning due.request_id as "requestId", due.person_id as "personId", due.emailed_through as "since"`)
      return (result as unknown as Rows<{ requestId: string; personId: string; since: string | Date }>).rows.map((r) => ({
        requestId: r.requestId,
        personId: r.personId,
        since: new Date(r.since),
      }))
    },

    /** Claims the daily-digest people whose last digest is before `cutoff` (FOR UPDATE SKIP LOCKED), moving their mark to it. */
    async claimDigests(cutoff: Date, tx: Tx): Promise<{ personId: string; since: Date }[]> {
      const at = cutoff.toISOString()
      const result = await tx.execute(sql`
        with due as (
          select person_id, digest_through from message_preferences
          where email_frequency = 'daily' and (digest_through is null or digest_through < ${at}::timestamptz)
          for update skip locked
        )
        update message_preferences set digest_through = ${at}::timestamptz
        from due where message_preferences.person_id = due.person_id
        returning due.person_id as "personId", due.digest_through as "since"`)
      return (result as unknown as Rows<{ personId: string; since: string | Date | null }>).rows.map((r) => ({
        personId: r.personId,
        since: r.since ? new Date(r.since) : new Date(0),
      }))
    },
  }
}

export type MessagesRepository = ReturnType<typeof createMessagesRepository>
