import { WEEKDAY_LABELS } from './mentorship-format.ts'

/** A weekly time as the week grid shows it: where it sits in the editor list, and its span. */
export type WeekSlot = { key: number; index: number; startTime: string; endTime: string; durationMinutes: number; locationKind: string }
export type WeekColumn = { weekday: number; label: string; slots: WeekSlot[] }

/** "12:00" + 30 → "12:30"; past midnight it wraps ("23:30" + 60 → "00:30"). */
export function addMinutes(startTime: string, minutes: number): string {
  const [h = 0, m = 0] = startTime.split(':').map(Number)
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

/**
 * The mentor's weekly times as seven columns, Monday first (ISO weekday 1–7), each in time order,
 * so the week reads at a glance. Times not yet given a valid start sort last in their day.
 */
export function weekColumns(
  slots: readonly { key: number; weekday: string | number; startTime: string; durationMinutes: string | number; locationKind: string }[],
): WeekColumn[] {
  return WEEKDAY_LABELS.map((label, i) => {
    const weekday = i + 1
    const inDay = slots
      .map((slot, index) => ({ slot, index }))
      .filter(({ slot }) => Number(slot.weekday) === weekday)
      .map(({ slot, index }) => {
        const valid = /^([01]\d|2[0-3]):[0-5]\d$/.test(slot.startTime)
        const durationMinutes = Number(slot.durationMinutes)
        return {
          key: slot.key,
          index,
          startTime: slot.startTime,
          endTime: valid ? addMinutes(slot.startTime, durationMinutes) : '',
          durationMinutes,
          locationKind: slot.locationKind,
          sortKey: valid ? slot.startTime : '99:99',
        }
      })
      .sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.index - b.index)
      .map(({ sortKey: _sortKey, ...slot }) => slot)
    return { weekday, label, slots: inDay }
  })
}
