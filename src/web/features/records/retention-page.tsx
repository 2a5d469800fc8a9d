import { useEffect, useState } from 'react'
import type { LetterRetentionRule, RetentionReport, RetentionSettingsView } from '#shared/contracts/retention.ts'
import { LiveStatus, Loading, Notice, QueryError } from '../../components/feedback.tsx'
import { Checkbox, RadioGroup, TextField } from '../../components/fields.tsx'
import { formatDateTime } from '../../components/format.ts'
import { problemFrom } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useApplyRetention, useRetentionDryRun, useRetentionOverview, useSaveRetentionSettings } from './retention-api.ts'
import './records.css'

const ACTION_WORDS = { anonymise: 'Anonymised', delete: 'Deleted', keep: 'Kept' } as const
const KIND_WORDS = { 'dry-run': 'Dry run', apply: 'Applied', scheduled: 'Applied on schedule' } as const
const LETTER_WORDS: Record<LetterRetentionRule, string> = {
  'remove-content': 'Remove each letter’s file and the student’s talking points; keep that the letter was asked for, of whom and when',
  keep: 'Keep letters as they are',
}
const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`

function RuleForm({ settings }: { settings: RetentionSettingsView }) {
  const save = useSaveRetentionSettings()
  const [years, setYears] = useState(String(settings.years))
  const [letters, setLetters] = useState<string>(settings.letters)
  const [scheduled, setScheduled] = useState(settings.scheduled)
  useEffect(() => {
    setYears(String(settings.years))
    setLetters(settings.letters)
    setScheduled(settings.scheduled)
  }, [settings])
  const problem = save.error ? problemFrom(save.error, ['years', 'letters', 'scheduled']) : { message: null, fields: {} as Record<string, string> }
  return (
    <form
      noValidate
      className="form"
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate({ years: Number(years), letters: letters as LetterRetentionRule, scheduled })
      }}
    >
      {problem.message ? <Notice tone="error">{problem.message}</Notice> : null}
      <TextField
        id="retention-years"
        label="Years to keep records after graduation"
        hint="Counted in whole calendar years after the year of graduation: with 6, the class of 2020 is treated from 1 January 2027."
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        value={years}
        onChange={(e) => setYears(e.currentTarget.value)}
        error={problem.fields.years}
      />
      <RadioGroup
        id="retention-letters"
        name="retention-letters"
        label="Letters of recommendation"
        options={[
          { value: 'remove-content', label: LETTER_WORDS['remove-content'] },
          { value: 'keep', label: LETTER_WORDS.keep },
        ]}
        value={letters}
        onChange={setLetters}
        error={problem.fields.letters}
      />
      <Checkbox
        id="retention-scheduled"
        label="Apply the rule every day on its own"
        hint="Off: nothing changes until an admin applies a dry run here. On: each day the server anonymises graduates past the period, audited like an admin’s run."
        checked={scheduled}
        onChange={(e) => setScheduled(e.currentTarget.checked)}
        error={problem.fields.scheduled}
      />
      <button type="submit" className="button" disabled={save.isPending}>
        Save the rule
      </button>
      <LiveStatus message={save.isSuccess ? 'The rule is saved.' : null} />
      {settings.updatedAt ? (
        <p className="hint">
          Last changed by {settings.updatedBy ?? 'a former member of the office'}, {formatDateTime(settings.updatedAt)}.
        </p>
      ) : (
        <p className="hint">Nobody has set the rule yet: these are the defaults.</p>
      )}
    </form>
  )
}

function ReportView({ report }: { report: RetentionReport }) {
  const changing = report.tables.filter((line) => line.action !== 'keep' && line.rows > 0)
  const kept = report.tables.filter((line) => line.action === 'keep')
  const applied = report.kind !== 'dry-run'
  return (
    <div className="records-section">
      <p>
        {applied ? 'Applied' : 'Dry run'} {formatDateTime(report.ranAt)}, keeping records {plural(report.years, 'year', 'years')} after graduation: graduates of{' '}
        {report.graduatedByYear} or earlier are past the period. {applied ? 'Anonymised' : 'To anonymise'}:{' '}
        {plural(report.people.length, 'graduate', 'graduates')}.
      </p>
      {report.people.length > 0 ? (
        <ul className="record-list">
          {report.people.map((p) => (
            <li key={p.id}>
              {p.name}, class of {p.graduationYear}
            </li>
          ))}
        </ul>
      ) : null}
      {report.held.length > 0 ? (
        <>
          <h3>Past the period, but left as they are</h3>
          <ul className="record-list">
            {report.held.map((p) => (
              <li key={p.id}>
                {p.name}, class of {p.graduationYear}: {p.why}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{applied ? 'What changed' : 'What would change'}, table by table</h3>
      {changing.length === 0 ? (
        <p>Nothing: no rows of these graduates to anonymise or delete.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack">
            <caption className="visually-hidden">Rows anonymised or deleted, per table</caption>
            <thead>
              <tr>
                <th scope="col">Table</th>
                <th scope="col">Treatment</th>
                <th scope="col">Rows</th>
                <th scope="col">What goes</th>
              </tr>
            </thead>
            <tbody>
              {changing.map((line) => (
                <tr key={line.table}>
                  <td data-label="Table">{line.table.replaceAll('_', ' ')}</td>
                  <td data-label="Treatment">{ACTION_WORDS[line.action]}</td>
                  <td data-label="Rows">{line.rows.toLocaleString()}</td>
                  <td data-label="What goes">{line.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details>
        <summary>Kept as they are ({kept.length} tables), and why</summary>
        <ul className="record-list">
          {kept.map((line) => (
            <li key={line.table}>
              <strong>{line.table.replaceAll('_', ' ')}</strong>: {line.what.replace(/^Kept: /, '')}
            </li>
          ))}
        </ul>
      </details>
    </div>
  )
}

function DryRunSection() {
  const dryRun = useRetentionDryRun()
  const apply = useApplyRetention()
  const [confirmed, setConfirmed] = useState(false)
  const report = apply.data ?? dryRun.data
  const applyProblem = apply.error ? problemFrom(apply.error, []) : null
  return (
    <section className="card records-section" aria-labelledby="retention-dry-run">
      <h2 id="retention-dry-run">Dry run, then apply</h2>
      <p>
        A dry run changes nothing: it lists the graduates past the period and, table by table, how many rows would be anonymised or deleted. Read it, then apply
        it here; the application refuses if the rule or the graduates have changed since. Each step is written to the audit log, whose entries are kept as they
        are.
      </p>
      <button
        type="button"
        className="button"
        disabled={dryRun.isPending}
        onClick={() => {
          apply.reset()
          setConfirmed(false)
          dryRun.mutate()
        }}
      >
        Run a dry run
      </button>
      {dryRun.error ? <QueryError error={dryRun.error} /> : null}
      <LiveStatus
        message={
          apply.data
            ? `Applied: ${plural(apply.data.people.length, 'graduate', 'graduates')} anonymised.`
            : dryRun.data
              ? `Dry run ready: ${plural(dryRun.data.people.length, 'graduate', 'graduates')} past the period.`
              : null
        }
        tone="info"
      />
      {report ? <ReportView report={report} /> : null}
      {dryRun.data && !apply.data && dryRun.data.people.length > 0 ? (
        <form
          noValidate
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            if (confirmed) apply.mutate(dryRun.data.runId)
          }}
        >
          {applyProblem?.message ? <Notice tone="error">{applyProblem.message}</Notice> : null}
          <Checkbox
            id="retention-confirm"
            label={`I have read this dry run: anonymise ${plural(dryRun.data.people.length, 'graduate', 'graduates')} as it says. This cannot be undone.`}
            checked={confirmed}
            onChange={(e) => setConfirmed(e.currentTarget.checked)}
          />
          <button type="submit" className="button button-danger" disabled={!confirmed || apply.isPending}>
            Apply this dry run
          </button>
        </form>
      ) : null}
    </section>
  )
}

/** The office's retention of graduates' records (decision 038): the rule, a dry run, its application, and the runs so far. */
export function RetentionPage() {
  usePageTitle('Retention of graduates’ records')
  const overview = useRetentionOverview()
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>Retention of graduates’ records</h1>
        <p className="lead">
          How long the school keeps the records of its graduates. Past the period a graduate’s name, e-mail and school id are removed and what only they wrote
          is deleted; what others’ history and the school’s counts rest on stays, pointing at a “Former student”.
        </p>
      </div>
      {overview.isPending ? <Loading /> : null}
      {overview.error ? <QueryError error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data ? (
        <>
          <section className="card records-section" aria-labelledby="retention-rule">
            <h2 id="retention-rule">The school’s rule</h2>
            <RuleForm settings={overview.data.settings} />
          </section>
          <DryRunSection />
          <section className="card records-section" aria-labelledby="retention-runs">
            <h2 id="retention-runs">Runs so far</h2>
            {overview.data.runs.length === 0 ? (
              <p className="empty-state">No dry run or application yet.</p>
            ) : (
              <div className="table-wrap">
                <table className="table table-stack">
                  <caption className="visually-hidden">The latest dry runs and applications, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">What</th>
                      <th scope="col">By</th>
                      <th scope="col">Rule</th>
                      <th scope="col">Graduates</th>
                    </tr>
                  </thead>
                  <tbody>
                    {overview.data.runs.map((run) => (
                      <tr key={run.id}>
                        <td data-label="When">
                          <time dateTime={run.ranAt}>{formatDateTime(run.ranAt)}</time>
                        </td>
                        <td data-label="What">{KIND_WORDS[run.kind]}</td>
                        <td data-label="By">{run.ranBy ?? (run.kind === 'scheduled' ? 'The daily run' : 'A former member of the office')}</td>
                        <td data-label="Rule">
                          {plural(run.years, 'year', 'years')}; letters {run.letters === 'keep' ? 'kept' : 'removed'}
                        </td>
                        <td data-label="Graduates">{run.people.toLocaleString()}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </div>
  )
}
