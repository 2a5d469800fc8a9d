import { and, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { emailOptOuts, inAppNotifications } from '#server/db/schema/index.ts'
import type { EmailKindGroup } from '#shared/contracts/notifications.ts'
import { mapPersonIdsByEmails } from '../identity/people-reads.ts'
import type { PlannedInApp, Recipient } from './domain/plan-emails.ts'

/** The in-app notifications and e-mail choices: every query names the person whose rows it reads. */

const viewColumns = {
  id: inAppNotifications.id,
  kind: inAppNotifications.kind,
  title: inAppNotifications.title,
  summary: inAppNotifications.summary,
  link: inAppNotifications.link,
  createdAt: inAppNotifications.createdAt,
  readAt: inAppNotifications.readAt,
}
export type NotificationRow = { id: string; kind: string; title: string; summary: string; link: string | null; createdAt: Date; readAt: Date | null }

/** Who each address belongs to and the groups they turned off: two queries however many addresses. */
export async function findRecipients(reader: Tx, addresses: readonly string[]): Promise<Map<string, Recipient>> {
  const ids = await mapPersonIdsByEmails(reader, addresses)
  if (ids.size === 0) return new Map()
  const rows = await reader
    .select({ personId: emailOptOuts.personId, kindGroup: emailOptOuts.kindGroup })
    .from(emailOptOuts)
    .where(inArray(emailOptOuts.personId, [...new Set(ids.values())]))
  const optedOut = new Map<string, Set<EmailKindGroup>>()
  for (const row of rows) optedOut.set(row.personId, (optedOut.get(row.personId) ?? new Set()).add(row.kindGroup as EmailKindGroup))
  return new Map([...ids].map(([email, personId]) => [email, { personId, optedOut: optedOut.get(personId) ?? new Set() }]))
}

export async function insertNotifications(writer: Tx, rows: readonly PlannedInApp[], now: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += 1_000) {
    await writer.insert(inAppNotifications).values(rows.slice(i, i + 1_000).map((row) => ({ ...row, createdAt: now })))
  }
}

/**
 * Replaces a person's name with `replacement` in everyone else's notifications, title and summary.
 * Returns how many rows changed.
 */
export async function replaceNameInOthersNotifications(writer: Tx, personId: string, name: string, replacement: string): Promise<number> {
  if (!name.trim()) return 0
  const pattern = `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const rows = await writer
    .update(inAppNotifications)
    .set({
      title: sql`replace(${inAppNotifications.title}, ${name}, ${replacement})`,
      summary: sql`replace(${inAppNotifications.summary}, ${name}, ${replacement})`,
    })
    .where(
      and(
        sql`${inAppNotifications.personId} <> ${personId}`,
        or(sql`${inAppNotifications.title} like ${pattern}`, sql`${inAppNotifications.summary} like ${pattern}`),
      ),
    )
    .returning({ id: inAppNotifications.id })
  return rows.length
}

export function createNotificationCentreRepository(db: Database) {
  const mine = (personId: string) => eq(inAppNotifications.personId, personId)
  return {
    /** Served by the partial index on unread rows: an index-only count of one person's unread. */
    async countUnread(personId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(inAppNotifications)
        .where(and(mine(personId), isNull(inAppNotifications.readAt)))
      return row?.n ?? 0
    },

    async findOwn(personId: string, id: string): Promise<NotificationRow | null> {
      const [row] = await db
        .select(viewColumns)
        .from(inAppNotifications)
        .where(and(mine(personId), eq(inAppNotifications.id, id)))
      return row ?? null
    },

    /** Newest first; `after` is the last row of the previous page (keyset, so a new row never shifts a page). */
    async listPage(personId: string, after: { createdAt: Date; id: string } | null, limit: number): Promise<NotificationRow[]> {
      const older = after
        ? or(lt(inAppNotifications.createdAt, after.createdAt), and(eq(inAppNotifications.createdAt, after.createdAt), lt(inAppNotifications.id, after.id)))
        : undefined
      return db
        .select(viewColumns)
        .from(inAppNotifications)
        .where(and(mine(personId), older))
        .orderBy(desc(inAppNotifications.createdAt), desc(inAppNotifications.id))
        .limit(limit)
    },

    /** Marks one row read (keeping the first time it was read); null when it is not this person's. */
    async markRead(personId: string, id: string, now: Date): Promise<NotificationRow | null> {
      const [row] = await db
        .update(inAppNotifications)
        .set({ readAt: sql`coalesce(${inAppNotifications.readAt}, ${now})` })
        .where(and(mine(personId), eq(inAppNotifications.id, id)))
        .returning(viewColumns)
      return row ?? null
    },

    async markAllRead(personId: string, now: Date): Promise<number> {
      const rows = await db
        .update(inAppNotifications)
        .set({ readAt: now })
        .where(and(mine(personId), isNull(inAppNotifications.readAt)))
        .returning({ id: inAppNotifications.id })
      return rows.length
    },

    async listOptOuts(personId: string): Promise<Set<EmailKindGroup>> {
      const rows = await db.select({ kindGroup: emailOptOuts.kindGroup }).from(emailOptOuts).where(eq(emailOptOuts.personId, personId))
      return new Set(rows.map((r) => r.kindGroup as EmailKindGroup))
    },

    /** Turns e-mail on (`true`) or off (`false`) per group, in one transaction. */
    async setEmailChoices(personId: string, choices: readonly [EmailKindGroup, boolean][], now: Date): Promise<void> {
      const off = choices.filter(([, on]) => !on).map(([group]) => group)
      const on = choices.filter(([, isOn]) => isOn).map(([group]) => group)
      await db.transaction(async (tx) => {
        if (on.length > 0) await tx.delete(emailOptOuts).where(and(eq(emailOptOuts.personId, personId), inArray(emailOptOuts.kindGroup, on)))
        if (off.length > 0)
          await tx
            .insert(emailOptOuts)
            .values(off.map((kindGroup) => ({ personId, kindGroup, createdAt: now })))
            .onConflictDoNothing()
      })
    },

    /** The retention sweep: deletes rows created before `cutoff`, a batch at a time. */
    async deleteCreatedBefore(cutoff: Date, batch = 5_000): Promise<number> {
      let deleted = 0
      for (;;) {
        const oldest = db.select({ id: inAppNotifications.id }).from(inAppNotifications).where(lt(inAppNotifications.createdAt, cutoff)).limit(batch)
        const rows = await db.delete(inAppNotifications).where(inArray(inAppNotifications.id, oldest)).returning({ id: inAppNotifications.id })
        const n = rows.length
        deleted += n
        if (n < batch) return deleted
      }
    },
  }
}

export type NotificationCentreRepository = ReturnType<typeof createNotificationCentreRepository>
