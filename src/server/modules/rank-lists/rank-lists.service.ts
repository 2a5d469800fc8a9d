import type { Database, Tx } from '#server/db/client.ts'
import type {
  AdvisedRankListsResponse,
  CoupleResponse,
  CoupleView,
  CreateRankListComment,
  InviteCouplePartner,
  RankListEntryView,
  RankListProgram,
  RankListProgramSearchResponse,
  RankListView,
  ReplaceRankList,
  SignOffRankList,
  SubmitRankList,
} from '#shared/contracts/rank-lists.ts'
import { AppError, type FieldErrors } from '#shared/errors.ts'
import { SPECIALTIES } from '#shared/reference/specialties.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { StudentRecords } from '../advising/student-records.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { rankListCsv, type ExportProgram } from './domain/export.ts'
import { pairLists, reviewStatusOf, unpairList, validateRankList, type ProgramFacts } from './domain/validate-rank-list.ts'
import { commentEmail, coupleEndedEmail, coupleInviteEmail, signedOffEmail } from './rank-lists-emails.ts'
import { canComment, canSignOff } from './rank-lists.policy.ts'
import type { CoupleRow, EntryRow, ProgramSummaryRow, RankListRow, RankListsRepository } from './rank-lists.repository.ts'

export type RankListsDeps = {
  db: Database
  repo: RankListsRepository
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  studentRecords: StudentRecords
  appOrigin: string
}

const PRIMARY = 'primary'
const SUPPLEMENTAL_PREFIX = 'supplemental:'
const specialtyName = new Map(SPECIALTIES.map((s) => [s.id, s.name]))

type StoredEntry = Omit<EntryRow, 'studentId'>

/** A couple's other member, seen from `studentId`. */
const partnerIn = (couple: CoupleRow, studentId: string) => (couple.requestedBy === studentId ? couple.partnerId : couple.requestedBy)

