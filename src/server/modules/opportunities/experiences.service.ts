import {
  type ConfirmExperienceInput,
  type ErasDraftInput,
  type ErasDraftProposal,
  type ErasDraftSaved,
  type ExperienceInput,
  type ExperienceList,
  type ExperienceView,
  RESEARCH_OUTPUTS_PER_EXPERIENCE_MAX,
  type ResearchOutputInput,
  type StudentExperienceList,
} from '#shared/contracts/opportunities.ts'
import { AppError } from '#shared/errors.ts'
import { ERAS_EXPERIENCE_TYPE_LABELS } from '#shared/reference/eras-experiences.ts'
import { MATERIALS_LIMITS } from '#shared/contracts/materials.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { StudentRecords } from '../advising/student-records.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { listPeopleWithRoleByIds, mapPersonNamesByIds } from '../identity/people-reads.ts'
import type { DraftDocument, MaterialsService } from '../materials/materials.service.ts'
import { listStudentFactsByIds } from '../profiles/profile-reads.ts'
import { draftDescription, ERAS_TYPE_OF_KIND, proposeOrder, truncateAtWord } from './domain/eras-draft.ts'
import { isPoster } from './opportunities.policy.ts'
import type { ExperienceRow, OpportunitiesRepository, ResearchOutputRow } from './opportunities.repository.ts'
import { experienceViewOf } from './opportunity-views.ts'
import type { ShadowingRepository } from './shadowing.repository.ts'

export type ExperiencesDeps = {
  repo: OpportunitiesRepository
  /** The shadowing day an entry came from, so its opportunity's poster confirms it as an acceptance's. */
  shadowingRepo: Pick<ShadowingRepository, 'findBookingById'>
  clock: Clock
  audit: AuditService
  studentRecords: Pick<StudentRecords, 'assertCanRead'>
  db: Parameters<typeof mapPersonNamesByIds>[0]
  /** Where an ERAS draft is saved: the student's documents, through the materials service (never its tables). */
  materials: Pick<MaterialsService, 'saveDrafts'>
}

/** The note on each version an ERAS draft saves, so the student sees where it came from. */
export const ERAS_DRAFT_NOTE = 'Drafted from your experience record'

const NOT_FOUND = 'No such experience among those you may confirm.'

/**
 * A student's experience record: an entry for each accepted opportunity (its poster confirms
 * the hours) and the entries the student adds from elsewhere. The student reads their own; their
 * assigned advisors and the office (admins) read it through the student-record gate, audited.
 */
