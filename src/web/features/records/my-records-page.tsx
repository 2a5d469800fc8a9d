import type { RecordSection } from '#shared/contracts/records.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { AccessSection } from './access-section.tsx'
import { AmendmentsSection } from './amendments-section.tsx'
import { useMyRecords } from './api.ts'
import { RecordValue } from './record-value.tsx'
import './records.css'

function Section({ section }: { section: RecordSection }) {
  const headingId = `records-${section.key}`
  const count = section.items.length
  return (
    <section className="card records-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{section.title}</h3>
      <p>{section.description}</p>
      {count === 0 ? (
        <p>Nothing held.</p>
      ) : (
        <details>
          <summary>
            Show what is held ({count} {count === 1 ? 'entry' : 'entries'})
          </summary>
          <RecordValue value={section.items} />
        </details>
      )}
    </section>
  )
}

/**
 * "My records" (FERPA, 34 CFR §99.10): everything the school holds about the student, part by
 * part, to read here or download as a file; then who has seen it, and how to ask for a correction.
 */
export function MyRecordsPage() {
  usePageTitle('My records')
  const records = useMyRecords()
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>My records</h1>
        <p className="lead">
          You have the right to see everything the school keeps about you, to know who has looked at it, and to ask for a correction when something is wrong.
        </p>
        <p className="button-row">
          <a className="button" href="/api/records/mine.json" download="my-records.json">
            Download as JSON
          </a>
          <a className="button button-secondary" href="/api/records/mine.html" download="my-records.html">
            Download as a document to read or print
          </a>
        </p>
      </div>
      <section aria-labelledby="records-held">
        <h2 id="records-held">What the school holds about you</h2>
        {records.isPending ? <Loading /> : null}
        {records.error ? <QueryError error={records.error} onRetry={() => void records.refetch()} /> : null}
        {records.data ? (
          <>
            {records.data.sections
              .filter((s) => s.key !== 'access' && s.key !== 'amendments')
              .map((s) => (
                <Section key={s.key} section={s} />
              ))}
            <section className="card records-section" aria-labelledby="records-not-included">
              <h3 id="records-not-included">Not included here, and why</h3>
              <ul>
                {records.data.notIncluded.map((n) => (
                  <li key={n.what}>
                    <strong>{n.what}</strong>: {n.why}
                  </li>
                ))}
              </ul>
            </section>
          </>
        ) : null}
      </section>
      <AccessSection />
      <AmendmentsSection />
    </div>
  )
}
