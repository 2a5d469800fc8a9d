import type { AuditEntry } from '#shared/contracts/admin.ts'
import { writeCsv } from '#shared/csv/write-csv.ts'

/** The audit log as CSV (decision 013's writer): names beside ids, so the file answers "who" without the app. */
export function auditCsv(entries: readonly AuditEntry[], cut: boolean): string {
  const rows = entries.map((e) => [e.at, e.actorName, e.actorId, e.action, e.objectType, e.objectName, e.objectId, e.requestId])
  if (cut) rows.push(['', '', '', 'export cut here: narrow the filters for the older entries', '', '', '', ''])
  return writeCsv(['at_utc', 'actor', 'actor_id', 'action', 'object_type', 'object_name', 'object_id', 'request_id'], rows)
}
