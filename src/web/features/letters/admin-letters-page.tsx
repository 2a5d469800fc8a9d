import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { LetterRequestView } from '#shared/contracts/letters.ts'
import { LETTER_STATUS_LABELS, LETTER_STATUSES, type LetterStatus } from '#shared/enums.ts'
import { errorMessage } from '../../api/client.ts'
import { letterUrl, useDeliverLetter, useLetterQueue } from '../../api/letters.ts'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { optionsFrom, SelectField } from '../../components/fields.tsx'
import { Pagination } from '../../components/pagination.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { LetterSummaryCells } from './letter-facts.tsx'
import { fileSize } from './letter-format.ts'

function QueueRow({ request, say, fail }: { request: LetterRequestView; say: (m: string) => void; fail: (m: string) => void }) {
  const deliver = useDeliverLetter()
  const letter = 'letter' in request ? request.letter : undefined
  return (
    <tr>
      <td data-label="Student">
        <Link to={`/people/${request.student.id}`}>{request.student.name}</Link>
      </td>
      <LetterSummaryCells request={request} />
      <td data-label="Actions" className="cell-actions">
        {request.status === 'submitted' || letter ? (
          <div className="button-row">
            {request.status === 'submitted' ? (
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={deliver.isPending}
                onClick={() =>
                  deliver.mutate(request.id, {
                    onSuccess: () => say(`${request.writer.name}’s letter for ${request.student.name} is marked delivered.`),
                    onError: (error) => fail(errorMessage(error)),
                  })
                }
              >
                Mark delivered
                <span className="visually-hidden">
                  : {request.writer.name}’s letter for {request.student.name}
                </span>
              </button>
            ) : null}
            {letter ? (
              <a className="button button-secondary button-small" href={letterUrl(request.id)} download>
                Download
                <span className="visually-hidden">
                  {' '}
                  {request.writer.name}’s letter for {request.student.name}
                </span>{' '}
                ({fileSize(letter.sizeBytes)})
              </a>
            ) : null}
          </div>
        ) : null}
      </td>
    </tr>
  )
}

export function AdminLettersPage() {
  usePageTitle('Letter delivery')
  const [params, setParams] = useSearchParams()
  const statusParam = params.get('status')
  const status = LETTER_STATUSES.find((s) => s === statusParam)
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1)
  const queue = useLetterQueue({ status, page })
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const setFilter = (next: LetterStatus | '') => {
    const search = new URLSearchParams()
    if (next) search.set('status', next)
    setParams(search)
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Letter delivery</h1>
        <p className="lead">
          Every letter request, by due date. Deliver submitted letters to the programs, then mark them delivered. Each download of a letter is recorded in the
          audit log.
        </p>
      </div>
      <div className="filters">
        <SelectField
          id="queue-status"
          label="Status"
          placeholder="All statuses"
          options={optionsFrom(LETTER_STATUSES, LETTER_STATUS_LABELS)}
          value={status ?? ''}
          onChange={(e) => setFilter(e.currentTarget.value as LetterStatus | '')}
        />
      </div>
      <LiveStatus message={message} />
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {queue.isPending ? <Loading label="Loading letter requests…" /> : null}
      {queue.isError ? <QueryError error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.data ? (
        <div aria-busy={queue.isPlaceholderData}>
          {queue.data.items.length === 0 ? (
            <p className="empty-state">No letter requests{status ? ` are ${LETTER_STATUS_LABELS[status].toLowerCase()}` : ' yet'}.</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-stack letters-table">
                <caption className="visually-hidden">Letter requests</caption>
                <thead>
                  <tr>
                    <th scope="col">Student</th>
                    <th scope="col">Writer</th>
                    <th scope="col">For</th>
                    <th scope="col">Due</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {queue.data.items.map((request) => (
                    <QueueRow
                      key={request.id}
                      request={request}
                      say={(m) => {
                        setError(null)
                        setMessage(m)
                      }}
                      fail={(m) => {
                        setMessage(null)
                        setError(m)
                      }}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={queue.data.page}
            pageSize={queue.data.pageSize}
            total={queue.data.total}
            noun={['request', 'requests']}
            onPage={(next) => {
              const search = new URLSearchParams(params)
              search.set('page', String(next))
              setParams(search)
            }}
          />
        </div>
      ) : null}
    </div>
  )
}
