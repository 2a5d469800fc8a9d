import { useEffect, useRef, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useQueries, useQueryClient } from '@tanstack/react-query'
import type { MentorshipView, MyMentorshipsResponse } from '#shared/contracts/mentorships.ts'
import { api } from '../../api/client.ts'
import { useSession } from '../../api/identity.ts'
import { MENTORING_HOURS_CSV_URL, mentorshipKeys, useMyMentorshipRequests, useMyMentorships } from '../../api/mentorships.ts'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { formatDateTime } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { hasRole } from '../identity/roles.ts'
import { formatMeetingWhen, isOpenRequest, KIND_SHORT, nextMeeting } from './mentorship-format.ts'
import { UnreadBadge } from '../messages/unread-badge.tsx'
import { RequestCard } from './request-card.tsx'

type Summary = MyMentorshipsResponse['asStudent'][number]

function MentorshipRow({ mentorship, viewerId, detail }: { mentorship: Summary; viewerId: string; detail: MentorshipView | undefined }) {
  const viewerIsMentor = mentorship.mentor.id === viewerId
  const other = viewerIsMentor ? mentorship.student : mentorship.mentor
  const next = detail ? nextMeeting(detail.meetings) : undefined
  return (
    <li className="card mentorship-row">
      <h3 className="mentorship-row-title">
        <Link to={`/mentorships/${mentorship.id}`}>{other.name}</Link>
        <UnreadBadge mentorshipId={mentorship.id} />
      </h3>
      <p className="letter-card-sub">
        {viewerIsMentor ? 'Your mentee' : 'Your mentor'} · {KIND_SHORT[mentorship.kind]}
      </p>
      {mentorship.status === 'active' ? (
        <p>
          <strong>Next meeting:</strong>{' '}
          {detail === undefined
            ? 'Loading…'
            : next
              ? `${formatMeetingWhen(next)}${next.status === 'proposed' ? ' (proposed, not confirmed)' : ''}`
              : 'None booked yet'}
        </p>
      ) : (
        <p>
          Began {formatDateTime(mentorship.startedAt)}, closed {formatDateTime(mentorship.closedAt)}
        </p>
      )}
    </li>
  )
}

