import { useRecommendationWeights } from '../../api/recommendations.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'

const KIND_LABELS = { factor: 'Adds', penalty: 'Subtracts', setting: 'Setting' } as const

/** The weights behind "Mentors for you", for admins: what each one does, in a sentence. */
export function RecommendationWeightsPage() {
  usePageTitle('Recommendation weights')
  const weights = useRecommendationWeights()
  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Recommendation weights</h1>
        <p className="lead">
          “Mentors for you” scores each mentor for a student as a sum: every factor is a value between 0 and 1 times its weight. Penalties subtract. Students
          see the factors’ points under “Why this order?”.
        </p>
      </div>
      {weights.isPending ? <Loading /> : null}
      {weights.isError ? <QueryError error={weights.error} onRetry={() => void weights.refetch()} /> : null}
      {weights.data ? (
        <div className="table-wrap">
          <table className="table weights-table">
            <caption className="visually-hidden">Weights of “Mentors for you”</caption>
            <thead>
              <tr>
                <th scope="col">Factor</th>
                <th scope="col" className="numeric">
                  Weight
                </th>
                <th scope="col">Effect</th>
                <th scope="col">What it does</th>
              </tr>
            </thead>
            <tbody>
              {weights.data.weights.map((w) => (
                <tr key={w.name}>
                  <th scope="row">{w.label}</th>
                  <td className="numeric">{w.value}</td>
                  <td>{KIND_LABELS[w.kind]}</td>
                  <td>{w.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  )
}
