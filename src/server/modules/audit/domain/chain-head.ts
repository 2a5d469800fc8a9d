import type { AuditChainCheck } from '#shared/contracts/admin.ts'

/**
 * The head of the audit chain as a file to keep outside the system (decision 030). Whoever later
 * suspects the log can check that row `newestRowId` still carries `newestHash`: a log edited,
 * or cut short at its end, no longer does.
 */
export function chainHeadJson(check: AuditChainCheck, exportedAt: Date) {
  return {
    what: 'The newest hash of the Preceptor audit log, to keep outside the system',
    exportedAt: exportedAt.toISOString(),
    checkedAt: check.checkedAt,
    intact: check.intact,
    rowsChecked: check.rowsChecked,
    newestRowId: check.newestRowId,
    newestHash: check.newestHash,
    breakRowId: check.breakRowId,
    breakReason: check.breakReason,
    algorithm: 'sha256 of the previous row’s hash, a newline, and the JSON of the row’s fields (decision 008)',
  }
}

export function chainHeadText(check: AuditChainCheck, exportedAt: Date): string {
  const lines = [
    'Preceptor audit log: the newest hash, to keep outside the system',
    `exported at:   ${exportedAt.toISOString()}`,
    `checked at:    ${check.checkedAt}`,
    `result:        ${check.intact ? 'intact' : `BROKEN at row ${check.breakRowId} (${check.breakReason})`}`,
    `rows checked:  ${check.rowsChecked}`,
    `newest row:    ${check.newestRowId ?? 'none'}`,
    `newest hash:   ${check.newestHash ?? 'none'}`,
  ]
  return `${lines.join('\n')}\n`
}
