import { useAcademicCalendar, closureOn } from '../academic-calendar/api.ts'

/**
 * A warning (never a refusal) when an event's date is a holiday or in a break of the academic
 * calendar: staff may still hold it, but should know most students will be away.
 */
export function HolidayWarning({ id, localStart }: { id: string; localStart: string }) {
  const calendar = useAcademicCalendar()
  const day = localStart.slice(0, 10)
  const closure = /^\d{4}-\d{2}-\d{2}$/.test(day) ? closureOn(calendar.data?.dates ?? [], day) : null
  return (
    <div id={id} role="status" aria-live="polite">
      {closure ? (
        <p className="notice notice-warning">
          This date is in {closure.kind === 'holiday' ? 'a holiday' : 'a break'} of the academic calendar: {closure.name}. You can still create the event, but
          many students will be away.
        </p>
      ) : null}
    </div>
  )
}
