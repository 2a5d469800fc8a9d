import { formatDateTime } from '../../components/format.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { useRecordAccess } from './api.ts'

/** Who other than the student read or sent on their records (FERPA, 34 CFR §99.32), newest first. */
export function AccessSection() {
  const access = useRecordAccess()
  return (
    <section aria-labelledby="records-access">
      <h2 id="records-access">Who has seen your records</h2>
      <p>
        Each time an advisor, the Office of Student Affairs or an administrator read your records or sent them on (a letter to a residency program), the school
        keeps a line: who, when and what. Nothing of a letter you waived the right to read is shown, only that it was read.
      </p>
      {access.isPending ? <Loading /> : null}
      {access.error ? <QueryError error={access.error} onRetry={() => void access.refetch()} /> : null}
      {access.data ? (
        access.data.entries.length === 0 ? (
          <p className="empty-state">Nobody but you has looked at your records yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-stack">
              <caption className="visually-hidden">Who read or sent on your records, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {access.data.entries.map((entry, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the same person may read the same thing twice in a second
                  <tr key={`${entry.at}-${i}`}>
                    <td data-label="When">
                      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                    </td>
                    <td data-label="Who">
                      {entry.who.name}
                      <br />
                      <span className="records-role">{entry.who.role}</span>
                    </td>
                    <td data-label="What">{entry.what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  )
}
