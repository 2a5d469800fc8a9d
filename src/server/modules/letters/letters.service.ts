import { createHash } from 'node:crypto'
import type { Database, Tx } from '#server/db/client.ts'
import {
  MAX_LETTER_BYTES,
  MAX_PACKET_DOCUMENT_BYTES,
  type CreateLetterRequest,
  type CreateLetterResponse,
  type LetterListQuery,
  type LetterRequestPage,
  type LetterRequestView,
  type MyLettersResponse,
  type RevokeWaiverRequest,
  type UploadLinkSummary,
  type WriterLettersResponse,
  type WriterReply,
} from '#shared/contracts/letters.ts'
import type { LetterPacketDocument, LetterStatus } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import { SPECIALTIES } from '#shared/reference/specialties.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AdvisingService } from '../advising/advising.service.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { typedAddressMailRules, type RateLimits } from '../identity/rate-limits.ts'
import type { StudentAddresses } from '../identity/student-addresses.ts'
import { hashSecret, newSecret } from '../identity/tokens.ts'
import type { EmailToQueue, NotificationsService } from '../notifications/notifications.service.ts'
import { dueDateWarning, isLate, nextNudgeAt, uploadLinkExpiresAt, utcDate, writerLoad } from './domain/letter-dates.ts'
import { isDone, isOpen, statusesAllowing, transition, type LetterEvent } from './domain/letter-status.ts'
import { checkPdf } from './domain/pdf.ts'
import { reminderDue } from './domain/reminders.ts'
import { uploadLinkState } from './domain/upload-link.ts'
import { recordWaiver } from './domain/waiver.ts'
import {
  letterDeliveredEmail,
  letterRequestedEmail,
  letterSubmittedEmail,
  letterWithdrawnEmail,
  nudgeEmail,
  reminderEmail,
  uploadLinkEmail,
  writerRepliedEmail,
} from './letters-emails.ts'
import {
  canManageUploadLink,
  canReadLetterContent,
  canSeeLetterSection,
  canSeePacket,
  isWriterOf,
  letterViewOf,
  type LetterViewKind,
} from './letters.policy.ts'
import { listOpenLetterRequests, type OpenLetterRequest } from './open-letter-reads.ts'
import type { LetterRequestRow, LettersRepository } from './letters.repository.ts'
import { MS_PER_HOUR, MS_PER_DAY } from '#shared/time.ts'

export type LettersDeps = {
  db: Database
  repo: LettersRepository
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  /** The one gate for reading a student's record (advisors see only their own students). */
  advising: Pick<AdvisingService, 'assertCanReadStudentRecord'>
  /** Mail to an address a student typed is limited (the school is not a mail relay). */
  rateLimits: RateLimits
  /** Tells students' addresses from others: an outside writer must not be a student. */
  studentAddresses: StudentAddresses
  appOrigin: string
}

const NOT_VISIBLE = 'No such letter request, or it is not visible to you.'
const LINK_NOT_VALID = 'This upload link is not valid: it has expired, was revoked, or was already used. Ask the student for a new link.'
const OPEN_STATUSES = ['requested', 'accepted', 'in-progress'] as const

