import { Link } from 'react-router'
import { useMyShadowingDays } from './shadowing-api.ts'
import { dayWhen } from './shadowing-format.ts'

/** The student's booked shadowing days still ahead, each linking to its opportunity (where it is cancelled). */
export function MyShadowingDays() {
  const days = useMyShadowingDays()
  const ahead = (days.data?.bookings ?? []).filter((b) => b.status === 'booked' && Date.parse(b.endAt) > Date.now()).reverse()
  if (ahead.length === 0) return null
  return (
    <section aria-labelledby="my-shadowing-days" className="card">
      <h2 id="my-shadowing-days">My shadowing days</h2>
      <ul className="requirement-list">
        {ahead.map((b) => (
          <li key={b.id}>
            <Link to={`/opportunities/${b.opportunityId}`}>{b.opportunityTitle}</Link>
            <p>{[dayWhen(b), b.site].filter(Boolean).join(' · ')}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}
