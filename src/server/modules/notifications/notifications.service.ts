import { and, count, desc, eq, ilike, inArray, lte, or, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { outbox, type EmailAttachment } from '#server/db/schema/index.ts'
import type { OutboxPage, OutboxQuery } from '#shared/contracts/admin.ts'
import { containsPattern } from '#shared/search/like-pattern.ts'
import type { Clock } from '../../clock.ts'
import type { Mailer } from './mailer.ts'
import { MS_PER_MINUTE } from '#shared/time.ts'
import { isAttachmentContentWithheld } from './domain/outbox-attachments.ts'
import { needsRecipient, planEmails } from './domain/plan-emails.ts'
import { findRecipients, insertNotifications, replaceNameInOthersNotifications } from './notification-centre.repository.ts'

/** A file sent with an e-mail (a calendar invite); other modules name it through this module. */
export type { EmailAttachment }

/**
 * One e-mail. `kind` (`area.event`) groups it for the recipient's e-mail choices; `link`, when
 * given, is the page its in-app notification opens (otherwise the first page link in `text`).
 */
export type EmailToQueue = { to: string; subject: string; text: string; kind: string; attachments?: EmailAttachment[]; link?: string | null }

const MAX_ATTEMPTS = 6

/** Minutes to wait before attempt n+1: 1, 4, 16, 64… so a mail server outage is ridden out. */
export function retryDelayMinutes(attempts: number): number {
  return 4 ** Math.max(0, attempts - 1)
}

/**
 * E-mail goes through the outbox table: `enqueue` writes it in the caller's transaction, so
 * a message exists only if the change that caused it was committed. With SMTP configured, the
 * worker delivers it; without, it stays readable on the outbox page.
 */
export function createNotificationsService(db: Database, clock: Clock, mailer: Mailer | null, options: { appOrigin?: string } = {}) {
  const appOrigin = options.appOrigin ?? null

  /**
   * Each e-mail's in-app notification for the person it is addressed to, and the e-mail itself
   * unless that person turned its group off — all in the caller's transaction (decision 022).
   */
  async function queue(emails: readonly EmailToQueue[], writer: Tx): Promise<void> {
    const addresses = emails.filter((e) => needsRecipient(e.kind)).map((e) => e.to)
    const recipients = addresses.length > 0 ? await findRecipients(writer, addresses) : new Map()
    const { send, inApp } = planEmails(emails, recipients, appOrigin)
    const now = clock.now()
    await insertNotifications(writer, inApp, now)
    for (let i = 0; i < send.length; i += 1_000) {
      await writer.insert(outbox).values(
        send.slice(i, i + 1_000).map((email) => ({
          toAddress: email.to,
          subject: email.subject,
          textBody: email.text,
          kind: email.kind,
          attachments: email.attachments ?? [],
          status: mailer ? ('pending' as const) : ('outbox' as const),
          createdAt: now,
          nextAttemptAt: now,
        })),
      )
    }
  }

  return {
    async enqueue(email: EmailToQueue, writer: Tx = db): Promise<void> {
      await queue([email], writer)
    },

    /**
     * A student who goes on a directory hold (34 CFR §99.37) is no longer named to others: the
     * notifications others already hold, cut from e-mails sent before the hold, have the name
     * replaced with "A student". E-mails already delivered cannot be taken back.
     */
    async forgetNameInOthersNotifications(personId: string, name: string, writer: Tx = db): Promise<number> {
      return replaceNameInOthersNotifications(writer, personId, name, 'A student')
    },

    /** Many e-mails in one statement per thousand (a roster's invitations), in the caller's transaction. */
    async enqueueMany(emails: readonly EmailToQueue[], writer: Tx = db): Promise<void> {
      await queue(emails, writer)
    },

    /**
     * Sends the due messages, claiming each with FOR UPDATE SKIP LOCKED so that several server
     * processes never send the same message twice. Returns how many were sent.
     */
    async deliverDue(limit = 20): Promise<number> {
      if (!mailer) return 0
      let sent = 0
      for (let i = 0; i < limit; i++) {
        const delivered = await db.transaction(async (tx) => {
          const [message] = await tx
            .select()
            .from(outbox)
            .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, clock.now())))
            .orderBy(outbox.createdAt)
            .limit(1)
            .for('update', { skipLocked: true })
          if (!message) return null
          try {
            await mailer.send({ to: message.toAddress, subject: message.subject, text: message.textBody, attachments: message.attachments })
            await tx
              .update(outbox)
              .set({ status: 'sent', sentAt: clock.now(), attempts: message.attempts + 1, lastError: null })
              .where(eq(outbox.id, message.id))
            return true
          } catch (error) {
            const attempts = message.attempts + 1
            const next = new Date(clock.now().getTime() + retryDelayMinutes(attempts) * MS_PER_MINUTE)
            await tx
              .update(outbox)
              .set({
                attempts,
                status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
                nextAttemptAt: next,
                lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
              })
              .where(eq(outbox.id, message.id))
            return false
          }
        })
        if (delivered === null) break
        if (delivered) sent++
      }
      return sent
    },

    /** A page of the outbox, newest first; `q` finds the words in the recipient's address or the subject, any case. */
    async listOutbox({ page, pageSize, q }: OutboxQuery): Promise<OutboxPage> {
      const where = q ? or(ilike(outbox.toAddress, containsPattern(q)), ilike(outbox.subject, containsPattern(q))) : undefined
      const [rows, totals] = await Promise.all([
        db
          .select()
          .from(outbox)
          .where(where)
          .orderBy(desc(outbox.createdAt), desc(outbox.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ total: count() }).from(outbox).where(where),
      ])
      return {
        items: rows.map((row) => ({
          id: row.id,
          to: row.toAddress,
          subject: row.subject,
          text: row.textBody,
          status: row.status,
          createdAt: row.createdAt.toISOString(),
          sentAt: row.sentAt?.toISOString() ?? null,
          attachments: row.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            sizeBytes: Buffer.byteLength(a.content, 'utf8'),
            content: isAttachmentContentWithheld(row.kind) ? null : a.content,
          })),
        })),
        total: totals[0]?.total ?? 0,
        page,
        pageSize,
      }
    },

    async countPending(): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(outbox)
        .where(inArray(outbox.status, ['pending', 'outbox']))
      return row?.n ?? 0
    },

    /** Used by start-up to report, and by tests. */
    async countAll(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox)
      return row?.n ?? 0
    },
  }
}

export type NotificationsService = ReturnType<typeof createNotificationsService>
