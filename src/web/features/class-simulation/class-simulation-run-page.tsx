import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { Link, useParams } from 'react-router'
import { AT_RISK_REASON_NAMES, type ClassSimulationResult, type StudentSimulationRow } from '#shared/contracts/class-simulation.ts'
import { CLASS_YEAR_LABELS } from '#shared/enums.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { formatDateTime } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useCancelSimulation, useSimulation } from './class-simulation-api.ts'
import { classSimulationCsv } from './class-simulation-csv.ts'
import { formatDuration, pct, SimulationProgress, SimulationStatusTag, students } from './class-simulation-format.tsx'
import { DistributionChart } from './distribution-chart.tsx'
import './class-simulation.css'

type SortKey = 'name' | 'pMatch' | 'pTop3' | 'expectedRank' | 'listLength' | 'flags'
const SORTS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Student' },
  { key: 'pMatch', label: 'Chance of matching' },
  { key: 'pTop3', label: 'Top 3 choices' },
  { key: 'expectedRank', label: 'Expected rank' },
  { key: 'listLength', label: 'List' },
  { key: 'flags', label: 'At risk' },
]

function compare(a: StudentSimulationRow, b: StudentSimulationRow, key: SortKey): number {
  switch (key) {
    case 'name':
      return a.name.localeCompare(b.name)
    case 'expectedRank':
      return (a.expectedRank ?? Infinity) - (b.expectedRank ?? Infinity)
    case 'flags':
      return a.flags.length - b.flags.length
    default:
      return a[key] - b[key]
  }
}

