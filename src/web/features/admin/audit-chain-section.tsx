import type { AuditChainCheck } from '#shared/contracts/admin.ts'
import { useAuditChainChecks, useCheckAuditChain } from '../../api/admin.ts'
import { Loading, LiveStatus, QueryError } from '../../components/feedback.tsx'
import { formatDateTime, plural } from '../../components/format.ts'

const BREAK_REASONS: Record<NonNullable<AuditChainCheck['breakReason']>, string> = {
  edited: 'its content was changed after it was written',
  'link-broken': 'the entry before it was removed or changed',
  unchained: 'it was added without a link to the entries before it',
}

function verdict(check: AuditChainCheck): string {
  return check.intact
    ? `Intact: all ${plural(check.rowsChecked, 'entry', 'entries')} check out.`
    : `Broken at entry ${check.breakRowId}: ${BREAK_REASONS[check.breakReason ?? 'edited']}. The ${plural(check.rowsChecked, 'entry', 'entries')} before it check out.`
}

/**
 * The integrity of the log (decision 030): the server recomputes the hash chain every day and a
 * couple of minutes after it starts; the latest result first, a broken chain as an alert, and
 * the newest hash to download and keep somewhere the system cannot change.
 */
export function AuditChainSection() {
  const checks = useAuditChainChecks()
  const run = useCheckAuditChain()
  const latest = checks.data?.latest ?? null

  return (
    <section className="card" aria-labelledby="audit-chain">
      <h2 id="audit-chain">Integrity check</h2>
      <p className="field-hint">
        Each entry carries a hash of the one before it, so a changed or removed entry breaks the chain. The server checks the whole chain
        {checks.data ? ` every ${checks.data.everyHours} hours` : ' daily'} and a few minutes after it starts.
      </p>
      {checks.isPending ? <Loading /> : null}
      {checks.isError ? <QueryError error={checks.error} onRetry={() => void checks.refetch()} /> : null}
      {checks.data ? (
        latest === null ? (
          <p className="empty-state">No check has run yet.</p>
        ) : latest.intact ? (
          <div className="notice notice-success">
            <p>
              <strong>{verdict(latest)}</strong> Checked <time dateTime={latest.checkedAt}>{formatDateTime(latest.checkedAt)}</time>.
            </p>
          </div>
        ) : (
          <div className="notice notice-error" role="alert">
            <p>
              <strong>{verdict(latest)}</strong> Checked <time dateTime={latest.checkedAt}>{formatDateTime(latest.checkedAt)}</time>. Compare with the newest
              hash you kept outside the system, and treat the entries from {latest.breakRowId} on as suspect.
            </p>
          </div>
        )
      ) : null}
      {latest?.newestHash ? (
        <p className="audit-chain-hash">
          Newest hash (entry {latest.newestRowId}): <code>{latest.newestHash}</code>
        </p>
      ) : null}
      <div className="report-toolbar">
        <button type="button" className="button button-secondary" disabled={run.isPending} onClick={() => run.mutate()}>
          {run.isPending ? 'Checking…' : 'Check now'}
        </button>
        {latest ? (
          <>
            <a className="button button-secondary" href="/api/admin/audit-log/chain-head?format=text" download>
              Download newest hash (text)
            </a>
            <a className="button button-secondary" href="/api/admin/audit-log/chain-head?format=json" download>
              Download newest hash (JSON)
            </a>
          </>
        ) : null}
      </div>
      <LiveStatus message={run.data ? `Checked: ${verdict(run.data)}` : null} tone="info" />
      {run.isError ? <QueryError error={run.error} /> : null}
      {checks.data && checks.data.history.length > 1 ? (
        <details className="roster-listing">
          <summary>Earlier checks ({checks.data.history.length - 1})</summary>
          <div className="table-wrap">
            <table className="table table-stack">
              <caption className="visually-hidden">Earlier checks of the audit log, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Result</th>
                  <th scope="col">Entries checked</th>
                </tr>
              </thead>
              <tbody>
                {checks.data.history.slice(1).map((check) => (
                  <tr key={check.id}>
                    <td data-label="When">
                      <time dateTime={check.checkedAt}>{formatDateTime(check.checkedAt)}</time>
                    </td>
                    <td data-label="Result">{check.intact ? 'Intact' : `Broken at entry ${check.breakRowId}`}</td>
                    <td data-label="Entries checked">{check.rowsChecked.toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  )
}
