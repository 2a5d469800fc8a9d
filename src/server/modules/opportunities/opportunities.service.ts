import type { Database, Tx } from '#server/db/client.ts'
import type {
  ApplicantList,
  ApplyInput,
  DecisionInput,
  MyApplicationList,
  OpportunityBoard,
  OpportunityInput,
  OpportunitySearch,
  OpportunitySummary,
  OpportunityView,
  PostedOpportunityList,
} from '#shared/contracts/opportunities.ts'
import { opportunityInputProblems } from '#shared/contracts/opportunities.ts'
import { CLASS_YEARS, type ClassYear } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import { USUAL_TIME_COMMITMENT } from '#shared/reference/time-commitments.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { ApplicationDocumentsService } from './application-documents.service.ts'
import { listPeopleByIds, mapPersonNamesByIds } from '../identity/people-reads.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { listStudentFactsByIds } from '../profiles/profile-reads.ts'
import { canPosterMove, canWithdraw, experienceKindFor, isForClassYear, isOpenForApplications, placesLeft } from './domain/applications.ts'
import { countFacets, filterBoard } from './domain/board.ts'
import { applicationDecisionEmail, newApplicationEmail } from './opportunities-emails.ts'
import { canSeeOpportunity, isPoster } from './opportunities.policy.ts'
import type { RequirementsService } from './requirements.service.ts'
import type { ApplicationRow, BoardRow, OpportunitiesRepository, OpportunityRow } from './opportunities.repository.ts'
import { applicationViewOf, type SummaryRow, summaryOf, viewOf } from './opportunity-views.ts'
import { mapParticipationOfStudents } from './participation-reads.ts'

export type OpportunitiesDeps = {
  db: Database
  repo: OpportunitiesRepository
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  appOrigin: string
  /** The requirements an application must hold (HIPAA training, immunisations), checked before applying. */
  requirements: Pick<RequirementsService, 'refusalFor'>
  /** The document version a student sends with an application (decision 042). */
  applicationDocuments: Pick<ApplicationDocumentsService, 'versionToAttach' | 'pin' | 'mapAttached'>
}

const NOT_VISIBLE = 'No such opportunity, or it is not open to you.'
const NOT_YOURS = 'No such application among those to your opportunities.'

/**
 * Opportunities: mentors and staff post research projects, shadowing, summer experiences and
 * scholarly-year positions; students of the class years named browse, search and apply with a
 * short statement; the poster shortlists, accepts or declines with a message, and the student
 * is e-mailed. An acceptance takes the opportunity's row lock and counts the places taken
 * under it, so concurrent acceptances never exceed its places (`[opportunity-capacity]`); an
 * accepted student gets an entry in their experience record for the poster to confirm.
 */
