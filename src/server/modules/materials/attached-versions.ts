import { AppError } from '#shared/errors.ts'
import type { MaterialKind } from '#shared/reference/application-limits.ts'
import type { Actor } from '../../http/app-env.ts'
import type { MaterialsRepository } from './materials.repository.ts'

/** The version of a student's document that another module attaches to something the student sends (an application). */
export type VersionToAttach = { documentId: string; versionId: string; kind: MaterialKind; title: string; versionNumber: number }

/** An attached version's words, for a reader the attaching module has already judged lawful. */
export type AttachedVersionText = { versionId: string; kind: MaterialKind; title: string; target: string; versionNumber: number; savedAt: Date; text: string }

/**
 * The two narrow reads that let a student send one version of a document with an application
 * (the opportunities module, decision 042), so that module never reads these tables:
 * `versionToAttach` pins the version current now of the acting student's own document, and
 * `readAttachedVersion` gives back that one version's words, and only when it is still a version
 * of a document of that student. Neither ever lists a student's documents or another version:
 * who may read the pinned version (the poster of the opportunity applied to) is the caller's rule.
 * Letters are not materials documents: a letter, confidential or not, can never be attached.
 */
export function createAttachedVersions(repo: Pick<MaterialsRepository, 'findDocumentById' | 'findLatestVersion' | 'findVersionById'>) {
  return {
    /** The newest version of one of the actor's own documents; anyone else's (or none) is 404 on `field`. */
    async versionToAttach(actor: Actor, documentId: string, field: string): Promise<VersionToAttach> {
      const doc = await repo.findDocumentById(documentId)
      if (!doc || doc.studentId !== actor.personId)
        throw new AppError('NOT_FOUND', 'No such document of yours.', { [field]: 'Choose one of your own documents.' })
      const version = await repo.findLatestVersion(doc.id)
      if (!version) throw new AppError('VALIDATION_FAILED', 'This document has no saved version yet.', { [field]: 'Save a version of it first.' })
      return { documentId: doc.id, versionId: version.id, kind: doc.kind, title: doc.title, versionNumber: version.number }
    },

    /** That version, if it belongs to a document of `studentId`; null otherwise. No actor: the caller decided who reads it. */
    async readAttachedVersion(studentId: string, versionId: string): Promise<AttachedVersionText | null> {
      const version = await repo.findVersionById(versionId)
      const doc = version ? await repo.findDocumentById(version.documentId) : null
      if (!version || !doc || doc.studentId !== studentId) return null
      return {
        versionId: version.id,
        kind: doc.kind,
        title: doc.title,
        target: doc.target,
        versionNumber: version.number,
        savedAt: version.createdAt,
        text: version.body,
      }
    },
  }
}
