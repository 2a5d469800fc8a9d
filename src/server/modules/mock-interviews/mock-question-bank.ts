import type { Database } from '#server/db/client.ts'
import type { QuestionBank, QuestionBankEditor, QuestionInput, QuestionView } from '#shared/contracts/mock-interviews.ts'
import { AppError } from '#shared/errors.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { listStudentFactsByIds } from '../profiles/profile-reads.ts'
import type { MockInterviewsRepository, QuestionRow } from './mock-interviews.repository.ts'

const NO_QUESTION = 'No such question in the school’s bank.'

const viewOf = (q: QuestionRow): QuestionView => ({ id: q.id, text: q.text, kind: q.kind, tags: q.tags, specialtyId: q.specialtyId })

/**
 * The school's question bank: students read the questions in use for their specialty and for
 * every specialty; the office (admins, who own the rubric too) adds, edits and retires them.
 * A question is retired, never deleted, so it can be restored; every change is audited.
 */
export function createQuestionBank(deps: { db: Database; repo: MockInterviewsRepository; clock: Clock; audit: AuditService }) {
  const { db, repo, clock, audit } = deps

  const valuesOf = (input: QuestionInput, retiredAt: Date | null) => ({
    text: input.text,
    specialtyId: input.specialtyId,
    kind: input.kind,
    tags: input.tags,
    retiredAt,
  })

  return {
    /** The questions in use of a specialty (a student's declared one by default) with those for every specialty. */
    async questionBank(actor: Actor, specialtyId: string | undefined): Promise<QuestionBank> {
      const chosen =
        specialtyId ?? (actor.roles.includes('student') ? ((await listStudentFactsByIds(db, [actor.personId]))[0]?.declaredSpecialtyId ?? null) : null)
      const rows = await repo.listQuestions(chosen)
      return { specialtyId: chosen, specialtyName: chosen ? (findSpecialty(chosen)?.name ?? chosen) : null, questions: rows.map(viewOf) }
    },

    /** Every question, retired ones too (last), for the office's editor. */
    async questionBankEditor(): Promise<QuestionBankEditor> {
      const rows = await repo.listAllQuestions()
      return {
        questions: rows.map((q) => ({
          ...viewOf(q),
          specialtyName: q.specialtyId ? (findSpecialty(q.specialtyId)?.name ?? q.specialtyId) : null,
          retired: q.retiredAt !== null,
        })),
      }
    },

    async createQuestion(actor: Actor, input: QuestionInput, meta: RequestMeta | null): Promise<QuestionView> {
      const now = clock.now()
      const row = await db.transaction(async (tx) => {
        const [created] = await repo.insertQuestions([{ ...valuesOf(input, input.retired ? now : null), createdAt: now }], tx)
        if (!created) throw new Error('The question was not written.')
        await audit.record(
          { actorId: actor.personId, action: 'mock-interview.question.create', objectType: 'mock-interview-question', objectId: created.id },
          meta,
          tx,
        )
        return created
      })
      return viewOf(row)
    },

    /** A question's words, specialty, kind and tags changed, or it retired or restored (keeping when it was first retired). */
    async updateQuestion(actor: Actor, id: string, input: QuestionInput, meta: RequestMeta | null): Promise<QuestionView> {
      const row = await db.transaction(async (tx) => {
        const found = await repo.findQuestionById(id, tx)
        if (!found) throw new AppError('NOT_FOUND', NO_QUESTION)
        const retiredAt = input.retired ? (found.retiredAt ?? clock.now()) : null
        const updated = await repo.updateQuestion(id, valuesOf(input, retiredAt), tx)
        if (!updated) throw new AppError('NOT_FOUND', NO_QUESTION)
        const action = found.retiredAt === null && input.retired ? 'retire' : found.retiredAt !== null && !input.retired ? 'restore' : 'update'
        await audit.record(
          { actorId: actor.personId, action: `mock-interview.question.${action}`, objectType: 'mock-interview-question', objectId: id },
          meta,
          tx,
        )
        return updated
      })
      return viewOf(row)
    },
  }
}
