import { useQueries, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { MyStudentsResponse } from '#shared/contracts/advising.ts'
import type { MentorshipView } from '#shared/contracts/mentorships.ts'
import type { AdvisedRankListsResponse } from '#shared/contracts/rank-lists.ts'
import type { Role } from '#shared/enums.ts'
import { useAdminSummary } from '../../api/admin.ts'
import { api } from '../../api/client.ts'
import { useMyLetters, useWritingLetters } from '../../api/letters.ts'
import { mentorshipKeys, useMyMentorshipRequests, useMyMentorships } from '../../api/mentorships.ts'
import { LiveStatus, Loading } from '../../components/feedback.tsx'
import { formatDateTime, formatMoment, plural } from '../../components/format.ts'
import { AgreementCard } from '../advising/agreement-card.tsx'
import { advisingKeys, useMyAgreementRequests, useMyBoard } from '../advising/advising-api.ts'
import { formatDueDate, isOpenStatus } from '../letters/letter-format.ts'
import { isOpenRequest, nextMeeting } from '../mentorships/mentorship-format.ts'
import { RequestCard } from '../mentorships/request-card.tsx'
import { usePosted } from '../opportunities/api.ts'
import { rankListKeys } from '../rank-lists/rank-lists-api.ts'
import {
  agreementNeed,
  applicationsToAnswerNeed,
  boardNeed,
  byUrgency,
  gapNeed,
  letterToWriteNeed,
  meetingNeed,
  primaryAnswerId,
  requestNeed,
  studentsMissingSlotsNeed,
  waitingOnOthersNeed,
  type NeedItem,
} from './needs-you-now.ts'

/** At most this many mentorships are opened to find their next meeting. */
const MEETING_LOOKUPS = 8

/**
 * The data behind "Needs you now", composed from the APIs each area already serves to its own
 * pages (and caches for them), each asked only for the roles that use it.
 */
function useNeeds(roles: readonly Role[], personId: string) {
  const is = (role: Role) => roles.includes(role)
  const mentoring = is('student') || is('mentor')
  const requests = useMyMentorshipRequests(mentoring)
  const mentorships = useMyMentorships(mentoring)
  const writing = useWritingLetters(is('mentor'))
  const letters = useMyLetters(is('student'))
  const board = useMyBoard(is('student'))
  const myStudents = useQuery({
    queryKey: advisingKeys.myStudents('', ''),
    queryFn: ({ signal }) => api<MyStudentsResponse>('/api/advising/students', { query: { missing: '', classYear: '' }, signal }),
    enabled: is('advisor'),
  })
  const advised = useQuery({
    queryKey: rankListKeys.advised,
    queryFn: ({ signal }) => api<AdvisedRankListsResponse>('/api/rank-lists/students', { signal }),
    enabled: is('advisor'),
  })
  const admin = useAdminSummary(is('admin'))
  const agreements = useMyAgreementRequests(is('mentor') || is('advisor') || is('admin'))
  // Mentors, advisors and admins may post opportunities (the same roles the server allows).
  const posted = usePosted(is('mentor') || is('advisor') || is('admin'))

  const active = mentorships.data
    ? [...mentorships.data.asStudent, ...mentorships.data.asMentor].filter((m) => m.status === 'active').slice(0, MEETING_LOOKUPS)
    : []
  const details = useQueries({
    queries: active.map((m) => ({
      queryKey: mentorshipKeys.one(m.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api<MentorshipView>(`/api/mentorships/${encodeURIComponent(m.id)}`, { signal }),
    })),
  })

  const now = Date.now()
  const items: NeedItem[] = []
  for (const request of requests.data?.received ?? []) {
    if (!isOpenRequest(request)) continue
    items.push(requestNeed(request, request.mentor.id === personId, now))
  }
  for (const agreement of agreements.data?.items ?? []) items.push(agreementNeed(agreement))
  for (const asked of agreements.data?.waitingOnOthers ?? []) items.push(waitingOnOthersNeed(asked, is('advisor'), formatDay))
  for (const detail of details) {
    const m = detail.data
    if (!m) continue
    const meeting = nextMeeting(m.meetings, now)
    if (meeting) items.push(meetingNeed(meeting, m.mentor.id === personId ? m.student.name : m.mentor.name, now))
  }
  for (const letter of writing.data?.items ?? []) {
    if (isOpenStatus(letter.status)) items.push(letterToWriteNeed(letter, now))
  }
  if (letters.data) {
    for (const id of letters.data.late) {
      const letter = letters.data.items.find((item) => item.id === id)
      if (!letter) continue
      items.push({
        id: `late-${id}`,
        urgency: 0,
        at: letter.dueDate,
        title: `Your letter from ${letter.writer.name} is late`,
        detail: 'Send a reminder, or ask someone else.',
        action: { to: `/letters/${encodeURIComponent(id)}`, label: 'Open the letter request' },
      })
    }
  }
  const applications = posted.data ? applicationsToAnswerNeed(posted.data.opportunities) : null
  if (applications) items.push(applications)
  const boardGap = board.data ? boardNeed(board.data.slots) : null
  if (boardGap) items.push(boardGap)
  if (myStudents.data) {
    const missing = myStudents.data.items.filter((row) => row.emptySlots.length > 0).length
    const need = studentsMissingSlotsNeed(missing, myStudents.data.total)
    if (need) items.push(need)
  }
  if (advised.data) {
    const waiting = advised.data.items.filter((row) => row.reviewStatus === 'submitted' || row.reviewStatus === 'changed-since-sign-off').length
    if (waiting > 0) {
      items.push(
        gapNeed('rank-lists', `${plural(waiting, 'rank order list', 'rank order lists')} to review`, 'Submitted or changed since you signed off.', {
          to: '/residency/rank-lists',
          label: 'Review rank lists',
        }),
      )
    }
  }
  if (admin.data) {
    if (admin.data.outboxPending > 0) {
      items.push(
        gapNeed('outbox', `${plural(admin.data.outboxPending, 'e-mail', 'e-mails')} waiting in the outbox`, 'Not yet sent.', {
          to: '/admin/outbox',
          label: 'Read the outbox',
        }),
      )
    }
    if (admin.data.people.invited > 0) {
      items.push(
        gapNeed('invited', `${plural(admin.data.people.invited, 'invitation', 'invitations')} not yet accepted`, 'Resend or withdraw them.', {
          to: '/admin/people?status=invited',
          label: 'See invitations',
        }),
      )
    }
  }
  const queries = [requests, mentorships, writing, letters, board, myStudents, advised, admin, agreements, posted]
  const loading = queries.some((q) => q.isLoading) || details.some((q) => q.isLoading)
  const failed = queries.some((q) => q.isError)
  return { items: byUrgency(items), loading, failed }
}

/** "Dec 5": the day a request was made, in the viewer's zone. */
const formatDay = (iso: string) => formatMoment(iso, { month: 'short', day: 'numeric' })

function whenText(item: NeedItem): string | null {
  if (!item.at) return null
  return item.at.length === 10 ? `Due ${formatDueDate(item.at)}` : formatDateTime(item.at)
}

/** The top of the home page: what this person should do now, most urgent first. */
export function NeedsYouNow({ roles, personId }: { roles: readonly Role[]; personId: string }) {
  const { items, loading, failed } = useNeeds(roles, personId)
  const [said, say] = useState<string | null>(null)
  // The link of a board agreement e-mail (`/?agreement=<id>`): once that request is answered or
  // withdrawn it is no longer listed, and the page says so rather than leaving the link unexplained.
  const [params] = useSearchParams()
  const primaryId = primaryAnswerId(items)
  const linked = params.get('agreement')
  const linkedGone = linked !== null && !loading && !failed && said === null && !items.some((item) => item.agreement?.assignmentId === linked)
  return (
    <section className="card card-priority needs-now" aria-labelledby="needs-now-title">
      <h2 id="needs-now-title">Needs you now</h2>
      <LiveStatus message={said} />
      {loading ? <Loading label="Looking for what needs you…" /> : null}
      {linkedGone ? (
        <p className="notice">The advising-board request in your e-mail is no longer waiting: it was answered already, or withdrawn. Nothing more to do.</p>
      ) : null}
      {!loading && items.length === 0 ? (
        <p className="needs-now-clear">
          {failed ? 'Part of this list could not load. Reload the page to try again.' : 'Nothing is waiting for you. You’re up to date.'}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ol className="needs-list">
          {items.map((item) =>
            item.request ? (
              <li key={item.id} className="needs-item needs-item-request">
                <RequestCard request={item.request} viewerId={personId} say={say} emphasis={item.id === primaryId ? 'primary' : 'secondary'} />
              </li>
            ) : item.agreement ? (
              <li key={item.id} className="needs-item needs-item-request">
                <AgreementCard request={item.agreement} say={say} emphasis={item.id === primaryId ? 'primary' : 'secondary'} />
              </li>
            ) : (
              <li key={item.id} className={`needs-item needs-urgency-${item.urgency}`}>
                <div className="needs-text">
                  <p className="needs-title">{item.title}</p>
                  <p className="needs-detail">
                    {whenText(item) ? <span className="needs-when">{whenText(item)} · </span> : null}
                    {item.detail}
                  </p>
                </div>
                <Link className="button button-secondary button-small" to={item.action.to}>
                  {item.action.label}
                </Link>
              </li>
            ),
          )}
        </ol>
      ) : null}
    </section>
  )
}
