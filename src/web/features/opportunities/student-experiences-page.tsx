import { Link, useParams } from 'react-router'
import type { ExperienceView } from '#shared/contracts/opportunities.ts'
import { CLASS_YEAR_LABELS, EXPERIENCE_KIND_LABELS, EXPERIENCE_KINDS, RESEARCH_OUTPUT_KIND_LABELS } from '#shared/enums.ts'
import { useSession } from '../../api/identity.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { firstName } from '../../components/voice.ts'
import { hasRole } from '../identity/roles.ts'
import { datesLabel, formatDay } from './opportunity-format.ts'
import { useStudentExperiences } from './student-experiences-api.ts'
import './opportunities.css'

const hoursWord = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'hour' : 'hours'}`

/** Who vouches for an entry: its poster (with the day), the poster not yet, or no one (the student's own). */
function standing(e: ExperienceView): { label: string; className: string } {
  if (e.confirmedBy)
    return { label: `Confirmed by ${e.confirmedBy}${e.confirmedAt ? ` on ${formatDay(e.confirmedAt.slice(0, 10))}` : ''}`, className: 'application-accepted' }
  if (e.opportunityId) return { label: 'Not yet confirmed by the poster', className: 'application-submitted' }
  return { label: 'Added by the student (no one confirms these)', className: 'application-withdrawn' }
}

function Entry({ entry: e }: { entry: ExperienceView }) {
  const dates = datesLabel(e)
  const status = standing(e)
  return (
    <li className="card opportunity-card">
      <h3>{e.title}</h3>
      <p className="opportunity-meta">
        {[e.organization, dates ?? 'No dates given', e.hours !== null ? hoursWord(e.hours) : 'No hours given'].filter(Boolean).join(' · ')}
      </p>
      <p className={`tag ${status.className}`}>{status.label}</p>
      {e.description ? <p className="prose">{e.description}</p> : null}
      {e.outputs.length > 0 ? (
        <>
          <h4>What came of it</h4>
          <ul className="research-output-list">
            {e.outputs.map((output) => (
              <li key={output.id}>
                <span className="tag">{RESEARCH_OUTPUT_KIND_LABELS[output.kind]}</span> {output.citation}
                {output.date ? ` (${formatDay(output.date)})` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  )
}

/**
 * A student's experience record as their assigned advisor or the office reads it: read-only,
 * by kind, each entry with its dates, hours, who confirmed it and its research outputs with
 * their citations. The server records every read in the audit log.
 */
export function StudentExperiencesPage() {
  const { personId = '' } = useParams()
  const { data: session } = useSession()
  const record = useStudentExperiences(personId)
  const student = record.data?.student
  const first = student ? firstName(student.name) : undefined
  usePageTitle(student ? `${student.name}’s experience record` : 'Experience record')
  const entries = record.data?.experiences ?? []
  const outputs = entries.reduce((n, e) => n + e.outputs.length, 0)
  return (
    <div className="page page-narrow">
      <p className="back-link">
        {hasRole(session, 'advisor') ? (
          <Link to={`/advising/students/${encodeURIComponent(personId)}`}>← {student ? `${student.name}’s advising board` : 'Advising board'}</Link>
        ) : (
          <Link to="/admin/people">← People</Link>
        )}
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>{student ? `${student.name}’s experience record` : 'Experience record'}</h1>
        <p className="lead">
          Research, clinical, volunteer, leadership and teaching experiences {first ?? 'the student'} recorded, with what came of them. Opportunities accepted
          through Preceptor are confirmed by the person who posted them; the rest are in {first ? `${first}’s` : 'the student’s'} own words. You can read this
          record, not change it, and your reading is recorded in the audit log.
        </p>
      </div>
      {record.isPending ? <Loading label="Loading the record…" /> : null}
      {record.isError ? <QueryError error={record.error} onRetry={() => void record.refetch()} /> : null}
      {record.data ? (
        <>
          <dl className="facts">
            <div>
              <dt>Class year</dt>
              <dd>{student?.classYear ? CLASS_YEAR_LABELS[student.classYear] : 'Not set'}</dd>
            </div>
            <div>
              <dt>Entries</dt>
              <dd>{entries.length}</dd>
            </div>
            <div>
              <dt>Abstracts, posters, presentations and publications</dt>
              <dd>{outputs}</dd>
            </div>
          </dl>
          {entries.length === 0 ? <p className="empty-state">{first ?? 'The student'} has no experiences in the record yet.</p> : null}
          {EXPERIENCE_KINDS.map((kind) => {
            const ofKind = entries.filter((e) => e.kind === kind)
            if (ofKind.length === 0) return null
            const hours = ofKind.reduce((n, e) => n + (e.hours ?? 0), 0)
            const fromBoard = ofKind.filter((e) => e.opportunityId).length
            const confirmed = ofKind.filter((e) => e.confirmedBy).length
            return (
              <section key={kind} aria-labelledby={`kind-${kind}`} className="experience-kind">
                <h2 id={`kind-${kind}`}>{EXPERIENCE_KIND_LABELS[kind]}</h2>
                <p className="opportunity-meta">
                  {ofKind.length} {ofKind.length === 1 ? 'entry' : 'entries'}
                  {fromBoard > 0 ? ` (${confirmed} of ${fromBoard} from Preceptor confirmed by their poster)` : ''}, {hoursWord(hours)} in all: the sum of the
                  entries below, each as its poster confirmed it or as {first ?? 'the student'} gave it.
                </p>
                <ul className="opportunity-list">
                  {ofKind.map((e) => (
                    <Entry key={e.id} entry={e} />
                  ))}
                </ul>
              </section>
            )
          })}
        </>
      ) : null}
    </div>
  )
}