export function createRankListsService(deps: RankListsDeps) {
  const { db, repo, clock, audit, notifications, studentRecords, appOrigin } = deps
  const myListLink = `${appOrigin}/residency/rank-list`
  const reviewLink = (studentId: string) => `${appOrigin}/residency/students/${studentId}/rank-list`

  function programView(row: ProgramSummaryRow, interviewed: ReadonlySet<string>): RankListProgram {
    return { ...row, specialtyName: specialtyName.get(row.specialtyId) ?? row.specialtyId, interviewed: interviewed.has(row.id) }
  }

  const primaryOf = (entries: readonly StoredEntry[]) => entries.filter((e) => e.listKey === PRIMARY).sort((a, b) => a.rank - b.rank)

  function supplementalOf(entries: readonly StoredEntry[]): Map<string, StoredEntry[]> {
    const lists = new Map<string, StoredEntry[]>()
    for (const e of entries) {
      if (!e.listKey.startsWith(SUPPLEMENTAL_PREFIX)) continue
      const key = e.listKey.slice(SUPPLEMENTAL_PREFIX.length)
      lists.set(key, [...(lists.get(key) ?? []), e])
    }
    for (const list of lists.values()) list.sort((a, b) => a.rank - b.rank)
    return lists
  }

  function assertNotStale(list: RankListRow, expected: number | undefined, whose: 'your' | 'your partner’s') {
    if (expected !== list.version) {
      throw new AppError(
        'CONFLICT',
        whose === 'your'
          ? `Your list changed since you opened it (it is now version ${list.version}, you edited version ${expected ?? 'unknown'}) — perhaps in another tab, or by your partner. Reload to see the newest list, then make your change again.`
          : `Your partner’s list changed since you opened it (it is now version ${list.version}). Reload to see the newest pairs, then make your change again.`,
      )
    }
  }

  /** Locks two students' lists in one fixed order, so two partners editing at once cannot deadlock. */
  async function lockBoth(a: string, b: string, tx: Tx): Promise<[RankListRow, RankListRow]> {
    const [first, second] = a < b ? [a, b] : [b, a]
    const one = await repo.lockList(first, tx)
    const two = await repo.lockList(second, tx)
    return a < b ? [one, two] : [two, one]
  }

  async function confirmedCoupleOf(studentId: string, tx: Tx = db): Promise<{ couple: CoupleRow; partnerId: string } | null> {
    const couple = await repo.findCoupleOf(studentId, tx)
    return couple?.confirmedAt ? { couple, partnerId: partnerIn(couple, studentId) } : null
  }

  async function buildView(studentId: string, viewer: 'self' | 'assigned-advisor'): Promise<RankListView> {
    const [student, list, entries, couple, interviewedIds, comments] = await Promise.all([
      repo.findPerson(studentId),
      repo.findList(studentId),
      repo.entriesOf(studentId),
      repo.findCoupleOf(studentId),
      repo.interviewedProgramIds(studentId),
      repo.commentsOf(studentId),
    ])
    if (!student) throw new AppError('NOT_FOUND', 'No such student record, or it is not yours to see.')
    const partnerId = couple ? partnerIn(couple, studentId) : null
    const confirmedPartnerId = couple?.confirmedAt ? partnerId : null
    const [partnerList, partnerEntries, partnerInterviewedIds, partnerPerson] = confirmedPartnerId
      ? await Promise.all([
          repo.findList(confirmedPartnerId),
          repo.entriesOf(confirmedPartnerId),
          repo.interviewedProgramIds(confirmedPartnerId),
          repo.findPerson(confirmedPartnerId),
        ])
      : [null, [], [], partnerId ? await repo.findPerson(partnerId) : null]

    const interviewed = new Set(interviewedIds)
    const partnerInterviewed = new Set(partnerInterviewedIds)
    const programs = await repo.programsByIds(
      [...entries.map((e) => e.programId), ...partnerEntries.map((e) => e.programId), ...interviewedIds, ...partnerInterviewedIds].filter(
        (id): id is string => id !== null,
      ),
    )
    const byId = new Map(programs.map((p) => [p.id, p]))
    const entryView = (e: StoredEntry, own: ReadonlySet<string>): RankListEntryView => {
      const program = e.programId ? byId.get(e.programId) : undefined
      return { rank: e.rank, program: program ? programView(program, own) : null, note: e.note }
    }

    const primary = primaryOf(entries)
    const partnerPrimary = primaryOf(partnerEntries)
    const supplemental = supplementalOf(entries)
    const { warnings } = validateRankList({
      primary: primary.map((e, i) => ({ programId: e.programId, ...(confirmedPartnerId ? { partnerProgramId: partnerPrimary[i]?.programId ?? null } : {}) })),
      supplemental: [...supplemental].map(([advancedProgramId, list]) => ({
        advancedProgramId,
        entries: list.filter((e) => e.programId !== null).map((e) => ({ programId: e.programId as string })),
      })),
      programs: new Map(programs.map((p) => [p.id, p satisfies ProgramFacts])),
      interviewed,
      partnerInterviewed,
      coupled: confirmedPartnerId !== null,
    })

    const signedOffBy = list?.signedOffBy ? await repo.findPerson(list.signedOffBy) : null
    const coupleView: CoupleView | null =
      couple && partnerPerson
        ? {
            id: couple.id,
            partner: { id: partnerPerson.id, name: partnerPerson.name },
            invitedByMe: couple.requestedBy === studentId,
            confirmed: couple.confirmedAt !== null,
            createdAt: couple.createdAt.toISOString(),
          }
        : null

    return {
      student: { id: student.id, name: student.name },
      version: list?.version ?? 0,
      reviewStatus: reviewStatusOf(list),
      submittedAt: list?.submittedAt?.toISOString() ?? null,
      signedOff:
        list?.signedOffAt && list.signedOffVersion !== null
          ? { by: signedOffBy ? { id: signedOffBy.id, name: signedOffBy.name } : null, at: list.signedOffAt.toISOString(), version: list.signedOffVersion }
          : null,
      updatedAt: list && list.version > 0 ? list.updatedAt.toISOString() : null,
      primary: primary.map((e) => entryView(e, interviewed)),
      supplemental: [...supplemental].map(([advancedProgramId, list]) => ({ advancedProgramId, entries: list.map((e) => entryView(e, interviewed)) })),
      couple: coupleView,
      partner:
        confirmedPartnerId && partnerPerson
          ? {
              student: { id: partnerPerson.id, name: partnerPerson.name },
              version: partnerList?.version ?? 0,
              primary: partnerPrimary.map((e) => entryView(e, partnerInterviewed)),
              // Confirming the couple shares each partner's interviews with the other, to pair them.
              interviewed: partnerInterviewedIds
                .map((id) => byId.get(id))
                .filter((p): p is ProgramSummaryRow => p !== undefined)
                .map((p) => programView(p, partnerInterviewed))
                .sort((a, b) => a.name.localeCompare(b.name)),
            }
          : null,
      interviewed: interviewedIds
        .map((id) => byId.get(id))
        .filter((p): p is ProgramSummaryRow => p !== undefined)
        .map((p) => programView(p, interviewed))
        .sort((a, b) => a.name.localeCompare(b.name)),
      warnings,
      comments: comments.map((c) => ({
        id: c.id,
        author: c.authorId ? { id: c.authorId, name: c.authorName ?? 'Former member' } : null,
        authorRole: c.authorId === studentId ? 'student' : 'advisor',
        listVersion: c.listVersion,
        body: c.body,
        createdAt: c.createdAt.toISOString(),
      })),
      viewer,
    }
  }

  function assertStudent(actor: Actor) {
    if (!actor.roles.includes('student')) throw new AppError('FORBIDDEN', 'Only students keep a rank order list.')
  }

  function issuesToFields(issues: readonly { field: string; message: string }[]): FieldErrors {
    const fields: FieldErrors = {}
    for (const issue of issues) fields[issue.field] ??= issue.message
    return fields
  }

  const myCouple = async (studentId: string): Promise<CoupleResponse> => ({ couple: (await buildView(studentId, 'self')).couple })

  return {
    async getMine(actor: Actor): Promise<RankListView> {
      assertStudent(actor)
      return buildView(actor.personId, 'self')
    },

    /**
     * The review status of many students' rank order lists, in one query (a student with no list
     * is a draft), for a class view whose caller has already checked it may see these students.
     */
    async mapReviewStatusesOfStudents(studentIds: readonly string[]): Promise<Map<string, ReturnType<typeof reviewStatusOf>>> {
      const lists = new Map((await repo.listsOf([...new Set(studentIds)])).map((l) => [l.studentId, l] as const))
      return new Map(studentIds.map((id) => [id, reviewStatusOf(lists.get(id) ?? null)]))
    },

    /** The student's own list, or an assigned advisor's audited read of it. */
    async getForStudent(actor: Actor, studentId: string, meta: RequestMeta | null): Promise<RankListView> {
      const reader = await studentRecords.assertCanRead(actor, studentId, 'rank-list', meta)
      return buildView(studentId, reader === 'self' ? 'self' : 'assigned-advisor')
    },

    async searchPrograms(query: string): Promise<RankListProgramSearchResponse> {
      const rows = await repo.searchPrograms(query.trim(), 25)
      return { items: rows.map((r) => programView(r, new Set())) }
    },

    /**
     * Replaces the whole list — primary lines (with the partner's programs on a couple's list)
     * and every supplemental list — against the version the student last read. A stale version
     * is a 409; every accepted change bumps the version (both partners' on a couple's list).
     */
    async replaceMine(actor: Actor, input: ReplaceRankList): Promise<RankListView> {
      assertStudent(actor)
      const studentId = actor.personId
      await db.transaction(async (tx) => {
        const pair = await confirmedCoupleOf(studentId, tx)
        const [mine, partner] = pair ? await lockBoth(studentId, pair.partnerId, tx) : [await repo.lockList(studentId, tx), null]
        assertNotStale(mine, input.expectedVersion, 'your')
        if (partner) {
          if (input.expectedPartnerVersion === undefined) {
            throw new AppError('VALIDATION_FAILED', 'Your list is linked with your partner’s: send the partner’s list version too.', {
              expectedPartnerVersion: 'Send the version of your partner’s list you last read.',
            })
          }
          assertNotStale(partner, input.expectedPartnerVersion, 'your partner’s')
        }

        const ids = [
          ...input.primary.flatMap((l) => [l.programId, l.partnerProgramId ?? null]),
          ...input.supplemental.flatMap((s) => [s.advancedProgramId, ...s.entries.map((e) => e.programId)]),
        ]
        const programs = await repo.programsByIds(
          ids.filter((id): id is string => id !== null),
          tx,
        )
        const { errors } = validateRankList({
          primary: input.primary,
          supplemental: input.supplemental,
          programs: new Map(programs.map((p) => [p.id, p])),
          interviewed: new Set(await repo.interviewedProgramIds(studentId, tx)),
          coupled: partner !== null,
        })
        if (errors.length > 0)
          throw new AppError('VALIDATION_FAILED', 'The list was not saved: some lines break the match’s rules. Check the lines named.', issuesToFields(errors))

        const now = clock.now()
        const entries: StoredEntry[] = [
          ...input.primary.map((l, i) => ({ listKey: PRIMARY, rank: i + 1, programId: l.programId, note: l.note })),
          ...input.supplemental.flatMap((s) =>
            s.entries.map((e, i) => ({ listKey: `${SUPPLEMENTAL_PREFIX}${s.advancedProgramId}`, rank: i + 1, programId: e.programId, note: e.note })),
          ),
        ]
        await repo.replaceEntries(studentId, entries, tx)
        await repo.updateList(studentId, { version: mine.version + 1, updatedAt: now }, tx)

        if (pair && partner) {
          // The partner's side of each line; their own notes follow their programs, and their
          // supplemental lists stay as they are, so long as their advanced programs stay ranked.
          const old = await repo.entriesOf(pair.partnerId, tx)
          const notes = new Map(
            primaryOf(old)
              .filter((e) => e.programId !== null)
              .map((e) => [e.programId as string, e.note]),
          )
          const theirs = input.primary.map((l, i) => ({
            listKey: PRIMARY,
            rank: i + 1,
            programId: l.partnerProgramId ?? null,
            note: l.partnerProgramId ? (notes.get(l.partnerProgramId) ?? '') : '',
          }))
          const ranked = new Set(theirs.map((e) => e.programId))
          const orphaned = [...supplementalOf(old).keys()].filter((id) => !ranked.has(id))
          if (orphaned.length > 0) {
            throw new AppError(
              'VALIDATION_FAILED',
              'Your partner has a supplemental list attached to an advanced program this change removes from their side. Keep it on at least one line, or ask them to remove that supplemental list first.',
              {
                primary: `Keep ${orphaned.join(', ')} on your partner’s side of at least one line.`,
              },
            )
          }
          await repo.replaceEntries(pair.partnerId, [...theirs, ...old.filter((e) => e.listKey !== PRIMARY)], tx)
          await repo.updateList(pair.partnerId, { version: partner.version + 1, updatedAt: now }, tx)
        }
      })
      return buildView(studentId, 'self')
    },

    async submitMine(actor: Actor, input: SubmitRankList, meta: RequestMeta | null): Promise<RankListView> {
      assertStudent(actor)
      const studentId = actor.personId
      await db.transaction(async (tx) => {
        const list = await repo.lockList(studentId, tx)
        assertNotStale(list, input.expectedVersion, 'your')
        const status = reviewStatusOf(list)
        if (status === 'signed-off') throw new AppError('CONFLICT', 'Your advisor already signed off this version; there is nothing new to review.')
        if (status === 'submitted') throw new AppError('CONFLICT', 'This list is already with your advisor for review.')
        if (primaryOf(await repo.entriesOf(studentId, tx)).length === 0)
          throw new AppError('VALIDATION_FAILED', 'Add at least one program before asking for a review.', { primary: 'Add at least one program.' })
        await repo.updateList(studentId, { status: 'submitted', submittedAt: clock.now() }, tx)
        await audit.record({ actorId: actor.personId, action: 'rank-list.submit', objectType: 'person', objectId: studentId }, meta, tx)
      })
      return buildView(studentId, 'self')
    },

    /** An assigned advisor (or the student) adds to the comment thread; the student hears of an advisor's comment. */
    async comment(actor: Actor, studentId: string, input: CreateRankListComment, meta: RequestMeta | null): Promise<RankListView> {
      const reader = await studentRecords.assertCanRead(actor, studentId, 'rank-list', meta)
      if (!canComment(reader)) throw new AppError('NOT_FOUND', 'No such student record, or it is not yours to see.')
      const student = await repo.findPerson(studentId)
      if (!student) throw new AppError('NOT_FOUND', 'No such student record, or it is not yours to see.')
      await db.transaction(async (tx) => {
        const list = await repo.lockList(studentId, tx)
        await repo.insertComment({ studentId, authorId: actor.personId, listVersion: list.version, body: input.body, createdAt: clock.now() }, tx)
        if (reader === 'assigned-advisor') {
          await audit.record({ actorId: actor.personId, action: 'rank-list.comment', objectType: 'person', objectId: studentId }, meta, tx)
          await notifications.enqueue(commentEmail(student.email, student.name, actor.name, myListLink), tx)
        }
      })
      return buildView(studentId, reader === 'self' ? 'self' : 'assigned-advisor')
    },

    /** An assigned advisor signs off the version they reviewed; the student is told by e-mail. */
    async signOff(actor: Actor, studentId: string, input: SignOffRankList, meta: RequestMeta | null): Promise<RankListView> {
      const reader = await studentRecords.assertCanRead(actor, studentId, 'rank-list', meta)
      if (!canSignOff(reader)) throw new AppError('FORBIDDEN', 'Only the student’s assigned advisor signs off their list.')
      const student = await repo.findPerson(studentId)
      if (!student) throw new AppError('NOT_FOUND', 'No such student record, or it is not yours to see.')
      await db.transaction(async (tx) => {
        const list = await repo.lockList(studentId, tx)
        if (list.version !== input.version) {
          throw new AppError(
            'CONFLICT',
            `The list changed while you were reviewing it (it is now version ${list.version}; you reviewed version ${input.version}). Reload and review the newest version before signing off.`,
          )
        }
        const status = reviewStatusOf(list)
        if (status === 'draft') throw new AppError('CONFLICT', 'The student has not submitted this list for review yet.')
        if (status === 'signed-off') throw new AppError('CONFLICT', 'You already signed off this version.')
        const now = clock.now()
        await repo.updateList(studentId, { status: 'signed-off', signedOffBy: actor.personId, signedOffAt: now, signedOffVersion: list.version }, tx)
        await audit.record({ actorId: actor.personId, action: 'rank-list.sign-off', objectType: 'person', objectId: studentId }, meta, tx)
        await notifications.enqueue(signedOffEmail(student.email, student.name, actor.name, list.version, myListLink), tx)
      })
      return buildView(studentId, 'assigned-advisor')
    },

    async exportCsv(actor: Actor, studentId: string, meta: RequestMeta | null): Promise<string> {
      const reader = await studentRecords.assertCanRead(actor, studentId, 'rank-list-export', meta)
      const view = await buildView(studentId, reader === 'self' ? 'self' : 'assigned-advisor')
      const asExport = (p: RankListProgram | null): ExportProgram | null => p
      const advanced = new Map(view.primary.filter((e) => e.program).map((e) => [e.program?.id as string, e.program]))
      return rankListCsv({
        coupled: view.partner !== null,
        primary: view.primary.map((e, i) => ({
          rank: e.rank,
          program: asExport(e.program),
          partnerProgram: asExport(view.partner?.primary[i]?.program ?? null),
          note: e.note,
        })),
        supplemental: view.supplemental.map((s) => ({
          advancedProgramId: s.advancedProgramId,
          advanced: asExport(advanced.get(s.advancedProgramId) ?? null),
          entries: s.entries.map((e) => ({ rank: e.rank, program: asExport(e.program), note: e.note })),
        })),
      })
    },

    /** An advisor's students and the state of each one's list; one audit row for the listing. */
    async listAdvised(actor: Actor, meta: RequestMeta | null): Promise<AdvisedRankListsResponse> {
      const studentIds = await studentRecords.studentsOf(actor.personId)
      const [names, lists, lines, couples, classYears] = await Promise.all([
        repo.peopleByIds(studentIds),
        repo.listsOf(studentIds),
        repo.countPrimaryLines(studentIds),
        repo.couplesOf(studentIds),
        repo.classYears(studentIds),
      ])
      await audit.record({ actorId: actor.personId, action: 'student-record.read.rank-list-summaries', objectType: 'person', objectId: actor.personId }, meta)
      const listOf = new Map(lists.map((l) => [l.studentId, l]))
      const coupled = new Set(couples.filter((c) => c.confirmedAt).flatMap((c) => [c.requestedBy, c.partnerId]))
      const items = studentIds
        .map((id) => {
          const list = listOf.get(id) ?? null
          return {
            student: { id, name: names.get(id)?.name ?? 'Unknown student' },
            classYear: classYears.get(id) ?? null,
            reviewStatus: reviewStatusOf(list),
            lines: lines.get(id) ?? 0,
            version: list?.version ?? 0,
            submittedAt: list?.submittedAt?.toISOString() ?? null,
            signedOffAt: list?.signedOffAt?.toISOString() ?? null,
            updatedAt: list && list.version > 0 ? list.updatedAt.toISOString() : null,
            coupled: coupled.has(id),
          }
        })
        .sort((a, b) => a.student.name.localeCompare(b.student.name))
      return { items }
    },

    async getMyCouple(actor: Actor): Promise<CoupleResponse> {
      assertStudent(actor)
      return myCouple(actor.personId)
    },

    /** Asks another student to link lists as a couple; nothing changes until they confirm. */
    async invitePartner(actor: Actor, input: InviteCouplePartner, meta: RequestMeta | null): Promise<CoupleResponse> {
      assertStudent(actor)
      const partner = await repo.findActiveStudentByEmail(input.partnerEmail)
      if (!partner)
        throw new AppError('VALIDATION_FAILED', 'No student with that e-mail uses Preceptor. Check the address your partner signs in with.', {
          partnerEmail: 'No student with this e-mail address.',
        })
      if (partner.id === actor.personId)
        throw new AppError('VALIDATION_FAILED', 'You cannot couple with yourself.', { partnerEmail: 'Enter your partner’s e-mail, not your own.' })
      await db.transaction(async (tx) => {
        // Both lists locked first: two students inviting each other at once cannot both succeed.
        await lockBoth(actor.personId, partner.id, tx)
        if (await repo.findCoupleOf(actor.personId, tx))
          throw new AppError('CONFLICT', 'You are already in a couple, or have an invitation open. Unlink or withdraw it first.')
        if (await repo.findCoupleOf(partner.id, tx)) throw new AppError('CONFLICT', `${partner.name} is already in a couple or has an invitation open.`)
        await repo.insertCouple(actor.personId, partner.id, clock.now(), tx)
        await audit.record({ actorId: actor.personId, action: 'rank-list.couple-invite', objectType: 'person', objectId: partner.id }, meta, tx)
        await notifications.enqueue(coupleInviteEmail(partner.email, partner.name, actor.name, myListLink), tx)
      })
      return myCouple(actor.personId)
    },

    /**
     * The invited partner confirms: from now on both primary lists are read line by line as
     * pairs, so the shorter one is padded with "No Match" lines to the same length.
     */
    async confirmCouple(actor: Actor, meta: RequestMeta | null): Promise<CoupleResponse> {
      assertStudent(actor)
      await db.transaction(async (tx) => {
        const couple = await repo.findCoupleOf(actor.personId, tx)
        if (!couple || couple.confirmedAt) throw new AppError('NOT_FOUND', 'There is no couple invitation waiting for you.')
        if (couple.partnerId !== actor.personId)
          throw new AppError('CONFLICT', 'Your partner confirms the invitation you sent; you cannot confirm it yourself.')
        const [mine, theirs] = await lockBoth(actor.personId, couple.requestedBy, tx)
        const now = clock.now()
        for (const [list, other] of [
          [mine, theirs],
          [theirs, mine],
        ] as const) {
          const entries = await repo.entriesOf(list.studentId, tx)
          const otherPrimary = primaryOf(await repo.entriesOf(other.studentId, tx))
          const padded = pairLists(primaryOf(entries), otherPrimary, () => ({ listKey: PRIMARY, rank: 0, programId: null, note: '' })).mine.map((e, i) => ({
            ...e,
            rank: i + 1,
          }))
          await repo.replaceEntries(list.studentId, [...padded, ...entries.filter((e) => e.listKey !== PRIMARY)], tx)
          await repo.updateList(list.studentId, { version: list.version + 1, updatedAt: now }, tx)
        }
        await repo.confirmCouple(couple.id, now, tx)
        await audit.record({ actorId: actor.personId, action: 'rank-list.couple-confirm', objectType: 'person', objectId: couple.requestedBy }, meta, tx)
      })
      return myCouple(actor.personId)
    },

    /** Either partner unlinks (or declines, or withdraws an invitation); "No Match" lines go. */
    async unlinkCouple(actor: Actor, meta: RequestMeta | null): Promise<CoupleResponse> {
      assertStudent(actor)
      await db.transaction(async (tx) => {
        const couple = await repo.findCoupleOf(actor.personId, tx)
        if (!couple) throw new AppError('NOT_FOUND', 'You are not in a couple and have no invitation open.')
        const otherId = partnerIn(couple, actor.personId)
        if (couple.confirmedAt) {
          const now = clock.now()
          for (const list of await lockBoth(actor.personId, otherId, tx)) {
            const entries = await repo.entriesOf(list.studentId, tx)
            const kept = unpairList(primaryOf(entries)).map((e, i) => ({ ...e, rank: i + 1 }))
            await repo.replaceEntries(list.studentId, [...kept, ...entries.filter((e) => e.listKey !== PRIMARY)], tx)
            await repo.updateList(list.studentId, { version: list.version + 1, updatedAt: now }, tx)
          }
        }
        await repo.deleteCouple(couple.id, tx)
        await audit.record({ actorId: actor.personId, action: 'rank-list.couple-unlink', objectType: 'person', objectId: otherId }, meta, tx)
        const other = await repo.findPerson(otherId, tx)
        if (other) await notifications.enqueue(coupleEndedEmail(other.email, other.name, actor.name, myListLink), tx)
      })
      return myCouple(actor.personId)
    },

    reviewLink,
  }
}

export type RankListsService = ReturnType<typeof createRankListsService>
