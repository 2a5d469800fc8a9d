import type { AgreementAsked, AgreementRequest, BoardSlot } from '#shared/contracts/advising.ts'
import type { MentorshipRequestView, MeetingView } from '#shared/contracts/mentorships.ts'
import type { PostedOpportunityList } from '#shared/contracts/opportunities.ts'
import { MS_PER_DAY } from '#shared/time.ts'

/**
 * What needs a person now, across their roles, in the order they should act: things that are
 * late or close first, then things with a date, then standing gaps (an empty board slot, rank
 * lists waiting). Each item links where it is done; a mentor's waiting request carries the
 * request itself so it can be answered on the card.
 */
export type NeedItem = {
  id: string
  /** 0 late or today, 1 within a week, 2 has a later date, 3 no date: a standing gap. */
  urgency: 0 | 1 | 2 | 3
  /** The deadline or start, when there is one; ties within an urgency sort by it. */
  at: string | null
  title: string
  detail: string
  action: { to: string; label: string }
  request?: MentorshipRequestView
  /** A slot of a student's board this person was asked to take on: agreed or declined on the card. */
  agreement?: AgreementRequest
}

/** How urgent a dated item is on this clock. */
export function urgencyOf(at: string, now: number): 0 | 1 | 2 {
  const left = Date.parse(at) - now
  if (left < MS_PER_DAY) return 0
  if (left < 7 * MS_PER_DAY) return 1
  return 2
}

/** Most urgent first; among equals, the earlier date first, then undated items by their order. */
export function byUrgency(items: readonly NeedItem[]): NeedItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      if (a.item.urgency !== b.item.urgency) return a.item.urgency - b.item.urgency
      const at = (a.item.at ? Date.parse(a.item.at) : Number.POSITIVE_INFINITY) - (b.item.at ? Date.parse(b.item.at) : Number.POSITIVE_INFINITY)
      return Number.isNaN(at) || at === 0 ? a.index - b.index : at
    })
    .map(({ item }) => item)
}

/** A request someone sent this person that is still open: answer before it closes. */
export function requestNeed(request: MentorshipRequestView, asMentor: boolean, now: number): NeedItem {
  const from = asMentor ? request.student.name : request.mentor.name
  return {
    id: `request-${request.id}`,
    urgency: urgencyOf(request.expiresAt, now),
    at: request.expiresAt,
    title: asMentor ? `${from} asked you to be their mentor` : `${from} offered to mentor you`,
    detail: 'Answer before the request closes.',
    action: { to: '/mentorships', label: 'See all requests' },
    request,
  }
}

/** The next meeting of a mentorship, when it is still ahead. */
export function meetingNeed(meeting: MeetingView, withName: string, now: number): NeedItem {
  return {
    id: `meeting-${meeting.id}`,
    urgency: urgencyOf(meeting.startAt, now),
    at: meeting.startAt,
    title: meeting.status === 'proposed' ? `Meeting with ${withName} to confirm` : `Meeting with ${withName}`,
    detail: meeting.status === 'proposed' ? 'Proposed: confirm or suggest another time.' : 'Confirmed.',
    action: { to: `/mentorships/${encodeURIComponent(meeting.mentorshipId)}`, label: 'Open the mentorship' },
  }
}

/** A letter this person writes, open and not yet submitted. */
export function letterToWriteNeed(letter: { id: string; dueDate: string; status: string; student: { name: string } }, now: number): NeedItem {
  const answer = letter.status === 'requested'
  return {
    id: `letter-${letter.id}`,
    urgency: urgencyOf(letter.dueDate, now),
    at: letter.dueDate,
    title: answer ? `${letter.student.name} asked you for a letter` : `Letter for ${letter.student.name}`,
    detail: answer ? 'Accept or decline the request.' : 'Upload it before the due date.',
    action: { to: `/letters/${encodeURIComponent(letter.id)}`, label: answer ? 'Answer the request' : 'Open the letter' },
  }
}

/** A standing gap with no date: it waits until someone acts. */
export function gapNeed(id: string, title: string, detail: string, action: NeedItem['action']): NeedItem {
  return { id, urgency: 3, at: null, title, detail, action }
}

/**
 * An advisor's students with empty board slots. "12 of your 55 students", or "All 55 of your
 * students" — never the count twice ("55 students have … · Of your 55 students").
 */
export function studentsMissingSlotsNeed(missing: number, total: number): NeedItem | null {
  if (missing <= 0) return null
  const who =
    missing >= total
      ? total === 1
        ? 'Your one student has'
        : `All ${total} of your students have`
      : `${missing} of your ${total} ${total === 1 ? 'student' : 'students'} ${missing === 1 ? 'has' : 'have'}`
  return gapNeed('students-missing', `${who} empty advising-board slots`, 'A mentor, a near-peer or an advisor is still missing on each of their boards.', {
    to: '/advising/students',
    label: 'See my students',
  })
}