export function createOpportunitiesService(deps: OpportunitiesDeps) {
  const { db, repo, clock, audit, notifications, appOrigin, requirements, applicationDocuments } = deps
  const studentLink = (id: string) => `${appOrigin}/opportunities/${id}`
  const posterLink = (id: string) => `${appOrigin}/opportunities/${id}/applicants`

  /**
   * The board's rows (the columns it filters and counts on) kept in memory, re-read when the
   * opportunities' fingerprint moves, so a search reads one small aggregate instead of every
   * row. Each process keeps its own copy and sees another's changes on its next search.
   */
  const board = (() => {
    let cached: { stamp: string; rows: BoardRow[] } | null = null
    return {
      async rows(): Promise<BoardRow[]> {
        const stamp = await repo.boardFingerprint()
        if (cached?.stamp === stamp) return cached.rows
        const rows = await repo.listBoardRows()
        cached = { stamp, rows }
        return rows
      },
    }
  })()

  async function classYearOf(actor: Actor): Promise<ClassYear | null> {
    if (!actor.roles.includes('student')) return null
    const [facts] = await listStudentFactsByIds(db, [actor.personId])
    return facts?.classYear ?? null
  }

  /**
   * The caller's view of these opportunities: places left, who posted them, their own application.
   * Two reads however many rows: the applications (accepted counts and the caller's own, together)
   * and the posters' names.
   */
  async function summaries(actor: Actor, rows: readonly SummaryRow[], classYear: ClassYear | null): Promise<OpportunitySummary[]> {
    const ids = rows.map((r) => r.id)
    const isStudent = actor.roles.includes('student')
    const [applications, names] = await Promise.all([
      repo.countAcceptedAndMine(ids, isStudent ? actor.personId : null),
      mapPersonNamesByIds(
        db,
        rows.map((r) => r.posterId),
      ),
    ])
    const now = clock.now()
    return rows.map((row) => {
      const { accepted, myStatus } = applications.get(row.id) ?? { accepted: 0, myStatus: null }
      const canApply =
        isStudent &&
        !isPoster(actor, row) &&
        isOpenForApplications(row, now) &&
        isForClassYear(row.classYears, classYear) &&
        placesLeft(row.places, accepted) > 0 &&
        (myStatus === null || myStatus === 'withdrawn')
      return summaryOf(row, accepted, (row.posterId && names.get(row.posterId)) || 'Former poster', myStatus, canApply)
    })
  }

  async function visibleOpportunity(actor: Actor, id: string): Promise<{ row: OpportunityRow; mine: ApplicationRow | null; classYear: ClassYear | null }> {
    const row = await repo.findOpportunityById(id)
    if (!row) throw new AppError('NOT_FOUND', NOT_VISIBLE)
    const [classYear, mine] = await Promise.all([classYearOf(actor), repo.findApplication(id, actor.personId)])
    if (!canSeeOpportunity(actor, row, { classYear, hasApplied: mine !== null })) throw new AppError('NOT_FOUND', NOT_VISIBLE)
    return { row, mine, classYear }
  }

  async function getOpportunity(actor: Actor, id: string): Promise<OpportunityView> {
    const { row, mine, classYear } = await visibleOpportunity(actor, id)
    const [summary] = await summaries(actor, [row], classYear)
    if (!summary) throw new Error('The opportunity vanished.')
    const myDocument = mine ? ((await applicationDocuments.mapAttached([mine.id])).get(mine.id) ?? null) : null
    return viewOf(summary, row, isPoster(actor, row), mine, myDocument)
  }

  /** The opportunity if the caller posted it; someone else's answers as if it did not exist. */
  async function ownOpportunity(actor: Actor, id: string, tx: Tx = db, lock = false): Promise<OpportunityRow> {
    const row = lock ? await repo.lockOpportunity(id, tx) : await repo.findOpportunityById(id, tx)
    if (!row || !isPoster(actor, row)) throw new AppError('NOT_FOUND', NOT_VISIBLE)
    return row
  }

  function checkInput(input: OpportunityInput) {
    const problems = opportunityInputProblems(input, clock.now())
    if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', Object.values(problems)[0] ?? 'Check the form.', problems)
  }

  function values(input: OpportunityInput) {
    return {
      ...input,
      classYears: [...new Set(input.classYears)],
      // Stored even when not chosen, so the row says which bucket the board counts it under.
      commitment: input.commitment ?? USUAL_TIME_COMMITMENT[input.kind],
      applyBy: input.applyBy ? new Date(input.applyBy) : null,
    }
  }

  /** The applicants to one of the caller's opportunities, first received first. */
  async function listApplicants(actor: Actor, id: string): Promise<ApplicantList> {
    await ownOpportunity(actor, id)
    const applications = await repo.listApplicationsOfOpportunity(id)
    const studentIds = applications.map((a) => a.studentId)
    const [people, facts, experiences, documents] = await Promise.all([
      listPeopleByIds(db, studentIds),
      listStudentFactsByIds(db, studentIds),
      repo.listExperiencesOfApplications(applications.map((a) => a.id)),
      applicationDocuments.mapAttached(applications.map((a) => a.id)),
    ])
    const person = new Map(people.map((p) => [p.id, p]))
    const year = new Map(facts.map((f) => [f.personId, f.classYear]))
    const experience = new Map(experiences.map((e) => [e.applicationId, e]))
    return {
      applicants: applications.map((a) => {
        const entry = experience.get(a.id)
        return {
          id: a.id,
          studentId: a.studentId,
          studentName: person.get(a.studentId)?.name ?? 'Former student',
          studentEmail: person.get(a.studentId)?.email ?? '',
          classYear: year.get(a.studentId) ?? null,
          statement: a.statement,
          status: a.status,
          posterMessage: a.posterMessage,
          createdAt: a.createdAt.toISOString(),
          experience: entry ? { id: entry.id, hours: entry.hours, confirmed: entry.confirmedAt !== null } : null,
          // A withdrawn application's document is no longer the poster's to read.
          document: a.status === 'withdrawn' ? null : (documents.get(a.id) ?? null),
        }
      }),
    }
  }

  return {
    getOpportunity,

    /** Whether each of these students applied, was accepted, has experience entries: the office's participation report (a batched read, no record of any one student). */
    participationOfStudents: (ids: readonly string[]) => mapParticipationOfStudents(db, ids),

    /** The board: published opportunities still taking applications that the caller may see, searched, faceted and paged. */
    async searchBoard(actor: Actor, search: OpportunitySearch): Promise<OpportunityBoard> {
      const now = clock.now()
      const [classYear, all] = await Promise.all([classYearOf(actor), board.rows()])
      let rows = all.filter((r) => isOpenForApplications(r, now) && canSeeOpportunity(actor, r, { classYear, hasApplied: false }))
      if (search.q) {
        const byId = new Map(rows.map((r) => [r.id, r]))
        rows = (await repo.searchOpenIds(search.q, now)).flatMap((id) => byId.get(id) ?? [])
      }
      const filters = {
        kind: search.kind,
        specialtyId: search.specialtyId,
        remote: search.remote,
        classYear: search.classYear,
        site: search.site,
        commitment: search.commitment,
      }
      const found = filterBoard(rows, filters)
      const start = (search.page - 1) * search.pageSize
      // The in-memory rows carry every column a result shows: the page needs no read of its own.
      const page = found.slice(start, start + search.pageSize)
      return {
        results: await summaries(actor, page, classYear),
        total: found.length,
        page: search.page,
        pageSize: search.pageSize,
        facets: countFacets(rows, filters, CLASS_YEARS),
      }
    },

    /**
     * These opportunities as the caller's cards show them, in the order asked, leaving out those
     * they may no longer see (a draft again, or closed without their application): the saved list.
     */
    async listSummariesByIds(actor: Actor, ids: readonly string[]): Promise<OpportunitySummary[]> {
      const [classYear, all] = await Promise.all([classYearOf(actor), board.rows()])
      const byId = new Map(all.map((r) => [r.id, r]))
      const rows = ids.flatMap((id) => byId.get(id) ?? [])
      const list = await summaries(actor, rows, classYear)
      return list.filter((summary, i) => {
        const row = rows[i]
        return row !== undefined && canSeeOpportunity(actor, row, { classYear, hasApplied: summary.myApplicationStatus !== null })
      })
    },

    /**
     * The published opportunities a student may apply to now — their class year, before the
     * deadline, a place left, not applied to (or withdrawn) — with the words of each (title,
     * description, research question, skills wanted), for recommendations. Those in
     * `preferredSpecialtyIds` are read first when more than `max` are open.
     */
    async listOpenForStudent(
      actor: Actor,
      options: { preferredSpecialtyIds?: readonly string[]; max?: number } = {},
    ): Promise<{ summary: OpportunitySummary; text: string }[]> {
      if (!actor.roles.includes('student')) return []
      const now = clock.now()
      const [classYear, all] = await Promise.all([classYearOf(actor), board.rows()])
      const preferred = new Set(options.preferredSpecialtyIds ?? [])
      const open = all
        .filter(
          (r) => isOpenForApplications(r, now) && isForClassYear(r.classYears, classYear) && canSeeOpportunity(actor, r, { classYear, hasApplied: false }),
        )
        .sort((a, b) => Number(b.specialtyId !== null && preferred.has(b.specialtyId)) - Number(a.specialtyId !== null && preferred.has(a.specialtyId)))
        .slice(0, options.max ?? 200)
      const rows = await repo.listOpportunitiesByIds(open.map((r) => r.id))
      const byId = new Map(rows.map((r) => [r.id, r]))
      return (await summaries(actor, rows, classYear)).flatMap((summary) => {
        const row = byId.get(summary.id)
        return row && summary.canApply ? [{ summary, text: [row.title, row.description, row.researchQuestion, row.skillsWanted].join('\n') }] : []
      })
    },

    /** What the caller posted, newest first, with their applications counted by status. */
    async listPosted(actor: Actor): Promise<PostedOpportunityList> {
      const rows = await repo.listOpportunitiesOfPoster(actor.personId)
      const [list, counts] = await Promise.all([summaries(actor, rows, null), repo.countApplications(rows.map((r) => r.id))])
      return { opportunities: list.map((s) => ({ ...s, applicationCounts: counts.get(s.id) ?? {} })) }
    },

    async createOpportunity(actor: Actor, input: OpportunityInput, meta: RequestMeta): Promise<OpportunityView> {
      checkInput(input)
      const now = clock.now()
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertOpportunity({ ...values(input), posterId: actor.personId, createdAt: now, updatedAt: now }, tx)
        await audit.record({ actorId: actor.personId, action: 'opportunity.create', objectType: 'opportunity', objectId: created.id }, meta, tx)
        return created
      })
      return getOpportunity(actor, row.id)
    },

    /** A new version from its poster; the places cannot fall below the students already accepted. */
    async updateOpportunity(actor: Actor, id: string, input: OpportunityInput, meta: RequestMeta): Promise<OpportunityView> {
      await db.transaction(async (tx) => {
        const row = await ownOpportunity(actor, id, tx, true)
        // A deadline already passed may stay as it was (closing is the poster's), but not be set anew.
        if (!(input.applyBy && row.applyBy && Date.parse(input.applyBy) === row.applyBy.getTime())) checkInput(input)
        const accepted = (await repo.countApplications([id], tx)).get(id)?.accepted ?? 0
        if (input.places < accepted)
          throw new AppError('VALIDATION_FAILED', 'The places are fewer than the students already accepted.', {
            places: `${accepted} students are already accepted: keep at least ${accepted} places.`,
          })
        await repo.updateOpportunity(id, { ...values(input), updatedAt: clock.now() }, tx)
        await audit.record({ actorId: actor.personId, action: 'opportunity.update', objectType: 'opportunity', objectId: id }, meta, tx)
      })
      return getOpportunity(actor, id)
    },

    /** A student applies with a short statement, while it is open, for their class year, with a place left. */
    async apply(actor: Actor, id: string, input: ApplyInput): Promise<OpportunityView> {
      const { row: seen, classYear } = await visibleOpportunity(actor, id)
      // The document's version is chosen before anything is written: someone else's is 404 on documentId.
      const attachment = await applicationDocuments.versionToAttach(actor, input.documentId)
      if (!isPoster(actor, seen)) {
        const refusal = await requirements.refusalFor(actor.personId, seen, 'applying')
        if (refusal) throw new AppError('CONFLICT', refusal)
      }
      await db.transaction(async (tx) => {
        const row = await repo.lockOpportunity(id, tx)
        if (!row) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        if (isPoster(actor, row)) throw new AppError('CONFLICT', 'You posted this opportunity.')
        if (!isForClassYear(row.classYears, classYear)) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        if (!isOpenForApplications(row, clock.now()))
          throw new AppError('CONFLICT', row.status === 'published' ? 'The deadline for this opportunity has passed.' : 'This opportunity is closed.')
        const accepted = (await repo.countApplications([id], tx)).get(id)?.accepted ?? 0
        if (placesLeft(row.places, accepted) === 0) throw new AppError('CONFLICT', 'Every place on this opportunity has been filled.')
        const existing = await repo.findApplication(id, actor.personId, tx)
        if (existing && existing.status !== 'withdrawn') throw new AppError('CONFLICT', 'You have already applied to this opportunity.')
        const saved = await repo.saveApplication(id, actor.personId, input.statement, clock.now(), tx)
        await applicationDocuments.pin(saved.id, actor.personId, attachment, clock.now(), tx)
        const [poster, student] = await listPeopleByIds(tx, [row.posterId ?? '', actor.personId]).then((people) => [
          people.find((p) => p.id === row.posterId),
          people.find((p) => p.id === actor.personId),
        ])
        if (poster && student) await notifications.enqueue(newApplicationEmail(poster.email, poster.name, student.name, row.title, posterLink(id)), tx)
      })
      return getOpportunity(actor, id)
    },

    /** Gives up an application the poster has not decided. */
    async withdraw(actor: Actor, applicationId: string): Promise<OpportunityView> {
      const application = await repo.findApplicationById(applicationId)
      if (!application || application.studentId !== actor.personId) throw new AppError('NOT_FOUND', 'No such application of yours.')
      await db.transaction(async (tx) => {
        const row = await repo.lockOpportunity(application.opportunityId, tx)
        const current = await repo.findApplicationById(applicationId, tx)
        if (!row || !current) throw new AppError('NOT_FOUND', 'No such application of yours.')
        if (!canWithdraw(current.status)) throw new AppError('CONFLICT', `This application is ${current.status} and can no longer be withdrawn.`)
        await repo.updateApplication(applicationId, { status: 'withdrawn', updatedAt: clock.now() }, tx)
      })
      return getOpportunity(actor, application.opportunityId)
    },

    /** The student's own applications, newest first. */
    async listMyApplications(actor: Actor): Promise<MyApplicationList> {
      const applications = await repo.listApplicationsOfStudent(actor.personId)
      const titles = new Map((await repo.listOpportunitiesByIds(applications.map((a) => a.opportunityId))).map((o) => [o.id, o.title]))
      const documents = await applicationDocuments.mapAttached(applications.map((a) => a.id))
      return {
        applications: applications.map((a) => applicationViewOf(a, titles.get(a.opportunityId) ?? 'Removed opportunity', documents.get(a.id) ?? null)),
      }
    },

    listApplicants,

    /**
     * The poster shortlists, accepts or declines, with a message the student is e-mailed. An
     * acceptance counts the places taken under the opportunity's row lock and is refused (409)
     * once they are all taken; it adds the opportunity to the student's experience record.
     */
    async decide(actor: Actor, applicationId: string, input: DecisionInput, meta: RequestMeta): Promise<ApplicantList> {
      const application = await repo.findApplicationById(applicationId)
      if (!application) throw new AppError('NOT_FOUND', NOT_YOURS)
      await db.transaction(async (tx) => {
        const row = await repo.lockOpportunity(application.opportunityId, tx)
        if (!row || !isPoster(actor, row)) throw new AppError('NOT_FOUND', NOT_YOURS)
        const current = await repo.findApplicationById(applicationId, tx)
        if (!current) throw new AppError('NOT_FOUND', NOT_YOURS)
        if (!canPosterMove(current.status, input.status))
          throw new AppError('CONFLICT', `This application is ${current.status}: it cannot be ${input.status} now.`)
        if (input.status === 'accepted') {
          const accepted = (await repo.countApplications([row.id], tx)).get(row.id)?.accepted ?? 0
          if (placesLeft(row.places, accepted) === 0)
            throw new AppError('CONFLICT', `All ${row.places} ${row.places === 1 ? 'place is' : 'places are'} taken: add a place or decline.`)
        }
        const now = clock.now()
        await repo.updateApplication(applicationId, { status: input.status, posterMessage: input.message, decidedAt: now, updatedAt: now }, tx)
        if (input.status === 'accepted')
          await repo.insertExperience(
            {
              studentId: current.studentId,
              kind: experienceKindFor(row.kind),
              title: row.title,
              organization: (row.posterId && (await mapPersonNamesByIds(tx, [row.posterId])).get(row.posterId)) || '',
              description: row.description.slice(0, 2000),
              startDate: row.startDate,
              endDate: row.endDate,
              applicationId,
              createdAt: now,
              updatedAt: now,
            },
            tx,
          )
        const [student] = await listPeopleByIds(tx, [current.studentId])
        if (student)
          await notifications.enqueue(applicationDecisionEmail(student.email, student.name, row.title, input.status, input.message, studentLink(row.id)), tx)
        await audit.record(
          { actorId: actor.personId, action: `opportunity.application.${input.status}`, objectType: 'opportunity-application', objectId: applicationId },
          meta,
          tx,
        )
      })
      return listApplicants(actor, application.opportunityId)
    },
  }
}

export type OpportunitiesService = ReturnType<typeof createOpportunitiesService>
