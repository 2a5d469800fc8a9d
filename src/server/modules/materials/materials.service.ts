import type { Database } from '#server/db/client.ts'
import type {
  AcceptSuggestions,
  Comparison,
  CreateDocument,
  DocumentList,
  DocumentSummary,
  DocumentView,
  MyReviews,
  ReviewerOptions,
  SaveVersion,
  ShareVersion,
  StartThread,
  ThreadView,
  VersionSummary,
  VersionView,
} from '#shared/contracts/materials.ts'
import type { LetterPacketDocument } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import { countCharacters, MATERIAL_KIND_LABELS, MATERIAL_STORAGE_LIMIT, type MaterialKind } from '#shared/reference/application-limits.ts'
import type { Clock } from '../../clock.ts'
import type { Actor } from '../../http/app-env.ts'
import { listPeopleByIds, listPeopleWithRoleByIds, mapPersonNamesByIds, searchPeopleIds } from '../identity/people-reads.ts'
import type { RateLimits, RateRule } from '../identity/rate-limits.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { createAttachedVersions } from './attached-versions.ts'
import { anchorAcrossVersions } from './domain/anchor-across-versions.ts'
import { applyReplacements } from './domain/apply-suggestions.ts'
import { rangeProblems } from './domain/text-range.ts'
import { diffTotals, diffWords } from './domain/word-diff.ts'
import { pdfFileName } from './domain/pdf-file-name.ts'
import { reviewReminderWindow } from './domain/review-reminder.ts'
import { type DocxProblem, docxText } from './materials-docx.ts'
import { reviewReminderEmail, reviewRequestedEmail } from './materials-emails.ts'
import { renderVersionPdf } from './materials-pdf.ts'
import { canReview, canTakePartInThread, versionAccess } from './materials.policy.ts'
import { listOpenReviewRequests, type OpenReviewRequest } from './open-review-reads.ts'
import type { DocumentRow, MaterialsRepository, ReplyRow, ThreadRow, VersionRow, VersionSummaryRow } from './materials.repository.ts'

/** A text drafted by another module for the student, saved through `saveDrafts`. */
export type DraftDocument = { kind: MaterialKind; title: string; target: string; body: string }
export type SavedDraft = { documentId: string; title: string; kind: MaterialKind; versionNumber: number; changed: boolean }

export type MaterialsDeps = {
  db: Database
  repo: MaterialsRepository
  clock: Clock
  notifications: NotificationsService
  rateLimits: RateLimits
  appOrigin: string
}

/** Shares one student may send in a day: each e-mails up to five people, so a runaway page or a prank cannot flood mentors' inboxes. */
export const SHARES_PER_DAY = 20
const REMINDER_BATCH = 100

function shareRule(studentId: string): RateRule {
  return {
    scope: 'materials.share',
    key: studentId,
    limit: SHARES_PER_DAY,
    windowMinutes: 24 * 60,
    message: `You have shared documents ${SHARES_PER_DAY} times today, the most allowed. Please share again tomorrow.`,
    field: 'reviewerIds',
  }
}

// One answer for "no such thing" and "not yours": a stranger learns nothing from the difference.
const NO_DOCUMENT = 'No such document.'
const NO_VERSION = 'No such version, or it was not shared with you.'
const NO_THREAD = 'No such comment.'

const DOCX_REFUSALS: Record<DocxProblem, ['UNSUPPORTED_MEDIA_TYPE' | 'VALIDATION_FAILED', string]> = {
  'not-docx': ['UNSUPPORTED_MEDIA_TYPE', 'This is not a Word (.docx) file. Open it in Word or another editor and save it as .docx, or paste the text.'],
  'old-or-protected': [
    'UNSUPPORTED_MEDIA_TYPE',
    'This is an older Word file (.doc) or a password-protected one. Save it as .docx without a password, or paste the text.',
  ],
  'too-large-inside': ['VALIDATION_FAILED', 'This Word file unpacks to more than 64 MB. Save a copy without images, or paste the text.'],
  unreadable: ['VALIDATION_FAILED', 'This Word file could not be read (it may be damaged). Save it again as .docx, or paste the text.'],
}

const versionSummary = (v: VersionSummaryRow): VersionSummary => ({
  id: v.id,
  number: v.number,
  createdAt: v.createdAt.toISOString(),
  characters: v.characters,
  note: v.note,
})

/**
 * Application materials: a student's documents as immutable versions, each version shared with
 * reviewers the student picks, who comment on ranges of its text and suggest new wording; the
 * student accepts suggestions into a new version and compares any two. Only the student and, for
 * a version shared with them, each reviewer read anything here (materials.policy.ts).
 */
