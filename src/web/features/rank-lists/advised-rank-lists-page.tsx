import { useId, useState } from 'react'
import { Link } from 'react-router'
import { RANK_LIST_REVIEW_STATUS_LABELS, RANK_LIST_REVIEW_STATUSES, type RankListReviewStatus } from '#shared/contracts/rank-lists.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { formatDateTime } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { ReviewStatusTag } from './rank-list-format.tsx'
import { useAdvisedRankLists } from './rank-lists-api.ts'
import './rank-lists.css'

/** The order an advisor wants to work in: lists waiting for them first. */
const STATUS_ORDER: Record<RankListReviewStatus, number> = { submitted: 0, 'changed-since-sign-off': 1, draft: 2, 'signed-off': 3 }

/** An advisor's students and where each one's rank order list stands. */
export function AdvisedRankListsPage() {
  usePageTitle('Rank order lists to review')
  const id = useId()
  const query = useAdvisedRankLists()
  const [status, setStatus] = useState<RankListReviewStatus | ''>('')
  const [name, setName] = useState('')
  const items = (query.data?.items ?? [])
    .filter((i) => (status ? i.reviewStatus === status : true) && i.student.name.toLowerCase().includes(name.trim().toLowerCase()))
    .sort((a, b) => STATUS_ORDER[a.reviewStatus] - STATUS_ORDER[b.reviewStatus] || a.student.name.localeCompare(b.student.name))
  const waiting = (query.data?.items ?? []).filter((i) => i.reviewStatus === 'submitted' || i.reviewStatus === 'changed-since-sign-off').length

  return (
    <div className="page rol-page">
      <div className="page-header">
        <h1 tabIndex={-1}>Rank order lists to review</h1>
        <p className="lead">
          Your advisees’ lists. Submitted lists wait for your comments and sign-off; a list changed after you signed it off needs another look.
        </p>
      </div>
      {query.isPending ? <Loading label="Loading your advisees’ lists…" /> : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          <p className="rol-summary">
            <strong>{waiting}</strong> of {query.data.items.length} {query.data.items.length === 1 ? 'list waits' : 'lists wait'} for you.
          </p>
          <form className="filters rol-filters" role="search" aria-label="Filter lists" onSubmit={(e) => e.preventDefault()}>
            <div className="field">
              <label htmlFor={`${id}-name`}>Student name</label>
              <input id={`${id}-name`} type="search" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor={`${id}-status`}>Status</label>
              <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as RankListReviewStatus | '')}>
                <option value="">Any status</option>
                {RANK_LIST_REVIEW_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {RANK_LIST_REVIEW_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
          </form>
          <p role="status" className="results-status">
            {items.length} {items.length === 1 ? 'student' : 'students'} shown
          </p>
          {items.length > 0 ? (
            <div className="table-wrap">
              <table className="table table-stack rol-table">
                <caption className="visually-hidden">Advisees’ rank order lists, lists waiting for review first</caption>
                <thead>
                  <tr>
                    <th scope="col">Student</th>
                    <th scope="col">Year</th>
                    <th scope="col">Status</th>
                    <th scope="col">Lines</th>
                    <th scope="col">Last change</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.student.id}>
                      <td data-label="Student">
                        <Link to={`/residency/students/${i.student.id}/rank-list`}>{i.student.name}</Link>
                        {i.coupled ? <span className="cell-sub"> · couple</span> : null}
                      </td>
                      <td data-label="Year">{i.classYear ?? '—'}</td>
                      <td data-label="Status">
                        <ReviewStatusTag status={i.reviewStatus} />
                      </td>
                      <td data-label="Lines">{i.lines}</td>
                      <td data-label="Last change">{i.updatedAt ? formatDateTime(i.updatedAt) : 'Not started'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="empty-state">{query.data.items.length === 0 ? 'No students are assigned to you yet.' : 'No list matches these filters.'}</p>
          )}
        </>
      ) : null}
    </div>
  )
}
