import { useEffect, useRef, useState } from 'react'
import { Link, useParams } from 'react-router'
import {
  BUILDER_PAGE_SIZE,
  CHANCE_TIERS,
  type BuilderProgram,
  type ChanceSummary,
  type ChanceTier,
  type ChanceView,
  type ListBuilderResponse,
} from '#shared/contracts/list-builder.ts'
import { US_REGION_LABELS, US_REGIONS } from '#shared/enums.ts'
import { SPECIALTIES } from '#shared/reference/specialties.ts'
import { errorMessage } from '../../api/client.ts'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { Checkbox, SelectField } from '../../components/fields.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { CurveChart } from './curve-chart.tsx'
import { useAddPrograms, useApplicationProfile, useListBuilder, useProgramChances, useStudentVoice } from './list-builder-api.ts'
import type { StudentVoice } from '../../components/voice.ts'
import { pct, SETTING_LABELS, TIER_EXPLANATIONS, TIER_LABELS } from './list-builder-format.ts'
import './list-builder.css'
import { ResidencyNav } from './residency-nav.tsx'
import { YourPlanLinks } from '../../components/your-plan-links.tsx'

const specialtyOptions = SPECIALTIES.map((s) => ({ value: s.id, label: s.name })).sort((a, b) => a.label.localeCompare(b.label))

/** A chance with its interval: the bar is decoration, the words carry the figure. */
function ChanceLine({ label, chance, level }: { label: string; chance: ChanceSummary; level: number }) {
  return (
    <div className="lb-chance">
      <p className="lb-chance-text">
        <span className="lb-chance-label">{label}:</span> <strong>{pct(chance.probability)}</strong>{' '}
        <span className="muted">
          ({pct(level / 100)} interval {pct(chance.low)}–{pct(chance.high)})
        </span>
      </p>
      <div className="lb-bar" aria-hidden="true">
        <div className="lb-bar-interval" style={{ left: `${chance.low * 100}%`, width: `${Math.max(0.5, (chance.high - chance.low) * 100)}%` }} />
        <div className="lb-bar-point" style={{ left: `${chance.probability * 100}%` }} />
      </div>
    </div>
  )
}

