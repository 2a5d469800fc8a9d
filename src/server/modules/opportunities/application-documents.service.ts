import type { Tx } from '#server/db/client.ts'
import type { AttachedDocumentText, AttachedDocumentView } from '#shared/contracts/opportunities.ts'
import { AppError } from '#shared/errors.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { mapPersonNamesByIds } from '../identity/people-reads.ts'
import type { MaterialsService } from '../materials/materials.service.ts'
import type { VersionToAttach } from '../materials/attached-versions.ts'
import type { ApplicationDocumentsRepository, AttachmentRow } from './application-documents.repository.ts'
import { isPoster } from './opportunities.policy.ts'
import type { OpportunitiesRepository } from './opportunities.repository.ts'

export type ApplicationDocumentsDeps = {
  repo: ApplicationDocumentsRepository
  opportunitiesRepo: Pick<OpportunitiesRepository, 'findApplicationById' | 'findOpportunityById'>
  /** The student's documents, through the materials service's two narrow reads (never its tables). */
  materials: Pick<MaterialsService, 'versionToAttach' | 'readAttachedVersion'>
  audit: AuditService
  db: Parameters<typeof mapPersonNamesByIds>[0]
}

const NOT_YOURS = 'No such document among the applications to your opportunities.'

export const attachedDocumentViewOf = (row: AttachmentRow): AttachedDocumentView => ({
  versionId: row.versionId,
  kind: row.documentKind,
  title: row.documentTitle,
  versionNumber: row.versionNumber,
  attachedAt: row.attachedAt.toISOString(),
})

/**
 * A document sent with an application (decision 042): the student picks one of their materials
 * documents when applying and the version current at that moment is pinned, so a later save
 * changes nothing the poster reads. The poster of the opportunity reads that version only,
 * for applications to their own opportunities; anyone else gets 404, as for a missing one.
 */
export function createApplicationDocumentsService(deps: ApplicationDocumentsDeps) {
  const { repo, opportunitiesRepo, materials, audit, db } = deps

  return {
    /** Before applying: the version to pin, from the student's own document (404 on `documentId` otherwise). */
    versionToAttach: (actor: Actor, documentId: string | null): Promise<VersionToAttach | null> =>
      documentId ? materials.versionToAttach(actor, documentId, 'documentId') : Promise.resolve(null),

    /** In the application's transaction: pin the version, or clear what an earlier application pinned. */
    async pin(applicationId: string, studentId: string, version: VersionToAttach | null, now: Date, tx: Tx): Promise<void> {
      if (!version) return repo.remove(applicationId, tx)
      await repo.upsert(
        {
          applicationId,
          studentId,
          versionId: version.versionId,
          documentKind: version.kind,
          documentTitle: version.title,
          versionNumber: version.versionNumber,
          attachedAt: now,
        },
        tx,
      )
    },

    /** What each of these applications carries, by application id. */
    async mapAttached(applicationIds: readonly string[]): Promise<Map<string, AttachedDocumentView>> {
      return new Map((await repo.listByApplications(applicationIds)).map((row) => [row.applicationId, attachedDocumentViewOf(row)]))
    },

    /** The pinned version's words, for the poster of the opportunity applied to; audited. */
    async readForPoster(actor: Actor, applicationId: string, meta: RequestMeta): Promise<AttachedDocumentText> {
      const application = await opportunitiesRepo.findApplicationById(applicationId)
      const opportunity = application ? await opportunitiesRepo.findOpportunityById(application.opportunityId) : null
      if (!application || !opportunity || !isPoster(actor, opportunity)) throw new AppError('NOT_FOUND', NOT_YOURS)
      if (application.status === 'withdrawn') throw new AppError('NOT_FOUND', 'The student withdrew this application, and its document with it.')
      const pinned = await repo.findByApplication(applicationId)
      const version = pinned ? await materials.readAttachedVersion(application.studentId, pinned.versionId) : null
      if (!pinned || !version) throw new AppError('NOT_FOUND', 'This application has no document attached.')
      await audit.record(
        { actorId: actor.personId, action: 'opportunity.application.document.read', objectType: 'opportunity-application', objectId: applicationId },
        meta,
      )
      const names = await mapPersonNamesByIds(db, [application.studentId])
      return {
        ...attachedDocumentViewOf(pinned),
        applicationId,
        opportunityId: opportunity.id,
        studentName: names.get(application.studentId) ?? 'Former student',
        target: version.target,
        text: version.text,
      }
    },
  }
}

export type ApplicationDocumentsService = ReturnType<typeof createApplicationDocumentsService>
