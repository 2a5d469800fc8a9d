import {
  EMAIL_KIND_GROUP_LABELS,
  EMAIL_KIND_GROUPS,
  type EmailKindGroup,
  type EmailPreferences,
  type EmailPreferencesInput,
  type NotificationPage,
  type NotificationView,
} from '#shared/contracts/notifications.ts'
import { AppError } from '#shared/errors.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import type { Clock } from '../../clock.ts'
import type { Actor } from '../../http/app-env.ts'
import { ALWAYS_SENT_WORDS } from './domain/email-kinds.ts'
import type { NotificationCentreRepository, NotificationRow } from './notification-centre.repository.ts'

/** In-app notifications are kept this long, then deleted by the sweep (decision 022). */
export const NOTIFICATION_RETENTION_DAYS = 180
const PAGE_SIZE = 30

const notFound = () => new AppError('NOT_FOUND', 'No such notification.')

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }
}

/**
 * A person's own notification centre: every method reads or changes the acting person's rows
 * only, so someone else's notification answers 404 as if it did not exist. No role reads
 * another person's notifications.
 */
export function createNotificationCentreService(deps: { repo: NotificationCentreRepository; clock: Clock }) {
  const { repo, clock } = deps
  return {
    async countUnread(actor: Actor): Promise<{ unread: number }> {
      return { unread: await repo.countUnread(actor.personId) }
    },

    async listMine(actor: Actor, before?: string): Promise<NotificationPage> {
      const after = before ? await repo.findOwn(actor.personId, before) : null
      if (before && !after) throw notFound()
      const [rows, unread] = await Promise.all([repo.listPage(actor.personId, after, PAGE_SIZE + 1), repo.countUnread(actor.personId)])
      const page = rows.slice(0, PAGE_SIZE)
      return { items: page.map(toView), unread, nextBefore: rows.length > PAGE_SIZE ? (page.at(-1)?.id ?? null) : null }
    },

    async markRead(actor: Actor, id: string): Promise<NotificationView> {
      const row = await repo.markRead(actor.personId, id, clock.now())
      if (!row) throw notFound()
      return toView(row)
    },

    async markAllRead(actor: Actor): Promise<{ marked: number }> {
      return { marked: await repo.markAllRead(actor.personId, clock.now()) }
    },

    async getEmailPreferences(actor: Actor): Promise<EmailPreferences> {
      const off = await repo.listOptOuts(actor.personId)
      return {
        groups: EMAIL_KIND_GROUPS.map((group) => ({ group, label: EMAIL_KIND_GROUP_LABELS[group], email: !off.has(group) })),
        alwaysSent: [...ALWAYS_SENT_WORDS],
      }
    },

    async setEmailPreferences(actor: Actor, input: EmailPreferencesInput): Promise<EmailPreferences> {
      const choices = Object.entries(input.groups).filter((entry): entry is [EmailKindGroup, boolean] => typeof entry[1] === 'boolean')
      await repo.setEmailChoices(actor.personId, choices, clock.now())
      return this.getEmailPreferences(actor)
    },

    /** Deletes notifications older than the retention period; returns how many. */
    async sweepOldNotifications(): Promise<number> {
      return repo.deleteCreatedBefore(new Date(clock.now().getTime() - NOTIFICATION_RETENTION_DAYS * MS_PER_DAY))
    },
  }
}

export type NotificationCentreService = ReturnType<typeof createNotificationCentreService>
