import type { Database, Tx } from '#server/db/client.ts'
import {
  type ConversationView,
  MESSAGE_ATTACHMENT_MAX_BYTES,
  type MessagePreferences,
  type MessageView,
  type SendMessage,
  type UnreadMessages,
} from '#shared/contracts/messages.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor } from '../../http/app-env.ts'
import { listPeopleByIds } from '../identity/people-reads.ts'
import { checkPdf } from '../letters/domain/pdf.ts'
import {
  type ConversationParties,
  findConversationParties,
  listConversationPartiesByRequestIds,
  listConversationPartiesOf,
} from '../mentorships/mentorship-reads.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { CONVERSATION_PAGE, emailWindowStart, lastDigestCutoff, nextReadMark, postingState } from './domain/conversation-rules.ts'
import { messageDigestEmail, newMessageEmail } from './messages-emails.ts'
import { assertConversationParticipant, otherParticipant } from './messages.policy.ts'
import type { MessageRow, MessagesRepository } from './messages.repository.ts'

export type ConversationKey = { requestId: string } | { mentorshipId: string }

export type MessagesDeps = {
  db: Database
  repo: MessagesRepository
  clock: Clock
  notifications: NotificationsService
  appOrigin: string
}

/**
 * Messages between the student and the mentor of a request or mentorship (decision 021). The
 * two people and the state of their request come from mentorships' published reads; this module
 * writes only its own tables.
 */
