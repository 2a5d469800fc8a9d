import type { Database } from '#server/db/client.ts'
import type { Clock } from '../../clock.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { createDirectoryHoldService } from './directory-hold.service.ts'

export type RecordsDeps = {
  db: Database
  clock: Clock
  audit: AuditService
}

/** The records module's use cases, one file each (see README.md). */
export function createRecordsService(deps: RecordsDeps) {
  return {
    directoryHold: createDirectoryHoldService(deps),
  }
}

export type RecordsService = ReturnType<typeof createRecordsService>
