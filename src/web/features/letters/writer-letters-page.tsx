import { useState } from 'react'
import type { LetterRequestView } from '#shared/contracts/letters.ts'
import { useWritingLetters } from '../../api/letters.ts'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { byDueDate, dueText, isDoneStatus, isOpenStatus } from './letter-format.ts'
import { WriterRequestCard } from './writer-request-card.tsx'

type Group = { id: string; title: string; empty: string; items: LetterRequestView[] }

export function WriterLettersPage() {
  usePageTitle('Letters to write')
  const letters = useWritingLetters()
  const [announcement, setAnnouncement] = useState<string | null>(null)
  const data = letters.data
  const sorted = data ? [...data.items].sort(byDueDate) : []
  const open = sorted.filter((r) => isOpenStatus(r.status))
  const groups: Group[] = [
    { id: 'answer', title: 'Waiting for your answer', empty: 'No new requests.', items: open.filter((r) => r.status === 'requested') },
    { id: 'write', title: 'To write', empty: 'Nothing to write right now.', items: open.filter((r) => r.status !== 'requested') },
    { id: 'done', title: 'Submitted', empty: '', items: sorted.filter((r) => isDoneStatus(r.status)) },
    { id: 'closed', title: 'Declined or withdrawn', empty: '', items: sorted.filter((r) => r.status === 'declined' || r.status === 'withdrawn') },
  ]
  const next = open[0]

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Letters to write</h1>
        <p className="lead">
          Every student who asked you for a letter, by due date. Students see your answer and the status, never your letter unless they kept that right.
        </p>
      </div>
      <LiveStatus message={announcement} />
      {letters.isPending ? <Loading label="Loading your letter requests…" /> : null}
      {letters.isError ? <QueryError error={letters.error} onRetry={() => void letters.refetch()} /> : null}
      {data ? (
        <>
          <section className="card letters-load" aria-labelledby="letters-load-title">
            <h2 id="letters-load-title">Your letters this season and ahead ({data.load.season})</h2>
            <dl className="stat-grid">
              <div>
                <dt>Agreed or asked</dt>
                <dd>{data.load.total}</dd>
              </div>
              <div>
                <dt>Still to write</dt>
                <dd>{data.load.open}</dd>
              </div>
              <div>
                <dt>Submitted</dt>
                <dd>{data.load.submitted}</dd>
              </div>
            </dl>
            {next ? (
              <p>
                <strong>Next due:</strong> {next.student.name}, {dueText(next.dueDate)}.
              </p>
            ) : null}
          </section>
          {data.items.length === 0 ? <p className="empty-state">No student has asked you for a letter yet.</p> : null}
          {data.items.length > 0
            ? groups
                .filter((group) => group.items.length > 0 || group.empty)
                .map((group) => (
                  <section key={group.id} className="letters-column" aria-labelledby={`writer-${group.id}`}>
                    <h2 id={`writer-${group.id}`}>
                      {group.title} <span className="count">({group.items.length})</span>
                    </h2>
                    {group.items.length === 0 ? (
                      <p className="empty">{group.empty}</p>
                    ) : (
                      <div className="letter-cards">
                        {group.items.map((request) => (
                          <WriterRequestCard key={request.id} request={request} announce={setAnnouncement} />
                        ))}
                      </div>
                    )}
                  </section>
                ))
            : null}
        </>
      ) : null}
    </div>
  )
}