function Factors({ chance, what, voice }: { chance: ChanceView; what: string; voice: StudentVoice }) {
  if (chance.factors.length === 0)
    return (
      <p className="muted">
        Nothing sets {voice.who} apart from a typical applicant here for the {what}.
      </p>
    )
  return (
    <ul className="lb-factors">
      {chance.factors.map((f) => (
        <li key={f.key} className={f.sign === '+' ? 'lb-factor-up' : 'lb-factor-down'}>
          <span className="lb-factor-sign" aria-hidden="true">
            {f.sign === '+' ? '+' : '−'}
          </span>
          <span>
            {f.label}: <strong>{f.sign === '+' ? 'raises' : 'lowers'}</strong> the {what} by {Math.abs(Math.round(f.change * 100)) || '<1'} point
            {Math.abs(Math.round(f.change * 100)) === 1 ? '' : 's'}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** The factors behind one program's chances, fetched when opened. */
function WhyChances({ studentId, programId, voice }: { studentId: string | null; programId: string; voice: StudentVoice }) {
  const [open, setOpen] = useState(false)
  const detail = useProgramChances(studentId, programId, open)
  return (
    <details className="lb-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Why these chances</summary>
      {detail.isPending && open ? <Loading label="Loading the reasons…" /> : null}
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.data ? (
        <>
          <p className="field-hint">Compared with a typical applicant in this specialty at a typical one of its programs.</p>
          <h4 className="lb-factors-title">Interview</h4>
          <Factors chance={detail.data.interview} what="interview chance" voice={voice} />
          <h4 className="lb-factors-title">
            {studentId === null ? 'If you interview here, your chance of matching here' : `If ${voice.who} interviews here, the chance of matching here`}
          </h4>
          <Factors chance={detail.data.matchIfInterviewed} what="chance of matching here" voice={voice} />
          <p className="field-hint">Source: {detail.data.basis.interview}.</p>
        </>
      ) : null}
    </details>
  )
}

function ProgramCard({
  program,
  level,
  canAdd,
  onAdd,
  adding,
  studentId,
  voice,
}: {
  program: BuilderProgram
  level: number
  canAdd: boolean
  onAdd: () => void
  adding: boolean
  studentId: string | null
  voice: StudentVoice
}) {
  const where = [program.city, program.state].filter(Boolean).join(', ')
  return (
    <li className="card lb-program">
      <div className="lb-program-head">
        {/* Focusable so that "Show more" can move focus to the first program it adds. */}
        <h3 className="lb-program-name" id={`lb-program-${program.id}`} tabIndex={-1}>
          {program.name}
        </h3>
        <span className={`tag lb-tier lb-tier-${program.tier}`}>{TIER_LABELS[program.tier]}</span>
        {program.recommended ? <span className="tag lb-tag-recommended">Recommended</span> : null}
      </div>
      <p className="lb-program-meta muted">
        {where} · {US_REGION_LABELS[program.region]} · {SETTING_LABELS[program.setting]} · {program.positions} positions · typical Step 2 CK {program.step2P25}–
        {program.step2P75}
        {program.sponsorsVisa ? ' · sponsors visas' : ''}
        {program.fitsPreferences ? '' : ` · outside ${voice.whose} preferred places or settings`}
      </p>
      {program.listStatus === 'interview-offered' || program.listStatus === 'interviewed' ? (
        <p className="lb-chance-line">
          <span className="lb-chance-label">Interview:</span> <strong>offered</strong>
        </p>
      ) : (
        <ChanceLine label="Interview" chance={program.interview} level={level} />
      )}
      <ChanceLine
        label={studentId === null ? 'If you interview here, your chance of matching here' : `If ${voice.who} interviews here, the chance of matching here`}
        chance={program.matchIfInterviewed}
        level={level}
      />
      <WhyChances studentId={studentId} programId={program.id} voice={voice} />
      <div className="lb-program-actions">
        {program.listStatus ? (
          <p className="lb-on-list">
            On {voice.whose} list: {program.listStatus.replace('-', ' ')}
            {program.signalled ? ', signalled' : ''}
          </p>
        ) : canAdd ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={onAdd}
            disabled={adding}
            aria-label={`Add ${program.name} to my list`}
          >
            Add to my list
          </button>
        ) : null}
      </div>
    </li>
  )
}

/** The range for a profile without a Step 2 CK score: the advice at two published scores, labelled as estimates. */
function ScoreRange({
  range,
  specialty,
  target,
  voice,
}: {
  range: NonNullable<ListBuilderResponse['scoreRange']>
  specialty: string
  target: number
  voice: StudentVoice
}) {
  const what = { unmatched: 'average of those who did not match, 2024', matched: 'average of those who matched, 2024' }
  return (
    <>
      {/* The table carries the server's summary sentence (range.summary) figure for figure. */}
      <p>
        With everything else in {voice.whose} profile, this is what the model advises at two published scores of {specialty} applicants. They are estimates for
        scores {voice.who} may not have; the figures firm up once {voice.whose} score is in.
      </p>
      <div className="table-wrap">
        <table className="table lb-range-table">
          <caption>Estimates at two published Step 2 CK scores of {specialty} applicants (U.S. MD seniors), not at yours</caption>
          <thead>
            <tr>
              <th scope="col">If the score is about</th>
              <th scope="col">Programs to apply to for {pct(target)}</th>
              <th scope="col">Chance of matching</th>
            </tr>
          </thead>
          <tbody>
            {range.scenarios.map((s) => (
              <tr key={s.reference}>
                <th scope="row">
                  {s.step2} <span className="muted">({what[s.reference]})</span>
                </th>
                <td>{s.count ?? `not reached within ${s.applications}: a backup plan is advised`}</td>
                <td>
                  {pct(s.chance)} with {s.applications}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

function Summary({ data, voice }: { data: ListBuilderResponse; voice: StudentVoice }) {
  const level = Math.round(data.model.intervalLevel * 100)
  return (
    <section className="card lb-summary" aria-labelledby="lb-summary-title">
      <h2 id="lb-summary-title" className="visually-hidden">
        Summary
      </h2>
      <p className="lb-summary-main">{data.recommendation.summary}</p>
      <p className="lb-source">
        <span className={`tag lb-source-${data.model.source}`}>{data.model.label}</span> <a href="#lb-honesty">How sure is this?</a>
      </p>
      {data.currentList.count > 0 ? (
        <p>
          {voice.Whose} current list: {data.currentList.count} {data.specialty.name} program{data.currentList.count === 1 ? '' : 's'} marked applying or later,
          {/^(8|11\u00a0|18\u00a0)/.test(pct(data.currentList.chance)) ? 'an' : 'a'} <strong>{pct(data.currentList.chance)}</strong> chance of matching (
          {pct(level / 100)} interval {pct(data.currentList.low)}–{pct(data.currentList.high)}).
        </p>
      ) : (
        <p className="muted">
          {voice.WhoHas} no {data.specialty.name} programs marked applying yet, so {voice.whose} own list’s chance is not shown.
        </p>
      )}
    </section>
  )
}

/**
 * The list builder: for one specialty, every program's chances with their reasons and
 * intervals, how many programs to apply to (a number and its curve), signals, a backup plan
 * and what the figures rest on. A student sees their own; an assigned advisor a student's.
 */
export function ListBuilderPage() {
  const { personId } = useParams()
  const studentId = personId ?? null
  usePageTitle('List builder')
  const profile = useApplicationProfile(studentId)
  const voice = useStudentVoice(studentId)
  const [specialty, setSpecialty] = useState<string | null>(null)
  const chosen = specialty ?? profile.data?.preferredSpecialtyId ?? null
  const [tier, setTier] = useState<ChanceTier | ''>('')
  const [region, setRegion] = useState('')
  const [fitsOnly, setFitsOnly] = useState(false)
  const builder = useListBuilder(studentId, chosen, { tier: tier || null, region: region || null, fitsOnly }, profile.isSuccess && chosen !== null)
  const add = useAddPrograms()
  const [status, setStatus] = useState<string | null>(null)
  const [addError, setAddError] = useState<string | null>(null)
  // The first page carries the advice and the counts; later pages only more programs.
  const data = builder.data?.pages[0]
  const programs = builder.data?.pages.flatMap((p) => p.programs) ?? []
  const programPage = data?.programPage
  const level = Math.round((data?.model.intervalLevel ?? 0.8) * 100)
  const notOnList = data?.recommendation.notOnList ?? []

  // After "Show more", focus goes to the first program it added, so a keyboard user reads on from there.
  const focusProgram = useRef<number | null>(null)
  useEffect(() => {
    const index = focusProgram.current
    if (index === null || programs.length <= index) return
    focusProgram.current = null
    document.getElementById(`lb-program-${programs[index]?.id}`)?.focus()
  })
  const showMore = () => {
    focusProgram.current = programs.length
    void builder.fetchNextPage()
  }

  const addPrograms = async (ids: string[], what: string) => {
    setStatus(null)
    setAddError(null)
    try {
      const result = await add.mutateAsync({ programIds: ids, status: 'considering' })
      setStatus(
        `${what}: ${result.added} added to your list as "considering"${result.alreadyOnList ? `, ${result.alreadyOnList} already there` : ''}. Change their status on My programs.`,
      )
    } catch (cause) {
      setAddError(errorMessage(cause))
    }
  }

  const title = studentId ? `${voice.Whose} list builder` : 'List builder'

  return (
    <div className="page lb-page">
      {studentId ? null : <ResidencyNav />}
      <div className="page-header">
        {studentId ? null : <YourPlanLinks />}
        <h1 tabIndex={-1}>{title}</h1>
        <p className="lead">
          {studentId
            ? `The list builder as ${voice.who} sees it: the chances at every program, and how many programs to apply to. Your viewing is recorded in the audit log.`
            : 'Your chance of an interview and of matching at every program, why, and how many programs to apply to. Estimates, not promises: each comes with how sure it is.'}
        </p>
      </div>
      {studentId ? (
        <p>
          <Link to={`/residency/students/${encodeURIComponent(studentId)}/programs`}>{voice.Whose} programs</Link>
        </p>
      ) : null}
      {profile.isPending ? <Loading /> : null}
      {profile.isError ? <QueryError error={profile.error} onRetry={() => void profile.refetch()} /> : null}

      {profile.data && !studentId && !profile.data.saved ? (
        <p className="notice notice-warning">
          You have not filled in your <Link to="/residency/profile">application profile</Link> yet. Until you do, the list builder has nothing to estimate from.
        </p>
      ) : null}
      {profile.data ? (
        <div className="lb-controls">
          <SelectField
            id="lb-specialty"
            label="Specialty"
            options={specialtyOptions}
            placeholder="Choose a specialty"
            value={chosen ?? ''}
            onChange={(e) => {
              setSpecialty(e.currentTarget.value || null)
            }}
          />
        </div>
      ) : null}
      {profile.data && chosen === null ? (
        <p className="empty-state">
          {studentId
            ? `Choose a specialty above. ${voice.WhoHas} not saved a preferred specialty yet.`
            : 'Choose a specialty above, or save a preferred specialty in your application profile.'}
        </p>
      ) : null}
      {builder.isPending && builder.fetchStatus === 'fetching' ? <Loading label={`Working out ${voice.whose} chances at every program…`} /> : null}
      {builder.isError && !builder.isFetchNextPageError ? <QueryError error={builder.error} onRetry={() => void builder.refetch()} /> : null}
      <LiveStatus message={status} />
      {addError ? (
        <p className="notice notice-error" role="alert">
          {addError}
        </p>
      ) : null}
      {data && !data.ready ? (
        <section className="card notice notice-warning" aria-labelledby="lb-not-ready-title">
          <h2 id="lb-not-ready-title">
            {data.scoreRange ? 'Before your Step 2 CK score: a range' : studentId ? 'Not enough to estimate' : 'Fill in your application profile first'}
          </h2>
          <p>
            {/* Staff read the student's name, which the server's sentence does not know. */}
            {studentId && data.missingFields.length > 0
              ? `${voice.WhoHas} not saved ${data.missingFields.join(', ')} yet, so there is ${data.scoreRange ? 'no single count, only the range below' : 'nothing to estimate from'}.`
              : data.recommendation.summary}
          </p>
          {data.scoreRange ? <ScoreRange range={data.scoreRange} specialty={data.specialty.name} target={data.target} voice={voice} /> : null}
          {studentId ? null : (
            <p>
              <Link to="/residency/profile">Open your application profile</Link>
            </p>
          )}
        </section>
      ) : null}
      {data?.ready ? (
        <>
          <Summary data={data} voice={voice} />
          {programPage && programPage.total > 0 ? (
            <section className="card" aria-labelledby="lb-curve-title">
              <h2 id="lb-curve-title">How many programs to apply to</h2>
              <p className="section-intro">
                Each point is {voice.whose} chance of matching if {voice.who} {studentId ? 'applies' : 'apply'} to that many programs, taking the programs with{' '}
                {voice.whose} best interview chances first. Apply to more and the chance still rises, but less with each one.
              </p>
              <CurveChart
                curve={data.curve}
                count={data.recommendation.count}
                target={data.target}
                level={level}
                summary={data.recommendation.summary}
                whose={voice.whose}
              />
              {!studentId && notOnList.length > 0 ? (
                <div className="button-row">
                  <button type="button" className="button" disabled={add.isPending} onClick={() => void addPrograms(notOnList, 'Recommended programs')}>
                    {add.isPending ? 'Adding…' : `Add the ${notOnList.length} recommended program${notOnList.length === 1 ? '' : 's'} to my list`}
                  </button>
                </div>
              ) : null}
            </section>
          ) : null}

          {programPage && programPage.total > 0 ? (
            <section aria-labelledby="lb-programs-title" className="lb-programs">
              <h2 id="lb-programs-title">Programs ({programPage.total})</h2>
              <p className="section-intro">
                Most likely interview first. Of the {programPage.total}:{' '}
                {CHANCE_TIERS.map((t) => `${programPage.byTier[t]} ${TIER_LABELS[t].toLowerCase()}`).join(', ')}. Tiers:{' '}
                {CHANCE_TIERS.map((t) => `${TIER_LABELS[t]} = ${TIER_EXPLANATIONS[t]}`).join('; ')}.
              </p>
              <div className="lb-filters" role="group" aria-label="Filter programs">
                <SelectField
                  id="lb-filter-tier"
                  label="Tier"
                  options={CHANCE_TIERS.map((t) => ({ value: t, label: `${TIER_LABELS[t]} (${programPage.byTier[t]})` }))}
                  placeholder="All tiers"
                  value={tier}
                  onChange={(e) => setTier(e.currentTarget.value as ChanceTier | '')}
                />
                <SelectField
                  id="lb-filter-region"
                  label="Region"
                  options={US_REGIONS.map((r) => ({ value: r, label: US_REGION_LABELS[r] }))}
                  placeholder="All regions"
                  value={region}
                  onChange={(e) => setRegion(e.currentTarget.value)}
                />
                <Checkbox
                  id="lb-filter-fits"
                  label={studentId ? `Only programs that fit ${voice.whose} places and settings` : 'Only programs that fit my places and settings'}
                  checked={fitsOnly}
                  onChange={(e) => setFitsOnly(e.currentTarget.checked)}
                />
              </div>
              <p role="status" className="results-status">
                {builder.isPlaceholderData
                  ? 'Finding the programs…'
                  : `Showing ${programs.length} of ${programPage.matching} program${programPage.matching === 1 ? '' : 's'}${programPage.matching < programPage.total ? (programPage.matching === 1 ? ' that passes the filters' : ' that pass the filters') : ''}.`}
              </p>
              <ul className="lb-program-list">
                {programs.map((p) => (
                  <ProgramCard
                    key={p.id}
                    program={p}
                    level={level}
                    studentId={studentId}
                    voice={voice}
                    canAdd={!studentId}
                    adding={add.isPending}
                    onAdd={() => void addPrograms([p.id], p.name)}
                  />
                ))}
              </ul>
              {builder.isFetchNextPageError ? <QueryError error={builder.error} onRetry={showMore} /> : null}
              {builder.hasNextPage && !builder.isPlaceholderData ? (
                <button type="button" className="button button-secondary" onClick={showMore} disabled={builder.isFetchingNextPage}>
                  {builder.isFetchingNextPage
                    ? 'Loading more…'
                    : `Show ${Math.min(BUILDER_PAGE_SIZE, programPage.matching - programs.length)} more of ${programPage.matching}`}
                </button>
              ) : null}
            </section>
          ) : null}

          {programPage && programPage.total > 0 ? (
            <section className="card" aria-labelledby="lb-signals-title">
              <h2 id="lb-signals-title">Where to spend {voice.whose} signals</h2>
              {data.signals.specialtySignals === null ? (
                <p>{data.signals.effect}</p>
              ) : data.signals.available === 0 ? (
                studentId ? (
                  <p>
                    {voice.Whose} profile says {voice.who} has no preference signals for {data.specialty.name}.
                  </p>
                ) : (
                  <p>
                    Your profile says you have no preference signals for {data.specialty.name}. If the specialty uses them, enter how many in your{' '}
                    <Link to="/residency/profile">application profile</Link>.
                  </p>
                )
              ) : (
                <>
                  <p>
                    {data.specialty.name} gives {data.signals.specialtySignals ?? 'no'} signals in ERAS this season. The plan uses {data.signals.available}
                    {data.signals.used > 0 ? ` (${data.signals.used} marked on ${voice.whose} list, used as marked)` : ''}.{' '}
                    {data.signals.plannedFor === 'my-list'
                      ? ''
                      : `They go to programs ${voice.who} would likely rank high — ${voice.whose} preferred places and settings first — where an interview is realistic with a signal, not to programs that would interview ${voice.who} anyway or are out of reach.`}{' '}
                    With them, {voice.whose} chance of matching is {pct(data.signals.chanceWith)}; without, {pct(data.signals.chanceWithout)}.
                  </p>
                  {data.signals.choices.length === 0 ? (
                    <p>
                      No {data.specialty.name} program is a realistic interview for {voice.who} even with a signal (at least 15{'\u00a0'}%), so the plan places
                      none; {voice.whose} advisor can help decide where they still say most.
                    </p>
                  ) : null}
                  <ol className="lb-signal-list">
                    {data.signals.choices.map((s) => (
                      <li key={s.programId}>
                        <strong>{s.programName}</strong>: interview chance {pct(s.interviewWithout)} without a signal, {pct(s.interviewWith)} with one
                      </li>
                    ))}
                  </ol>
                  <p className="field-hint">What a signal does, as published: {data.signals.effect}</p>
                </>
              )}
            </section>
          ) : null}

          {programPage && programPage.total > 0 ? (
            <section className="card" aria-labelledby="lb-backup-title">
              <h2 id="lb-backup-title">Backup plan</h2>
              <p>{data.backup.summary}</p>
            </section>
          ) : null}

          <section className="card lb-honesty" id="lb-honesty" aria-labelledby="lb-honesty-title" tabIndex={-1}>
            <h2 id="lb-honesty-title">Where these figures come from</h2>
            <ul>
              {data.honesty.map((line) => (
                <li key={line}>{line}</li>
              ))}
              <li>
                Intervals are {pct(level / 100)} intervals: the chance is probably inside them. Factor sizes are measured against a typical U.S. MD applicant at
                a typical program. The model, its sources and its limits are described in the documentation ("Smart Pick").
              </li>
              <li>
                The recommended count is on the model’s own numbers, not a guarantee.{' '}
                {studentId ? `Talk it over with ${voice.who}.` : 'Talk it over with your advisor.'}
              </li>
            </ul>
          </section>
        </>
      ) : null}
    </div>
  )
}
