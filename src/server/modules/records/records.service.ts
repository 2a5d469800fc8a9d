import type { Database } from '#server/db/client.ts'
import type { Clock } from '../../clock.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { createDirectoryHoldService } from './directory-hold.service.ts'
import { createExportRecordsService } from './export-records.service.ts'
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
  const exports = createExportRecordsService({ ...deps, directoryHold })
  return { directoryHold, exports }
}

export type RecordsService = ReturnType<typeof createRecordsService>
