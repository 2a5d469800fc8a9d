import type { RecordSection, RecordsExport } from '#shared/contracts/records.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { createDirectoryHoldService } from './directory-hold.service.ts'
import { notIncludedList } from './export-coverage.ts'
import { type RecordOwners, SECTION_SOURCES } from './record-sources.ts'

type ExtraSections = (actor: Actor, meta: RequestMeta) => Promise<RecordSection[]>

/**
 * Inspect and download (34 CFR §99.10): everything the school holds about the signed-in student,
 * asked of each owning module's service as the student's own pages would show it. The export is
 * audited (its parts, never its content).
 */
export function createExportRecordsService(deps: {
  clock: Clock
  audit: AuditService
  owners: () => RecordOwners
  directoryHold: ReturnType<typeof createDirectoryHoldService>
  /** Sections the records module adds itself (amendments, access); filled in as they exist. */
  extraSections?: ExtraSections
}) {
  const { clock, audit, owners, directoryHold } = deps

  async function readSection(source: (typeof SECTION_SOURCES)[number], actor: Actor, meta: RequestMeta): Promise<RecordSection> {
    try {
      return { key: source.key, title: source.title, description: source.description, items: await source.read(owners(), actor, meta) }
    } catch (error) {
      // "Nothing of this kind yet" (no rank order list, no application profile) is an empty part.
      if (error instanceof AppError && error.code === 'NOT_FOUND') return { key: source.key, title: source.title, description: source.description, items: [] }
      throw error
    }
  }

  return {
    async exportMine(actor: Actor, meta: RequestMeta): Promise<RecordsExport> {
      const sections: RecordSection[] = []
      // One after another: each owner may audit or lock, and one request at a time keeps a PGlite connection free.
      for (const source of SECTION_SOURCES) sections.push(await readSection(source, actor, meta))
      const hold = await directoryHold.getMyDirectoryHold(actor)
      sections.push({
        key: 'directory-hold',
        title: 'Directory information',
        description: 'Whether other students and mentors may see you in lists (you choose this on your profile).',
        items: [{ held: hold.hold, changedAt: hold.changedAt }],
      })
      if (deps.extraSections) sections.push(...(await deps.extraSections(actor, meta)))
      await audit.record({ actorId: actor.personId, action: 'records.export', objectType: 'person', objectId: actor.personId }, meta)
      return {
        student: { id: actor.personId, name: actor.name, email: actor.email },
        generatedAt: clock.now().toISOString(),
        sections,
        notIncluded: notIncludedList(),
      }
    },
  }
}
