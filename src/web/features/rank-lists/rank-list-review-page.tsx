import { useState } from 'react'
import { Link, useParams } from 'react-router'
import type { RankListView } from '#shared/contracts/rank-lists.ts'
import { errorMessage } from '../../api/client.ts'
import { Dialog } from '../../components/dialog.tsx'
import { LiveStatus } from '../../components/feedback.tsx'
import { formatDateTime } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { firstName } from '../../components/voice.ts'
import { PageError, PageLoading } from '../../components/status-pages.tsx'
import { CommentsThread } from './comments-thread.tsx'
import { ProgramSummary, ReviewStatusTag, TruePreferenceRule } from './rank-list-format.tsx'
import { exportCsvUrl, useSignOff, useStudentRankList } from './rank-lists-api.ts'
import './rank-lists.css'

/** An assigned advisor reviews a student's list: reads it, comments, signs off a version. */
export function RankListReviewPage() {
  const { studentId = '' } = useParams()
  const query = useStudentRankList(studentId)
  usePageTitle(query.data ? `${query.data.student.name}’s rank order list` : 'Rank order list')
  if (query.isPending) return <PageLoading title="A student’s rank order list" label="Loading the rank order list…" />
  if (query.isError) {
    return (
      <PageError
        title="A student’s rank order list"
        error={query.error}
        onRetry={() => void query.refetch()}
        back={{ to: '/residency/rank-lists', label: 'Go to rank lists to review' }}
      />
    )
  }
  return <Review view={query.data} />
}

function Review({ view }: { view: RankListView }) {
  const [asking, setAsking] = useState(false)
  const [said, setSaid] = useState<string | null>(null)
  const signOff = useSignOff(view.student.id)
  const canSignOff =
    view.viewer === 'assigned-advisor' && (view.reviewStatus === 'submitted' || view.reviewStatus === 'changed-since-sign-off') && view.primary.length > 0
  const partner = view.partner
  const supplementalOf = new Map(view.supplemental.map((s) => [s.advancedProgramId, s.entries]))

  return (
    <div className="page rol-page">
      <p className="back-link">
        <Link to="/residency/rank-lists">← All my advisees’ lists</Link>
      </p>
      <div className="page-header page-header-actions">
        <div>
          <h1 tabIndex={-1}>{view.student.name}’s rank order list</h1>
          <p className="lead">
            Version {view.version}
            {view.updatedAt ? `, last changed ${formatDateTime(view.updatedAt)}` : ''}
            {view.submittedAt ? `; submitted ${formatDateTime(view.submittedAt)}` : ''}.
          </p>
        </div>
        <ReviewStatusTag status={view.reviewStatus} />
      </div>
      <TruePreferenceRule studentName={view.student.name} />
      {view.signedOff ? (
        <p className="rol-signoff-note">
          {view.signedOff.by?.name ?? 'An advisor'} signed off version {view.signedOff.version} on {formatDateTime(view.signedOff.at)}
          {view.reviewStatus === 'changed-since-sign-off' ? `. ${firstName(view.student.name)} has changed the list since.` : '.'}
        </p>
      ) : null}
      <LiveStatus message={said} />

      <section aria-labelledby="rol-review-list">
        <h2 id="rol-review-list">{partner ? `Pairs with ${partner.student.name}` : 'The list'}</h2>
        {view.primary.length === 0 ? <p className="empty-state">{firstName(view.student.name)} has not ranked any program yet.</p> : null}
        <ol className="rank-list rol-list rol-readonly">
          {view.primary.map((e, i) => (
            <li key={`${e.rank}`} className="rank-item rol-line">
              <span className="rank-number" aria-hidden="true">
                {e.rank}
              </span>
              <div className="rol-line-body">
                <span className="visually-hidden">
                  {partner ? 'Line' : 'Rank'} {e.rank}:{' '}
                </span>
                {partner ? (
                  <div className="rol-pair rol-pair-read">
                    <div>
                      <span className="rol-pair-label">{view.student.name}</span> <ProgramSummary program={e.program} />
                    </div>
                    <div>
                      <span className="rol-pair-label">{partner.student.name}</span> <ProgramSummary program={partner.primary[i]?.program ?? null} />
                    </div>
                  </div>
                ) : (
                  <ProgramSummary program={e.program} />
                )}
                {e.note ? <p className="rol-note">Note: {e.note}</p> : null}
                {e.program && supplementalOf.has(e.program.id) ? (
                  <div className="rol-supplemental">
                    <h3 className="rol-supplemental-title">Supplemental PGY-1 list for {e.program.name}</h3>
                    <ol className="rol-sub-read">
                      {(supplementalOf.get(e.program.id) ?? []).map((s) => (
                        <li key={s.rank}>
                          <ProgramSummary program={s.program} />
                        </li>
                      ))}
                    </ol>
                  </div>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
        {view.warnings.length > 0 ? (
          <div className="notice notice-warning rol-warnings">
            <h3>Worth a second look</h3>
            <ul>
              {view.warnings.map((w) => (
                <li key={`${w.field}:${w.message}`}>{w.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="button-row rol-actions">
          {canSignOff ? (
            <button type="button" className="button" onClick={() => setAsking(true)}>
              Sign off version {view.version}…
            </button>
          ) : (
            <p className="field-hint">
              {view.reviewStatus === 'draft'
                ? `${firstName(view.student.name)} has not asked for a review yet. You can still comment.`
                : view.reviewStatus === 'signed-off'
                  ? 'You signed off this version.'
                  : ''}
            </p>
          )}
          <a className="button button-secondary" href={exportCsvUrl(view.student.id)} download="rank-order-list.csv">
            Download (CSV)
          </a>
        </div>
        {signOff.isError ? (
          <p role="alert" className="notice notice-error">
            {errorMessage(signOff.error)}
          </p>
        ) : null}
      </section>

      <CommentsThread view={view} mine={false} />

      <Dialog open={asking} title="Sign off this list?" onClose={() => setAsking(false)}>
        <p>
          You are signing off version {view.version} of {view.student.name}’s list ({view.primary.length} {view.primary.length === 1 ? 'line' : 'lines'}). They
          will get an e-mail. If they change the list later, it shows as “changed since signed off”.
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={signOff.isPending}
            onClick={() =>
              signOff.mutate(view.version, {
                onSuccess: () => {
                  setAsking(false)
                  setSaid(`Signed off version ${view.version}. ${view.student.name} has been told by e-mail.`)
                },
                onError: () => setAsking(false),
              })
            }
          >
            {signOff.isPending ? 'Signing off…' : 'Yes, sign off'}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      </Dialog>
    </div>
  )
}