export function createExperiencesService(deps: ExperiencesDeps) {
  const { repo, shadowingRepo, clock, audit, studentRecords, db, materials } = deps

  async function views(rows: ExperienceRow[]): Promise<ExperienceView[]> {
    const applications = await repo.listApplicationsByIds(rows.flatMap((r) => (r.applicationId ? [r.applicationId] : [])))
    const bookings = await Promise.all(rows.flatMap((r) => (r.shadowingBookingId ? [shadowingRepo.findBookingById(r.shadowingBookingId)] : [])))
    const opportunityOf = new Map([...applications, ...bookings.flatMap((b) => (b ? [b] : []))].map((a) => [a.id, a.opportunityId]))
    const names = await mapPersonNamesByIds(
      db,
      rows.map((r) => r.confirmedById),
    )
    const outputsOf = new Map<string, ResearchOutputRow[]>()
    for (const output of await repo.listOutputsOfExperiences(rows.map((r) => r.id))) {
      outputsOf.set(output.experienceId, [...(outputsOf.get(output.experienceId) ?? []), output])
    }
    return rows.map((r) =>
      experienceViewOf(
        r,
        ((r.applicationId ?? r.shadowingBookingId) && opportunityOf.get(r.applicationId ?? r.shadowingBookingId ?? '')) || null,
        (r.confirmedById && names.get(r.confirmedById)) || null,
        outputsOf.get(r.id) ?? [],
      ),
    )
  }

  /** One entry, as its student sees it after a change. */
  async function viewOf(row: ExperienceRow): Promise<ExperienceView> {
    const [view] = await views([row])
    if (!view) throw new Error('The experience vanished.')
    return view
  }

  return {
    async listMine(actor: Actor): Promise<ExperienceList> {
      return { experiences: await views(await repo.listExperiencesOfStudent(actor.personId)) }
    },

    /** A student's record as their assigned advisor or the office sees it (404 for anyone else). */
    async listOfStudent(actor: Actor, studentId: string, meta: RequestMeta): Promise<StudentExperienceList> {
      await studentRecords.assertCanRead(actor, studentId, 'experiences', meta, ['admin'])
      // The office may read anyone's record, but only a student has one: any other id is unknown.
      const [person] = await listPeopleWithRoleByIds(db, [studentId], 'student')
      if (!person) throw new AppError('NOT_FOUND', 'No such student.')
      const [facts] = await listStudentFactsByIds(db, [studentId])
      return {
        student: { id: person.id, name: person.name, classYear: facts?.classYear ?? null },
        experiences: await views(await repo.listExperiencesOfStudent(studentId)),
      }
    },

    /** The ERAS experiences a draft proposes from the student's record: each with its type and a description within the limit (`domain/eras-draft.ts`). */
    async proposeErasDraft(actor: Actor): Promise<ErasDraftProposal> {
      const entries = await views(await repo.listExperiencesOfStudent(actor.personId))
      return {
        entries: proposeOrder(entries).map(({ entry, chosen }) => {
          const drafted = draftDescription(entry)
          return {
            experience: entry,
            erasType: ERAS_TYPE_OF_KIND[entry.kind],
            description: drafted.text,
            shortenedFrom: drafted.shortenedFrom,
            fromTitleOnly: drafted.fromTitleOnly,
            chosen,
          }
        }),
      }
    },

    /**
     * Saves the experiences the student chose, in their order, as materials documents: one
     * ERAS experience description per experience, and a "most meaningful" reflection for each
     * one marked so that has one. An id that is not one of the student's entries is 404, the
     * same as one that does not exist; nothing is saved then.
     */
    async saveErasDraft(actor: Actor, input: ErasDraftInput): Promise<ErasDraftSaved> {
      const own = new Map((await repo.listExperiencesOfStudent(actor.personId)).map((r) => [r.id, r]))
      const missing = input.entries.findIndex((e) => !own.has(e.experienceId))
      if (missing >= 0) throw new AppError('NOT_FOUND', 'No such experience in your record.', { [`entries.${missing}.experienceId`]: 'Not in your record.' })
      const drafts: DraftDocument[] = input.entries.flatMap((e) => {
        const entry = own.get(e.experienceId) as ExperienceRow
        const title = truncateAtWord(entry.title, MATERIALS_LIMITS.title).text
        const target = truncateAtWord([ERAS_EXPERIENCE_TYPE_LABELS[e.erasType], entry.organization].filter(Boolean).join(' · '), MATERIALS_LIMITS.target).text
        const reflection = e.mostMeaningful ? e.reflection.trim() : ''
        return [
          { kind: 'eras-experience' as const, title, target, body: e.description },
          ...(reflection ? [{ kind: 'meaningful-experience' as const, title, target, body: reflection }] : []),
        ]
      })
      return { documents: await materials.saveDrafts(actor, drafts, ERAS_DRAFT_NOTE) }
    },

    /** An experience from elsewhere, in the student's own words (not confirmed by anyone). */
    async addMine(actor: Actor, input: ExperienceInput): Promise<ExperienceView> {
      const now = clock.now()
      return viewOf(await repo.insertExperience({ ...input, studentId: actor.personId, createdAt: now, updatedAt: now }))
    },

    /** An abstract, poster, presentation or publication that came of one of the student's own entries. */
    async addOutput(actor: Actor, experienceId: string, input: ResearchOutputInput): Promise<ExperienceView> {
      const entry = await repo.findExperienceById(experienceId)
      if (!entry || entry.studentId !== actor.personId) throw new AppError('NOT_FOUND', 'No such experience in your record.')
      const added = await repo.insertOutputWithin(
        { experienceId, studentId: actor.personId, kind: input.kind, citation: input.citation, date: input.date, createdAt: clock.now() },
        RESEARCH_OUTPUTS_PER_EXPERIENCE_MAX,
      )
      if (!added) {
        throw new AppError(
          'CONFLICT',
          `An experience holds at most ${RESEARCH_OUTPUTS_PER_EXPERIENCE_MAX} abstracts, posters, presentations and publications.`,
          {
            citation: `This experience already lists ${RESEARCH_OUTPUTS_PER_EXPERIENCE_MAX}.`,
          },
        )
      }
      return viewOf(entry)
    },

    /** Removes one of the student's own outputs; the entry it belonged to comes back. */
    async removeOutput(actor: Actor, outputId: string): Promise<ExperienceView> {
      const output = await repo.findOutputById(outputId)
      const entry = output && output.studentId === actor.personId ? await repo.findExperienceById(output.experienceId) : null
      if (!output || !entry) throw new AppError('NOT_FOUND', 'No such abstract, poster, presentation or publication in your record.')
      await repo.deleteOutput(outputId)
      return viewOf(entry)
    },

    /** The poster of the accepted opportunity (or of the shadowing day) confirms the student took part, for so many hours. */
    async confirm(actor: Actor, id: string, input: ConfirmExperienceInput, meta: RequestMeta): Promise<ExperienceView> {
      const entry = await repo.findExperienceById(id)
      const source = entry?.applicationId
        ? await repo.findApplicationById(entry.applicationId)
        : entry?.shadowingBookingId
          ? await shadowingRepo.findBookingById(entry.shadowingBookingId)
          : null
      const opportunity = source ? await repo.findOpportunityById(source.opportunityId) : null
      if (!entry || !opportunity || !isPoster(actor, opportunity)) throw new AppError('NOT_FOUND', NOT_FOUND)
      const now = clock.now()
      const row = await repo.updateExperience(id, { hours: input.hours, confirmedById: actor.personId, confirmedAt: now, updatedAt: now })
      await audit.record({ actorId: actor.personId, action: 'experience.confirm', objectType: 'experience', objectId: id }, meta)
      return viewOf(row)
    },
  }
}

export type ExperiencesService = ReturnType<typeof createExperiencesService>
