import { useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import type { ProgramDetail } from '#shared/contracts/residency-programs.ts'
import { LiveStatus } from '../../components/feedback.tsx'
import { PageError, PageLoading } from '../../components/status-pages.tsx'
import { formatDateTime, plural } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { SaveButton } from './program-explorer-page.tsx'
import { levelWords, REGION_LABELS, SETTING_LABELS, TRACK_HINTS, TRACK_LABELS } from './program-format.ts'
import { useProgram } from './programs-api.ts'
import './residency-programs.css'

const dateFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })

export function ProgramPage() {
  const { programId = '' } = useParams()
  const program = useProgram(programId)
  usePageTitle(program.data?.name ?? 'Residency program')
  const [announcement, setAnnouncement] = useState<string | null>(null)

  if (program.isPending) return <PageLoading title="Residency program" label="Loading the program…" />
  if (program.isError) {
    return (
      <PageError
        title="Residency program"
        error={program.error}
        onRetry={() => void program.refetch()}
        back={{ to: '/residency/programs', label: 'Go to all programs' }}
      />
    )
  }
  const p = program.data
  return (
    <div className="page rp-program">
      <p className="rp-back">
        <Link to="/residency/programs">← All programs</Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>{p.name}</h1>
        <p className="lead">
          {p.institution ? `${p.institution}, ` : ''}
          {[p.city, p.state].filter(Boolean).join(', ')} ({REGION_LABELS[p.region]}) · {p.specialtyName} · {TRACK_LABELS[p.track]}
        </p>
        {p.canSave ? <SaveButton program={p} onSaved={setAnnouncement} /> : null}
        <LiveStatus message={announcement} />
      </div>

      <div className="rp-program-layout">
        <section className="card" aria-labelledby="rp-facts-title">
          <h2 id="rp-facts-title">The program</h2>
          <dl className="rp-detail">
            <Fact term="Track">
              {TRACK_LABELS[p.track]}. {TRACK_HINTS[p.track]}
            </Fact>
            <Fact term="First-year positions">{p.positions}</Fact>
            <Fact term="Length">{plural(p.lengthYears, 'year', 'years')}</Fact>
            <Fact term="Setting">{SETTING_LABELS[p.setting]}</Fact>
            <Fact term="Visa sponsorship">{p.sponsorsVisa ? 'Sponsors visas' : 'Does not sponsor visas'}</Fact>
            <Fact term="Typical Step 2 CK">
              {p.step2P25}–{p.step2P75} <span className="muted">(25th to 75th percentile of its interviewees or residents: half were inside this range)</span>
            </Fact>
            <Fact term="Research emphasis">
              {levelWords(p.researchEmphasis)} <span className="muted">({p.researchEmphasis.toFixed(2)} on a scale from 0 to 1)</span>
            </Fact>
            <Fact term="Competitiveness in its specialty">
              {levelWords(p.competitiveness)} <span className="muted">({p.competitiveness.toFixed(2)} on a scale from 0, easiest, to 1, hardest)</span>
            </Fact>
            <Fact term="Residents by degree">{traineeMix(p)}</Fact>
            <Fact term="Interview days">
              {p.interviewDates.length === 0 ? (
                'Not published yet'
              ) : (
                <ul className="rp-inline-list">
                  {p.interviewDates.map((d) => (
                    <li key={d}>
                      <time dateTime={d}>{dateFormat.format(new Date(`${d}T00:00:00Z`))}</time>
                    </li>
                  ))}
                </ul>
              )}
            </Fact>
            {p.website ? (
              <Fact term="Website">
                <a href={p.website} rel="noopener noreferrer" target="_blank">
                  {p.website}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              </Fact>
            ) : null}
          </dl>
          <p className="field-hint">
            {p.source === 'demo'
              ? 'Demo data: a fictional program generated for the demo school, with sizes and score ranges in line with national figures.'
              : `From the school’s programs file, last updated ${formatDateTime(p.updatedAt)}.`}{' '}
            Program code {p.id}.
          </p>
        </section>

        <MatchedHereSection program={p} />
      </div>
    </div>
  )
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function traineeMix(p: ProgramDetail): string {
  const parts = [
    [p.traineesMdPercent, 'MD'],
    [p.traineesDoPercent, 'DO'],
    [p.traineesImgPercent, 'international graduates'],
  ].filter(([n]) => n !== null) as [number, string][]
  return parts.length === 0 ? 'Not known' : parts.map(([n, label]) => `${n} % ${label}`).join(', ')
}

function MatchedHereSection({ program }: { program: ProgramDetail }) {
  const m = program.matchedHere
  const counts = new Map(m.years.map((y) => [y.year, y.count]))
  return (
    <section className="card rp-matched" aria-labelledby="rp-matched-title">
      <h2 id="rp-matched-title">Students from our school who matched here</h2>
      {m.yearsCovered.length === 0 ? (
        <p>The school has not loaded its past match results yet.</p>
      ) : (
        <>
          <p>
            {m.total === 0
              ? `None of our graduates matched here in ${m.yearsCovered.length === 1 ? 'the match year' : `the ${m.yearsCovered.length} match years`} on record.`
              : `${plural(m.total, 'graduate', 'graduates')} matched here in the ${plural(m.yearsCovered.length, 'match year', 'match years')} on record.`}
          </p>
          {/* A table of zeros says nothing the sentence above does not. */}
          {m.total === 0 ? null : (
            <table className="rp-table">
              <caption className="visually-hidden">Graduates who matched here, by match year</caption>
              <thead>
                <tr>
                  <th scope="col">Match year</th>
                  <th scope="col">Graduates</th>
                </tr>
              </thead>
              <tbody>
                {m.yearsCovered.map((year) => (
                  <tr key={year}>
                    <th scope="row">{year}</th>
                    <td>{counts.get(year) ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {m.alumni.length > 0 ? (
        <>
          <h3>Alumni you can ask</h3>
          <ul className="rp-alumni">
            {m.alumni.map((a) => (
              <li key={a.personId}>
                <Link to={`/mentors/${a.personId}`}>{a.name}</Link> <span className="muted">matched here in {a.matchYear}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="field-hint">
        From the school’s own records of past matches. Names appear only for graduates who mentor in the directory; nothing else about any graduate is shown.
      </p>
    </section>
  )
}