/** One class simulation: its progress while it runs, then each student's figures, flags and the distribution. */
export function ClassSimulationRunPage() {
  const { simulationId = '' } = useParams()
  const id = useId()
  const query = useSimulation(simulationId)
  const cancel = useCancelSimulation(simulationId)
  const s = query.data
  usePageTitle(s?.status === 'done' ? 'Class simulation results' : 'Class simulation')
  const active = s?.status === 'queued' || s?.status === 'running'
  // Announce the end only when it happens while the page is open.
  const wasActive = useRef(false)
  const [finishedHere, setFinishedHere] = useState(false)
  useEffect(() => {
    if (active) wasActive.current = true
    else if (wasActive.current && s?.status === 'done') setFinishedHere(true)
  }, [active, s?.status])

  return (
    <div className="page cs-page">
      <p className="back-link">
        <Link to="/residency/class-simulation">← All class simulations</Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>{s?.status === 'done' ? 'Class simulation results' : 'Class simulation'}</h1>
        {s ? (
          <p className="lead">
            {s.classYear ? `${CLASS_YEAR_LABELS[s.classYear]} students` : 'All your students'} · {s.runs.toLocaleString('en-US')} runs · started{' '}
            {formatDateTime(s.createdAt)} <SimulationStatusTag status={s.status} />
          </p>
        ) : null}
      </div>
      {query.isPending ? <Loading label="Loading the simulation…" /> : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <LiveStatus message={finishedHere ? 'The simulation has finished: the results are below.' : null} />
      {s && active ? (
        <section className="card" aria-labelledby={`${id}-progress`}>
          <h2 id={`${id}-progress`}>Progress</h2>
          <SimulationProgress simulation={s} labelId={`${id}-progress`} />
          <p className="cell-sub">
            {students(s.studentCount)}, expected to take {formatDuration(s.estimateSeconds)}. You can leave this page: the simulation keeps running, and “Class
            simulation” in the menu brings you back.
          </p>
          <button type="button" className="button button-secondary" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
            {cancel.isPending ? 'Cancelling…' : 'Cancel simulation'}
          </button>
          {cancel.isError ? <QueryError error={cancel.error} /> : null}
        </section>
      ) : null}
      {s?.status === 'failed' ? (
        <div className="notice notice-error" role="alert">
          <p>{s.error ?? 'The simulation failed.'}</p>
        </div>
      ) : null}
      {s?.status === 'cancelled' ? (
        <p className="notice notice-info">This simulation was cancelled after {s.completedRuns.toLocaleString('en-US')} runs; it has no results.</p>
      ) : null}
      {s?.result ? <Results result={s.result} runs={s.runs} /> : null}
    </div>
  )
}

/** Saves the results as a CSV file: one row per student, as in the table (all students, whatever the filter). */
function downloadCsv(result: ClassSimulationResult): void {
  const text = classSimulationCsv(result, (sp) => findSpecialty(sp)?.name ?? sp)
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = `class-simulation-${new Date().toISOString().slice(0, 10)}.csv`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

function Results({ result, runs }: { result: ClassSimulationResult; runs: number }) {
  const id = useId()
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'pMatch', descending: false })
  const [atRiskOnly, setAtRiskOnly] = useState(false)
  const atRisk = result.students.filter((s) => s.flags.length > 0).length
  const rows = useMemo(() => {
    const shown = result.students.filter((s) => !atRiskOnly || s.flags.length > 0)
    return [...shown].sort((a, b) => (sort.descending ? -1 : 1) * compare(a, b, sort.key) || a.name.localeCompare(b.name))
  }, [result.students, sort, atRiskOnly])
  const studentRuns = result.rankHistogram.reduce((n, b) => n + b.runs, 0)
  const rankBars = result.rankHistogram.map((b) => ({
    label: b.rank === 'unmatched' ? 'None' : String(b.rank),
    value: studentRuns > 0 ? b.runs / studentRuns : 0,
    tone: b.rank === 'unmatched' ? ('unmatched' as const) : ('matched' as const),
  }))
  const unmatchedShare = rankBars.at(-1)?.value ?? 0
  const firstShare = rankBars[0]?.tone === 'matched' ? rankBars[0].value : 0
  const classSize = result.matchedCountHistogram.length - 1
  const firstNonZero = result.matchedCountHistogram.findIndex((n) => n > 0)
  const countBars = result.matchedCountHistogram
    .slice(Math.max(0, firstNonZero))
    .map((n, i) => ({ label: String(i + Math.max(0, firstNonZero)), value: runs > 0 ? n / runs : 0 }))
  const meanMatched = result.matchedCountHistogram.reduce((sum, n, k) => sum + n * k, 0) / Math.max(1, runs)

  return (
    <>
      <section className="card cs-summary" aria-labelledby={`${id}-summary`}>
        <h2 id={`${id}-summary`}>Summary</h2>
        <dl className="facts cs-facts">
          <div>
            <dt>Students simulated</dt>
            <dd>{result.students.length}</dd>
          </div>
          <div>
            <dt>Mean chance of matching</dt>
            <dd>{pct(result.meanMatchRate)}</dd>
          </div>
          <div>
            <dt>Students matched in a typical run</dt>
            <dd>
              {meanMatched.toFixed(1)} of {classSize}
            </dd>
          </div>
          <div>
            <dt>Flagged at risk</dt>
            <dd>{atRisk}</dd>
          </div>
        </dl>
        <p className="cs-note">
          Where the figures come from: {runs.toLocaleString('en-US')} runs of the match algorithm over {result.markets} simulated national markets (about{' '}
          {result.market.applicants.toLocaleString('en-US')} applicants for {result.market.positions.toLocaleString('en-US')} positions at{' '}
          {result.market.programs.toLocaleString('en-US')} programs in {result.market.specialties} specialty markets), with programs ranking applicants by a
          strength estimated from each profile plus chance. The intervals are 95 % intervals of the simulation itself; the market is a model, so treat the
          figures as a guide for a conversation, not a forecast.
          {result.hiddenStudents > 0 ? ` ${result.hiddenStudents} students of this run are no longer assigned to you and are not shown.` : ''}
        </p>
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={() => downloadCsv(result)}>
            Download the results (CSV)
          </button>
        </div>
      </section>

      <section className="cs-section" aria-labelledby={`${id}-students`}>
        <h2 id={`${id}-students`}>Students</h2>
        <div className="filters cs-filters">
          <div className="field">
            <label htmlFor={`${id}-sort`}>Sort by</label>
            <select
              id={`${id}-sort`}
              value={`${sort.key}:${sort.descending ? 'desc' : 'asc'}`}
              onChange={(e) => {
                const [key, direction] = e.target.value.split(':') as [SortKey, string]
                setSort({ key, descending: direction === 'desc' })
              }}
            >
              <option value="pMatch:asc">Chance of matching, lowest first</option>
              <option value="pMatch:desc">Chance of matching, highest first</option>
              <option value="flags:desc">Most at-risk flags first</option>
              <option value="expectedRank:desc">Expected rank, furthest down first</option>
              <option value="pTop3:asc">Top 3 choices, lowest first</option>
              <option value="listLength:asc">Shortest list first</option>
              <option value="name:asc">Name, A to Z</option>
            </select>
          </div>
          <label className="choice">
            <input type="checkbox" checked={atRiskOnly} onChange={(e) => setAtRiskOnly(e.target.checked)} /> Only students flagged at risk ({atRisk})
          </label>
        </div>
        <p role="status" className="results-status">
          {rows.length} {rows.length === 1 ? 'student' : 'students'} shown, sorted by {SORTS.find((x) => x.key === sort.key)?.label.toLowerCase()},{' '}
          {sort.descending ? 'highest first' : 'lowest first'}
        </p>
        <div className="table-wrap">
          <table className="table table-stack cs-table">
            <caption className="visually-hidden">Each student’s simulated outcome. Column headers are buttons that sort the table.</caption>
            <thead>
              <tr>
                {SORTS.map((c) => (
                  <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                    <button
                      type="button"
                      className="cs-sort"
                      onClick={() => setSort((cur) => ({ key: c.key, descending: cur.key === c.key ? !cur.descending : c.key === 'flags' }))}
                    >
                      {c.label}
                      <span aria-hidden="true">{sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.studentId} className={r.flags.length > 0 ? 'cs-row-at-risk' : undefined}>
                  <td data-label="Student">
                    <Link to={`/residency/students/${r.studentId}/rank-list`}>{r.name}</Link>
                    <span className="cell-sub">
                      {' '}
                      · {r.specialties.map((sp) => findSpecialty(sp)?.name ?? sp).join(', ') || '—'}
                      {r.source === 'interviews' ? ' · from interviews (no rank order list yet)' : ''}
                    </span>
                  </td>
                  <td data-label="Chance of matching">
                    <strong>{pct(r.pMatch)}</strong>{' '}
                    {pct(r.pMatchLow) !== pct(r.pMatchHigh) ? (
                      <span className="cell-sub">
                        ({pct(r.pMatchLow)}–{pct(r.pMatchHigh)})
                      </span>
                    ) : null}
                  </td>
                  <td data-label="Top 3 choices">{pct(r.pTop3)}</td>
                  <td data-label="Expected rank">
                    {r.expectedRank === null ? 'Never matched' : `${r.expectedRank.toFixed(1)} ± ${(1.96 * (r.expectedRankSe ?? 0)).toFixed(1)}`}
                  </td>
                  <td data-label="List">
                    {r.listLength} programs
                    {r.tiers.reach + r.tiers.target + r.tiers.likely > 0 ? (
                      <span className="cell-sub">
                        {' '}
                        · {r.tiers.reach} reach, {r.tiers.target} target, {r.tiers.likely} likely
                      </span>
                    ) : null}
                  </td>
                  <td data-label="At risk">
                    {r.flags.length === 0 ? (
                      'No'
                    ) : (
                      <ul className="cs-flags">
                        {r.flags.map((f) => (
                          <li key={f.reason}>
                            <strong>{AT_RISK_REASON_NAMES[f.reason]}:</strong> {f.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {result.skipped.length > 0 ? (
          <div className="cs-skipped-block">
            <h3>Not simulated: {students(result.skipped.length)} without a list yet</h3>
            <p className="cs-note">{result.skipped[0]?.flags[0]?.message}</p>
            <details className="cs-details">
              <summary>Show their names</summary>
              <ul className="cs-skipped">
                {result.skipped.map((k) => (
                  <li key={k.studentId}>
                    <Link to={`/residency/students/${k.studentId}/rank-list`}>{k.name}</Link>
                  </li>
                ))}
              </ul>
            </details>
          </div>
        ) : null}
      </section>

      <section className="cs-section" aria-labelledby={`${id}-distribution`}>
        <h2 id={`${id}-distribution`}>Distribution</h2>
        <div className="cs-charts">
          <DistributionChart
            title="Where students matched on their lists"
            description={`Across all students and runs: ${pct(firstShare)} matched their first choice and ${pct(unmatchedShare)} did not match. Bars go from rank 1 to the longest list, then no match.`}
            bars={rankBars}
            xTitle="Rank matched (None: no match)"
            yTitle="Share of student-runs"
            formatValue={(v) => pct(v)}
          >
            <table className="table cs-figures">
              <thead>
                <tr>
                  <th scope="col">Rank matched</th>
                  <th scope="col">Share of student-runs</th>
                </tr>
              </thead>
              <tbody>
                {rankBars.map((b) => (
                  <tr key={b.label}>
                    <td>{b.label === 'None' ? 'No match' : b.label}</td>
                    <td>{pct(b.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </DistributionChart>
          <DistributionChart
            title="How many of the class matched, run by run"
            description={`In each run, the number of the ${classSize} simulated students who matched; on average ${meanMatched.toFixed(1)}.`}
            bars={countBars}
            xTitle="Students matched in a run"
            yTitle="Share of runs"
            formatValue={(v) => pct(v)}
          >
            <table className="table cs-figures">
              <thead>
                <tr>
                  <th scope="col">Students matched</th>
                  <th scope="col">Share of runs</th>
                </tr>
              </thead>
              <tbody>
                {countBars
                  .filter((b) => b.value > 0)
                  .map((b) => (
                    <tr key={b.label}>
                      <td>{b.label}</td>
                      <td>{pct(b.value)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </DistributionChart>
        </div>
      </section>
    </>
  )
}
