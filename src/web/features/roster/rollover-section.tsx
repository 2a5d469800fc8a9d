import { useState } from 'react'
import type { RolloverPreview } from '#shared/contracts/roster.ts'
import { CLASS_YEAR_LABELS, CLASS_YEARS } from '#shared/enums.ts'
import { errorMessage } from '../../api/client.ts'
import { Dialog } from '../../components/dialog.tsx'
import { formatDateTime, formatMoment, plural } from '../../components/format.ts'
import { useRolloverPreview, useRunRollover } from './roster-api.ts'
import { Listing } from './roster-import-section.tsx'

/** The year-end rollover: look at what would change, then confirm once for the academic year. */
export function RolloverSection() {
  const [asked, setAsked] = useState(false)
  const preview = useRolloverPreview(asked)
  const run = useRunRollover()
  const [confirming, setConfirming] = useState(false)
  const data = preview.data
  return (
    <section className="card" aria-labelledby="roster-rollover-title">
      <h2 id="roster-rollover-title">Year-end rollover</h2>
      <p>
        Moves every class up one year: Year 1 to Year 2, … Year 4 graduates. Students on leave or in a research year stay where they are. Graduates keep their
        account and become alumni; they can choose to stay on as alumni mentors. It runs once per academic year (July to June) and is recorded in the audit log.
      </p>
      {asked ? null : (
        <button type="button" className="button button-secondary" onClick={() => setAsked(true)}>
          Preview the rollover
        </button>
      )}
      <div role="status" aria-live="polite">
        {asked && preview.isPending ? <p>Loading the preview…</p> : null}
      </div>
      {preview.error ? (
        <div role="alert" className="notice notice-error">
          <p>{errorMessage(preview.error)}</p>
        </div>
      ) : null}
      {run.data ? (
        <div role="status" className="notice notice-success">
          <p>
            Done for {run.data.academicYear}: {plural(run.data.promoted, 'student', 'students')} moved up, {plural(run.data.graduated, 'graduate', 'graduates')}
            , {run.data.keptInPlace} kept in place.
          </p>
        </div>
      ) : null}
      {data ? (
        <RolloverDetails
          preview={data}
          onRun={() => {
            run.reset()
            setConfirming(true)
          }}
          done={run.isSuccess}
        />
      ) : null}
      <Dialog open={confirming} title={`Move the classes up for ${data?.academicYear ?? ''}?`} onClose={() => setConfirming(false)}>
        {data ? (
          <>
            <p>
              {plural(data.moves.length - data.graduating, 'student moves', 'students move')} up a year and{' '}
              {plural(data.graduating, 'student graduates', 'students graduate')}. This can run only once for {data.academicYear}.
            </p>
            {run.error ? (
              <div role="alert" className="notice notice-error">
                <p>{errorMessage(run.error)}</p>
              </div>
            ) : null}
            <div className="button-row">
              <button
                type="button"
                className="button"
                disabled={run.isPending}
                onClick={() => run.mutate(data.academicYear, { onSuccess: () => setConfirming(false) })}
              >
                {run.isPending ? 'Moving the classes up…' : 'Yes, move the classes up'}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </section>
  )
}

function RolloverDetails({ preview, onRun, done }: { preview: RolloverPreview; onRun: () => void; done: boolean }) {
  const graduating = preview.moves.filter((m) => m.to === 'graduated')
  const promoted = preview.moves.filter((m) => m.to !== 'graduated')
  return (
    <div className="roster-report">
      <h3>Preview for {preview.academicYear}</h3>
      <div className="table-wrap" role="region" aria-label="Students per class, before and after" tabIndex={0}>
        <table className="table">
          <caption>Students per class, before and after</caption>
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col">Now</th>
              <th scope="col">After the rollover</th>
            </tr>
          </thead>
          <tbody>
            {CLASS_YEARS.map((year) => (
              <tr key={year}>
                <th scope="row">{CLASS_YEAR_LABELS[year]}</th>
                <td>{preview.before[year]?.toLocaleString('en-US')}</td>
                <td>{preview.after[year]?.toLocaleString('en-US')}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Graduated (alumni)</th>
              <td>–</td>
              <td>{preview.graduating.toLocaleString('en-US')}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>The new Year 1 class joins by roster import (above), before or after the rollover.</p>
      <PeopleList
        title="Will move up a year"
        people={promoted.map((m) => ({
          id: m.personId,
          name: m.name,
          note: `${CLASS_YEAR_LABELS[m.from]} → ${m.to === 'graduated' ? '' : CLASS_YEAR_LABELS[m.to]}`,
        }))}
      />
      <PeopleList title="Will graduate" people={graduating.map((m) => ({ id: m.personId, name: m.name, note: 'Alumni' }))} />
      <PeopleList
        title="Kept in place"
        people={preview.kept.map((k) => ({
          id: k.personId,
          name: k.name,
          note: k.reason === 'leave' ? `Stays in ${CLASS_YEAR_LABELS[k.classYear]}: on leave` : 'Stays in the research year',
        }))}
      />
      <PeopleList title="No class year on record (left alone)" people={preview.withoutClassYear.map((s) => ({ id: s.personId, name: s.name, note: '' }))} />
      {preview.alreadyRun ? (
        <p className="notice notice-warning">
          The classes were already moved up on {formatDateTime(preview.alreadyRun.ranAt)}
          {preview.alreadyRun.ranBy ? ` by ${preview.alreadyRun.ranBy}` : ''}. The next rollover can run from{' '}
          {formatMoment(preview.alreadyRun.nextFrom, { dateStyle: 'long' })}.
        </p>
      ) : done ? null : (
        <p>
          <button type="button" className="button" onClick={onRun}>
            Move the classes up for {preview.academicYear}
          </button>
        </p>
      )}
    </div>
  )
}

function PeopleList({ title, people }: { title: string; people: { id: string; name: string; note: string }[] }) {
  if (people.length === 0) return null
  return (
    <Listing title={title} count={people.length}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {people.slice(0, 200).map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Listing>
  )
}
