import type { Database } from '#server/db/client.ts'
import type { Clock } from '../../clock.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { createDirectoryHoldService } from './directory-hold.service.ts'
import { createExportRecordsService } from './export-records.service.ts'
import { createRecordAccessService } from './record-access.service.ts'
import type { RecordOwners } from './record-sources.ts'

export type RecordsDeps = {
  db: Database
  clock: Clock
  audit: AuditService
  /** The modules that own a student's records (the composition root passes their services). */
  owners: () => RecordOwners
}

/** The records module's use cases, one file each (see README.md). */
export function createRecordsService(deps: RecordsDeps) {
  const directoryHold = createDirectoryHoldService(deps)
  const access = createRecordAccessService(deps)
  const exports = createExportRecordsService({
    ...deps,
    directoryHold,
    extraSections: async (actor) => {
      const log = await access.listMyAccess(actor)
      return [
        {
          key: 'access',
          title: 'Who has seen your records',
          description: 'Each time someone other than you read or sent on your records, from the school’s audit log.',
          items: log.entries,
        },
      ]
    },
  })
  return { directoryHold, exports, access }
}

export type RecordsService = ReturnType<typeof createRecordsService>
