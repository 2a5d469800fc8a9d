import { Link, useParams, useSearchParams } from 'react-router'
import type { DiffSegment } from '#shared/contracts/materials.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useComparison } from './api.ts'
import './materials.css'

/**
 * Two versions word by word. Insertions and deletions are marked with `<ins>` and `<del>` —
 * underlined and struck through, with a "+" or "−" sign and words for screen readers — never by
 * colour alone.
 */
export function ComparePage() {
  const { documentId = '' } = useParams()
  const [params] = useSearchParams()
  const comparison = useComparison(documentId, params.get('from') ?? '', params.get('to') ?? '')
  usePageTitle(comparison.data ? `Compare versions of ${comparison.data.document.title}` : 'Compare versions')
  if (comparison.isPending) return <Loading />
  if (comparison.isError) return <QueryError error={comparison.error} onRetry={() => comparison.refetch()} />
  const c = comparison.data
  const changed = c.segments.some((s) => s.op !== 'equal')
  return (
    <div className="page">
      <p>
        <Link to={`/materials/documents/${documentId}`} className="back-link">
          ← {c.document.title}
        </Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>
          Version {c.from.number} compared with version {c.to.number}
        </h1>
        <p className="lead">
          {changed
            ? `${c.inserted.toLocaleString('en-US')} characters added and ${c.deleted.toLocaleString('en-US')} taken out.`
            : 'The two versions have the same text.'}
        </p>
      </div>
      <section className="card" aria-labelledby="diff-heading">
        <h2 id="diff-heading">Changes</h2>
        <p className="field-hint" id="diff-key">
          Key: <ins className="materials-ins">+added words</ins> are underlined, <del className="materials-del">−removed words</del> are struck through.
        </p>
        <div className="materials-diff-text" aria-describedby="diff-key">
          {keyedSegments(c.segments).map(({ key, segment }) => (
            <Segment key={key} segment={segment} />
          ))}
        </div>
      </section>
      <section className="card" aria-labelledby="why-heading">
        <h2 id="why-heading">Suggestions accepted between these versions</h2>
        {c.acceptedSuggestions.length === 0 ? (
          <p>None: the changes were your own edits.</p>
        ) : (
          <ul className="materials-accepted">
            {c.acceptedSuggestions.map((a) => (
              <li key={a.threadId}>
                Version {a.version}: {a.reviewer} suggested <q>{a.suggestion || '(cutting the words)'}</q> for <q>{a.quote}</q> — “{a.body}”
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

/** Each segment keyed by where it starts in the older and the newer text: unique and stable. */
function keyedSegments(segments: readonly DiffSegment[]) {
  let older = 0
  let newer = 0
  return segments.map((segment) => {
    const key = `${older}-${newer}`
    if (segment.op !== 'insert') older += segment.text.length
    if (segment.op !== 'delete') newer += segment.text.length
    return { key, segment }
  })
}

function Segment({ segment }: { segment: DiffSegment }) {
  if (segment.op === 'equal') return <span>{segment.text}</span>
  if (segment.op === 'insert')
    return (
      <ins className="materials-ins">
        <span className="visually-hidden">[added: </span>
        <span aria-hidden="true">+</span>
        {segment.text}
        <span className="visually-hidden">]</span>
      </ins>
    )
  return (
    <del className="materials-del">
      <span className="visually-hidden">[removed: </span>
      <span aria-hidden="true">−</span>
      {segment.text}
      <span className="visually-hidden">]</span>
    </del>
  )
}
