import { useId, useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import { estimateSimulationSeconds, MAX_RUNS, MIN_RUNS, StartClassSimulation } from '#shared/contracts/class-simulation.ts'
import { CLASS_YEAR_LABELS, CLASS_YEARS, type ClassYear } from '#shared/enums.ts'
import { ErrorSummary, Loading, QueryError } from '../../components/feedback.tsx'
import { formatDateTime } from '../../components/format.ts'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { usePreview, useSimulations, useStartSimulation } from './class-simulation-api.ts'
import { formatDuration, SimulationProgress, SimulationStatusTag, students } from './class-simulation-format.tsx'
import './class-simulation.css'

const RUN_CHOICES = [200, 500, 1000, 2000] as const
const FIELDS = ['runs', 'classYear', 'studentIds'] as const

/** An advisor's class simulations: start one, follow the ones running, open past results. */
export function ClassSimulationPage() {
  usePageTitle('Class simulation')
  const id = useId()
  const navigate = useNavigate()
  const [classYear, setClassYear] = useState<ClassYear | ''>('M4')
  const [runs, setRuns] = useState<number>(1000)
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const preview = usePreview(classYear)
  const simulations = useSimulations()
  const start = useStartSimulation()
  const simulated = preview.data ? preview.data.withRankList + preview.data.withInterviewsOnly : 0

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(StartClassSimulation, { runs, ...(classYear ? { classYear } : {}) })
    if (!checked.ok) {
      setProblem({ message: null, fields: checked.errors })
      setAttempt((a) => a + 1)
      return
    }
    try {
      const created = await start.mutateAsync(checked.data)
      await navigate(`/residency/class-simulation/${created.id}`)
    } catch (error) {
      setProblem(problemFrom(error, FIELDS))
      setAttempt((a) => a + 1)
    }
  }

  return (
    <div className="page cs-page">
      <div className="page-header">
        <h1 tabIndex={-1}>Class simulation</h1>
        <p className="lead">
          Runs your students’ rank order lists through the match algorithm many times, inside a simulated national market, to show each student’s chance of
          matching and who may be at risk of not matching. It runs in the background: you can leave this page and come back.
        </p>
      </div>

      <section className="card" aria-labelledby={`${id}-start`}>
        <h2 id={`${id}-start`}>Start a simulation</h2>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <ErrorSummary
            message={problem.message}
            fields={problem.fields}
            idFor={(f) => `${id}-${f}`}
            labels={{ runs: 'Runs', classYear: 'Class year', studentIds: 'Students' }}
            attempt={attempt}
          />
          <div className="form-grid cs-form-grid">
            <div className={`field${problem.fields.classYear ? ' field-invalid' : ''}`}>
              <label htmlFor={`${id}-classYear`}>Students</label>
              <select
                id={`${id}-classYear`}
                value={classYear}
                onChange={(e) => setClassYear(e.target.value as ClassYear | '')}
                aria-describedby={`${id}-classYear-hint${problem.fields.classYear ? ` ${id}-classYear-error` : ''}`}
              >
                {CLASS_YEARS.map((y) => (
                  <option key={y} value={y}>
                    My {CLASS_YEAR_LABELS[y]} students
                  </option>
                ))}
                <option value="">All my students</option>
              </select>
              <p className="field-hint" id={`${id}-classYear-hint`}>
                {preview.isPending
                  ? 'Counting your students…'
                  : preview.data
                    ? `${students(preview.data.students)}: ${preview.data.withRankList} with a rank order list, ${preview.data.withInterviewsOnly} with interviews only, ${preview.data.withoutList} with neither.`
                    : ''}
              </p>
              {problem.fields.classYear ? (
                <p className="field-error" id={`${id}-classYear-error`}>
                  {problem.fields.classYear}
                </p>
              ) : null}
            </div>
            <div className={`field${problem.fields.runs ? ' field-invalid' : ''}`}>
              <label htmlFor={`${id}-runs`}>Runs</label>
              <select
                id={`${id}-runs`}
                value={runs}
                onChange={(e) => setRuns(Number(e.target.value))}
                aria-describedby={`${id}-runs-hint${problem.fields.runs ? ` ${id}-runs-error` : ''}`}
              >
                {RUN_CHOICES.filter((r) => r >= MIN_RUNS && r <= MAX_RUNS).map((r) => (
                  <option key={r} value={r}>
                    {r.toLocaleString('en-US')} runs{r === 1000 ? ' (recommended)' : ''}
                  </option>
                ))}
              </select>
              <p className="field-hint" id={`${id}-runs-hint`}>
                More runs give tighter figures.{' '}
                {simulated > 0 ? `Estimated time for ${students(simulated)}: ${formatDuration(estimateSimulationSeconds(runs, simulated))}.` : ''}
              </p>
              {problem.fields.runs ? (
                <p className="field-error" id={`${id}-runs-error`}>
                  {problem.fields.runs}
                </p>
              ) : null}
            </div>
          </div>
          {preview.data && preview.data.withInterviewsOnly > 0 ? (
            <p className="cs-note">
              Students without a rank order list yet are simulated with the programs they marked “interviewed”, in the order they saved them; their results say
              so.
            </p>
          ) : null}
          {preview.data && preview.data.withoutList > 0 ? (
            <p className="cs-note">Students with neither a list nor interviews are not simulated; they are listed under the results as having no list yet.</p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button" disabled={start.isPending}>
              {start.isPending ? 'Starting…' : 'Start simulation'}
            </button>
          </div>
        </form>
      </section>

      <section className="cs-section" aria-labelledby={`${id}-past`}>
        <h2 id={`${id}-past`}>Your simulations</h2>
        {simulations.isPending ? <Loading label="Loading your simulations…" /> : null}
        {simulations.isError ? <QueryError error={simulations.error} onRetry={() => void simulations.refetch()} /> : null}
        {simulations.data && simulations.data.simulations.length === 0 ? <p className="empty-state">You have not run a simulation yet.</p> : null}
        {simulations.data && simulations.data.simulations.length > 0 ? (
          <ul className="cs-runs">
            {simulations.data.simulations.map((s) => (
              <li key={s.id} className="cs-run">
                <div className="cs-run-head">
                  <Link to={`/residency/class-simulation/${s.id}`} id={`${id}-run-${s.id}`}>
                    {s.classYear ? `${CLASS_YEAR_LABELS[s.classYear]} students` : 'All my students'}, {s.runs.toLocaleString('en-US')} runs
                  </Link>
                  <SimulationStatusTag status={s.status} />
                </div>
                <p className="cell-sub">
                  Started {formatDateTime(s.createdAt)} · {students(s.studentCount)} simulated
                  {s.skippedCount > 0 ? `, ${s.skippedCount} without a list` : ''}
                </p>
                {s.status === 'running' || s.status === 'queued' ? <SimulationProgress simulation={s} labelId={`${id}-run-${s.id}`} /> : null}
                {s.status === 'failed' && s.error ? <p className="cs-error">{s.error}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  )
}
