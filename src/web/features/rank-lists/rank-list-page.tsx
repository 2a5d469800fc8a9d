import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { RankListProgram, RankListView, ReplaceRankList } from '#shared/contracts/rank-lists.ts'
import { AppError } from '#shared/errors.ts'
import { api, errorMessage } from '../../api/client.ts'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { formatDateTime } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { PageError, PageLoading } from '../../components/status-pages.tsx'
import { OrderedList } from './ordered-list.tsx'
import { isFirstYear, NO_MATCH, ProgramSummary, programName, ReviewStatusTag, TruePreferenceRule } from './rank-list-format.tsx'
import { CommentsThread } from './comments-thread.tsx'
import { CouplePanel } from './couple-panel.tsx'
import { exportCsvUrl, rankListKeys, saveRankList, useMyRankList, useProgramSearch, useSubmitRankList } from './rank-lists-api.ts'
import './rank-lists.css'
import { YourPlanLinks } from '../../components/your-plan-links.tsx'

type Line = { key: string; programId: string | null; partnerProgramId: string | null; note: string }
type SupLine = { key: string; programId: string; note: string }
type Draft = { primary: Line[]; supplemental: Record<string, SupLine[]> }
type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string; conflict: boolean; fields: Record<string, string> }

let counter = 0
const newKey = () => `line-${++counter}`

function draftOf(view: RankListView): Draft {
  const coupled = view.partner !== null
  return {
    primary: view.primary.map((e, i) => ({
      key: newKey(),
      programId: e.program?.id ?? null,
      partnerProgramId: coupled ? (view.partner?.primary[i]?.program?.id ?? null) : null,
      note: e.note,
    })),
    supplemental: Object.fromEntries(
      view.supplemental.map((s) => [
        s.advancedProgramId,
        s.entries.filter((e) => e.program).map((e) => ({ key: newKey(), programId: e.program?.id as string, note: e.note })),
      ]),
    ),
  }
}

function requestOf(draft: Draft, version: number, partnerVersion: number | null): ReplaceRankList {
  const coupled = partnerVersion !== null
  return {
    expectedVersion: version,
    ...(coupled ? { expectedPartnerVersion: partnerVersion } : {}),
    primary: draft.primary.map((l) => ({ programId: l.programId, note: l.note, ...(coupled ? { partnerProgramId: l.partnerProgramId } : {}) })),
    supplemental: Object.entries(draft.supplemental).map(([advancedProgramId, entries]) => ({
      advancedProgramId,
      entries: entries.map((e) => ({ programId: e.programId, note: e.note })),
    })),
  }
}

/** The student's rank order list: built from interviews, reordered by pointer or keyboard, saved on every change. */
export function RankListPage() {
  usePageTitle('My rank order list')
  const query = useMyRankList()
  if (query.isPending) return <PageLoading title="My rank order list" label="Loading your rank order list…" />
  if (query.isError) return <PageError title="My rank order list" error={query.error} onRetry={() => void query.refetch()} />
  return <RankListEditor view={query.data} />
}