export function createMaterialsService(deps: MaterialsDeps) {
  const { db, repo, clock, notifications, rateLimits, appOrigin } = deps
  const reviewLink = (versionId: string) => `${appOrigin}/materials/versions/${versionId}`

  /** The caller's own document, or 404 (another student's document does not exist for them). */
  async function ownDocument(actor: Actor, documentId: string): Promise<DocumentRow> {
    const doc = await repo.findDocumentById(documentId)
    if (!doc || versionAccess(actor, doc.studentId, false) !== 'owner') throw new AppError('NOT_FOUND', NO_DOCUMENT)
    return doc
  }

  /** A version the caller may read, with its document and how they stand to it. */
  async function readableVersion(actor: Actor, versionId: string) {
    const version = await repo.findVersionById(versionId)
    const doc = version ? await repo.findDocumentById(version.documentId) : null
    if (!version || !doc) throw new AppError('NOT_FOUND', NO_VERSION)
    const request = doc.studentId === actor.personId ? null : await repo.findReviewRequest(version.id, actor.personId)
    const access = versionAccess(actor, doc.studentId, request !== null)
    if (!access) throw new AppError('NOT_FOUND', NO_VERSION)
    return { version, doc, access, request }
  }

  async function summaries(docs: readonly DocumentRow[]): Promise<(DocumentSummary & { versions: VersionSummary[] })[]> {
    const ids = docs.map((d) => d.id)
    const [versions, open] = await Promise.all([repo.listVersionSummaries(ids), repo.countOpenThreadsByDocument(ids)])
    return docs.flatMap((d) => {
      const own = versions.filter((v) => v.documentId === d.id).map(versionSummary)
      const latest = own[0]
      if (!latest) return []
      return [
        {
          id: d.id,
          kind: d.kind,
          title: d.title,
          target: d.target,
          latestVersion: latest,
          versionCount: own.length,
          openThreads: open.get(d.id) ?? 0,
          updatedAt: d.updatedAt.toISOString(),
          versions: own,
        },
      ]
    })
  }

  async function listMyDocuments(actor: Actor): Promise<DocumentList> {
    const items = await summaries(await repo.listDocumentsOfStudent(actor.personId))
    return { items: items.map(({ versions: _versions, ...summary }) => summary) }
  }

  async function getDocument(actor: Actor, documentId: string): Promise<DocumentView> {
    const doc = await ownDocument(actor, documentId)
    const [summary] = await summaries([doc])
    if (!summary) throw new AppError('NOT_FOUND', NO_DOCUMENT)
    const requests = await repo.listReviewRequestsOfVersions(summary.versions.map((v) => v.id))
    const names = await mapPersonNamesByIds(
      db,
      requests.map((r) => r.reviewerId),
    )
    const numberOf = new Map(summary.versions.map((v) => [v.id, v.number]))
    return {
      ...summary,
      reviews: requests.map((r) => ({
        id: r.id,
        versionId: r.versionId,
        versionNumber: numberOf.get(r.versionId) ?? 0,
        reviewer: { id: r.reviewerId, name: names.get(r.reviewerId) ?? 'A reviewer' },
        question: r.question,
        dueDate: r.dueDate,
        createdAt: r.createdAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null,
      })),
    }
  }

  async function createDocument(actor: Actor, input: CreateDocument): Promise<DocumentView> {
    const now = clock.now()
    const doc = await db.transaction(async (tx) => {
      const row = await repo.insertDocument(
        { studentId: actor.personId, kind: input.kind, title: input.title, target: input.target, createdAt: now, updatedAt: now },
        tx,
      )
      await repo.insertVersion({ documentId: row.id, number: 1, body: input.body, note: 'Written', createdAt: now }, tx)
      return row
    })
    return getDocument(actor, doc.id)
  }

  /** Saves the student's edit as the next version, refusing a save over a version they did not see (409, nothing lost: the page keeps their text). */
  async function saveVersion(actor: Actor, documentId: string, input: SaveVersion): Promise<DocumentView> {
    await ownDocument(actor, documentId)
    await saveNext(documentId, input.basedOnVersionId, input.body, 'Edited', 'body')
    return getDocument(actor, documentId)
  }

  async function saveNext(documentId: string, basedOnVersionId: string, body: string, note: string, field: 'body' | 'file') {
    const now = clock.now()
    await db.transaction(async (tx) => {
      await repo.lockDocument(documentId, tx)
      const latest = await repo.findLatestVersion(documentId, tx)
      if (!latest) throw new AppError('NOT_FOUND', NO_DOCUMENT)
      if (latest.id !== basedOnVersionId)
        throw new AppError('CONFLICT', 'A newer version was saved since you opened this one. Copy your text, reload, and save again.', {
          basedOnVersionId: `Version ${latest.number} is newer than the one you edited.`,
        })
      if (latest.body === body)
        throw new AppError('VALIDATION_FAILED', 'Nothing changed since the last version.', {
          [field]: field === 'body' ? 'Change the text before saving a new version.' : 'This file holds the same text as the last version.',
        })
      await repo.insertVersion({ documentId, number: latest.number + 1, body, note, createdAt: now }, tx)
      await repo.touchDocument(documentId, now, tx)
    })
  }

  /**
   * A Word file's text as the document's next version (decision 028), judged by its bytes: not a
   * DOCX is 415, an empty one or one past the storage cap 400, each naming `file`. The student
   * edits from there; nothing of the file but its text is kept.
   */
  async function importDocx(actor: Actor, documentId: string, basedOnVersionId: string | undefined, bytes: Uint8Array): Promise<DocumentView> {
    await ownDocument(actor, documentId)
    if (!basedOnVersionId)
      throw new AppError('VALIDATION_FAILED', 'Say which version the file replaces.', { basedOnVersionId: 'The version you are looking at is required.' })
    const read = await docxText(bytes)
    if (!read.ok) {
      const [code, message] = DOCX_REFUSALS[read.problem]
      throw new AppError(code, message, { file: message })
    }
    if (read.text.length === 0)
      throw new AppError('VALIDATION_FAILED', 'This Word file has no text in it.', {
        file: 'This Word file has no text in it (text in images or text boxes is not read).',
      })
    const characters = countCharacters(read.text)
    if (characters > MATERIAL_STORAGE_LIMIT)
      throw new AppError('VALIDATION_FAILED', 'This file’s text is longer than a document may be.', {
        file: `The file holds ${characters.toLocaleString('en-US')} characters; a version holds at most ${MATERIAL_STORAGE_LIMIT.toLocaleString('en-US')}.`,
      })
    await saveNext(documentId, basedOnVersionId, read.text, 'Imported from a Word file', 'file')
    return getDocument(actor, documentId)
  }

  /**
   * Saves texts drafted elsewhere (the experience record's ERAS draft) as the student's own
   * documents, all in one transaction: a document of the same kind and title gets its next
   * version (none when the text is unchanged), any other a new document. Only the acting
   * student's documents are read or written, so a caller cannot reach another student's.
   */
  async function saveDrafts(actor: Actor, drafts: readonly DraftDocument[], note: string): Promise<SavedDraft[]> {
    const now = clock.now()
    return db.transaction(async (tx) => {
      const saved: SavedDraft[] = []
      for (const draft of drafts) {
        const existing = await repo.lockDocumentOfStudentByTitle(actor.personId, draft.kind, draft.title, tx)
        if (!existing) {
          const doc = await repo.insertDocument(
            { studentId: actor.personId, kind: draft.kind, title: draft.title, target: draft.target, createdAt: now, updatedAt: now },
            tx,
          )
          await repo.insertVersion({ documentId: doc.id, number: 1, body: draft.body, note, createdAt: now }, tx)
          saved.push({ documentId: doc.id, title: draft.title, kind: draft.kind, versionNumber: 1, changed: true })
          continue
        }
        const latest = await repo.findLatestVersion(existing.id, tx)
        if (latest && latest.body === draft.body) {
          saved.push({ documentId: existing.id, title: draft.title, kind: draft.kind, versionNumber: latest.number, changed: false })
          continue
        }
        const number = (latest?.number ?? 0) + 1
        await repo.insertVersion({ documentId: existing.id, number, body: draft.body, note, createdAt: now }, tx)
        await repo.touchDocument(existing.id, now, tx)
        saved.push({ documentId: existing.id, title: draft.title, kind: draft.kind, versionNumber: number, changed: true })
      }
      return saved
    })
  }

  /** Mentors listed in the directory and advisors whose name or e-mail matches, the student left out. */
  async function searchReviewers(actor: Actor, q: string): Promise<ReviewerOptions> {
    const [mentors, advisors] = await Promise.all([
      searchPeopleIds(db, { q, status: 'active', role: 'mentor', page: 1, pageSize: 15 }),
      searchPeopleIds(db, { q, status: 'active', role: 'advisor', page: 1, pageSize: 10 }),
    ])
    const allowed = await eligibleReviewers(actor, [...mentors.ids, ...advisors.ids])
    const items = [...allowed.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'))
    return { items }
  }

  async function eligibleReviewers(actor: Actor, ids: readonly string[]) {
    const [mentors, advisors] = await Promise.all([
      listPeopleWithRoleByIds(db, ids, 'mentor', { activeOnly: true, withoutDirectoryHold: true }),
      listPeopleWithRoleByIds(db, ids, 'advisor', { activeOnly: true }),
    ])
    const out = new Map<string, { id: string; name: string; email: string; roles: string[] }>()
    for (const [list, role] of [
      [mentors, 'mentor'],
      [advisors, 'advisor'],
    ] as const) {
      for (const p of list) {
        if (!canReview({ id: p.id, isListedMentor: role === 'mentor', isAdvisor: role === 'advisor' }, actor.personId)) continue
        const seen = out.get(p.id)
        out.set(p.id, { id: p.id, name: p.name, email: p.email, roles: [...(seen?.roles ?? []), role] })
      }
    }
    return out
  }

  /** Shares one version with each chosen reviewer (one request each, e-mailed), in one transaction. */
  async function shareVersion(actor: Actor, versionId: string, input: ShareVersion): Promise<DocumentView> {
    const { version, doc, access } = await readableVersion(actor, versionId)
    if (access !== 'owner') throw new AppError('NOT_FOUND', NO_VERSION)
    const today = clock.now().toISOString().slice(0, 10)
    if (input.dueDate < today) throw new AppError('VALIDATION_FAILED', 'The due date has passed.', { dueDate: 'Choose today or a later date.' })
    const reviewers = await eligibleReviewers(actor, input.reviewerIds)
    const refused = input.reviewerIds.findIndex((id) => !reviewers.has(id))
    if (refused >= 0)
      throw new AppError('VALIDATION_FAILED', 'Choose reviewers from the list: mentors in the directory and advisors.', {
        [`reviewerIds.${refused}`]: 'This person cannot be asked for a review.',
      })
    const now = clock.now()
    await db.transaction(async (tx) => {
      await rateLimits.take([shareRule(actor.personId)], tx)
      const rows = await repo.insertReviewRequests(
        [...reviewers.values()].map((r) => ({ versionId: version.id, reviewerId: r.id, question: input.question, dueDate: input.dueDate, createdAt: now })),
        tx,
      )
      // Already asked about this version: nothing new is written or sent to them.
      for (const row of rows) {
        const reviewer = reviewers.get(row.reviewerId)
        if (!reviewer) continue
        await notifications.enqueue(
          reviewRequestedEmail(reviewer, actor.name, { kind: doc.kind, versionNumber: version.number }, input, reviewLink(version.id)),
          tx,
        )
      }
    })
    return getDocument(actor, doc.id)
  }

  async function threadViews(actor: Actor, doc: DocumentRow, version: VersionRow, rows: readonly ThreadRow[]): Promise<ThreadView[]> {
    if (rows.length === 0) return []
    const versions = await repo.listVersionsWithText(doc.id)
    const numberOf = new Map(versions.map((v) => [v.id, v.number]))
    const anchors = anchorAcrossVersions(versions, rows, version.number)
    const replies = await repo.listRepliesOfThreads(rows.map((t) => t.id))
    const names = await mapPersonNamesByIds(db, [...rows.map((t) => t.authorId), ...replies.map((r) => r.authorId)])
    const person = (id: string) => ({ id, name: names.get(id) ?? 'Someone' })
    const repliesOf = (id: string) =>
      replies
        .filter((r: ReplyRow) => r.threadId === id)
        .map((r) => ({ id: r.id, author: person(r.authorId), mine: r.authorId === actor.personId, body: r.body, createdAt: r.createdAt.toISOString() }))
    // In reading order: where each sits in this text, outdated ones (no place any more) last.
    const position = (t: ThreadRow) => anchors.get(t.id)?.anchor?.start ?? Number.POSITIVE_INFINITY
    const ordered = [...rows].sort((a, b) => position(a) - position(b) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
    return ordered.flatMap((t) => {
      const placed = anchors.get(t.id)
      if (!placed) return []
      const accepted = t.suggestionState === 'accepted'
      return [
        {
          id: t.id,
          madeOnVersion: numberOf.get(t.versionId) ?? 0,
          author: person(t.authorId),
          mine: t.authorId === actor.personId,
          quote: t.quote,
          // An accepted suggestion replaced its words: it is shown with the version it went into, not as outdated.
          anchor: accepted && placed.outdated ? null : placed.anchor,
          outdated: accepted ? false : placed.outdated,
          body: t.body,
          suggestion: t.suggestion,
          suggestionState: t.suggestionState,
          acceptedIntoVersion: t.acceptedIntoVersionId ? (numberOf.get(t.acceptedIntoVersionId) ?? null) : null,
          resolved: t.resolvedAt !== null,
          replies: repliesOf(t.id),
          createdAt: t.createdAt.toISOString(),
        },
      ]
    })
  }

  /**
   * One version's text and the threads the caller may see on it: the student sees every thread
   * made on this version or an earlier one, found again in this text or marked outdated; a
   * reviewer sees only their own threads on the version shared with them.
   */
  async function getVersion(actor: Actor, versionId: string): Promise<VersionView> {
    const { version, doc, access, request } = await readableVersion(actor, versionId)
    const latest = await repo.findLatestVersion(doc.id)
    const versionIds = access === 'owner' ? (await repo.listVersionSummaries([doc.id])).map((v) => v.id) : [version.id]
    const rows = await repo.listThreadsOnVersions(versionIds, access === 'reviewer' ? actor.personId : undefined)
    const [threads, student] = await Promise.all([threadViews(actor, doc, version, rows), listPeopleByIds(db, [doc.studentId])])
    return {
      id: version.id,
      number: version.number,
      isLatest: latest?.id === version.id,
      body: version.body,
      createdAt: version.createdAt.toISOString(),
      document: { id: doc.id, kind: doc.kind, title: doc.title, target: doc.target },
      student: { id: doc.studentId, name: student[0]?.name ?? 'A student' },
      review: request ? { id: request.id, question: request.question, dueDate: request.dueDate, finishedAt: request.finishedAt?.toISOString() ?? null } : null,
      threads,
      can: { comment: access === 'reviewer', acceptSuggestions: access === 'owner' && latest?.id === version.id },
    }
  }

  /**
   * A version as a clean PDF for its student: their name, the document's kind and title, the
   * text — no comments and no reviewers' names. The student's alone (decision 028): a reviewer
   * reads the version on its page, but a file leaves the app and outlives the share, and where
   * the student's words go as a file is theirs to decide (a letter writer gets one only when the
   * student attaches it to their packet). Another student's version is 404 as everywhere here.
   */
  async function exportVersionPdf(
    actor: Actor,
    versionId: string,
  ): Promise<{ bytes: Uint8Array; fileName: string; kind: MaterialKind; versionNumber: number }> {
    const { version, doc, access } = await readableVersion(actor, versionId)
    if (access !== 'owner') throw new AppError('FORBIDDEN', 'Only the student whose document this is downloads it as a PDF.')
    const [student] = await listPeopleByIds(db, [doc.studentId])
    const studentName = student?.name ?? 'Student'
    const bytes = await renderVersionPdf({
      studentName,
      kindLabel: MATERIAL_KIND_LABELS[doc.kind],
      title: doc.title,
      target: doc.target,
      versionNumber: version.number,
      body: version.body,
    })
    return { bytes, fileName: pdfFileName(studentName, doc.title, version.number), kind: doc.kind, versionNumber: version.number }
  }

  /**
   * The PDF a letter packet takes from the student's documents: their own version, of the kind
   * the packet slot holds (a CV for the CV, a personal statement for the statement), else 400 on
   * `versionId`. The letters module stores it; it never reads these tables.
   */
  async function packetPdf(actor: Actor, versionId: string, slot: LetterPacketDocument): Promise<Uint8Array> {
    const exported = await exportVersionPdf(actor, versionId).catch((error: unknown) => {
      // In the packet form the version is a field: say so, rather than a bare 404 or 403.
      if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN'))
        throw new AppError('NOT_FOUND', NO_VERSION, { versionId: 'Choose a version of one of your own documents.' })
      throw error
    })
    if (exported.kind !== slot)
      throw new AppError('VALIDATION_FAILED', `Choose a version of your ${slot === 'cv' ? 'CV' : 'personal statement'}.`, {
        versionId: `This is your ${MATERIAL_KIND_LABELS[exported.kind].toLowerCase()}, not your ${slot === 'cv' ? 'CV' : 'personal statement'}.`,
      })
    return exported.bytes
  }

  /** A reviewer comments on a range of the version shared with them, optionally suggesting new words for it. */
  async function startThread(actor: Actor, versionId: string, input: StartThread): Promise<VersionView> {
    const { version, access } = await readableVersion(actor, versionId)
    if (access !== 'reviewer') throw new AppError('FORBIDDEN', 'Only a reviewer this version was shared with comments on it.')
    const problems = rangeProblems(version.body, input)
    if (problems) throw new AppError('VALIDATION_FAILED', 'That range is not in this version’s text.', problems)
    await repo.insertThread({
      versionId: version.id,
      authorId: actor.personId,
      start: input.start,
      end: input.end,
      quote: version.body.slice(input.start, input.end),
      body: input.body,
      suggestion: input.suggestion ?? null,
      suggestionState: input.suggestion === undefined ? null : 'pending',
      createdAt: clock.now(),
    })
    return getVersion(actor, version.id)
  }

  /** A thread the caller takes part in, with its version and document. */
  async function ownThread(actor: Actor, threadId: string) {
    const thread = await repo.findThreadById(threadId)
    const version = thread ? await repo.findVersionById(thread.versionId) : null
    const doc = version ? await repo.findDocumentById(version.documentId) : null
    if (!thread || !version || !doc || !canTakePartInThread(actor, doc.studentId, thread.authorId)) throw new AppError('NOT_FOUND', NO_THREAD)
    return { thread, version, doc, isStudent: actor.personId === doc.studentId }
  }

  /** What the caller should see after acting on a thread: the student the latest version, a reviewer the version they were shared. */
  async function viewAfter(actor: Actor, doc: DocumentRow, version: VersionRow, isStudent: boolean): Promise<VersionView> {
    if (!isStudent) return getVersion(actor, version.id)
    const latest = await repo.findLatestVersion(doc.id)
    return getVersion(actor, latest?.id ?? version.id)
  }

  async function reply(actor: Actor, threadId: string, body: string): Promise<VersionView> {
    const { thread, version, doc, isStudent } = await ownThread(actor, threadId)
    await repo.insertReply({ threadId: thread.id, authorId: actor.personId, body, createdAt: clock.now() })
    return viewAfter(actor, doc, version, isStudent)
  }

  async function resolve(actor: Actor, threadId: string): Promise<VersionView> {
    const { thread, version, doc, isStudent } = await ownThread(actor, threadId)
    if (!thread.resolvedAt) await repo.updateThread(thread.id, { resolvedAt: clock.now() })
    return viewAfter(actor, doc, version, isStudent)
  }

  /** The thread's reviewer proposes (or changes) the words to put in place of the range, while the thread is open. */
  async function suggest(actor: Actor, threadId: string, suggestion: string): Promise<VersionView> {
    const { thread, version, doc, isStudent } = await ownThread(actor, threadId)
    if (thread.authorId !== actor.personId) throw new AppError('FORBIDDEN', 'Only the reviewer who started this comment suggests wording in it.')
    if (thread.resolvedAt)
      throw new AppError('VALIDATION_FAILED', 'This comment is resolved.', { suggestion: 'This comment is resolved: start a new comment to suggest wording.' })
    if (thread.suggestionState === 'accepted')
      throw new AppError('VALIDATION_FAILED', 'This suggestion was accepted already.', { suggestion: 'The student accepted this suggestion already.' })
    await repo.updateThread(thread.id, { suggestion, suggestionState: 'pending' })
    return viewAfter(actor, doc, version, isStudent)
  }

  async function rejectSuggestion(actor: Actor, threadId: string): Promise<VersionView> {
    const { thread, version, doc, isStudent } = await ownThread(actor, threadId)
    if (!isStudent) throw new AppError('FORBIDDEN', 'Only the student accepts or rejects suggestions.')
    if (thread.suggestionState !== 'pending')
      throw new AppError('VALIDATION_FAILED', 'There is no open suggestion in this comment.', {
        threadId: 'This comment has no suggestion waiting for an answer.',
      })
    await repo.updateThread(thread.id, { suggestionState: 'rejected' })
    return viewAfter(actor, doc, version, isStudent)
  }

  /**
   * Accepts suggestions into a new version: each is placed where its words are in the newest
   * version (found again if edits moved them), all in one transaction with the new version.
   */
  async function acceptSuggestions(actor: Actor, documentId: string, input: AcceptSuggestions): Promise<VersionView> {
    const doc = await ownDocument(actor, documentId)
    const now = clock.now()
    const created = await db.transaction(async (tx) => {
      await repo.lockDocument(doc.id, tx)
      const versions = await repo.listVersionsWithText(doc.id, tx)
      const latest = versions.at(-1)
      if (!latest || latest.id !== input.versionId)
        throw new AppError('CONFLICT', 'A newer version was saved since you opened this one. Reload to see it.', {
          versionId: 'This is not the newest version any more.',
        })
      const ids = [...new Set(input.threadIds)]
      const threads = await repo.lockThreads(ids, tx)
      const ofDocument = new Set(versions.map((v) => v.id))
      const problems: Record<string, string> = {}
      ids.forEach((id, i) => {
        const t = threads.find((row) => row.id === id)
        if (!t || !ofDocument.has(t.versionId)) problems[`threadIds.${i}`] = 'No such suggestion on this document.'
        else if (t.suggestionState !== 'pending' || t.suggestion === null) problems[`threadIds.${i}`] = 'This suggestion is not waiting for an answer.'
      })
      if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', 'Some suggestions cannot be accepted.', problems)
      const anchors = anchorAcrossVersions(versions, threads, latest.number)
      const replacements = threads.map((t) => ({ t, placed: anchors.get(t.id) }))
      const gone = replacements.findIndex((r) => !r.placed?.anchor)
      if (gone >= 0)
        throw new AppError('VALIDATION_FAILED', 'The words a suggestion replaces are no longer in the text.', {
          [`threadIds.${ids.indexOf(replacements[gone]?.t.id ?? '')}`]: 'The words this suggestion replaces were changed since; reject it or edit by hand.',
        })
      const applied = applyReplacements(
        latest.body,
        replacements.map(({ t, placed }) => ({ id: t.id, start: placed?.anchor?.start ?? 0, end: placed?.anchor?.end ?? 0, text: t.suggestion ?? '' })),
      )
      if (!applied.ok)
        throw new AppError('VALIDATION_FAILED', 'Two of these suggestions change the same words: accept one at a time.', {
          [`threadIds.${ids.indexOf(applied.overlapping[1])}`]: 'This suggestion overlaps another one you chose.',
        })
      const names = await mapPersonNamesByIds(
        tx,
        threads.map((t) => t.authorId),
      )
      const who = [...new Set(threads.map((t) => names.get(t.authorId) ?? 'a reviewer'))].join(', ')
      const note = `${threads.length === 1 ? '1 suggestion' : `${threads.length} suggestions`} accepted (${who})`
      const version = await repo.insertVersion({ documentId: doc.id, number: latest.number + 1, body: applied.text, note, createdAt: now }, tx)
      for (const t of threads) await repo.updateThread(t.id, { suggestionState: 'accepted', acceptedIntoVersionId: version.id, resolvedAt: now }, tx)
      await repo.touchDocument(doc.id, now, tx)
      return version
    })
    return getVersion(actor, created.id)
  }

  /** A word-level comparison of two versions of the student's document, with the suggestions accepted between them. */
  async function compare(actor: Actor, documentId: string, fromId?: string, toId?: string): Promise<Comparison> {
    const doc = await ownDocument(actor, documentId)
    // Numbers of every version, text of the two compared only.
    const versions = [...(await repo.listVersionSummaries([doc.id]))].reverse()
    const newest = versions.at(-1)
    const toSummary = toId ? versions.find((v) => v.id === toId) : newest
    const fromSummary = fromId ? versions.find((v) => v.id === fromId) : (versions.at(-2) ?? newest)
    const texts = await repo.listVersionsByIds(doc.id, [fromSummary?.id ?? '', toSummary?.id ?? ''].filter(Boolean))
    const from = texts.find((v) => v.id === fromSummary?.id)
    const to = texts.find((v) => v.id === toSummary?.id)
    if (!from || !to)
      throw new AppError('VALIDATION_FAILED', 'Choose two versions of this document.', {
        ...(from ? {} : { from: 'Not a version of this document.' }),
        ...(to ? {} : { to: 'Not a version of this document.' }),
      })
    const segments = diffWords(from.body, to.body)
    const [low, high] = from.number <= to.number ? [from.number, to.number] : [to.number, from.number]
    const between = new Set(versions.filter((v) => v.number > low && v.number <= high).map((v) => v.id))
    const accepted = (await repo.listThreadsOnVersions(versions.map((v) => v.id))).filter(
      (t) => t.acceptedIntoVersionId && between.has(t.acceptedIntoVersionId),
    )
    const names = await mapPersonNamesByIds(
      db,
      accepted.map((t) => t.authorId),
    )
    const numberOf = new Map(versions.map((v) => [v.id, v.number]))
    return {
      document: { id: doc.id, title: doc.title },
      from: versionSummary(from),
      to: versionSummary(to),
      segments,
      ...diffTotals(segments),
      acceptedSuggestions: accepted.map((t) => ({
        threadId: t.id,
        version: numberOf.get(t.acceptedIntoVersionId ?? '') ?? 0,
        reviewer: names.get(t.authorId) ?? 'A reviewer',
        quote: t.quote,
        suggestion: t.suggestion ?? '',
        body: t.body,
      })),
    }
  }

  /** A reviewer's requests, soonest due first: what their home page lists. Never the documents' words. */
  async function myReviews(actor: Actor): Promise<MyReviews> {
    const rows = await repo.listReviewRequestsOfReviewer(actor.personId)
    const names = await mapPersonNamesByIds(
      db,
      rows.map((r) => r.studentId),
    )
    return {
      items: rows.map((r) => ({
        id: r.id,
        versionId: r.versionId,
        student: { id: r.studentId, name: names.get(r.studentId) ?? 'A student' },
        documentTitle: r.documentTitle,
        kind: r.kind,
        versionNumber: r.versionNumber,
        question: r.question,
        dueDate: r.dueDate,
        createdAt: r.createdAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null,
        myThreads: r.myThreads,
      })),
    }
  }

  async function finishReview(actor: Actor, requestId: string): Promise<MyReviews> {
    const request = await repo.findReviewRequestById(requestId)
    if (!request || request.reviewerId !== actor.personId) throw new AppError('NOT_FOUND', 'No such review request.')
    await repo.finishReviewRequest(request.id, clock.now())
    return myReviews(actor)
  }

  /**
   * Reminds each reviewer once of a review due tomorrow that they have not finished (domain/
   * review-reminder.ts). Rows are claimed with FOR UPDATE SKIP LOCKED and marked reminded in the
   * transaction of their e-mails, so several server processes may sweep at once; batches of 100
   * until none is left. Returns how many were sent.
   */
  async function sweepReviewReminders(now: Date = clock.now()): Promise<number> {
    const window = reviewReminderWindow(now)
    let sent = 0
    for (;;) {
      const claimed = await db.transaction(async (tx) => {
        const rows = await repo.claimReviewReminders(window, now, REMINDER_BATCH, tx)
        if (rows.length === 0) return 0
        const people = await listPeopleByIds(tx, [...new Set(rows.flatMap((r) => [r.reviewerId, r.studentId]))])
        const byId = new Map(people.map((p) => [p.id, p]))
        for (const r of rows) {
          const reviewer = byId.get(r.reviewerId)
          if (reviewer?.status !== 'active') continue
          await notifications.enqueue(
            reviewReminderEmail(
              reviewer,
              byId.get(r.studentId)?.name ?? 'A student',
              { kind: r.kind, versionNumber: r.versionNumber },
              r,
              reviewLink(r.versionId),
            ),
            tx,
          )
        }
        return rows.length
      })
      sent += claimed
      if (claimed < REMINDER_BATCH) return sent
    }
  }

  /**
   * Everything the student's documents hold, for the student's own records (a FERPA export):
   * every version's text, who each version was shared with and when, every comment and reply on
   * them. Not a view for anyone else: the caller (the records module) has already established
   * that the request is the student's own or otherwise lawful, and no other route reads this.
   */
  async function recordsOf(studentId: string) {
    const docs = await repo.listDocumentsOfStudent(studentId)
    const out = []
    for (const doc of docs) {
      const versions = await repo.listVersionsWithText(doc.id)
      const ids = versions.map((v) => v.id)
      const [requests, threads] = await Promise.all([repo.listReviewRequestsOfVersions(ids), repo.listThreadsOnVersions(ids)])
      const replies = await repo.listRepliesOfThreads(threads.map((t) => t.id))
      const names = await mapPersonNamesByIds(db, [...requests.map((r) => r.reviewerId), ...threads.map((t) => t.authorId), ...replies.map((r) => r.authorId)])
      const numberOf = new Map(versions.map((v) => [v.id, v.number]))
      const nameOf = (id: string) => names.get(id) ?? 'Unknown'
      out.push({
        id: doc.id,
        kind: doc.kind,
        title: doc.title,
        target: doc.target,
        createdAt: doc.createdAt.toISOString(),
        versions: versions.map((v) => ({ number: v.number, createdAt: v.createdAt.toISOString(), note: v.note, text: v.body })),
        reviewRequests: requests.map((r) => ({
          version: numberOf.get(r.versionId) ?? 0,
          reviewer: nameOf(r.reviewerId),
          question: r.question,
          dueDate: r.dueDate,
          sharedAt: r.createdAt.toISOString(),
          finishedAt: r.finishedAt?.toISOString() ?? null,
        })),
        comments: threads.map((t) => ({
          version: numberOf.get(t.versionId) ?? 0,
          author: nameOf(t.authorId),
          start: t.start,
          end: t.end,
          quote: t.quote,
          comment: t.body,
          suggestion: t.suggestion,
          suggestionState: t.suggestionState,
          resolvedAt: t.resolvedAt?.toISOString() ?? null,
          createdAt: t.createdAt.toISOString(),
          replies: replies.filter((r) => r.threadId === t.id).map((r) => ({ author: nameOf(r.authorId), text: r.body, createdAt: r.createdAt.toISOString() })),
        })),
      })
    }
    return { documents: out }
  }

  return {
    listMyDocuments,
    /** Unfinished review requests of many students (null: every student), kind and dates only, for the office's letters dashboard (reporting). */
    listOpenReviewRequestsOfStudents: (studentIds: readonly string[] | null): Promise<OpenReviewRequest[]> => listOpenReviewRequests(db, studentIds),
    getDocument,
    createDocument,
    saveVersion,
    saveDrafts,
    importDocx,
    searchReviewers,
    shareVersion,
    getVersion,
    exportVersionPdf,
    packetPdf,
    startThread,
    reply,
    resolve,
    suggest,
    rejectSuggestion,
    acceptSuggestions,
    compare,
    myReviews,
    finishReview,
    sweepReviewReminders,
    recordsOf,
    // A version sent with an application: pinned from the student's own document, read back only as that one version (attached-versions.ts).
    ...createAttachedVersions(repo),
  }
}

export type MaterialsService = ReturnType<typeof createMaterialsService>
