import type { Database } from '#server/db/client.ts'
import type { AmendmentDecisionInput, AmendmentList, AmendmentRequestInput, AmendmentView } from '#shared/contracts/records.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { listActivePeopleWithRole, listPeopleByIds, mapPersonNamesByIds } from '../identity/people-reads.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { amendmentDecidedEmail, amendmentRequestedEmail, statementAddedEmail } from './records-emails.ts'
import type { AmendmentRow, RecordsRepository } from './records.repository.ts'

const NOT_YOURS = 'No such request, or it is not yours to see.'

/**
 * Amendment of education records (34 CFR §99.20–99.22). A student asks to correct a record
 * (which, what is wrong, the correction); the office's administrators decide, with a reason —
 * administrators rather than advisors, because an advisor may well be the author of the record
 * in question; a refused student may add a statement, kept with the request and shown with it in
 * their records, the office's list and the export. Each step is audited and e-mailed.
 */
export function createAmendmentsService(deps: {
  db: Database
  repo: RecordsRepository
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  appOrigin: string
}) {
  const { db, repo, clock, audit, notifications, appOrigin } = deps
  // Straight to the student's requests: the decision sits below everything the school holds.
  const studentLink = `${appOrigin}/records#records-your-requests`
  const officeLink = `${appOrigin}/records/amendments`

  async function views(rows: readonly AmendmentRow[]): Promise<AmendmentView[]> {
    const names = await mapPersonNamesByIds(
      db,
      rows.flatMap((r) => [r.studentId, r.decidedById]),
    )
    return rows.map((r) => ({
      id: r.id,
      student: { id: r.studentId, name: names.get(r.studentId) ?? 'Former student' },
      record: r.record,
      problem: r.problem,
      correction: r.correction,
      status: r.status,
      requestedAt: r.requestedAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decidedBy: r.decidedById ? (names.get(r.decidedById) ?? 'Former member of the office') : null,
      reason: r.reason,
      statement: r.statement,
      statementAt: r.statementAt?.toISOString() ?? null,
    }))
  }
  const one = async (row: AmendmentRow) => (await views([row]))[0] as AmendmentView

  return {
    async requestAmendment(actor: Actor, input: AmendmentRequestInput, meta: RequestMeta): Promise<AmendmentView> {
      const admins = await listActivePeopleWithRole(db, 'admin')
      const row = await db.transaction(async (tx) => {
        const inserted = await repo.insertAmendment({ studentId: actor.personId, ...input, status: 'requested', requestedAt: clock.now() }, tx)
        await audit.record({ actorId: actor.personId, action: 'records.amendment.requested', objectType: 'record-amendment', objectId: inserted.id }, meta, tx)
        for (const admin of admins) await notifications.enqueue(amendmentRequestedEmail(admin.email, admin.name, actor.name, input.record, officeLink), tx)
        return inserted
      })
      return one(row)
    },

    async listMine(actor: Actor): Promise<AmendmentList> {
      return { amendments: await views(await repo.listAmendmentsOfStudent(actor.personId)) }
    },

    async listForOffice(_actor: Actor): Promise<AmendmentList> {
      return { amendments: await views(await repo.listAmendments()) }
    },

    async decide(actor: Actor, id: string, input: AmendmentDecisionInput, meta: RequestMeta): Promise<AmendmentView> {
      const found = await repo.findAmendment(id)
      if (!found) throw new AppError('NOT_FOUND', 'No such request.')
      if (found.studentId === actor.personId) throw new AppError('FORBIDDEN', 'Someone else in the office must decide a request about your own records.')
      const [student] = await listPeopleByIds(db, [found.studentId])
      const row = await db.transaction(async (tx) => {
        const decided = await repo.decideIfRequested(
          id,
          { status: input.decision, decidedById: actor.personId, decidedAt: clock.now(), reason: input.reason },
          tx,
        )
        if (!decided) throw new AppError('CONFLICT', 'This request was decided already. Reload to see the decision.')
        await audit.record({ actorId: actor.personId, action: 'records.amendment.decided', objectType: 'person', objectId: found.studentId }, meta, tx)
        if (student)
          await notifications.enqueue(
            amendmentDecidedEmail(student.email, student.name, found.record, input.decision === 'amended', input.reason, studentLink),
            tx,
          )
        return decided
      })
      return one(row)
    },

    async addStatement(actor: Actor, id: string, statement: string, meta: RequestMeta): Promise<AmendmentView> {
      const found = await repo.findAmendment(id)
      // Another student's request is not found, whatever its id.
      if (!found || found.studentId !== actor.personId) throw new AppError('NOT_FOUND', NOT_YOURS)
      if (found.status !== 'refused')
        throw new AppError('CONFLICT', 'A statement is added after a refusal; this request is not refused.', {
          statement: 'Only a refused request takes a statement.',
        })
      const decider = found.decidedById ? (await listPeopleByIds(db, [found.decidedById]))[0] : undefined
      const row = await db.transaction(async (tx) => {
        const updated = await repo.setStatementIfRefused(id, actor.personId, statement, clock.now(), tx)
        if (!updated) throw new AppError('CONFLICT', 'This request changed in the meantime. Reload it and try again.')
        await audit.record({ actorId: actor.personId, action: 'records.amendment.statement', objectType: 'record-amendment', objectId: id }, meta, tx)
        if (decider?.status === 'active')
          await notifications.enqueue(statementAddedEmail(decider.email, decider.name, actor.name, found.record, officeLink), tx)
        return updated
      })
      return one(row)
    },
  }
}
