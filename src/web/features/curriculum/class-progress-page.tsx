import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { CURRICULUM_YEAR_LABELS, CURRICULUM_YEARS, type ClassMilestoneFigure, type ClassProgressResponse } from '#shared/contracts/curriculum.ts'
import { movedBeforeText } from '#shared/curriculum.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { optionsFrom, SelectField } from '../../components/fields.tsx'
import { formatMoment, plural } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useClassProgress } from './api.ts'
import {
  BEHIND_SORT_LABELS,
  BEHIND_SORTS,
  BEHIND_STATE_LABELS,
  BEHIND_STATES,
  filterBehind,
  sortOf,
  stateOf,
  yearOf,
  type BehindSort,
  type BehindState,
} from './class-progress-filters.ts'
import { NudgePanel } from './nudge-panel.tsx'
import './curriculum.css'

const dueDate = (iso: string | null) => (iso ? formatMoment(`${iso}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) : '—')
const movedDueDate = (iso: string) => formatMoment(`${iso}T12:00:00Z`, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })

/** The advisors' view of a class's year: each milestone's figures, who is behind, and the nudge. */
export function ClassProgressPage() {
  usePageTitle('Class progress')
  const [params, setParams] = useSearchParams()
  const year = yearOf(params.get('year'))
  const query = useClassProgress(year)
  const set = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true },
    )

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Class progress</h1>
        <p className="lead">How a class is doing with its year’s career milestones, who is behind, and a reminder to them by e-mail.</p>
      </div>
      <div className="form-grid class-progress-year">
        <SelectField
          id="class-year"
          label="Class year"
          value={year}
          onChange={(e) => {
            // A new year has other milestones: the milestone filter no longer applies.
            setParams({ year: e.currentTarget.value }, { replace: true })
          }}
          options={optionsFrom(CURRICULUM_YEARS, CURRICULUM_YEAR_LABELS)}
        />
      </div>
      {query.isPending ? <Loading label="Loading the class…" /> : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? <ClassView key={year} data={query.data} params={params} set={set} /> : null}
    </div>
  )
}

function ClassView({ data, params, set }: { data: ClassProgressResponse; params: URLSearchParams; set: (key: string, value: string) => void }) {
  const yearLabel = CURRICULUM_YEAR_LABELS[data.year]
  const milestoneId = data.milestones.some((m) => m.id === params.get('milestone')) ? (params.get('milestone') as string) : ''
  const state = stateOf(params.get('state'))
  const sort = sortOf(params.get('sort'))
  const shown = filterBehind(data.behind, { milestoneId, state, sort })
  const titles = new Map(data.milestones.map((m) => [m.id, m.title] as const))
  const milestone = data.milestones.find((m) => m.id === milestoneId) ?? null
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set())
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  const selected = shown.filter((s) => chosen.has(s.id))

  return (
    <>
      <p className="class-progress-scope">
        {yearLabel}: {plural(data.students, 'student', 'students')}
        {data.scope === 'assigned' ? ' of those assigned to you' : ' in the class'}.
      </p>

      <section className="card report-section" aria-labelledby="class-milestones">
        <h2 id="class-milestones">Milestones of {yearLabel}</h2>
        {data.milestones.length === 0 ? (
          <p>{yearLabel} has no milestones yet.</p>
        ) : (
          <table className="table table-stack report-table class-progress-table">
            <caption className="visually-hidden">Each milestone of {yearLabel}: how many students did it, are late, or have it due soon</caption>
            <thead>
              <tr>
                <th scope="col">Milestone</th>
                <th scope="col">Due</th>
                <th scope="col">Done</th>
                <th scope="col">Late</th>
                <th scope="col">Due soon</th>
              </tr>
            </thead>
            <tbody>
              {data.milestones.map((m) => (
                <MilestoneRow key={m.id} milestone={m} onShowBehind={() => set('milestone', m.id)} />
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card report-section" aria-labelledby="class-behind">
        <h2 id="class-behind">Who is behind</h2>
        <div className="form-grid class-progress-filters">
          <SelectField
            id="behind-milestone"
            label="Milestone"
            value={milestoneId}
            onChange={(e) => set('milestone', e.currentTarget.value)}
            placeholder="Any milestone"
            options={data.milestones.map((m) => ({ value: m.id, label: m.title }))}
          />
          <SelectField
            id="behind-state"
            label="State"
            value={state}
            onChange={(e) => set('state', e.currentTarget.value === 'any' ? '' : e.currentTarget.value)}
            options={optionsFrom(BEHIND_STATES, BEHIND_STATE_LABELS)}
          />
          <SelectField
            id="behind-sort"
            label="Sort by"
            value={sort}
            onChange={(e) => set('sort', e.currentTarget.value === 'name' ? '' : e.currentTarget.value)}
            options={optionsFrom(BEHIND_SORTS, BEHIND_SORT_LABELS)}
          />
        </div>
        <p role="status" className="class-progress-count">
          {plural(shown.length, 'student', 'students')} {BEHIND_STATE_LABELS[state as BehindState].toLowerCase()}
          {milestone ? ` on “${milestone.title}”` : ''}, sorted by {BEHIND_SORT_LABELS[sort as BehindSort].toLowerCase()}.
        </p>
        {shown.length > 0 ? (
          <table className="table table-stack report-table class-progress-table behind-table">
            <caption className="visually-hidden">Students behind{milestone ? ` on ${milestone.title}` : ''}</caption>
            <thead>
              <tr>
                {milestone ? <th scope="col">Nudge</th> : null}
                <th scope="col">Student</th>
                <th scope="col">Late</th>
                <th scope="col">Due soon</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.id}>
                  {milestone ? (
                    <td data-label="Nudge" className="behind-choose">
                      <input
                        type="checkbox"
                        className="behind-checkbox"
                        aria-label={`Nudge ${s.name}`}
                        checked={chosen.has(s.id)}
                        onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                      />
                    </td>
                  ) : null}
                  <th scope="row">
                    <Link to={`/advising/students/${s.id}`}>{s.name}</Link>
                  </th>
                  <td data-label="Late">{s.late.length > 0 ? `${s.late.length}: ${s.late.map((id) => titles.get(id)).join('; ')}` : 'None'}</td>
                  <td data-label="Due soon">{s.dueSoon.length > 0 ? s.dueSoon.map((id) => titles.get(id)).join('; ') : 'None'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      {milestone ? (
        <NudgePanel
          key={milestone.id}
          milestone={milestone}
          shown={shown}
          selected={selected}
          onSelectAll={() => setChosen(new Set(shown.map((s) => s.id)))}
          onSelectNone={() => setChosen(new Set())}
        />
      ) : (
        <p className="class-progress-hint">To send a reminder by e-mail, choose a milestone above: you can then nudge those behind on it.</p>
      )}
    </>
  )
}

function MilestoneRow({ milestone: m, onShowBehind }: { milestone: ClassMilestoneFigure; onShowBehind: () => void }) {
  return (
    <tr>
      <th scope="row">
        {m.title}
        {m.required ? null : <span className="class-progress-optional"> (optional)</span>}
      </th>
      <td data-label="Due">
        {m.dueDate && m.dueMoved ? (
          // One span: the phone layout lays a cell's children side by side.
          <span>
            {movedDueDate(m.dueDate)} ({movedBeforeText(m.dueMoved)})
          </span>
        ) : (
          dueDate(m.dueDate)
        )}
      </td>
      <td data-label="Done">
        {m.done} ({m.percentDone}%)
      </td>
      <td data-label="Late">
        {m.late > 0 ? (
          <button type="button" className="button-link figure-link" onClick={onShowBehind} aria-label={`${m.late} late on ${m.title}: show who`}>
            {m.late}
          </button>
        ) : (
          0
        )}
      </td>
      <td data-label="Due soon">{m.dueSoon}</td>
    </tr>
  )
}
