import { Link } from 'react-router'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { plural } from '../../components/format.ts'
import { useTimeline } from './api.ts'
import { MilestoneItem } from './milestone-item.tsx'
import { useTickWithMessage } from './use-tick.ts'
import './curriculum.css'

/** How many milestones the home card lists under "Do now" and "Next"; the timeline page has the rest. */
const NOW_ON_HOME = 3
const NEXT_ON_HOME = 2

/** The student's career timeline on their home: what to do now, what is next, and the way to the whole of it. */
export function HomeTimeline() {
  const timeline = useTimeline()
  const { onTick, message, pendingId } = useTickWithMessage(timeline.data)
  const data = timeline.data
  const byId = new Map((data?.years ?? []).flatMap((y) => y.milestones).map((m) => [m.id, m]))
  const pick = (ids: readonly string[], n: number) => ids.slice(0, n).flatMap((id) => byId.get(id) ?? [])
  const now = data ? pick(data.now, NOW_ON_HOME) : []
  const next = data ? pick(data.next, NEXT_ON_HOME) : []
  return (
    <section className="card home-timeline" aria-labelledby="home-timeline-title">
      <h2 id="home-timeline-title">Your career timeline</h2>
      <LiveStatus message={message} />
      {timeline.isPending ? <Loading label="Loading your timeline…" /> : null}
      {timeline.isError ? <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} /> : null}
      {data && data.counts.total === 0 ? (
        <p>{data.graduationYear === null ? 'Your timeline starts once the office sets your class year.' : 'The office has not published milestones yet.'}</p>
      ) : null}
      {data && data.counts.total > 0 ? (
        <>
          <p className="timeline-summary">
            Class of {data.graduationYear}: {data.counts.done} of {data.counts.total} milestones done
            {data.counts.late > 0 ? `, ${plural(data.counts.late, 'late', 'late')}` : ''}.
          </p>
          <h3 className="timeline-heading">Do now</h3>
          {now.length > 0 ? (
            <ol className="milestone-list">
              {now.map((m) => (
                <MilestoneItem key={m.id} milestone={m} compact pending={pendingId === m.id} onTick={(done) => onTick(m.id, done)} />
              ))}
            </ol>
          ) : (
            <p>Nothing is due in the next few weeks.</p>
          )}
          {data.now.length > NOW_ON_HOME ? <p>And {plural(data.now.length - NOW_ON_HOME, 'more', 'more')} on your timeline.</p> : null}
          {next.length > 0 ? (
            <>
              <h3 className="timeline-heading">Next</h3>
              <ol className="milestone-list">
                {next.map((m) => (
                  <MilestoneItem key={m.id} milestone={m} compact pending={pendingId === m.id} onTick={(done) => onTick(m.id, done)} />
                ))}
              </ol>
            </>
          ) : null}
          <p>
            <Link to="/timeline">See your whole timeline, Year 1 to Year 4</Link>
          </p>
        </>
      ) : null}
    </section>
  )
}
