import { CURRICULUM_YEAR_LABELS, MONTH_NAMES } from '#shared/contracts/curriculum.ts'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useTimeline } from './api.ts'
import { MilestoneItem } from './milestone-item.tsx'
import { useTickWithMessage } from './use-tick.ts'
import './curriculum.css'

/** The student's whole career timeline: what to do now, then every year's milestones in order. */
export function TimelinePage() {
  usePageTitle('Your career timeline')
  const timeline = useTimeline()
  const { onTick, message, pendingId } = useTickWithMessage(timeline.data)
  const data = timeline.data
  const all = (data?.years ?? []).flatMap((y) => y.milestones)
  const now = (data?.now ?? []).flatMap((id) => all.filter((m) => m.id === id))
  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Your career timeline</h1>
        <p className="lead">
          The Office of Student Affairs’ milestones for your four years, from exploring specialties to the match.
          {data?.graduationYear
            ? ` Dates count back from your graduation in ${data.graduationYear}; each school year starts in ${MONTH_NAMES[data.yearStartMonth - 1]}.`
            : ''}{' '}
          Tick a milestone when you have done it; some tick themselves, when you go to its event or when Preceptor already knows.
        </p>
      </div>
      <LiveStatus message={message} />
      {timeline.isPending ? <Loading label="Loading your timeline…" /> : null}
      {timeline.isError ? <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} /> : null}
      {data && data.counts.total === 0 ? <p className="notice">No milestones yet. The office publishes them for your class.</p> : null}
      {data && data.counts.total > 0 ? (
        <>
          <p className="timeline-summary">
            {data.counts.done} of {data.counts.total} done · {data.counts.late} late · {data.counts.open} still to come
          </p>
          <section className="card" aria-labelledby="timeline-now">
            <h2 id="timeline-now">Do now</h2>
            {now.length > 0 ? (
              <ol className="milestone-list">
                {now.map((m) => (
                  <MilestoneItem key={m.id} milestone={m} pending={pendingId === m.id} onTick={(done) => onTick(m.id, done)} />
                ))}
              </ol>
            ) : (
              <p>Nothing is late or due in the next few weeks.</p>
            )}
          </section>
          {data.years.map((year) => (
            <section key={year.year} className="card timeline-year" aria-labelledby={`timeline-${year.year}`}>
              <h2 id={`timeline-${year.year}`}>{year.label}</h2>
              <p className="timeline-year-count">
                {year.milestones.filter((m) => m.status === 'done').length} of {year.milestones.length} done in {CURRICULUM_YEAR_LABELS[year.year]}
              </p>
              <ol className="milestone-list">
                {year.milestones.map((m) => (
                  <MilestoneItem key={m.id} milestone={m} pending={pendingId === m.id} onTick={(done) => onTick(m.id, done)} />
                ))}
              </ol>
            </section>
          ))}
        </>
      ) : null}
    </div>
  )
}
