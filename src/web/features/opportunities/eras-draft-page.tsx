import { type FormEvent, useEffect, useState } from 'react'
import { Link } from 'react-router'
import { ErasDraftInput, type ErasDraftEntry, type ErasDraftSaved } from '#shared/contracts/opportunities.ts'
import { RESEARCH_OUTPUT_KIND_LABELS } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import { friendlyIssue } from '#shared/contracts/friendly-issues.ts'
import {
  ERAS_EXPERIENCE_TYPE_LABELS,
  ERAS_EXPERIENCE_TYPES,
  ERAS_EXPERIENCES_MAX,
  ERAS_EXPERIENCES_SOURCE,
  ERAS_MOST_MEANINGFUL_MAX,
  type ErasExperienceType,
} from '#shared/reference/eras-experiences.ts'
import { errorMessage } from '../../api/client.ts'
import { Loading, Notice, QueryError } from '../../components/feedback.tsx'
import { Checkbox, SelectField, TextAreaField } from '../../components/fields.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { CharacterCount } from '../materials/character-count.tsx'
import { useErasDraft, useSaveErasDraft } from './api.ts'
import { datesLabel } from './opportunity-format.ts'
import './opportunities.css'

/** One experience as the student is shaping it on the page. */
type Item = {
  entry: ErasDraftEntry
  erasType: ErasExperienceType
  description: string
  mostMeaningful: boolean
  reflection: string
}

const itemOf = (entry: ErasDraftEntry): Item => ({ entry, erasType: entry.erasType, description: entry.description, mostMeaningful: false, reflection: '' })
const n = (value: number) => value.toLocaleString('en-US')
const fieldId = (experienceId: string, field: string) => `eras-${experienceId}-${field}`

/** Field errors by experience and field (`entries.2.description` → that experience's description). */
function errorsByExperience(fields: Record<string, string>, chosen: readonly Item[]): { byField: Record<string, string>; general: string[] } {
  const byField: Record<string, string> = {}
  const general: string[] = []
  for (const [path, message] of Object.entries(fields)) {
    const [, index, field] = path.split('.')
    const item = index !== undefined ? chosen[Number(index)] : undefined
    if (item && field) byField[fieldId(item.entry.experience.id, field)] ??= message
    else general.push(message)
  }
  return { byField, general }
}

/**
 * "Draft my ERAS experiences": the student's experience record as an ERAS experiences section.
 * Up to ten entries are proposed (most hours first), each with the ERAS type it usually goes
 * under and a description drafted from the record's own words within ERAS's 750 characters;
 * the student picks, orders, types and edits them, marks up to three most meaningful with a
 * reflection, and saves them to Materials, one document per experience.
 */
