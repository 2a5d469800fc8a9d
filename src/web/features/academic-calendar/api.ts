import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AcademicCalendarInput, AcademicCalendarView, AcademicDateView } from '#shared/contracts/academic-calendar.ts'
import { api } from '../../api/client.ts'

const calendarKey = ['academic-calendar'] as const

export function useAcademicCalendar() {
  return useQuery({ queryKey: calendarKey, queryFn: ({ signal }) => api<AcademicCalendarView>('/api/academic-calendar', { signal }) })
}

export function useSaveAcademicCalendar() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: AcademicCalendarInput) => api<AcademicCalendarView>('/api/academic-calendar', { method: 'PUT', json: input }),
    onSuccess: (view) => client.setQueryData(calendarKey, view),
  })
}

/** The break or holiday a day (YYYY-MM-DD) falls in; a holiday before the break that holds it. */
export function closureOn(dates: readonly AcademicDateView[], day: string): AcademicDateView | null {
  const covering = dates.filter((d) => d.kind !== 'year-start' && d.startsOn <= day && day <= d.endsOn)
  return covering.find((d) => d.kind === 'holiday') ?? covering[0] ?? null
}