function RankListEditor({ view }: { view: RankListView }) {
  const client = useQueryClient()
  const [draft, setDraft] = useState<Draft>(() => draftOf(view))
  const [announcement, setAnnouncement] = useState<string | null>(null)
  const [save, setSave] = useState<SaveState>({ kind: 'idle' })
  const versions = useRef({ mine: view.version, partner: view.partner?.version ?? null })
  const chain = useRef<Promise<void>>(Promise.resolve())
  const latest = useRef(draft)
  const submit = useSubmitRankList()
  const coupled = view.partner !== null
  const [current, setCurrent] = useState(view)

  // A reload (after a conflict, a couple change, a comment) brings the server's list back in.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on a new server view only; the refs and drafts it reads are its own
  useEffect(() => {
    if (view.version !== versions.current.mine || (view.partner?.version ?? null) !== versions.current.partner || coupled !== (current.partner !== null)) {
      const next = draftOf(view)
      versions.current = { mine: view.version, partner: view.partner?.version ?? null }
      latest.current = next
      setDraft(next)
    }
    setCurrent(view)
  }, [view])

  const programs = new Map<string, RankListProgram>()
  for (const p of [...current.interviewed, ...(current.partner?.interviewed ?? [])]) programs.set(p.id, p)
  for (const e of [...current.primary, ...(current.partner?.primary ?? []), ...current.supplemental.flatMap((s) => s.entries)])
    if (e.program) programs.set(e.program.id, e.program)
  const [extra, setExtra] = useState<Map<string, RankListProgram>>(new Map())
  for (const [id, p] of extra) if (!programs.has(id)) programs.set(id, p)

  const commit = useCallback(
    (next: Draft, message: string) => {
      latest.current = next
      setDraft(next)
      setAnnouncement(message)
      setSave({ kind: 'saving' })
      chain.current = chain.current.then(async () => {
        if (latest.current !== next) return // a newer change will save everything
        try {
          const saved = await saveRankList(requestOf(next, versions.current.mine, versions.current.partner))
          versions.current = { mine: saved.version, partner: saved.partner?.version ?? null }
          setCurrent(saved)
          client.setQueryData(rankListKeys.mine, saved)
          if (latest.current === next) setSave({ kind: 'saved', at: new Date() })
        } catch (error) {
          const conflict = error instanceof AppError && error.code === 'CONFLICT'
          setSave({ kind: 'error', message: errorMessage(error), conflict, fields: error instanceof AppError ? (error.fields ?? {}) : {} })
        }
      })
    },
    [client],
  )

  const reload = async () => {
    const fresh = await client.fetchQuery({ queryKey: rankListKeys.mine, queryFn: () => api<RankListView>('/api/rank-lists/me'), staleTime: 0 })
    const next = draftOf(fresh)
    versions.current = { mine: fresh.version, partner: fresh.partner?.version ?? null }
    latest.current = next
    setDraft(next)
    setCurrent(fresh)
    setSave({ kind: 'idle' })
    setAnnouncement('Loaded the newest version of your list.')
  }

  const nameOfId = (id: string | null) => (id ? (programs.get(id)?.name ?? id) : NO_MATCH)
  const lineName = (l: Line) => (coupled ? `${nameOfId(l.programId)} with ${nameOfId(l.partnerProgramId)}` : nameOfId(l.programId))
  const onPrimary = new Set(draft.primary.map((l) => l.programId).filter((id): id is string => id !== null))
  const lineError = (index: number) =>
    save.kind === 'error' ? (save.fields[`primary.${index}.programId`] ?? save.fields[`primary.${index}.partnerProgramId`]) : undefined

  const setPrimary = (primary: Line[], message: string) => {
    // A supplemental list goes with its advanced program.
    const kept = new Set(primary.map((l) => l.programId))
    const supplemental = Object.fromEntries(Object.entries(draft.supplemental).filter(([id]) => kept.has(id)))
    const dropped = Object.keys(draft.supplemental).filter((id) => !kept.has(id))
    commit({ primary, supplemental }, dropped.length > 0 ? `${message} Its supplemental list was removed too.` : message)
  }

  const addProgram = (program: RankListProgram) => {
    setExtra((m) => new Map(m).set(program.id, program))
    const line: Line = { key: newKey(), programId: program.id, partnerProgramId: null, note: '' }
    if (coupled) {
      // A new pair starts with "No Match" for the partner unless both fill it in.
      const partnerFirst = current.partner?.interviewed[0]?.id ?? null
      line.partnerProgramId = partnerFirst
    }
    setPrimary([...draft.primary, line], `Added ${program.name} at ${coupled ? 'line' : 'rank'} ${draft.primary.length + 1}.`)
  }

  const setNote = (index: number, note: string) => {
    const line = draft.primary[index]
    if (!line || line.note === note) return
    const primary = draft.primary.map((l, i) => (i === index ? { ...l, note } : l))
    commit({ ...draft, primary }, `Note saved for ${lineName(line)}.`)
  }

  const setSide = (index: number, side: 'programId' | 'partnerProgramId', value: string | null) => {
    const primary = draft.primary.map((l, i) => (i === index ? { ...l, [side]: value } : l))
    commit({ ...draft, primary }, `Line ${index + 1} is now ${lineName(primary[index] as Line)}.`)
  }

  const setSupplemental = (advancedId: string, entries: SupLine[], message: string) => {
    commit({ ...draft, supplemental: { ...draft.supplemental, [advancedId]: entries } }, message)
  }

  const notYetRanked = current.interviewed.filter((p) => !onPrimary.has(p.id))
  const canSubmit = current.reviewStatus === 'draft' || current.reviewStatus === 'changed-since-sign-off'

  return (
    <div className="page rol-page">
      <div className="page-header page-header-actions">
        <div>
          <YourPlanLinks />
          <h1 tabIndex={-1}>My rank order list</h1>
          <p className="lead">Build the list you will certify in the NRMP’s system: the programs that interviewed you, in the order you want them.</p>
        </div>
        <ReviewStatusTag status={current.reviewStatus} />
      </div>
      <TruePreferenceRule />

      <div className="rol-savebar">
        <SaveIndicator save={save} version={current.version} />
        {save.kind === 'error' ? (
          <div role="alert" className="notice notice-error rol-save-error">
            <p>{save.message}</p>
            {save.conflict ? (
              <button type="button" className="button button-secondary button-small" onClick={() => void reload()}>
                Load the newest list
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <LiveStatus message={announcement} tone="info" />

      {current.signedOff ? (
        <p className="rol-signoff-note">
          {current.reviewStatus === 'signed-off'
            ? `${current.signedOff.by?.name ?? 'Your advisor'} signed off this list on ${formatDateTime(current.signedOff.at)}.`
            : `${current.signedOff.by?.name ?? 'Your advisor'} signed off version ${current.signedOff.version} on ${formatDateTime(current.signedOff.at)}. You changed it since: submit it again if you want another look.`}
        </p>
      ) : null}

      <div className="rol-layout">
        <section className="rol-main" aria-labelledby="rol-list-title">
          <h2 id="rol-list-title">{coupled ? `Your pairs with ${current.partner?.student.name}` : 'Your list'}</h2>
          <p className="field-hint">
            {coupled
              ? 'Each line is a pair: your program and your partner’s. The match tries line 1 first, then line 2, and so on. Either of you may choose “No Match” on a line, but not both.'
              : 'Reorder by dragging a line, with its Up and Down buttons, or with Alt+Arrow Up and Alt+Arrow Down anywhere in the line. Changes save as you make them.'}
          </p>
          {draft.primary.length === 0 ? (
            <p className="empty-state">Your list is empty. Add programs you interviewed at from the list {coupled ? 'below' : 'beside it'}.</p>
          ) : null}
          <OrderedList
            items={draft.primary}
            keyOf={(l) => l.key}
            nameOf={lineName}
            label={coupled ? 'Your couple’s pairs, first choice first' : 'Your rank order list, first choice first'}
            unit={coupled ? 'line' : 'rank'}
            onChange={(items, message) => setPrimary(items, message)}
            renderLine={(line, index) => (
              <LineBody
                line={line}
                index={index}
                coupled={coupled}
                partnerName={current.partner?.student.name ?? 'Partner'}
                programs={programs}
                myOptions={[...current.interviewed]}
                partnerOptions={current.partner?.interviewed ?? []}
                error={lineError(index)}
                onNote={(note) => setNote(index, note)}
                onSide={(side, value) => setSide(index, side, value)}
                supplemental={
                  line.programId && programs.get(line.programId)?.track === 'advanced' ? (
                    <SupplementalEditor
                      advanced={programs.get(line.programId) as RankListProgram}
                      entries={draft.supplemental[line.programId] ?? []}
                      candidates={current.interviewed.filter(isFirstYear)}
                      programs={programs}
                      onChange={(entries, message) => setSupplemental(line.programId as string, entries, message)}
                      errors={save.kind === 'error' ? save.fields : {}}
                      index={Object.keys(draft.supplemental).indexOf(line.programId)}
                    />
                  ) : null
                }
              />
            )}
          />
          {coupled ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                setPrimary(
                  [
                    ...draft.primary,
                    {
                      key: newKey(),
                      programId: current.interviewed[0]?.id ?? null,
                      partnerProgramId: current.interviewed[0] ? null : (current.partner?.interviewed[0]?.id ?? null),
                      note: '',
                    },
                  ],
                  `Added line ${draft.primary.length + 1}.`,
                )
              }
            >
              Add a line
            </button>
          ) : null}
          {current.warnings.length > 0 ? (
            <div className="notice notice-warning rol-warnings">
              <h3>Worth a second look</h3>
              <ul>
                {current.warnings.map((w) => (
                  <li key={`${w.field}:${w.message}`}>{w.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="button-row rol-actions">
            {canSubmit ? (
              <button
                type="button"
                className="button"
                disabled={submit.isPending || save.kind === 'saving' || draft.primary.length === 0}
                onClick={() => submit.mutate(versions.current.mine, { onSuccess: () => setAnnouncement('Submitted. Your advisor can now review your list.') })}
              >
                {submit.isPending ? 'Submitting…' : 'Ask my advisor to review'}
              </button>
            ) : (
              <p className="field-hint">
                {current.reviewStatus === 'submitted'
                  ? 'Your advisor has this list to review. You can keep editing; they see your newest version.'
                  : 'Signed off. Any change shows as “changed since signed off”.'}
              </p>
            )}
            <a className="button button-secondary" href={exportCsvUrl(current.student.id)} download="rank-order-list.csv">
              Download for NRMP entry (CSV)
            </a>
            <button type="button" className="button button-ghost" onClick={() => window.print()}>
              Print
            </button>
          </div>
          {submit.isError ? <QueryError error={submit.error} /> : null}
        </section>

        <aside className="rol-side" aria-label="Programs to add">
          {!coupled ? (
            <section className="card rol-card" aria-labelledby="rol-interviewed">
              <h2 id="rol-interviewed">Programs you interviewed at</h2>
              {current.interviewed.length === 0 ? (
                <p className="field-hint">Programs you mark as “interviewed” in My programs appear here. You can also find a program below.</p>
              ) : notYetRanked.length === 0 ? (
                <p className="field-hint">All of them are on your list.</p>
              ) : (
                <ul className="rol-candidates">
                  {notYetRanked.map((p) => (
                    <li key={p.id}>
                      <ProgramSummary program={p} />
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-label={`Add ${p.name} to my list`}
                        onClick={() => addProgram(p)}
                      >
                        Add
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <ProgramFinder onAdd={addProgram} exclude={onPrimary} />
            </section>
          ) : null}
          <CouplePanel view={current} />
        </aside>
      </div>

      <CommentsThread view={current} mine />
    </div>
  )
}

/** Whether the list is saved, in a student's words: the version number is the server's business. */
function SaveIndicator({ save, version }: { save: SaveState; version: number }) {
  const text =
    save.kind === 'saving' ? 'Saving…' : save.kind === 'error' ? 'Not saved' : save.kind === 'saved' || version > 0 ? 'All changes saved' : 'Nothing saved yet'
  return (
    <p className={`rol-save rol-save-${save.kind}`} role="status">
      {save.kind === 'saving' ? <span className="spinner" aria-hidden="true" /> : null}
      {text}
    </p>
  )
}

type LineBodyProps = {
  line: Line
  index: number
  coupled: boolean
  partnerName: string
  programs: ReadonlyMap<string, RankListProgram>
  myOptions: RankListProgram[]
  partnerOptions: RankListProgram[]
  error: string | undefined
  onNote: (note: string) => void
  onSide: (side: 'programId' | 'partnerProgramId', value: string | null) => void
  supplemental: ReactNode
}

function LineBody({ line, index, coupled, partnerName, programs, myOptions, partnerOptions, error, onNote, onSide, supplemental }: LineBodyProps) {
  const id = useId()
  const [editing, setEditing] = useState(false)
  const [note, setNoteText] = useState(line.note)
  useEffect(() => setNoteText(line.note), [line.note])
  const optionsWith = (options: RankListProgram[], current: string | null) => {
    const list = [...options]
    const extra = current ? programs.get(current) : undefined
    if (extra && !list.some((p) => p.id === extra.id)) list.push(extra)
    return list
  }
  return (
    <>
      {coupled ? (
        <div className="rol-pair">
          <label className="rol-pair-side">
            <span className="rol-pair-label">You</span>
            <select value={line.programId ?? ''} onChange={(e) => onSide('programId', e.target.value || null)} aria-label={`Line ${index + 1}: your program`}>
              <option value="">{NO_MATCH}</option>
              {optionsWith(myOptions, line.programId).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="rol-pair-side">
            <span className="rol-pair-label">{partnerName}</span>
            <select
              value={line.partnerProgramId ?? ''}
              onChange={(e) => onSide('partnerProgramId', e.target.value || null)}
              aria-label={`Line ${index + 1}: ${partnerName}’s program`}
            >
              <option value="">{NO_MATCH}</option>
              {optionsWith(partnerOptions, line.partnerProgramId).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : (
        <ProgramSummary program={line.programId ? (programs.get(line.programId) ?? null) : null} />
      )}
      {error ? <p className="field-error">{error}</p> : null}
      {line.note && !editing ? <p className="rol-note">{line.note}</p> : null}
      {editing ? (
        <div className="field rol-note-field">
          <label htmlFor={`${id}-note`}>
            Note for {coupled ? `line ${index + 1}` : programName(line.programId ? (programs.get(line.programId) ?? null) : null)} (only you and your advisor
            see it)
          </label>
          <textarea id={`${id}-note`} rows={2} maxLength={500} value={note} onChange={(e) => setNoteText(e.target.value)} onBlur={() => onNote(note.trim())} />
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              onNote(note.trim())
              setEditing(false)
            }}
          >
            Done
          </button>
        </div>
      ) : (
        <button type="button" className="button button-link rol-note-toggle" onClick={() => setEditing(true)}>
          {line.note ? 'Edit note' : 'Add a note'}
          <span className="visually-hidden"> for line {index + 1}</span>
        </button>
      )}
      {supplemental}
    </>
  )
}

type SupplementalEditorProps = {
  advanced: RankListProgram
  entries: SupLine[]
  candidates: RankListProgram[]
  programs: ReadonlyMap<string, RankListProgram>
  onChange: (entries: SupLine[], message: string) => void
  errors: Record<string, string>
  index: number
}

/** The PGY-1 list attached to an advanced program, shown under it. */
function SupplementalEditor({ advanced, entries, candidates, programs, onChange, errors, index }: SupplementalEditorProps) {
  const id = useId()
  const [choice, setChoice] = useState('')
  const available = candidates.filter((c) => !entries.some((e) => e.programId === c.id))
  const entryErrors = Object.entries(errors).filter(([field]) => index >= 0 && field.startsWith(`supplemental.${index}.`))
  return (
    <div className="rol-supplemental">
      <h3 className="rol-supplemental-title">Supplemental PGY-1 list for {advanced.name}</h3>
      <p className="field-hint">
        {advanced.name} starts in the second year. If you match there, the match uses this list to find your first (preliminary or transitional) year.
      </p>
      <OrderedList
        items={entries}
        keyOf={(e) => e.key}
        nameOf={(e) => programs.get(e.programId)?.name ?? e.programId}
        label={`Supplemental list for ${advanced.name}`}
        onChange={(items, message) => onChange(items, message)}
        renderLine={(e) => <ProgramSummary program={programs.get(e.programId) ?? null} />}
      />
      {entryErrors.map(([field, message]) => (
        <p key={field} className="field-error">
          {message}
        </p>
      ))}
      {available.length > 0 ? (
        <div className="rank-add">
          <div className="field">
            <label htmlFor={`${id}-add`}>Add a PGY-1 program you interviewed at</label>
            <select id={`${id}-add`} value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">Choose a program</option>
              {available.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button button-secondary"
            disabled={!choice}
            onClick={() => {
              const program = programs.get(choice)
              onChange(
                [...entries, { key: newKey(), programId: choice, note: '' }],
                `Added ${program?.name ?? choice} to the supplemental list for ${advanced.name}.`,
              )
              setChoice('')
            }}
          >
            Add
          </button>
        </div>
      ) : (
        <p className="field-hint">Preliminary and transitional-year programs you mark as interviewed appear here to add.</p>
      )}
    </div>
  )
}

function ProgramFinder({ onAdd, exclude }: { onAdd: (p: RankListProgram) => void; exclude: ReadonlySet<string> }) {
  const id = useId()
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250)
    return () => clearTimeout(timer)
  }, [text])
  const search = useProgramSearch(q)
  const results = (search.data?.items ?? []).filter((p) => !exclude.has(p.id))
  return (
    <div className="rol-finder">
      <div className="field">
        <label htmlFor={`${id}-q`}>Find another program</label>
        <p id={`${id}-hint`} className="field-hint">
          Any words from the name, hospital, city, state or specialty, such as “Youngstown emergency”. Programs without a marked interview are flagged on your
          list.
        </p>
        <input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-hint`} autoComplete="off" />
      </div>
      <div role="status" className="visually-hidden">
        {q.length >= 2 && search.data ? `${results.length} programs found.` : ''}
      </div>
      {q.length >= 2 && search.isFetching ? <Loading label="Searching…" /> : null}
      {results.length > 0 ? (
        <ul className="rol-candidates">
          {results.map((p) => (
            <li key={p.id}>
              <ProgramSummary program={p} showInterview={false} />
              <button type="button" className="button button-secondary button-small" aria-label={`Add ${p.name} to my list`} onClick={() => onAdd(p)}>
                Add
              </button>
            </li>
          ))}
        </ul>
      ) : q.length >= 2 && search.data ? (
        <p className="field-hint">No program matches “{q}”.</p>
      ) : null}
    </div>
  )
}
