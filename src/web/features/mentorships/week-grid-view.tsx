import { formatWallTime } from '../../components/format.ts'
import { LOCATION_LABELS } from './mentorship-format.ts'
import type { MeetingLocationKind } from '#shared/enums.ts'
import { weekColumns } from './week-grid.ts'

type Slot = Parameters<typeof weekColumns>[0][number]

/**
 * The week at a glance: a column per day (stacked on a phone), each weekly time a button that
 * opens its details below, and a button to add a time on that day. Every control is a real
 * button, so the grid works by keyboard in reading order: Monday's times, Monday's add, Tuesday…
 */
export function WeekGrid({ slots, onEdit, onAdd }: { slots: readonly Slot[]; onEdit: (key: number) => void; onAdd: (weekday: number) => void }) {
  const columns = weekColumns(slots)
  return (
    <ol className="week-grid" aria-label="Your week">
      {columns.map((day) => (
        <li key={day.weekday} className={day.slots.length > 0 ? 'week-day week-day-open' : 'week-day'}>
          <h3 className="week-day-name" id={`week-day-${day.weekday}`}>
            {day.label}
          </h3>
          {day.slots.length > 0 ? (
            <ul className="week-day-slots" aria-labelledby={`week-day-${day.weekday}`}>
              {day.slots.map((slot) => (
                <li key={slot.key}>
                  <button
                    type="button"
                    className="week-slot"
                    aria-label={`Edit weekly time ${slot.index + 1}: ${day.label}, ${slot.startTime ? formatWallTime(slot.startTime) : 'no start yet'}${slot.endTime ? ` to ${formatWallTime(slot.endTime)}` : ''}, ${LOCATION_LABELS[slot.locationKind as MeetingLocationKind] ?? slot.locationKind}`}
                    onClick={() => onEdit(slot.key)}
                  >
                    <span className="week-slot-time">{slot.startTime ? `${formatWallTime(slot.startTime)}–${formatWallTime(slot.endTime)}` : 'Start?'}</span>
                    <span className="week-slot-where">{LOCATION_LABELS[slot.locationKind as MeetingLocationKind] ?? slot.locationKind}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="week-day-empty">Not available</p>
          )}
          <button type="button" className="button button-quiet button-small week-day-add" onClick={() => onAdd(day.weekday)}>
            <span aria-hidden="true">+ </span>Add<span className="visually-hidden"> a weekly time on {day.label}</span>
          </button>
        </li>
      ))}
    </ol>
  )
}
