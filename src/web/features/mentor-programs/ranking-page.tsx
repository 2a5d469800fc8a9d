import { useEffect, useRef, useState } from 'react'
import { Link, useParams } from 'react-router'
import { MENTOR_KIND_LABELS } from '#shared/enums.ts'
import type { StudentRankingView } from '#shared/contracts/mentor-programs.ts'
import { errorMessage } from '../../api/client.ts'
import { LiveStatus } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { PageError, PageLoading } from '../../components/status-pages.tsx'
import { useMyRanking, useSaveRanking, useSetContinuation } from './api.ts'
import { formatDay } from './program-format.ts'
import './mentor-programs.css'

type Mentor = StudentRankingView['mentors'][number]
type FocusTarget = { id: string; action: 'up' | 'down' | 'remove' | 'add' }

const describe = (m: Mentor) => [m.kind ? MENTOR_KIND_LABELS[m.kind] : null, m.specialtyName, m.clinicalSite || null].filter(Boolean).join(' · ')

/**
 * A student ranks a program's mentors. Buttons, not drag and drop, so the order is set the same
 * way with a keyboard, a screen reader or a thumb; focus follows the mentor that moved.
 */
export function MentorRankingPage() {
  const { mentorProgramId = '' } = useParams()
  const view = useMyRanking(mentorProgramId)
  const save = useSaveRanking(mentorProgramId)
  const keep = useSetContinuation(mentorProgramId)
  const [order, setOrder] = useState<string[] | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [focus, setFocus] = useState<FocusTarget | null>(null)
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  usePageTitle(view.data ? `Rank mentors: ${view.data.program.name}` : 'Rank mentors')

  useEffect(() => {
    if (view.data && order === null) setOrder(view.data.ranking)
  }, [view.data, order])

  useEffect(() => {
    if (!focus) return
    buttons.current.get(`${focus.id}:${focus.action}`)?.focus()
    setFocus(null)
  }, [focus])

  if (view.isPending) return <PageLoading title="Rank your mentors" />
  if (view.isError) {
    return (
      <PageError
        title="Rank your mentors"
        error={view.error}
        onRetry={() => void view.refetch()}
        back={{ to: '/programs', label: 'Go to my mentor programs' }}
      />
    )
  }
  const data = view.data
  const ranking = order ?? data.ranking
  const byId = new Map(data.mentors.map((m) => [m.id, m]))
  const unranked = data.mentors.filter((m) => !ranking.includes(m.id))
  const dirty = JSON.stringify(ranking) !== JSON.stringify(data.ranking)
  const register = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el)
    else buttons.current.delete(key)
  }
  const name = (id: string) => byId.get(id)?.name ?? 'Mentor'

  const move = (index: number, by: -1 | 1) => {
    const target = index + by
    const id = ranking[index]
    const other = ranking[target]
    if (id === undefined || other === undefined) return
    const next = [...ranking]
    next[index] = other
    next[target] = id
    setOrder(next)
    setSaved(null)
    setAnnouncement(`${name(id)} moved to choice ${target + 1} of ${next.length}.`)
    const edge = (by === -1 && target === 0) || (by === 1 && target === next.length - 1)
    setFocus({ id, action: edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down' })
  }
  const remove = (index: number) => {
    const id = ranking[index]
    if (id === undefined) return
    const next = ranking.filter((_, i) => i !== index)
    setOrder(next)
    setSaved(null)
    setAnnouncement(`${name(id)} taken off your list.`)
    const neighbour = next[index] ?? next[index - 1]
    if (neighbour) setFocus({ id: neighbour, action: 'remove' })
  }
  const add = (id: string) => {
    const next = [...ranking, id]
    setOrder(next)
    setSaved(null)
    setAnnouncement(`${name(id)} added as choice ${next.length}.`)
    const after = unranked.find((m) => m.id !== id && unranked.indexOf(m) > unranked.findIndex((x) => x.id === id)) ?? unranked.find((m) => m.id !== id)
    setFocus(after ? { id: after.id, action: 'add' } : { id, action: 'remove' })
  }
  const onSave = async () => {
    setError(null)
    try {
      await save.mutateAsync({ mentorIds: ranking })
      setSaved(`Your order is saved: ${ranking.length} mentor${ranking.length === 1 ? '' : 's'}. You can change it until ranking closes.`)
    } catch (cause) {
      setError(errorMessage(cause))
    }
  }

  const p = data.program
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/programs" className="back-link">
          ← My programs
        </Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>Rank your mentors</h1>
        <p className="lead">
          {p.name}. Put the mentors you would most like first. Your first choices count most: you get the highest one on your list who has a seat for you.
          {p.rankingDeadline ? ` Ranking closes at the end of ${formatDay(p.rankingDeadline)}.` : ''}
        </p>
        {p.description ? <p className="prose">{p.description}</p> : null}
      </div>

      {data.pairedWith ? (
        <div className="notice notice-success">
          <p>
            You are paired with <strong>{data.pairedWith.name}</strong>.{' '}
            {data.pairedWith.mentorshipId ? <Link to={`/mentorships/${data.pairedWith.mentorshipId}`}>Open your mentorship</Link> : null}
          </p>
        </div>
      ) : null}
      {!data.canEdit && !data.pairedWith ? (
        <p className="notice">{p.status === 'draft' ? 'Ranking has not opened yet.' : 'Ranking is closed; your order below is what was used.'}</p>
      ) : null}

      {data.previous ? (
        <section className="program-section card" aria-labelledby="keep-title">
          <h2 id="keep-title">Keep your mentor from last time?</h2>
          <p>
            You were paired with <strong>{data.previous.mentor.name}</strong>. If you both ask, you stay together and need not rank.{' '}
            {data.previous.mentorOpted ? `${data.previous.mentor.name} has asked to keep you.` : `${data.previous.mentor.name} has not asked yet.`}
          </p>
          <div className="button-row">
            <button
              type="button"
              className={data.previous.studentOpted ? 'button button-secondary' : 'button'}
              disabled={keep.isPending || !data.canEdit}
              aria-pressed={data.previous.studentOpted}
              onClick={() =>
                void keep
                  .mutateAsync({ partnerId: data.previous?.mentor.id ?? '', keep: !data.previous?.studentOpted })
                  .catch((cause: unknown) => setError(errorMessage(cause)))
              }
            >
              {data.previous.studentOpted ? `You asked to keep ${data.previous.mentor.name} — withdraw` : `Ask to keep ${data.previous.mentor.name}`}
            </button>
          </div>
        </section>
      ) : null}

      <LiveStatus message={saved} />
      {error ? (
        <div role="alert" className="notice notice-error">
          <p>{error}</p>
        </div>
      ) : null}

      <section className="program-section" aria-labelledby="order-title">
        <h2 id="order-title">Your order</h2>
        {ranking.length === 0 ? <p className="empty">No mentor on your list yet. Add them from the list below, the one you want most first.</p> : null}
        <ol className="rank-list">
          {ranking.map((id, index) => {
            const m = byId.get(id)
            if (!m) return null
            return (
              <li key={id} className="rank-item">
                <span className="rank-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="rank-name">
                  {m.name}
                  <span className="pair-note">{describe(m)}</span>
                </span>
                {data.canEdit ? (
                  <span className="rank-actions">
                    <button
                      ref={register(`${id}:up`)}
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={`Move up: ${m.name}`}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      <span aria-hidden="true">↑</span> Up
                    </button>
                    <button
                      ref={register(`${id}:down`)}
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={`Move down: ${m.name}`}
                      disabled={index === ranking.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <span aria-hidden="true">↓</span> Down
                    </button>
                    <button
                      ref={register(`${id}:remove`)}
                      type="button"
                      className="button button-ghost button-small"
                      aria-label={`Remove: ${m.name}`}
                      onClick={() => remove(index)}
                    >
                      Remove
                    </button>
                  </span>
                ) : null}
                {m.reasons.length > 0 ? <p className="rank-reasons">{m.reasons.join(' · ')}</p> : null}
              </li>
            )
          })}
        </ol>
        {data.canEdit ? (
          <div className="button-row">
            <button type="button" className="button" disabled={save.isPending || !dirty} onClick={() => void onSave()}>
              {save.isPending ? 'Saving…' : dirty ? 'Save my order' : 'Order saved'}
            </button>
          </div>
        ) : null}
      </section>

      {data.canEdit && unranked.length > 0 ? (
        <section className="program-section" aria-labelledby="more-title">
          <h2 id="more-title">Mentors not on your list</h2>
          <p className="muted">Best fit for you first, with why. A mentor you leave off will not be paired with you.</p>
          <ul className="rank-list">
            {unranked.map((m) => (
              <li key={m.id} className="rank-item">
                <span className="rank-name">
                  {m.name}
                  <span className="pair-note">{describe(m)}</span>
                </span>
                <span className="rank-actions">
                  <button
                    ref={register(`${m.id}:add`)}
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={`Add to my list: ${m.name}`}
                    onClick={() => add(m.id)}
                  >
                    Add
                  </button>
                </span>
                {m.reasons.length > 0 ? <p className="rank-reasons">{m.reasons.join(' · ')}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  )
}
