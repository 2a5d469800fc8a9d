import type { AttendanceEntry, AttendanceState } from '#shared/contracts/event-attendance.ts'
import { CLASS_YEAR_LABELS } from '#shared/enums.ts'
import { writeCsv } from '#shared/csv/write-csv.ts'

const STATE_WORDS: Record<AttendanceState, string> = {
  'checked-in': 'attended',
  expected: 'expected',
  'no-show': 'no-show',
  'not-recorded': 'place, attendance not recorded',
}

/** An event's attendance as CSV, through the one writer (decision 013), so a name like "=HYPERLINK(…)" stays text. */
export function attendanceCsv(roster: readonly AttendanceEntry[]): string {
  return writeCsv(
    ['name', 'email', 'class_year', 'had_place', 'attendance', 'checked_in_at_utc', 'checked_in_by', 'how'],
    roster.map((r) => [
      r.name,
      r.email,
      r.classYear ? CLASS_YEAR_LABELS[r.classYear] : '',
      r.hadPlace ? 'yes' : 'no (walk-in)',
      STATE_WORDS[r.state],
      r.checkedInAt ?? '',
      r.checkedInBy ?? '',
      r.method ?? '',
    ]),
  )
}