export function createLettersService(deps: LettersDeps) {
  const { db, repo, clock, audit, notifications, advising, rateLimits, studentAddresses, appOrigin } = deps
  const requestLink = (id: string) => `${appOrigin}/letters/${id}`
  // The e-mails to the student carry no link; their in-app notification opens the request's page (status only).
  const toStudent = (email: EmailToQueue, id: string): EmailToQueue => ({ ...email, link: requestLink(id) })
  const uploadLink = (token: string) => `${appOrigin}/letters/upload/${token}`

  function about(row: LetterRequestRow) {
    const specialty = row.specialtyId ? SPECIALTIES.find((s) => s.id === row.specialtyId)?.name : undefined
    const purposeText =
      row.purpose === 'specialty'
        ? `for ${specialty ?? 'a specialty'} applications`
        : row.purpose === 'program'
          ? `for ${row.programName ?? 'a program'}`
          : 'for general use'
    return { studentName: row.studentName, writerName: row.writerDisplayName, letterType: row.letterType, dueDate: row.dueDate, purposeText }
  }

  async function load(actor: Actor, id: string, meta: RequestMeta | null = null): Promise<{ row: LetterRequestRow; kind: LetterViewKind }> {
    const row = await repo.findRequestById(id)
    const kind = row ? letterViewOf(actor, row) : null
    // Not found and not visible answer alike.
    if (!row || !kind) throw new AppError('NOT_FOUND', NOT_VISIBLE)
    // An advisor reads a request as part of the student's record: the same gate as every other.
    if (kind === 'advisor') await advising.assertCanReadStudentRecord(actor, row.studentId, 'letter-request', meta).catch(notVisible)
    return { row, kind }
  }

  /** The view of one request for one viewer, built field by field (decision 003, 008). */
  async function buildView(actor: Actor, row: LetterRequestRow, kind: LetterViewKind): Promise<LetterRequestView> {
    const now = clock.now()
    const view: LetterRequestView = {
      id: row.id,
      student: { id: row.studentId, name: row.studentName },
      writer: {
        personId: row.writerPersonId,
        name: row.writerDisplayName,
        outside: row.writerPersonId === null,
        ...(kind === 'admin' && row.writerAddress ? { email: row.writerAddress } : {}),
      },
      purpose: row.purpose,
      specialtyId: row.specialtyId,
      programName: row.programName,
      letterType: row.letterType,
      dueDate: row.dueDate,
      erasLetterId: row.erasLetterId,
      waivedRightOfAccess: row.waivedRightOfAccess,
      waiverRecordedAt: row.waiverRecordedAt.toISOString(),
      status: row.status,
      statusChangedAt: row.statusChangedAt.toISOString(),
      writerMessage: row.writerMessage,
      createdAt: row.createdAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      deliveredAt: row.deliveredAt?.toISOString() ?? null,
      isLate: isLate(row.status, row.dueDate, now),
    }
    if (canSeePacket(actor, row)) {
      const packet = await repo.findPacketSummary(row.id)
      const file = (document: LetterPacketDocument) => {
        const found = packet.find((p) => p.document === document)
        return found ? { sizeBytes: found.sizeBytes, uploadedAt: found.uploadedAt.toISOString() } : null
      }
      view.talkingPoints = row.talkingPoints
      view.packet = { cv: file('cv'), personalStatement: file('personal-statement') }
    }
    // The letter section exists only for those who may read the letter: a student who waived
    // access gets a view without the key at all.
    if (canSeeLetterSection(actor, row)) {
      const letter = await repo.findLetterSummary(row.id)
      view.letter = letter ? { sizeBytes: letter.sizeBytes, uploadedAt: letter.uploadedAt.toISOString() } : null
    }
    if (kind === 'student') {
      const next = nextNudgeAt(row.createdAt, row.lastNudgedAt, now)
      view.thankedAt = row.thankedAt?.toISOString() ?? null
      view.nudge = { lastNudgedAt: row.lastNudgedAt?.toISOString() ?? null, nextNudgeAt: next?.toISOString() ?? null }
    }
    if (canManageUploadLink(actor, row)) {
      if (row.writerPersonId !== null) view.uploadLink = null
      else {
        const link = await repo.findLatestUploadLink(row.id)
        view.uploadLink = link
          ? { active: uploadLinkState(link, now) === 'usable', expiresAt: link.expiresAt.toISOString() }
          : { active: false, expiresAt: null }
      }
    }
    return view
  }

  async function view(actor: Actor, id: string, meta: RequestMeta | null = null): Promise<LetterRequestView> {
    const { row, kind } = await load(actor, id, meta)
    return buildView(actor, row, kind)
  }

  /** Moves the request by `event` within one transaction with its audit row and e-mail. */
  async function move(
    actor: Actor,
    row: LetterRequestRow,
    event: LetterEvent,
    meta: RequestMeta,
    extra: Partial<Parameters<LettersRepository['updateRequestIfStatus']>[2]>,
    after?: (tx: Tx) => Promise<void>,
  ) {
    const next = transition(row.status, event)
    if (!next) throw new AppError('CONFLICT', `This request is ${row.status.replace('-', ' ')}; it cannot be ${pastTense(event)} now.`)
    const now = clock.now()
    await db.transaction(async (tx) => {
      const moved = await repo.updateRequestIfStatus(row.id, statusesAllowing(event), { status: next, statusChangedAt: now, ...extra }, tx)
      if (!moved) throw new AppError('CONFLICT', 'This request changed in the meantime. Reload it and try again.')
      await audit.record({ actorId: actor.personId, action: `letter.${pastTense(event)}`, objectType: 'letter-request', objectId: row.id }, meta, tx)
      await after?.(tx)
    })
  }

  function assertPdf(bytes: Uint8Array, max: number, field: string) {
    const problem = checkPdf(bytes, max)
    if (problem) throw new AppError(problem.code, problem.message, { [field]: problem.message })
  }

  /** A new one-time link for the outside writer, counted against the typed-address mail limit. */
  async function issueLink(actorId: string, row: LetterRequestRow, address: string, tx: Tx): Promise<{ token: string; expiresAt: Date }> {
    await rateLimits.take(typedAddressMailRules(actorId, address), tx)
    const token = newSecret()
    const now = clock.now()
    const expiresAt = uploadLinkExpiresAt(row.dueDate, now)
    await repo.insertUploadLink({ requestId: row.id, tokenHash: hashSecret(token), createdAt: now, createdBy: actorId, expiresAt }, tx)
    return { token, expiresAt }
  }

  /**
   * An outside writer must be someone else: not the student (any of their addresses), not
   * another student, not an address at the school's student domain (README, "Writers").
   */
  async function assertOutsideWriterAddress(actor: Actor, email: string) {
    const own = (await repo.findPersonIncludeRoles(actor.personId))?.email
    if (own && plainAddress(own) === plainAddress(email)) {
      throw new AppError('VALIDATION_FAILED', 'You cannot be your own letter writer. Give the writer’s own e-mail address.', {
        writerEmail: 'This is your address; give the writer’s.',
      })
    }
    const match = await studentAddresses.findStudentAddressMatch(email)
    if (match === 'student')
      throw new AppError('VALIDATION_FAILED', 'Letters come from writers, not students: this address belongs to a student. Give the writer’s own address.', {
        writerEmail: 'Use the writer’s own address, not a student’s.',
      })
    if (match === 'student-domain')
      throw new AppError(
        'VALIDATION_FAILED',
        'Letters come from writers, not students: this is the school’s student e-mail domain. Give the writer’s own work address.',
        { writerEmail: 'Use the writer’s own address, not a student address.' },
      )
  }

  async function usableLink(token: string) {
    const link = token.length <= 100 ? await repo.findUploadLinkByHash(hashSecret(token)) : null
    if (!link || uploadLinkState(link, clock.now()) !== 'usable') throw new AppError('NOT_FOUND', LINK_NOT_VALID)
    const row = await repo.findRequestById(link.requestId)
    if (!row || !isOpen(row.status)) throw new AppError('NOT_FOUND', LINK_NOT_VALID)
    return { link, row }
  }

  return {
    async createRequest(actor: Actor, input: CreateLetterRequest, meta: RequestMeta): Promise<CreateLetterResponse> {
      const now = clock.now()
      if (input.dueDate < utcDate(now))
        throw new AppError('VALIDATION_FAILED', 'The due date has passed. Choose a later date.', { dueDate: 'Choose today or a later date.' })
      if (input.writerPersonId) {
        const writer = await repo.findPersonIncludeRoles(input.writerPersonId)
        if (writer?.status !== 'active' || !writer.roles.includes('mentor')) {
          throw new AppError('VALIDATION_FAILED', 'Choose a writer who is a mentor in Preceptor, or name an outside writer.', {
            writerPersonId: 'Not a mentor in Preceptor.',
          })
        }
        if (writer.id === actor.personId)
          throw new AppError('VALIDATION_FAILED', 'You cannot ask yourself for a letter.', { writerPersonId: 'Choose someone else.' })
      }
      if (!input.writerPersonId && input.writerEmail) await assertOutsideWriterAddress(actor, input.writerEmail)
      const outside = !input.writerPersonId
      const id = await db.transaction(async (tx) => {
        const id = await repo.insertRequest(
          {
            studentId: actor.personId,
            writerPersonId: input.writerPersonId ?? null,
            writerName: outside ? (input.writerName ?? null) : null,
            writerEmail: outside ? (input.writerEmail ?? null) : null,
            purpose: input.purpose,
            specialtyId: input.purpose === 'specialty' ? (input.specialtyId ?? null) : null,
            programName: input.purpose === 'program' ? (input.programName ?? null) : null,
            letterType: input.letterType,
            dueDate: input.dueDate,
            erasLetterId: input.erasLetterId || null,
            talkingPoints: input.talkingPoints ?? '',
            ...recordWaiver(input.waivedRightOfAccess, actor.personId, now),
            status: 'requested',
            statusChangedAt: now,
            createdAt: now,
          },
          tx,
        )
        const row = await repo.findRequestById(id, tx)
        if (!row?.writerAddress) throw new Error('The new letter request has no writer address.')
        if (outside) {
          const { token, expiresAt } = await issueLink(actor.personId, row, row.writerAddress, tx)
          await notifications.enqueue(letterRequestedEmail(row.writerAddress, about(row), uploadLink(token), { expiresAt }), tx)
        } else {
          await notifications.enqueue(letterRequestedEmail(row.writerAddress, about(row), requestLink(id), null), tx)
        }
        await audit.record(
          {
            actorId: actor.personId,
            action: input.waivedRightOfAccess ? 'letter.requested.waived' : 'letter.requested.not-waived',
            objectType: 'letter-request',
            objectId: id,
          },
          meta,
          tx,
        )
        return id
      })
      return { request: await view(actor, id), dueDateWarning: dueDateWarning(input.dueDate, now) }
    },

    getRequest: (actor: Actor, id: string, meta: RequestMeta) => view(actor, id, meta),

    async listMine(actor: Actor): Promise<MyLettersResponse> {
      const rows = await repo.listRequestsByStudent(actor.personId)
      const items = await Promise.all(rows.map((row) => buildView(actor, row, 'student')))
      const revocation = await repo.findLatestWaiverRevocation(actor.personId)
      return {
        items,
        done: items.filter((i) => isDone(i.status)).map((i) => i.id),
        late: items.filter((i) => i.isLate).map((i) => i.id),
        toThank: items.filter((i) => isDone(i.status) && !i.thankedAt).map((i) => ({ requestId: i.id, writerName: i.writer.name })),
        waiverRevokedAt: revocation?.revokedAt.toISOString() ?? null,
      }
    },

    /**
     * The status of each letter request of many students at once (one query), for a class view
     * whose caller has already checked it may see these students; nothing of a letter's content.
     */
    async mapLetterStatusesOfStudents(studentIds: readonly string[]): Promise<Map<string, LetterStatus[]>> {
      const byStudent = new Map<string, LetterStatus[]>()
      for (const row of await repo.listStatusesOfStudents(studentIds)) {
        const list = byStudent.get(row.studentId)
        if (list) list.push(row.status)
        else byStudent.set(row.studentId, [row.status])
      }
      return byStudent
    },

    /**
     * Open requests of many students (null: every student) with status and dates only, for the
     * office's letters dashboard (reporting), whose caller has already decided which students it may see.
     */
    listOpenLetterRequestsOfStudents: (studentIds: readonly string[] | null): Promise<OpenLetterRequest[]> => listOpenLetterRequests(db, studentIds),

    async listWriting(actor: Actor): Promise<WriterLettersResponse> {
      const rows = await repo.listRequestsByWriter(actor.personId)
      const items = await Promise.all(rows.map((row) => buildView(actor, row, 'writer')))
      // Counted from the same rows the lists show, so the two cannot disagree.
      return { items, load: writerLoad(rows, clock.now()) }
    },

    /**
     * A student's requests for staff: their assigned advisors, through the one student-record gate
     * (audited), and admins, whom letters grant the right because the Office delivers every letter.
     */
    async listForStudent(actor: Actor, studentId: string, meta: RequestMeta): Promise<{ items: LetterRequestView[] }> {
      await advising.assertCanReadStudentRecord(actor, studentId, 'letters', meta, ['admin'])
      const person = await repo.findPersonIncludeRoles(studentId)
      if (!person?.roles.includes('student')) throw new AppError('NOT_FOUND', 'No such student.')
      const rows = await repo.listRequestsByStudent(studentId)
      return { items: await Promise.all(rows.map((row) => buildView(actor, row, letterViewOf(actor, row) ?? 'advisor'))) }
    },

    async listAll(actor: Actor, query: LetterListQuery): Promise<LetterRequestPage> {
      const { rows, total } = await repo.listRequests(query.status, query.page, query.pageSize)
      return { items: await Promise.all(rows.map((row) => buildView(actor, row, 'admin'))), total, page: query.page, pageSize: query.pageSize }
    },

    async withdraw(actor: Actor, id: string, meta: RequestMeta) {
      const { row, kind } = await load(actor, id)
      if (kind !== 'student') throw new AppError('FORBIDDEN', 'Only the student who asked may withdraw a request.')
      await move(actor, row, 'withdraw', meta, {}, async (tx) => {
        await repo.revokeOpenUploadLinks(row.id, actor.personId, clock.now(), tx)
        if (row.writerAddress) await notifications.enqueue(letterWithdrawnEmail(row.writerAddress, about(row)), tx)
      })
      return view(actor, id)
    },

    async nudge(actor: Actor, id: string, meta: RequestMeta) {
      const { row, kind } = await load(actor, id)
      if (kind !== 'student') throw new AppError('FORBIDDEN', 'Only the student who asked may nudge the writer.')
      if (!isOpen(row.status)) throw new AppError('CONFLICT', 'There is nothing to nudge about: the writer is no longer working on this letter.')
      const now = clock.now()
      const next = nextNudgeAt(row.createdAt, row.lastNudgedAt, now)
      if (next) {
        const why = row.lastNudgedAt ? 'You nudged this writer recently.' : 'Give the writer a week to answer first.'
        throw new AppError('RATE_LIMITED', `${why} You can send a note after ${next.toISOString().slice(0, 16).replace('T', ' ')} UTC.`, undefined, {
          retryAfterSeconds: (next.getTime() - now.getTime()) / 1000,
        })
      }
      await db.transaction(async (tx) => {
        const claimed = await repo.claimNudge(row.id, now, new Date(now.getTime() - 72 * MS_PER_HOUR), tx)
        if (!claimed) throw new AppError('RATE_LIMITED', 'You nudged this writer recently.', undefined, { retryAfterSeconds: (72 * MS_PER_HOUR) / 1000 })
        if (row.writerAddress) {
          const link = row.writerPersonId
            ? requestLink(row.id)
            : 'Use the upload link from the first e-mail; if it has expired, reply to the student for a new one.'
          await notifications.enqueue(nudgeEmail(row.writerAddress, about(row), link), tx)
        }
        await audit.record({ actorId: actor.personId, action: 'letter.nudged', objectType: 'letter-request', objectId: row.id }, meta, tx)
      })
      return view(actor, id)
    },

    async markThanked(actor: Actor, id: string, meta: RequestMeta) {
      const { row, kind } = await load(actor, id)
      if (kind !== 'student') throw new AppError('FORBIDDEN', 'Only the student who asked may mark the writer thanked.')
      if (!isDone(row.status)) throw new AppError('CONFLICT', 'Thank the writer once the letter is submitted.')
      await db.transaction(async (tx) => {
        await repo.markThanked(row.id, clock.now(), tx)
        await audit.record({ actorId: actor.personId, action: 'letter.thanked', objectType: 'letter-request', objectId: row.id }, meta, tx)
      })
      return view(actor, id)
    },

    async reply(actor: Actor, id: string, accepted: boolean, input: WriterReply, meta: RequestMeta) {
      const { row } = await load(actor, id)
      if (!isWriterOf(actor, row)) throw new AppError('FORBIDDEN', 'Only the writer asked may accept or decline.')
      const message = input.message ? input.message : null
      await move(actor, row, accepted ? 'accept' : 'decline', meta, { writerMessage: message }, async (tx) => {
        await notifications.enqueue(toStudent(writerRepliedEmail(row.studentEmail, about(row), accepted, message), row.id), tx)
      })
      return view(actor, id)
    },

    async markInProgress(actor: Actor, id: string, meta: RequestMeta) {
      const { row } = await load(actor, id)
      if (!isWriterOf(actor, row)) throw new AppError('FORBIDDEN', 'Only the writer may mark the letter in progress.')
      await move(actor, row, 'start', meta, {})
      return view(actor, id)
    },

    async deliver(actor: Actor, id: string, meta: RequestMeta) {
      const { row } = await load(actor, id)
      if (!actor.roles.includes('admin')) throw new AppError('FORBIDDEN', 'Only the Office of Student Affairs delivers letters.')
      const now = clock.now()
      await move(actor, row, 'deliver', meta, { deliveredAt: now, deliveredBy: actor.personId }, async (tx) => {
        await notifications.enqueue(toStudent(letterDeliveredEmail(row.studentEmail, about(row)), row.id), tx)
      })
      return view(actor, id)
    },

    async uploadPacketDocument(actor: Actor, id: string, document: LetterPacketDocument, bytes: Uint8Array, meta: RequestMeta) {
      const { row, kind } = await load(actor, id)
      if (kind !== 'student') throw new AppError('FORBIDDEN', 'Only the student who asked may change the packet.')
      if (!isOpen(row.status)) throw new AppError('CONFLICT', 'The packet can change only while the writer is still working on the letter.')
      assertPdf(bytes, MAX_PACKET_DOCUMENT_BYTES, document)
      await db.transaction(async (tx) => {
        await repo.upsertPacketDocument(row.id, document, bytes, clock.now(), tx)
        await audit.record({ actorId: actor.personId, action: `letter.packet-uploaded.${document}`, objectType: 'letter-request', objectId: row.id }, meta, tx)
      })
      return view(actor, id)
    },

    /**
     * A version of one of the student's own documents as a packet PDF. Letters never read the
     * materials tables: the caller passes `render`, which asks the materials service for the PDF
     * (the student's own version, of the right kind, their name and its text, no comments). It is
     * called only once this request is known to be the caller's and open, and the file is stored
     * as an upload is, so the writer and the office read it exactly as before and nobody else.
     */
    async attachPacketDocumentFrom(actor: Actor, id: string, document: LetterPacketDocument, render: () => Promise<Uint8Array>, meta: RequestMeta) {
      const { row, kind } = await load(actor, id)
      if (kind !== 'student') throw new AppError('FORBIDDEN', 'Only the student who asked may change the packet.')
      if (!isOpen(row.status)) throw new AppError('CONFLICT', 'The packet can change only while the writer is still working on the letter.')
      const bytes = await render()
      assertPdf(bytes, MAX_PACKET_DOCUMENT_BYTES, document)
      await db.transaction(async (tx) => {
        await repo.upsertPacketDocument(row.id, document, bytes, clock.now(), tx)
        await audit.record(
          { actorId: actor.personId, action: `letter.packet-attached-version.${document}`, objectType: 'letter-request', objectId: row.id },
          meta,
          tx,
        )
      })
      return view(actor, id)
    },

    async getPacketDocument(actor: Actor, id: string, document: LetterPacketDocument): Promise<Uint8Array> {
      const { row } = await load(actor, id)
      if (!canSeePacket(actor, row)) throw new AppError('NOT_FOUND', NOT_VISIBLE)
      const bytes = await repo.findPacketDocument(row.id, document)
      if (!bytes) throw new AppError('NOT_FOUND', 'This document has not been uploaded.')
      return bytes
    },

    async uploadLetter(actor: Actor, id: string, bytes: Uint8Array, meta: RequestMeta) {
      const { row } = await load(actor, id)
      if (!isWriterOf(actor, row)) throw new AppError('FORBIDDEN', 'Only the writer asked may upload the letter.')
      assertPdf(bytes, MAX_LETTER_BYTES, 'letter')
      const now = clock.now()
      const first = row.status !== 'submitted'
      await move(actor, row, 'submit', meta, first ? { submittedAt: now } : {}, async (tx) => {
        await repo.upsertLetterContent(row.id, bytes, sha256(bytes), actor.personId, now, tx)
        if (first) await notifications.enqueue(toStudent(letterSubmittedEmail(row.studentEmail, about(row)), row.id), tx)
      })
      return view(actor, id)
    },

    /**
     * The letter's bytes, for its writer and admins, and for the student only when they did not
     * waive access. Every read is audited before the bytes leave.
     */
    async readLetter(actor: Actor, id: string, meta: RequestMeta): Promise<Uint8Array> {
      const { row } = await load(actor, id)
      if (!canReadLetterContent(actor, row)) throw new AppError('FORBIDDEN', 'You waived your right to read this letter, or it is not yours to read.')
      const bytes = await repo.findLetterContent(row.id)
      if (!bytes) throw new AppError('NOT_FOUND', 'No letter has been uploaded yet.')
      await audit.record(
        { actorId: actor.personId, action: row.waivedRightOfAccess ? 'letter.read.waived' : 'letter.read', objectType: 'letter-request', objectId: row.id },
        meta,
      )
      return bytes
    },

    async issueUploadLink(actor: Actor, id: string, meta: RequestMeta) {
      const { row } = await load(actor, id)
      if (!canManageUploadLink(actor, row)) throw new AppError('FORBIDDEN', 'Only the student who asked, or an admin, may send a new link.')
      if (row.writerPersonId !== null || !row.writerAddress)
        throw new AppError('CONFLICT', 'This writer has a Preceptor account and uploads there; no link is needed.')
      if (!isOpen(row.status)) throw new AppError('CONFLICT', 'The writer is no longer working on this letter.')
      const address = row.writerAddress
      await db.transaction(async (tx) => {
        await repo.revokeOpenUploadLinks(row.id, actor.personId, clock.now(), tx)
        const { token, expiresAt } = await issueLink(actor.personId, row, address, tx)
        await notifications.enqueue(uploadLinkEmail(address, about(row), uploadLink(token), expiresAt), tx)
        await audit.record({ actorId: actor.personId, action: 'letter.upload-link-issued', objectType: 'letter-request', objectId: row.id }, meta, tx)
      })
      return view(actor, id)
    },

    async revokeUploadLink(actor: Actor, id: string, meta: RequestMeta) {
      const { row } = await load(actor, id)
      if (!canManageUploadLink(actor, row)) throw new AppError('FORBIDDEN', 'Only the student who asked, or an admin, may revoke the link.')
      await db.transaction(async (tx) => {
        const revoked = await repo.revokeOpenUploadLinks(row.id, actor.personId, clock.now(), tx)
        if (revoked === 0) throw new AppError('CONFLICT', 'There is no open upload link to revoke.')
        await audit.record({ actorId: actor.personId, action: 'letter.upload-link-revoked', objectType: 'letter-request', objectId: row.id }, meta, tx)
      })
      return view(actor, id)
    },

    async revokeWaiver(actor: Actor, input: RevokeWaiverRequest, meta: RequestMeta) {
      const now = clock.now()
      await db.transaction(async (tx) => {
        await repo.insertWaiverRevocation(actor.personId, input.statement, now, tx)
        await audit.record({ actorId: actor.personId, action: 'letter.waiver-revoked', objectType: 'person', objectId: actor.personId }, meta, tx)
      })
      return { revokedAt: now.toISOString() }
    },

    async getUploadLinkSummary(token: string): Promise<UploadLinkSummary> {
      const { link, row } = await usableLink(token)
      const packet = await repo.findPacketSummary(row.id)
      return {
        studentName: row.studentName,
        writerName: row.writerDisplayName,
        purpose: row.purpose,
        specialtyId: row.specialtyId,
        programName: row.programName,
        letterType: row.letterType,
        dueDate: row.dueDate,
        erasLetterId: row.erasLetterId,
        waivedRightOfAccess: row.waivedRightOfAccess,
        talkingPoints: row.talkingPoints,
        packet: { cv: packet.some((p) => p.document === 'cv'), personalStatement: packet.some((p) => p.document === 'personal-statement') },
        expiresAt: link.expiresAt.toISOString(),
      }
    },

    async getUploadLinkPacketDocument(token: string, document: LetterPacketDocument): Promise<Uint8Array> {
      const { row } = await usableLink(token)
      const bytes = await repo.findPacketDocument(row.id, document)
      if (!bytes) throw new AppError('NOT_FOUND', 'This document has not been uploaded.')
      return bytes
    },

    /** The one upload a link allows: the link is claimed in the same transaction as the letter. */
    async uploadLetterByLink(token: string, bytes: Uint8Array, meta: RequestMeta): Promise<{ ok: true }> {
      const { row } = await usableLink(token)
      assertPdf(bytes, MAX_LETTER_BYTES, 'letter')
      const now = clock.now()
      await db.transaction(async (tx) => {
        const requestId = await repo.claimUploadLink(hashSecret(token), now, tx)
        if (requestId !== row.id) throw new AppError('NOT_FOUND', LINK_NOT_VALID)
        const moved = await repo.updateRequestIfStatus(row.id, OPEN_STATUSES, { status: 'submitted', statusChangedAt: now, submittedAt: now }, tx)
        if (!moved) throw new AppError('NOT_FOUND', LINK_NOT_VALID)
        await repo.upsertLetterContent(row.id, bytes, sha256(bytes), null, now, tx)
        await notifications.enqueue(toStudent(letterSubmittedEmail(row.studentEmail, about(row)), row.id), tx)
        await audit.record({ actorId: null, action: 'letter.submitted.by-link', objectType: 'letter-request', objectId: row.id }, meta, tx)
      })
      return { ok: true }
    },

    /**
     * An outside writer declines through their link: the link is used up and the request
     * declined in one transaction, and the student is told (with the writer's message, if any).
     */
    async declineByLink(token: string, input: WriterReply, meta: RequestMeta): Promise<{ ok: true }> {
      const { row } = await usableLink(token)
      const message = input.message ? input.message : null
      const now = clock.now()
      await db.transaction(async (tx) => {
        const requestId = await repo.claimUploadLink(hashSecret(token), now, tx)
        if (requestId !== row.id) throw new AppError('NOT_FOUND', LINK_NOT_VALID)
        const moved = await repo.updateRequestIfStatus(
          row.id,
          statusesAllowing('decline'),
          { status: 'declined', statusChangedAt: now, writerMessage: message },
          tx,
        )
        if (!moved) throw new AppError('NOT_FOUND', LINK_NOT_VALID)
        await notifications.enqueue(toStudent(writerRepliedEmail(row.studentEmail, about(row), false, message), row.id), tx)
        await audit.record({ actorId: null, action: 'letter.declined.by-link', objectType: 'letter-request', objectId: row.id }, meta, tx)
      })
      return { ok: true }
    },

    /**
     * Sends the reminders that are due: for each open request due within two weeks, the most
     * urgent reminder not yet sent (domain/reminders.ts). Each is claimed in `letter_reminders`
     * (primary key: request and kind) in the same transaction as its e-mail, so concurrent
     * sweeps never send one twice. Returns how many were sent.
     */
    async sendDueLetterReminders(now: Date = clock.now()): Promise<number> {
      const horizon = utcDate(new Date(now.getTime() + 15 * MS_PER_DAY))
      const work = await repo.listRemindable(horizon, OPEN_STATUSES)
      let sent = 0
      for (const { request, sent: already } of work) {
        const kind = reminderDue(request, now, already)
        if (!kind || !request.writerAddress) continue
        const link = request.writerPersonId
          ? requestLink(request.id)
          : 'Use the upload link from the first e-mail; if it has expired, reply to the student for a new one.'
        const claimed = await db.transaction(async (tx) => {
          if (!(await repo.claimReminder(request.id, kind, now, tx))) return false
          await notifications.enqueue(reminderEmail(request.writerAddress as string, about(request), kind, link), tx)
          return true
        })
        if (claimed) sent++
      }
      return sent
    },
  }
}

/** The gate's NOT_FOUND, worded as every other letter request that is not visible. */
function notVisible(error: unknown): never {
  if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', NOT_VISIBLE)
  throw error
}

/** An address without case or `+tag`: `Maya+x@School.edu` is `maya@school.edu`. */
function plainAddress(email: string): string {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@')
  return `${local.split('+')[0]}@${domain}`
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function pastTense(event: LetterEvent): string {
  const words: Record<LetterEvent, string> = {
    accept: 'accepted',
    decline: 'declined',
    start: 'started',
    submit: 'submitted',
    deliver: 'delivered',
    withdraw: 'withdrawn',
  }
  return words[event]
}

export type LettersService = ReturnType<typeof createLettersService>
