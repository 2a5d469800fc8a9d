import type { Database } from '#server/db/client.ts'
import type { Clock } from '../../clock.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { createAmendmentsService } from './amendments.service.ts'
import { createDirectoryHoldService } from './directory-hold.service.ts'
import { createExportRecordsService } from './export-records.service.ts'
import { createRecordAccessService } from './record-access.service.ts'
import type { RecordOwners } from './record-sources.ts'
import { createRetentionService } from './retention/retention.service.ts'
import { createRecordsRepository } from './records.repository.ts'

export type RecordsDeps = {
  db: Database
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  appOrigin: string
  /** The modules that own a student's records (the composition root passes their services). */
  owners: () => RecordOwners
}

/** The records module's use cases, one file each (see README.md). */
export function createRecordsService(deps: RecordsDeps) {
  const directoryHold = createDirectoryHoldService(deps)
  const access = createRecordAccessService(deps)
  const amendments = createAmendmentsService({ ...deps, repo: createRecordsRepository(deps.db) })
  const exports = createExportRecordsService({
    ...deps,
    directoryHold,
    extraSections: async (actor) => {
      const [log, mine] = await Promise.all([access.listMyAccess(actor), amendments.listMine(actor)])
      return [
        {
          key: 'amendments',
          title: 'Requests to correct a record',
          description: 'What you asked to correct, the school’s decision and reason, and your statement after a refusal.',
          items: mine.amendments,
        },
        {
          key: 'access',
          title: 'Who has seen your records',
          description: 'Each time someone other than you read or sent on your records, from the school’s audit log.',
          items: log.entries,
        },
      ]
    },
  })
  const retention = createRetentionService(deps)
  return { directoryHold, exports, access, amendments, retention }
}

export type RecordsService = ReturnType<typeof createRecordsService>
