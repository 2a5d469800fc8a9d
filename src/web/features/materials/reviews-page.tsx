import { Link } from 'react-router'
import { MATERIAL_KIND_LABELS } from '#shared/reference/application-limits.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { plural } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { dueText } from '../letters/letter-format.ts'
import { useMyReviews } from './api.ts'
import './materials.css'

/** What students have asked the reviewer to read, soonest due first, with how much is left. */
export function ReviewsPage() {
  usePageTitle('Documents to review')
  const reviews = useMyReviews()
  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Documents to review</h1>
        <p className="lead">Versions of CVs and statements students have shared with you. You see only the version shared with you, and your own comments.</p>
      </div>
      {reviews.isPending ? (
        <Loading />
      ) : reviews.isError ? (
        <QueryError error={reviews.error} onRetry={() => reviews.refetch()} />
      ) : reviews.data.items.length === 0 ? (
        <p className="card">No student has shared a document with you yet.</p>
      ) : (
        <section className="card" aria-labelledby="reviews-load">
          <h2 id="reviews-load">
            {plural(reviews.data.items.filter((r) => !r.finishedAt).length, 'review', 'reviews')} open, {reviews.data.items.filter((r) => r.finishedAt).length}{' '}
            done
          </h2>
          <ul className="materials-documents">
            {reviews.data.items.map((r) => (
              <li key={r.id}>
                <Link to={`/materials/versions/${r.versionId}`}>
                  {r.student.name}: {MATERIAL_KIND_LABELS[r.kind].toLowerCase()}, version {r.versionNumber}
                </Link>
                <span>
                  {r.finishedAt ? 'Done' : `Due ${dueText(r.dueDate)}`} · {plural(r.myThreads, 'comment', 'comments')} from you · <q>{r.question}</q>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