export function MyMentorshipsPage() {
  usePageTitle('My mentorships')
  const { data: session } = useSession()
  const viewerId = session?.person.id ?? ''
  const isMentor = hasRole(session, 'mentor')
  const requests = useMyMentorshipRequests()
  const mentorships = useMyMentorships()
  const queryClient = useQueryClient()
  const [announcement, setAnnouncement] = useState<string | null>(null)
  const marked = useRef(new Set<string>())

  const all = mentorships.data ? [...mentorships.data.asStudent, ...mentorships.data.asMentor] : []
  const active = all.filter((m) => m.status === 'active').sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))
  const closed = all.filter((m) => m.status === 'closed').sort((a, b) => Date.parse(b.closedAt ?? '') - Date.parse(a.closedAt ?? ''))
  const details = useQueries({
    queries: active.map((m) => ({
      queryKey: mentorshipKeys.one(m.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api<MentorshipView>(`/api/mentorships/${encodeURIComponent(m.id)}`, { signal }),
    })),
  })

  const received = requests.data?.received ?? []
  const sent = requests.data?.sent ?? []
  const waiting = received.filter(isOpenRequest)
  const sentOpen = sent.filter(isOpenRequest)
  const past = [...received, ...sent]
    .filter((r) => !isOpenRequest(r) && r.status !== 'accepted')
    .sort((a, b) => Date.parse(b.statusChangedAt) - Date.parse(a.statusChangedAt))

  // Opening a request marks it seen for the person who asked (a read receipt): shown here is opened.
  useEffect(() => {
    const unseen = waiting.filter((r) => r.status === 'requested' && !marked.current.has(r.id))
    if (unseen.length === 0) return
    for (const r of unseen) marked.current.add(r.id)
    void Promise.allSettled(unseen.map((r) => api(`/api/mentorship-requests/${encodeURIComponent(r.id)}`))).then(() =>
      queryClient.invalidateQueries({ queryKey: mentorshipKeys.requests }),
    )
  }, [waiting, queryClient])

  // An e-mail about one request links here with ?request=<id>: bring that card into view once.
  const [searchParams] = useSearchParams()
  const linkedRequest = searchParams.get('request')
  const shownLinked = useRef(false)
  const navigate = useNavigate()
  useEffect(() => {
    if (!linkedRequest || shownLinked.current || !requests.data) return
    // Accepted since the e-mail was written: the mentorship it became is the page to open.
    const accepted = [...requests.data.received, ...requests.data.sent].find((r) => r.id === linkedRequest && r.mentorshipId)
    if (accepted?.mentorshipId) {
      shownLinked.current = true
      void navigate(`/mentorships/${accepted.mentorshipId}`, { replace: true })
      return
    }
    const card = document.getElementById(`request-card-${linkedRequest}`)
    if (!card) return
    shownLinked.current = true
    card.scrollIntoView({ block: 'start' })
    card.focus({ preventScroll: true })
  }, [linkedRequest, requests.data, navigate])

  const pending = requests.isPending || mentorships.isPending
  const nothing = !pending && requests.data && mentorships.data && all.length === 0 && received.length === 0 && sent.length === 0

  return (
    <div className="page">
      <div className="page-header page-header-actions">
        <div>
          <h1 tabIndex={-1}>My mentorships</h1>
          <p className="lead">Requests you sent and received, the mentorships you are in, and the ones that ended.</p>
        </div>
        {isMentor ? (
          <Link className="button button-secondary" to="/mentorships/availability">
            Set my availability
          </Link>
        ) : null}
      </div>
      {isMentor ? (
        <p className="hours-download">
          <a href={MENTORING_HOURS_CSV_URL} download="mentoring-hours.csv">
            Download my mentoring hours (CSV)
          </a>{' '}
          <span className="field-hint">for a teaching portfolio: one row per meeting, with its length in minutes and hours.</span>
        </p>
      ) : null}
      <LiveStatus message={announcement} />
      {pending ? <Loading label="Loading your mentorships…" /> : null}
      {requests.isError ? <QueryError error={requests.error} onRetry={() => void requests.refetch()} /> : null}
      {mentorships.isError ? <QueryError error={mentorships.error} onRetry={() => void mentorships.refetch()} /> : null}
      {nothing ? (
        <div className="empty-state">
          <p>No mentorships or requests yet.</p>
          {hasRole(session, 'student') ? (
            <p>
              <Link className="button" to="/mentors">
                Find a mentor
              </Link>
            </p>
          ) : (
            <p>Students who ask you appear here. Make sure your mentor profile says you are accepting new mentees.</p>
          )}
        </div>
      ) : null}

      {waiting.length > 0 ? (
        <section className="letters-column" aria-labelledby="mentorships-waiting">
          <h2 id="mentorships-waiting">
            Waiting for your answer <span className="count">({waiting.length})</span>
          </h2>
          <div className="letter-cards">
            {waiting.map((r, index) => (
              <RequestCard key={r.id} request={r} viewerId={viewerId} say={setAnnouncement} emphasis={index === 0 ? 'primary' : 'secondary'} />
            ))}
          </div>
        </section>
      ) : null}

      {sentOpen.length > 0 ? (
        <section className="letters-column" aria-labelledby="mentorships-sent">
          <h2 id="mentorships-sent">
            Requests you sent{' '}
            <span className="count">
              ({sentOpen.length}
              {requests.data ? ` of ${requests.data.maxOpenRequests} allowed at once` : ''})
            </span>
          </h2>
          <div className="letter-cards">
            {sentOpen.map((r) => (
              <RequestCard key={r.id} request={r} viewerId={viewerId} say={setAnnouncement} />
            ))}
          </div>
        </section>
      ) : null}

      {mentorships.data && (active.length > 0 || all.length > 0) ? (
        <section className="letters-column" aria-labelledby="mentorships-active">
          <h2 id="mentorships-active">
            Active mentorships <span className="count">({active.length})</span>
          </h2>
          {active.length === 0 ? (
            <p className="empty">None right now.</p>
          ) : (
            <ul className="mentorship-list">
              {active.map((m, index) => (
                <MentorshipRow key={m.id} mentorship={m} viewerId={viewerId} detail={details[index]?.data} />
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {past.length > 0 ? (
        <section className="letters-column" aria-labelledby="mentorships-past-requests">
          <h2 id="mentorships-past-requests">
            Declined, withdrawn or expired requests <span className="count">({past.length})</span>
          </h2>
          <div className="letter-cards">
            {past.map((r) => (
              <RequestCard key={r.id} request={r} viewerId={viewerId} say={setAnnouncement} />
            ))}
          </div>
        </section>
      ) : null}

      {closed.length > 0 ? (
        <section className="letters-column" aria-labelledby="mentorships-closed">
          <h2 id="mentorships-closed">
            Closed mentorships <span className="count">({closed.length})</span>
          </h2>
          <ul className="mentorship-list">
            {closed.map((m) => (
              <MentorshipRow key={m.id} mentorship={m} viewerId={viewerId} detail={undefined} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
