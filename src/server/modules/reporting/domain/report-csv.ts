import { ADVISING_SLOT_LABELS } from '#shared/contracts/advising.ts'
import type { MentorListItem, StudentListItem } from '#shared/contracts/reporting.ts'
import { writeCsv } from '#shared/csv/write-csv.ts'
import { MENTOR_KIND_LABELS } from '#shared/enums.ts'

/** The students behind a dashboard figure, as the drill-down shows them (decision 013's writer). */
export function studentListCsv(items: readonly StudentListItem[]): string {
  return writeCsv(
    ['name', 'email', 'class_year', 'mentors', 'empty_board_slots', 'last_meeting'],
    items.map((s) => [
      s.name,
      s.email,
      s.classYear,
      s.mentors,
      s.emptySlots.map((slot) => ADVISING_SLOT_LABELS[slot]).join('; '),
      s.lastMeetingAt?.slice(0, 10),
    ]),
  )
}

/** The mentors behind a dashboard figure. */
export function mentorListCsv(items: readonly MentorListItem[]): string {
  return writeCsv(
    ['name', 'kind', 'capacity', 'active_mentorships', 'unanswered_requests', 'oldest_unanswered_since'],
    items.map((m) => [m.name, MENTOR_KIND_LABELS[m.kind], m.capacity, m.activeMentorships, m.unansweredRequests, m.oldestUnansweredAt?.slice(0, 10)]),
  )
}
