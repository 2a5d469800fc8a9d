import type { MeetingLocationKind } from '#shared/enums.ts'
import { usFederalHolidayOn } from './holidays.ts'
import { addDays, fromLocal, toLocal } from './time-zones.ts'
import { MS_PER_MINUTE } from '#shared/time.ts'

export type WeeklySlot = { weekday: number; startTime: string; durationMinutes: number; locationKind: MeetingLocationKind; locationDetail: string }
export type OpenSlot = { startAt: Date; endAt: Date; locationKind: MeetingLocationKind; locationDetail: string }
export type BusyInterval = { startAt: Date; endAt: Date }

/**
 * The concrete slots of a weekly schedule between `from` and `to` (instants), read in the
 * mentor's `timeZone` date by date, so each occurrence keeps its local time across
 * daylight-saving changes. Dates in `exceptions` (local dates) have no slots; a slot whose local
 * start does not exist that day (clocks went forward through it) is skipped; slots that overlap
 * `busy` (meetings already booked or proposed) are left out; so are slots that start before `from`.
 * US federal holidays and their observed days have no slots unless `isHoliday` says otherwise
 * (see holidays.ts); a meeting on one can still be proposed.
 */
export function expandAvailability(
  slots: readonly WeeklySlot[],
  timeZone: string,
  exceptions: ReadonlySet<string>,
  from: Date,
  to: Date,
  busy: readonly BusyInterval[] = [],
  isHoliday: (localDate: string) => boolean = (date) => usFederalHolidayOn(date) !== null,
): OpenSlot[] {
  const open: OpenSlot[] = []
  const last = toLocal(to, timeZone).date
  for (let date = toLocal(from, timeZone).date; date <= last; date = addDays(date, 1)) {
    if (exceptions.has(date) || isHoliday(date)) continue
    const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1
    for (const slot of slots) {
      if (slot.weekday !== weekday) continue
      const startAt = fromLocal(date, slot.startTime, timeZone)
      if (!startAt || startAt < from || startAt >= to) continue
      const endAt = new Date(startAt.getTime() + slot.durationMinutes * MS_PER_MINUTE)
      if (busy.some((b) => b.startAt < endAt && startAt < b.endAt)) continue
      open.push({ startAt, endAt, locationKind: slot.locationKind, locationDetail: slot.locationDetail })
    }
  }
  return open.sort((a, b) => a.startAt.getTime() - b.startAt.getTime())
}