export function ErasDraftPage() {
  usePageTitle('Draft my ERAS experiences')
  const proposal = useErasDraft()
  const save = useSaveErasDraft()
  const [items, setItems] = useState<Item[] | null>(null)
  const [chosenIds, setChosenIds] = useState<string[]>([])
  const [errors, setErrors] = useState<{ byField: Record<string, string>; general: string[] }>({ byField: {}, general: [] })
  const [saved, setSaved] = useState<ErasDraftSaved | null>(null)
  const [focusId, setFocusId] = useState<string | null>(null)

  useEffect(() => {
    if (!proposal.data || items) return
    setItems(proposal.data.entries.map(itemOf))
    setChosenIds(proposal.data.entries.filter((e) => e.chosen).map((e) => e.experience.id))
  }, [proposal.data, items])

  // After a move, a removal or an addition, the keyboard stays with the experience it acted on.
  useEffect(() => {
    if (!focusId) return
    const target = document.getElementById(focusId)
    // An experience moved to the top or the bottom: its other move button is the one still usable.
    const swapped = focusId.endsWith('-up') ? focusId.replace(/-up$/, '-down') : focusId.replace(/-down$/, '-up')
    if (target instanceof HTMLButtonElement && target.disabled) document.getElementById(swapped)?.focus()
    else target?.focus()
    setFocusId(null)
  }, [focusId])

  if (proposal.isPending || (proposal.data && !items)) return <Loading />
  if (proposal.isError) return <QueryError error={proposal.error} onRetry={() => void proposal.refetch()} />

  const all = items ?? []
  const byId = new Map(all.map((i) => [i.entry.experience.id, i]))
  const chosen = chosenIds.flatMap((id) => byId.get(id) ?? [])
  const others = all.filter((i) => !chosenIds.includes(i.entry.experience.id))
  const meaningful = chosen.filter((i) => i.mostMeaningful).length
  const full = chosen.length >= ERAS_EXPERIENCES_MAX

  const update = (id: string, change: Partial<Item>) => {
    setSaved(null)
    setItems((list) => (list ?? []).map((i) => (i.entry.experience.id === id ? { ...i, ...change } : i)))
  }
  const move = (id: string, by: -1 | 1) => {
    setChosenIds((ids) => {
      const at = ids.indexOf(id)
      const to = at + by
      if (at < 0 || to < 0 || to >= ids.length) return ids
      const next = [...ids]
      next.splice(at, 1)
      next.splice(to, 0, id)
      return next
    })
    setFocusId(fieldId(id, by < 0 ? 'up' : 'down'))
  }
  const leaveOut = (id: string) => {
    setChosenIds((ids) => ids.filter((x) => x !== id))
    setFocusId(fieldId(id, 'add'))
  }
  const add = (id: string) => {
    setChosenIds((ids) => (ids.length >= ERAS_EXPERIENCES_MAX ? ids : [...ids, id]))
    setFocusId(fieldId(id, 'out'))
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(null)
    const input = {
      entries: chosen.map((i) => ({
        experienceId: i.entry.experience.id,
        erasType: i.erasType,
        description: i.description,
        mostMeaningful: i.mostMeaningful,
        reflection: i.mostMeaningful ? i.reflection : '',
      })),
    }
    const checked = ErasDraftInput.safeParse(input, { error: (issue) => friendlyIssue(issue) })
    if (!checked.success) {
      const fields: Record<string, string> = {}
      for (const issue of checked.error.issues) fields[issue.path.map(String).join('.')] ??= issue.message
      setErrors(errorsByExperience(fields, chosen))
      setFocusId('eras-problems')
      return
    }
    try {
      setSaved(await save.mutateAsync(input))
      setErrors({ byField: {}, general: [] })
      setFocusId('eras-saved')
    } catch (cause) {
      setErrors(cause instanceof AppError && cause.fields ? errorsByExperience(cause.fields, chosen) : { byField: {}, general: [errorMessage(cause)] })
      setFocusId('eras-problems')
    }
  }

  const problemCount = errors.general.length + Object.keys(errors.byField).length
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <p>
          <Link to="/experiences">My experience record</Link>
        </p>
        <h1 tabIndex={-1}>Draft my ERAS experiences</h1>
        <p className="lead">
          ERAS takes up to {ERAS_EXPERIENCES_MAX} experiences, each described in at most 750 characters, and up to {ERAS_MOST_MEANINGFUL_MAX} of them marked
          most meaningful with a reflection of at most 300 ({ERAS_EXPERIENCES_SOURCE}). This draft starts from your record, in your own words: the ten with the
          most hours are chosen first. Choose, order and edit them, then save them to your Materials to revise and share for review.
        </p>
      </div>

      {all.length === 0 ? (
        <p className="empty-state">
          Your record is empty, so there is nothing to draft yet. <Link to="/experiences">Add an experience</Link> first.
        </p>
      ) : (
        <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
          {problemCount > 0 ? (
            <div id="eras-problems" tabIndex={-1} className="notice notice-error" role="alert">
              <p>
                <strong>{problemCount === 1 ? 'One thing needs' : `${problemCount} things need`} fixing before saving; nothing was saved.</strong>
              </p>
              {errors.general.map((message) => (
                <p key={message}>{message}</p>
              ))}
              {Object.keys(errors.byField).length > 0 ? <p>Each one is shown at its experience below.</p> : null}
            </div>
          ) : null}

          <section aria-labelledby="eras-chosen">
            <h2 id="eras-chosen">
              Chosen: {chosen.length} of {ERAS_EXPERIENCES_MAX}
            </h2>
            {chosen.length === 0 ? <p className="empty-state">None chosen. Add experiences from the list below.</p> : null}
            <ol className="opportunity-list">
              {chosen.map((item, index) => (
                <ChosenExperience
                  key={item.entry.experience.id}
                  item={item}
                  position={index + 1}
                  count={chosen.length}
                  meaningfulFull={meaningful >= ERAS_MOST_MEANINGFUL_MAX}
                  errors={errors.byField}
                  onChange={(change) => update(item.entry.experience.id, change)}
                  onMove={(by) => move(item.entry.experience.id, by)}
                  onLeaveOut={() => leaveOut(item.entry.experience.id)}
                />
              ))}
            </ol>
          </section>

          {others.length > 0 ? (
            <section aria-labelledby="eras-others">
              <h2 id="eras-others">Not chosen ({others.length})</h2>
              {full ? <p className="field-hint">Ten are chosen, as many as ERAS takes: leave one out to add another.</p> : null}
              <ul className="opportunity-list">
                {others.map((item) => (
                  <li key={item.entry.experience.id} className="card opportunity-card">
                    <h3>{item.entry.experience.title}</h3>
                    <Facts entry={item.entry} />
                    <p className="button-row">
                      <button
                        id={fieldId(item.entry.experience.id, 'add')}
                        type="button"
                        className="button button-secondary button-small"
                        disabled={full}
                        onClick={() => add(item.entry.experience.id)}
                      >
                        Add<span className="visually-hidden"> {item.entry.experience.title}</span> to the draft
                      </button>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {saved ? (
            <div id="eras-saved" tabIndex={-1} className="notice notice-success" role="status">
              <p>
                <strong>
                  Saved to your Materials: {savedSummary(saved)}. <Link to="/materials">Open my materials</Link> to revise them or ask for a review.
                </strong>
              </p>
            </div>
          ) : null}
          <div className="button-row">
            <button type="submit" className="button" disabled={save.isPending || chosen.length === 0}>
              {save.isPending ? 'Saving…' : `Save ${chosen.length === 1 ? 'this experience' : `these ${chosen.length} experiences`} to my materials`}
            </button>
          </div>
          <p className="field-hint">
            Each experience becomes a document of its own (its description, counted against 750); saving again adds a new version to each one whose text
            changed.
          </p>
        </form>
      )}
    </div>
  )
}

function savedSummary(saved: ErasDraftSaved): string {
  const written = saved.documents.filter((d) => d.changed).length
  const same = saved.documents.length - written
  const parts = [`${written} ${written === 1 ? 'document' : 'documents'} written`]
  if (same > 0) parts.push(`${same} unchanged since the last save`)
  return parts.join(', ')
}

function Facts({ entry }: { entry: ErasDraftEntry }) {
  const e = entry.experience
  const facts = [e.organization, datesLabel(e), e.hours !== null ? `${n(e.hours)} hours` : 'hours not recorded']
  return (
    <p className="opportunity-meta">
      {facts.filter(Boolean).join(' · ')}
      {e.confirmedBy ? ` · confirmed by ${e.confirmedBy}` : ''}
    </p>
  )
}

type ChosenProps = {
  item: Item
  position: number
  count: number
  meaningfulFull: boolean
  errors: Record<string, string>
  onChange: (change: Partial<Item>) => void
  onMove: (by: -1 | 1) => void
  onLeaveOut: () => void
}

function ChosenExperience({ item, position, count, meaningfulFull, errors, onChange, onMove, onLeaveOut }: ChosenProps) {
  const { entry } = item
  const e = entry.experience
  const id = (field: string) => fieldId(e.id, field)
  const edited = item.description !== entry.description
  return (
    <li className="card opportunity-card eras-draft-entry" aria-labelledby={id('title')}>
      <h3 id={id('title')}>
        <span className="visually-hidden">Experience </span>
        {position}. {e.title}
      </h3>
      <Facts entry={entry} />
      <SelectField
        id={id('erasType')}
        label="ERAS experience type"
        options={ERAS_EXPERIENCE_TYPES.map((t) => ({ value: t, label: ERAS_EXPERIENCE_TYPE_LABELS[t] }))}
        value={item.erasType}
        onChange={(event) => onChange({ erasType: event.currentTarget.value as ErasExperienceType })}
        error={errors[id('erasType')]}
      />
      {entry.shortenedFrom !== null && !edited ? (
        <Notice tone="warning">
          Your record describes this in {n(entry.shortenedFrom)} characters, more than ERAS’s 750, so the draft is cut at the last whole word that fits and ends
          with “…”. Rewrite the end in your own words.
        </Notice>
      ) : null}
      {entry.fromTitleOnly && !edited ? (
        <Notice tone="info">Your record has no description of this experience, so the draft holds only its title: write what you did.</Notice>
      ) : null}
      <TextAreaField
        id={id('description')}
        label="Description"
        rows={6}
        value={item.description}
        onChange={(event) => onChange({ description: event.currentTarget.value })}
        error={errors[id('description')]}
        aria-describedby={`${id('description-count')}${errors[id('description')] ? ` ${id('description')}-error` : ''}`}
      />
      <CharacterCount id={id('description-count')} text={item.description} kind="eras-experience" />
      {e.outputs.length > 0 ? (
        <div>
          <h4>What came of it</h4>
          <p className="field-hint">ERAS lists these in its own Publications section, where you link each to this experience.</p>
          <ul>
            {e.outputs.map((o) => (
              <li key={o.id}>
                {RESEARCH_OUTPUT_KIND_LABELS[o.kind]}: {o.citation}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Checkbox
        id={id('mostMeaningful')}
        label="One of my most meaningful experiences"
        hint={meaningfulFull && !item.mostMeaningful ? `${ERAS_MOST_MEANINGFUL_MAX} are marked already, as many as ERAS takes.` : undefined}
        checked={item.mostMeaningful}
        disabled={meaningfulFull && !item.mostMeaningful}
        onChange={(event) => onChange({ mostMeaningful: event.currentTarget.checked })}
        error={errors[id('mostMeaningful')]}
      />
      {item.mostMeaningful ? (
        <>
          <TextAreaField
            id={id('reflection')}
            label="Why it was most meaningful (your reflection)"
            hint="Your record has no reflection to draft from: these words are yours. Left empty, nothing is saved for it."
            rows={3}
            value={item.reflection}
            onChange={(event) => onChange({ reflection: event.currentTarget.value })}
            error={errors[id('reflection')]}
          />
          <CharacterCount id={id('reflection-count')} text={item.reflection} kind="meaningful-experience" />
        </>
      ) : null}
      <div className="button-row">
        <button id={id('up')} type="button" className="button button-secondary button-small" disabled={position === 1} onClick={() => onMove(-1)}>
          Move up<span className="visually-hidden"> {e.title}</span>
        </button>
        <button id={id('down')} type="button" className="button button-secondary button-small" disabled={position === count} onClick={() => onMove(1)}>
          Move down<span className="visually-hidden"> {e.title}</span>
        </button>
        <button id={id('out')} type="button" className="button button-secondary button-small" onClick={onLeaveOut}>
          Leave out<span className="visually-hidden"> {e.title}</span>
        </button>
      </div>
    </li>
  )
}
