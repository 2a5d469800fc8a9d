import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AttendanceView,
  CheckInInput,
  CheckInResult,
  FeedbackInput,
  MyAttendanceView,
  StudentChoice,
  WalkInCandidates,
} from '#shared/contracts/event-attendance.ts'
import { api } from '../../api/client.ts'

export const attendanceKeys = {
  attendance: (id: string) => ['events', 'attendance', id] as const,
  mine: (id: string) => ['events', 'my-attendance', id] as const,
  walkIns: (id: string, q: string) => ['events', 'walk-ins', id, q] as const,
}

const path = (id: string, action: string) => `/api/events/${encodeURIComponent(id)}/${action}`
export const attendanceCsvHref = (id: string) => path(id, 'attendance.csv')

export function useAttendance(id: string, enabled = true) {
  return useQuery({ queryKey: attendanceKeys.attendance(id), queryFn: ({ signal }) => api<AttendanceView>(path(id, 'attendance'), { signal }), enabled })
}

export function useMyAttendance(id: string, enabled = true) {
  return useQuery({ queryKey: attendanceKeys.mine(id), queryFn: ({ signal }) => api<MyAttendanceView>(path(id, 'my-attendance'), { signal }), enabled })
}

export function useWalkInSearch(id: string, q: string) {
  return useQuery({
    queryKey: attendanceKeys.walkIns(id, q),
    queryFn: ({ signal }) => api<WalkInCandidates>(path(id, 'walk-ins/search'), { signal, query: { q } }),
    enabled: q.trim().length >= 2,
  })
}

/** Each check-in refreshes the roster, so two phones at one door see each other's ticks on their next look. */
function useRosterChange<TInput, TOutput>(id: string, request: (input: TInput) => Promise<TOutput>) {
  const client = useQueryClient()
  return useMutation({ mutationFn: request, onSuccess: () => client.invalidateQueries({ queryKey: ['events', 'attendance', id] }) })
}

export const useCheckIn = (id: string) =>
  useRosterChange(id, (input: Partial<CheckInInput>) => api<CheckInResult>(path(id, 'check-ins'), { method: 'POST', json: input }))
export const useAddWalkIn = (id: string) =>
  useRosterChange(id, (input: StudentChoice) => api<CheckInResult>(path(id, 'walk-ins'), { method: 'POST', json: input }))
export const useUndoCheckIn = (id: string) =>
  useRosterChange(id, (input: StudentChoice) => api<AttendanceView>(path(id, 'check-ins/undo'), { method: 'POST', json: input }))

export function useSaveFeedback(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: FeedbackInput) => api<MyAttendanceView>(path(id, 'feedback'), { method: 'PUT', json: input }),
    onSuccess: (view) => client.setQueryData(attendanceKeys.mine(id), view),
  })
}
