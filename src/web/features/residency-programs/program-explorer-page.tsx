import { useEffect, useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { PROGRAM_SETTINGS, PROGRAM_TRACKS, REGIONS, type Region } from '#engines/smart-pick/types.ts'
import { PROGRAM_LIST_STATUS_LABELS } from '#shared/contracts/list-builder.ts'
import { PROGRAM_SORTS, STEP2_FITS, type ProgramSummary } from '#shared/contracts/residency-programs.ts'
import { AppError } from '#shared/errors.ts'
import { SPECIALTIES_BY_NAME } from '#shared/reference/specialties.ts'
import { errorMessage } from '../../api/client.ts'
import { useSession } from '../../api/identity.ts'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { Pagination } from '../../components/pagination.tsx'
import { hasAnyRole } from '../identity/roles.ts'
import { REGION_LABELS, SETTING_LABELS, TRACK_LABELS } from './program-format.ts'
import { useProgramSearch, useSaveProgram } from './programs-api.ts'
import { RegionMap } from './region-map.tsx'
import './residency-programs.css'
import { plural } from '../../components/format.ts'

/** The filters the address carries, in a stable order (one cache entry per search). */
const FILTER_KEYS = ['q', 'specialty', 'track', 'region', 'state', 'setting', 'visa', 'minPositions', 'maxPositions', 'step2', 'step2Fit', 'saved'] as const
type FilterKey = (typeof FILTER_KEYS)[number]
const SEARCH_KEYS = [...FILTER_KEYS, 'sort', 'page'] as const

const SORT_LABELS: Record<(typeof PROGRAM_SORTS)[number], string> = {
  name: 'Name',
  positions: 'Most positions',
  step2: 'Highest Step 2 CK range',
  state: 'State and city',
}
const FIT_LABELS: Record<(typeof STEP2_FITS)[number], string> = {
  'at-or-above': 'At or above its 25th percentile',
  within: 'Inside its typical range',
  below: 'Below its typical range',
}
/** Filters behind "More filters": opened when one of them is in use. */
const MORE_KEYS: readonly FilterKey[] = ['track', 'setting', 'visa', 'minPositions', 'maxPositions', 'step2', 'step2Fit', 'saved']

function apiSearch(params: URLSearchParams): string {
  const out = new URLSearchParams()
  for (const key of SEARCH_KEYS) {
    const value = params.get(key)
    if (value) out.set(key, value)
  }
  return out.toString()
}

type Draft = Record<FilterKey, string>
const draftFrom = (params: URLSearchParams): Draft => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Draft

export function ProgramExplorerPage() {
  usePageTitle('Residency programs')
  const { data: session } = useSession()
  const [params, setParams] = useSearchParams()
  const search = apiSearch(params)
  const result = useProgramSearch(search)
  const [draft, setDraft] = useState<Draft>(() => draftFrom(params))
  const [announcement, setAnnouncement] = useState<string | null>(null)
  const [moreOpen, setMoreOpen] = useState(() => MORE_KEYS.some((k) => params.get(k)))
  const staff = hasAnyRole(session, ['advisor', 'admin'])
  const admin = hasAnyRole(session, ['admin'])

  // Back and forward change the address; the form follows it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows the address when it changes (back, forward, a link)
  useEffect(() => setDraft(draftFrom(params)), [search])

  const fieldErrors = result.error instanceof AppError ? (result.error.fields ?? {}) : {}
  const data = result.data

  const apply = (next: URLSearchParams) => {
    next.delete('page')
    setParams(next)
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const next = new URLSearchParams()
    for (const key of FILTER_KEYS) if (draft[key].trim()) next.set(key, draft[key].trim())
    const sort = params.get('sort')
    if (sort) next.set('sort', sort)
    apply(next)
  }
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    if (key !== 'page') next.delete('page')
    setParams(next)
  }
  const onRegion = (region: Region | null) => {
    const next = new URLSearchParams(params)
    next.delete('state')
    if (region) next.set('region', region)
    else next.delete('region')
    apply(next)
  }
  const onState = (state: string | null) => {
    const next = new URLSearchParams(params)
    next.delete('region')
    if (state) next.set('state', state)
    else next.delete('state')
    apply(next)
  }
  const set = (key: FilterKey) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value
    setDraft((d) => ({ ...d, [key]: value }))
  }
  const activeFilters = FILTER_KEYS.filter((k) => params.get(k)).length
  const moreCount = MORE_KEYS.filter((k) => k !== 'step2Fit' && params.get(k)).length
  const page = data?.page ?? 1
  // While the next results load, the last ones stay on screen, but the status never pairs their
  // count with the new filters, which would be false for a moment (as on Find a mentor).
  const status = result.isPlaceholderData
    ? 'Searching…'
    : data
      ? `${plural(data.total, 'program', 'programs')} found${activeFilters > 0 ? ` with ${plural(activeFilters, 'filter', 'filters')}` : ''}.`
      : ''
  const exportHref = `/api/residency-programs/export.csv${params.get('specialty') ? `?specialty=${encodeURIComponent(params.get('specialty') ?? '')}` : ''}`

  return (
    <div className="page rp-explorer">
      <div className="page-header">
        <h1 tabIndex={-1}>Residency programs</h1>
        <p className="lead">
          Every residency program in the Main Residency Match that the school keeps on file.{' '}
          {/* Only a student has a score and a list of their own; staff are told what students do here. */}
          {hasAnyRole(session, ['student'])
            ? 'Filter by specialty, place and size, compare a program’s typical Step 2 CK range with your score, and save programs to your list.'
            : 'Filter by specialty, place and size and read each program’s typical Step 2 CK range; students compare it with their score and save programs to their list.'}
        </p>
        {staff ? (
          <p className="rp-staff-actions">
            <a className="button button-secondary" href={exportHref} download>
              Export {params.get('specialty') ? 'this specialty' : 'all programs'} as CSV
            </a>
            {admin ? (
              <Link className="button button-secondary" to="/residency/programs/import">
                Import programs from CSV
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>

      <form className="card rp-filters" role="search" aria-label="Residency programs" onSubmit={onSubmit} noValidate>
        <div className="rp-filter-grid">
          <div className="field rp-filter-wide">
            <label htmlFor="rp-q">Name, institution or city</label>
            <input id="rp-q" type="search" value={draft.q} maxLength={100} onChange={set('q')} aria-invalid={fieldErrors.q ? true : undefined} />
          </div>
          <FilterSelect
            id="specialty"
            label="Specialty"
            value={draft.specialty}
            onChange={set('specialty')}
            error={fieldErrors.specialty}
            options={SPECIALTIES_BY_NAME.map((s) => [s.id, s.name])}
            any="Any specialty"
          />
          <FilterSelect
            id="region"
            label="Region"
            value={draft.region}
            onChange={set('region')}
            error={fieldErrors.region}
            options={REGIONS.map((r) => [r, REGION_LABELS[r]])}
            any="Anywhere"
          />
          <div className={`field${fieldErrors.state ? ' field-invalid' : ''}`}>
            <label htmlFor="rp-state">State (two letters)</label>
            <input
              id="rp-state"
              type="text"
              value={draft.state}
              maxLength={2}
              autoCapitalize="characters"
              onChange={set('state')}
              aria-invalid={fieldErrors.state ? true : undefined}
              aria-describedby={fieldErrors.state ? 'rp-state-error' : undefined}
            />
            {fieldErrors.state ? <FieldError id="rp-state-error" message={fieldErrors.state} /> : null}
          </div>
        </div>
        <details className="rp-more" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
          <summary>
            More filters{moreCount > 0 ? ` (${moreCount} in use)` : ''}: track, setting, visas, size, Step 2 CK{data?.canSave ? ', my list' : ''}
          </summary>
          <div className="rp-filter-grid">
            <FilterSelect
              id="track"
              label="Track"
              value={draft.track}
              onChange={set('track')}
              error={fieldErrors.track}
              options={PROGRAM_TRACKS.map((t) => [t, TRACK_LABELS[t]])}
              any="Any track"
            />
            <FilterSelect
              id="setting"
              label="Setting"
              value={draft.setting}
              onChange={set('setting')}
              error={fieldErrors.setting}
              options={PROGRAM_SETTINGS.map((s) => [s, SETTING_LABELS[s]])}
              any="Any setting"
            />
            <FilterSelect
              id="visa"
              label="Visa sponsorship"
              value={draft.visa}
              onChange={set('visa')}
              error={fieldErrors.visa}
              options={[
                ['yes', 'Sponsors visas'],
                ['no', 'Does not sponsor'],
              ]}
              any="Either"
            />
            <fieldset className="rp-range">
              <legend>First-year positions</legend>
              <NumberInput id="minPositions" label="From" value={draft.minPositions} onChange={set('minPositions')} error={fieldErrors.minPositions} />
              <NumberInput id="maxPositions" label="To" value={draft.maxPositions} onChange={set('maxPositions')} error={fieldErrors.maxPositions} />
            </fieldset>
            <fieldset className="rp-range rp-filter-wide rp-step2">
              <legend>Step 2 CK fit</legend>
              <NumberInput id="step2" label="My score" value={draft.step2} onChange={set('step2')} error={fieldErrors.step2} />
              <FilterSelect
                id="step2Fit"
                label="My score is"
                value={draft.step2Fit || 'at-or-above'}
                onChange={set('step2Fit')}
                error={fieldErrors.step2Fit}
                options={STEP2_FITS.map((f) => [f, FIT_LABELS[f]])}
              />
            </fieldset>
            {data?.canSave ? (
              <FilterSelect
                id="saved"
                label="My list"
                value={draft.saved}
                onChange={set('saved')}
                error={fieldErrors.saved}
                options={[
                  ['yes', 'Only saved programs'],
                  ['no', 'Only programs not saved'],
                ]}
                any="All programs"
              />
            ) : null}
          </div>
        </details>
        <div className="rp-filter-actions">
          <button type="submit" className="button">
            Show programs
          </button>
          {activeFilters > 0 ? (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => apply(new URLSearchParams(params.get('sort') ? { sort: params.get('sort') ?? '' } : {}))}
            >
              Clear filters
            </button>
          ) : null}
        </div>
        <p className="field-hint">The address of this page holds your search: copy it to share it or come back to it.</p>
      </form>

      {result.isError && !(result.error instanceof AppError && result.error.fields) ? (
        <QueryError error={result.error} onRetry={() => void result.refetch()} />
      ) : null}
      {result.isError && result.error instanceof AppError && result.error.fields ? (
        <div role="alert" className="notice notice-error">
          <p>{result.error.message}</p>
          <ul>
            {Object.entries(result.error.fields).map(([k, v]) => (
              <li key={k}>
                <a href={`#rp-${k}`}>{v}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <LiveStatus message={announcement} />

      <div className="rp-layout">
        <section className="rp-results" aria-labelledby="rp-results-title" aria-busy={result.isPlaceholderData}>
          <div className="rp-results-header">
            <h2 id="rp-results-title">Programs</h2>
            <p role="status" aria-live="polite" className="results-status">
              {status}
            </p>
            <p className="rp-map-link">
              <a href="#rp-map-title">See them on a map of the states</a>
            </p>
            <div className="field rp-sort">
              <label htmlFor="rp-sort">Sort by</label>
              <select
                id="rp-sort"
                value={params.get('sort') ?? 'name'}
                onChange={(e) => setParam('sort', e.currentTarget.value === 'name' ? null : e.currentTarget.value)}
              >
                {PROGRAM_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {SORT_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {result.isPending ? <Loading label="Finding programs…" /> : null}
          {data && data.total === 0 ? (
            <div className="card">
              <h3>No programs match</h3>
              <p>Try fewer filters, a wider range of positions, or another region.</p>
            </div>
          ) : null}
          {data && data.items.length > 0 ? (
            <ol className="rp-list" aria-label="Programs">
              {data.items.map((program) => (
                <li key={program.id}>
                  <ProgramCard program={program} canSave={data.canSave} onSaved={setAnnouncement} />
                </li>
              ))}
            </ol>
          ) : null}
          {data && data.total > 0 ? (
            <Pagination
              page={page}
              pageSize={data.pageSize}
              total={data.total}
              noun={['program', 'programs']}
              onPage={(p) => setParam('page', p > 1 ? String(p) : null)}
              label="Result pages"
            />
          ) : null}
        </section>

        <section className="rp-region-view card" aria-labelledby="rp-map-title">
          <h2 id="rp-map-title">Where they are</h2>
          {data ? (
            <RegionMap
              byRegion={data.byRegion}
              byState={data.byState}
              region={params.get('region')}
              state={params.get('state')}
              onRegion={onRegion}
              onState={onState}
            />
          ) : (
            <Loading label="Counting programs by state…" />
          )}
        </section>
      </div>
    </div>
  )
}

function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  )
}

function FilterSelect(props: {
  id: string
  label: string
  value: string
  onChange: (e: { currentTarget: { value: string } }) => void
  options: readonly (readonly [string, string])[]
  any?: string
  error?: string | undefined
}) {
  const id = `rp-${props.id}`
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        onChange={props.onChange}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        {props.any !== undefined ? <option value="">{props.any}</option> : null}
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {props.error ? <FieldError id={`${id}-error`} message={props.error} /> : null}
    </div>
  )
}

function NumberInput(props: {
  id: string
  label: string
  value: string
  onChange: (e: { currentTarget: { value: string } }) => void
  error?: string | undefined
}) {
  const id = `rp-${props.id}`
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={props.value}
        maxLength={3}
        onChange={props.onChange}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
      {props.error ? <FieldError id={`${id}-error`} message={props.error} /> : null}
    </div>
  )
}

export function SaveButton({ program, onSaved }: { program: Pick<ProgramSummary, 'id' | 'name' | 'savedStatus'>; onSaved: (message: string) => void }) {
  const save = useSaveProgram()
  const [error, setError] = useState<string | null>(null)
  const saved = program.savedStatus !== null
  const locked = saved && program.savedStatus !== 'considering'
  if (locked) {
    return (
      <p className="rp-saved-note">
        On your list: <strong>{PROGRAM_LIST_STATUS_LABELS[program.savedStatus as keyof typeof PROGRAM_LIST_STATUS_LABELS] ?? program.savedStatus}</strong>.{' '}
        <Link to="/residency/my-programs">Change it in My programs</Link>
      </p>
    )
  }
  const toggle = async () => {
    setError(null)
    try {
      await save.mutateAsync({ programId: program.id, save: !saved })
      onSaved(saved ? `${program.name} is off your list.` : `${program.name} is saved to your list as “considering”.`)
    } catch (cause) {
      setError(errorMessage(cause))
    }
  }
  return (
    <div className="rp-save">
      <button
        type="button"
        // A card's action in a list of cards: secondary, then quiet once saved (design system).
        className={`button button-small ${saved ? 'button-quiet' : 'button-secondary'}`}
        aria-pressed={saved}
        disabled={save.isPending}
        onClick={() => void toggle()}
      >
        {saved ? 'Saved to my list' : 'Save to my list'}
        <span className="visually-hidden">: {program.name}</span>
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

function ProgramCard({ program, canSave, onSaved }: { program: ProgramSummary; canSave: boolean; onSaved: (message: string) => void }) {
  return (
    <article className="card rp-card">
      <div className="rp-card-head">
        <h3 className="rp-card-title">
          <Link to={`/residency/programs/${encodeURIComponent(program.id)}`}>{program.name}</Link>
        </h3>
        <p className="muted rp-card-meta">
          {[program.city, program.state].filter(Boolean).join(', ')} · {program.specialtyName} · {TRACK_LABELS[program.track]}
        </p>
      </div>
      <dl className="rp-facts">
        <div>
          <dt>Positions</dt>
          <dd>{program.positions}</dd>
        </div>
        <div>
          <dt>Typical Step 2 CK</dt>
          <dd>
            {program.step2P25}–{program.step2P75}
          </dd>
        </div>
        <div>
          <dt>Setting</dt>
          <dd>{SETTING_LABELS[program.setting]}</dd>
        </div>
        <div>
          <dt>Visas</dt>
          <dd>{program.sponsorsVisa ? 'Sponsors' : 'Does not sponsor'}</dd>
        </div>
      </dl>
      {canSave ? <SaveButton program={program} onSaved={onSaved} /> : null}
    </article>
  )
}
