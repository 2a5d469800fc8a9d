import { Link } from 'react-router'
import { plural } from '../../components/format.ts'
import { dueText } from '../letters/letter-format.ts'
import { useMyReviews } from './api.ts'

/** On a reviewer's home: how many documents wait for their comments, and the next due. */
export function ReviewsLine() {
  const { data } = useMyReviews()
  if (!data) return null
  const open = data.items.filter((r) => !r.finishedAt)
  const next = open[0]
  return (
    <p className="home-letters">
      <strong>Documents to review:</strong>{' '}
      {open.length === 0
        ? 'none waiting.'
        : `${plural(open.length, 'document', 'documents')}, next due ${next ? `${dueText(next.dueDate)} from ${next.student.name}` : ''}.`}{' '}
      <Link to="/materials/reviews">See documents to review</Link>
    </p>
  )
}