export function createMessagesService(deps: MessagesDeps) {
  const { db, repo, clock, notifications, appOrigin } = deps

  /** Where an e-mail sends a participant: the mentorship's page, or the request on My mentorships. */
  const conversationLink = (c: Pick<ConversationParties, 'requestId' | 'mentorshipId'>) =>
    c.mentorshipId ? `${appOrigin}/mentorships/${c.mentorshipId}#messages` : `${appOrigin}/mentorships?request=${c.requestId}`

  async function loadFor(actor: Actor, key: ConversationKey): Promise<ConversationParties> {
    const parties = await findConversationParties(db, key)
    assertConversationParticipant(actor, parties)
    return parties
  }

  function toView(actor: Actor, row: MessageRow, names: Map<string, string>): MessageView {
    return {
      id: row.id,
      authorId: row.authorId,
      authorName: names.get(row.authorId) ?? 'Former member',
      mine: row.authorId === actor.personId,
      body: row.body,
      createdAt: row.createdAt.toISOString(),
      attachment: row.attachmentName ? { name: row.attachmentName, sizeBytes: row.attachmentBytes ?? 0 } : null,
    }
  }

  async function namesOf(ids: readonly string[], reader: Tx = db): Promise<Map<string, string>> {
    return new Map((await listPeopleByIds(reader, ids)).map((p) => [p.id, p.name]))
  }

  function decodeAttachment(input: NonNullable<SendMessage['attachment']>): { name: string; bytes: Uint8Array } {
    const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'))
    const problem = checkPdf(bytes, MESSAGE_ATTACHMENT_MAX_BYTES)
    if (problem) throw new AppError(problem.code, problem.message, { attachment: problem.message })
    return { name: input.filename, bytes }
  }

  /** E-mails the other participant now, unless they chose otherwise or were e-mailed about this conversation within the window. */
  async function notifyNow(c: ConversationParties, authorName: string, recipientId: string, now: Date, tx: Tx): Promise<void> {
    if ((await repo.findPreference(recipientId, tx)) !== 'each') return
    const [recipient] = await listPeopleByIds(tx, [recipientId])
    if (recipient?.status !== 'active') return
    if (!(await repo.claimImmediateEmail(c.requestId, recipientId, now, emailWindowStart(now), tx))) return
    await notifications.enqueue(newMessageEmail(recipient, authorName, 1, conversationLink(c)), tx)
  }

  return {
    async getConversation(actor: Actor, key: ConversationKey): Promise<ConversationView> {
      const c = await loadFor(actor, key)
      const otherId = otherParticipant(actor, c)
      const [rows, marks, unread] = await Promise.all([
        repo.listMessages(c.requestId, CONVERSATION_PAGE),
        repo.mapReadMarks(c.requestId),
        repo.countUnread(actor.personId, [c.requestId]),
      ])
      const names = await namesOf([otherId, ...rows.map((r) => r.authorId)])
      return {
        requestId: c.requestId,
        mentorshipId: c.mentorshipId,
        other: { id: otherId, name: names.get(otherId) ?? 'Former member' },
        ...postingState(c),
        messages: rows.map((r) => toView(actor, r, names)),
        unread: unread.get(c.requestId) ?? 0,
        otherReadUpTo: marks.get(otherId)?.toISOString() ?? null,
      }
    },

    /** Writes a message (and its PDF) and tells the other participant by e-mail, all in one transaction. */
    async sendMessage(actor: Actor, key: ConversationKey, input: SendMessage): Promise<MessageView> {
      const c = await loadFor(actor, key)
      const state = postingState(c)
      if (!state.canPost) throw new AppError('CONFLICT', state.closedBecause)
      const attachment = input.attachment ? decodeAttachment(input.attachment) : null
      const now = clock.now()
      const row = await db.transaction(async (tx) => {
        const written = await repo.insertMessage({ requestId: c.requestId, authorId: actor.personId, body: input.body, createdAt: now, attachment }, tx)
        await notifyNow(c, actor.name, otherParticipant(actor, c), now, tx)
        return written
      })
      // Writing a message means having read everything before it.
      await repo.saveReadMark(c.requestId, actor.personId, now)
      return toView(actor, row, new Map([[actor.personId, actor.name]]))
    },

    async markRead(actor: Actor, key: ConversationKey, upTo: Date): Promise<{ readUpTo: string }> {
      const c = await loadFor(actor, key)
      const mark = nextReadMark(upTo, clock.now(), null)
      await repo.saveReadMark(c.requestId, actor.personId, mark)
      const saved = (await repo.mapReadMarks(c.requestId)).get(actor.personId) ?? mark
      return { readUpTo: saved.toISOString() }
    },

    /** The caller's unread messages, per conversation that has any (the mentorships list shows them). */
    async unreadCounts(actor: Actor): Promise<UnreadMessages> {
      const mine = await listConversationPartiesOf(db, actor.personId)
      const counts = await repo.countUnread(
        actor.personId,
        mine.map((c) => c.requestId),
      )
      const conversations = mine.flatMap((c) => {
        const unread = counts.get(c.requestId) ?? 0
        return unread > 0 ? [{ requestId: c.requestId, mentorshipId: c.mentorshipId, unread }] : []
      })
      return { total: conversations.reduce((n, c) => n + c.unread, 0), conversations }
    },

    /** A participant's PDF; anyone else is told there is none. */
    async getAttachment(actor: Actor, messageId: string): Promise<{ name: string; bytes: Uint8Array }> {
      const found = await repo.findAttachment(messageId)
      if (!found) throw new AppError('NOT_FOUND', 'No such attachment.')
      const parties = await findConversationParties(db, { requestId: found.requestId })
      if (!parties || (actor.personId !== parties.studentId && actor.personId !== parties.mentorId)) throw new AppError('NOT_FOUND', 'No such attachment.')
      return { name: found.name, bytes: found.bytes }
    },

    async getPreferences(actor: Actor): Promise<MessagePreferences> {
      return { emailFrequency: await repo.findPreference(actor.personId) }
    },

    async savePreferences(actor: Actor, input: MessagePreferences): Promise<MessagePreferences> {
      await repo.savePreference(actor.personId, input.emailFrequency, clock.now())
      return { emailFrequency: input.emailFrequency }
    },

    /** Every conversation of the caller with all its messages, for their records export. */
    async listMyConversationsForRecords(actor: Actor): Promise<Record<string, unknown>[]> {
      const mine = await listConversationPartiesOf(db, actor.personId)
      const rows = await repo.listAllMessages(mine.map((c) => c.requestId))
      if (rows.length === 0) return []
      const names = await namesOf([...mine.flatMap((c) => [c.studentId, c.mentorId]), ...rows.map((r) => r.authorId)])
      return mine.flatMap((c) => {
        const own = rows.filter((r) => r.requestId === c.requestId)
        if (own.length === 0) return []
        const otherId = otherParticipant(actor, c)
        return [
          {
            with: names.get(otherId) ?? 'Former member',
            mentorshipId: c.mentorshipId,
            requestId: c.requestId,
            messages: own.map((r) => {
              const { mine: _mine, ...view } = toView(actor, r, names)
              return view
            }),
          },
        ]
      })
    },

    /**
     * The e-mail sweep: for "each message" people, one e-mail for the messages that came inside a
     * closed window and are still unread; for "daily" people, the digest, once per day after its
     * hour. Rows are claimed with FOR UPDATE SKIP LOCKED, so several processes may sweep at once.
     */
    async sweepMessageEmails(now: Date = clock.now()): Promise<{ followUps: number; digests: number }> {
      const followUps = await db.transaction(async (tx) => {
        const due = await repo.claimFollowUpEmails(now, emailWindowStart(now), tx)
        if (due.length === 0) return 0
        const conversations = new Map(
          (
            await listConversationPartiesByRequestIds(
              tx,
              due.map((d) => d.requestId),
            )
          ).map((c) => [c.requestId, c]),
        )
        const people = new Map(
          (
            await listPeopleByIds(
              tx,
              due.flatMap((d) => [d.personId, ...otherIds(conversations.get(d.requestId), d.personId)]),
            )
          ).map((p) => [p.id, p]),
        )
        let sent = 0
        for (const d of due) {
          const c = conversations.get(d.requestId)
          const recipient = people.get(d.personId)
          if (!c || recipient?.status !== 'active') continue
          const counts = await repo.countUnreadBetween(d.personId, [d.requestId], d.since, now, tx)
          const count = counts.get(d.requestId) ?? 0
          if (count === 0) continue
          const from = people.get(c.studentId === d.personId ? c.mentorId : c.studentId)?.name ?? 'Your mentorship'
          await notifications.enqueue(newMessageEmail(recipient, from, count, conversationLink(c)), tx)
          sent++
        }
        return sent
      })

      const cutoff = lastDigestCutoff(now)
      const digests = await db.transaction(async (tx) => {
        const due = await repo.claimDigests(cutoff, tx)
        if (due.length === 0) return 0
        const people = new Map(
          (
            await listPeopleByIds(
              tx,
              due.map((d) => d.personId),
            )
          ).map((p) => [p.id, p]),
        )
        let sent = 0
        for (const d of due) {
          const recipient = people.get(d.personId)
          if (recipient?.status !== 'active') continue
          const conversations = await listConversationPartiesOf(tx, d.personId)
          const counts = await repo.countUnreadBetween(
            d.personId,
            conversations.map((c) => c.requestId),
            d.since,
            cutoff,
            tx,
          )
          const withNews = conversations.filter((c) => (counts.get(c.requestId) ?? 0) > 0)
          if (withNews.length === 0) continue
          const names = await namesOf(
            withNews.map((c) => (c.studentId === d.personId ? c.mentorId : c.studentId)),
            tx,
          )
          const lines = withNews.map((c) => ({
            from: names.get(c.studentId === d.personId ? c.mentorId : c.studentId) ?? 'Your mentorship',
            count: counts.get(c.requestId) ?? 0,
            link: conversationLink(c),
          }))
          await notifications.enqueue(messageDigestEmail(recipient, lines), tx)
          sent++
        }
        return sent
      })
      return { followUps, digests }
    },
  }
}

function otherIds(c: ConversationParties | undefined, personId: string): string[] {
  if (!c) return []
  return [c.studentId === personId ? c.mentorId : c.studentId]
}

export type MessagesService = ReturnType<typeof createMessagesService>