/**
 * Students waiting on the poster of an opportunity: applications received or shortlisted and not
 * yet answered. They wait on it to plan their summer or their research year, so it sits with this
 * week's items. One opportunity links straight to its applicants; several, to the list of them.
 */
export function applicationsToAnswerNeed(posted: PostedOpportunityList['opportunities']): NeedItem | null {
  const waiting = posted
    .map((opportunity) => ({ opportunity, count: (opportunity.applicationCounts.submitted ?? 0) + (opportunity.applicationCounts.shortlisted ?? 0) }))
    .filter(({ count }) => count > 0)
  const first = waiting[0]
  if (!first) return null
  const total = waiting.reduce((sum, { count }) => sum + count, 0)
  const applications = `${total} ${total === 1 ? 'application' : 'applications'}`
  if (waiting.length === 1) {
    return {
      id: 'opportunity-applications',
      urgency: 1,
      at: null,
      title: `${applications} to answer for ${first.opportunity.title}`,
      detail: total === 1 ? 'A student is waiting to hear from you.' : 'Students are waiting to hear from you.',
      action: { to: `/opportunities/${encodeURIComponent(first.opportunity.id)}/applicants`, label: 'Read the applications' },
    }
  }
  return {
    id: 'opportunity-applications',
    urgency: 1,
    at: null,
    title: `${applications} to answer for ${waiting.length} of your opportunities`,
    detail: 'Students are waiting to hear from you.',
    action: { to: '/opportunities/posted', label: 'See your opportunities' },
  }
}

/**
 * An advisor asked this person to fill a slot of a student's board. It has no deadline, but the
 * student waits on it and the board shows it as awaiting agreement: it sits with this week's items.
 */
export function agreementNeed(agreement: AgreementRequest): NeedItem {
  return {
    id: `agreement-${agreement.assignmentId}`,
    urgency: 1,
    at: null,
    title: `Be ${agreement.student.name}’s ${agreement.slotLabel}?`,
    detail: `${agreement.askedBy?.name ?? 'The Office of Student Affairs'} asked you. Agree or decline.`,
    action: { to: '/', label: 'Answer' },
    agreement,
  }
}

/**
 * A board request this advisor or admin made that still waits for the other person. No deadline
 * either; once the one reminder went unanswered it says so, as the advisor may want to ask
 * someone else. `day` formats a moment for the page.
 */
export function waitingOnOthersNeed(asked: AgreementAsked, asAdvisor: boolean, day: (iso: string) => string): NeedItem {
  const firstName = asked.student.name.split(/\s+/)[0] ?? asked.student.name
  const since = `Asked ${day(asked.askedAt)} to be ${asked.student.name}’s ${asked.slotLabel}.`
  return {
    id: `asked-${asked.assignmentId}`,
    urgency: 3,
    at: null,
    title: `Waiting for ${asked.person.name} to agree`,
    detail: asked.remindedAt
      ? `${since} No answer since the reminder of ${day(asked.remindedAt)}${asked.lapsesAt ? `; the request lapses on ${day(asked.lapsesAt)}` : ''}: you may want to ask someone else.`
      : since,
    // An admin reads no boards: the Office's page of advisors is where they ask again.
    action: asAdvisor
      ? { to: `/advising/students/${encodeURIComponent(asked.student.id)}`, label: `Open ${firstName}’s board` }
      : { to: '/admin/advisors', label: 'Open Advisors of students' },
  }
}

/** The student's empty board slots, the optional ones aside (the near-peer slot in the final year); null when none. */
export function boardNeed(slots: readonly Pick<BoardSlot, 'label' | 'isEmpty' | 'isRequired'>[]): NeedItem | null {
  const empty = slots.filter((slot) => slot.isEmpty && slot.isRequired).map((slot) => slot.label.toLowerCase())
  if (empty.length === 0) return null
  const count = empty.length === 1 ? '1 empty slot' : `${empty.length} empty slots`
  return gapNeed('board', `${count} on your advising board`, `Still to fill: ${empty.join(', ')}.`, { to: '/advising', label: 'See who could fill them' })
}

/**
 * The one item whose answer is the page's primary action: the most urgent card answered in
 * place (a request or an agreement); the others' answers are secondary. Null when none is.
 */
export function primaryAnswerId(items: readonly NeedItem[]): string | null {
  return items.find((item) => item.request !== undefined || item.agreement !== undefined)?.id ?? null
}
