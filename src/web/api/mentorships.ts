import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  AvailabilityView,
  CloseMentorship,
  CreateMeeting,
  CreateMentorshipRequest,
  CreateNote,
  DeclineMentorshipRequest,
  FreeSlotsResponse,
  MeetingFeedback,
  MeetingView,
  MentorshipRequestView,
  MentorshipView,
  MyMentorshipRequestsResponse,
  MentorshipSettingsView,
  MyMentorshipsResponse,
  QuietMentorshipsResponse,
  RescheduleMeeting,
  UpdateAvailability,
  UpdateMentorshipSettings,
} from '#shared/contracts/mentorships.ts'
import { api } from './client.ts'

export type FreeSlots = z.infer<typeof FreeSlotsResponse>
export type FreeSlot = FreeSlots['slots'][number]
export type QuietMentorships = z.infer<typeof QuietMentorshipsResponse>

export const mentorshipKeys = {
  all: ['mentorships'] as const,
  requests: ['mentorships', 'requests'] as const,
  mine: ['mentorships', 'mine'] as const,
  one: (id: string) => ['mentorships', 'one', id] as const,
  freeSlots: (id: string) => ['mentorships', 'free-slots', id] as const,
  availability: ['mentorships', 'availability'] as const,
  quiet: ['mentorships', 'quiet'] as const,
  settings: ['mentorships', 'settings'] as const,
}

/** The mentor's own hours, as a CSV file for a teaching portfolio. */
export const MENTORING_HOURS_CSV_URL = '/api/mentorships/hours.csv'

const requestPath = (id: string, action = '') => `/api/mentorship-requests/${encodeURIComponent(id)}${action ? `/${action}` : ''}`
const mentorshipPath = (id: string, action = '') => `/api/mentorships/${encodeURIComponent(id)}${action ? `/${action}` : ''}`
const meetingPath = (id: string, action: string) => `/api/meetings/${encodeURIComponent(id)}/${action}`

export function useMyMentorshipRequests(enabled = true) {
  return useQuery({
    queryKey: mentorshipKeys.requests,
    queryFn: ({ signal }) => api<MyMentorshipRequestsResponse>('/api/mentorship-requests/mine', { signal }),
    enabled,
  })
}

export function useMyMentorships(enabled = true) {
  return useQuery({
    queryKey: mentorshipKeys.mine,
    queryFn: ({ signal }) => api<MyMentorshipsResponse>('/api/mentorships/mine', { signal }),
    enabled,
  })
}

export function useMentorship(id: string) {
  return useQuery({
    queryKey: mentorshipKeys.one(id),
    queryFn: ({ signal }) => api<MentorshipView>(mentorshipPath(id), { signal }),
  })
}

export function useFreeSlots(id: string, enabled: boolean) {
  return useQuery({
    queryKey: mentorshipKeys.freeSlots(id),
    queryFn: ({ signal }) => api<FreeSlots>(mentorshipPath(id, 'free-slots'), { signal, query: { days: 21 } }),
    enabled,
  })
}

export function useMyAvailability() {
  return useQuery({
    queryKey: mentorshipKeys.availability,
    queryFn: ({ signal }) => api<AvailabilityView>('/api/availability/me', { signal }),
  })
}

export function useQuietMentorships() {
  return useQuery({
    queryKey: mentorshipKeys.quiet,
    queryFn: ({ signal }) => api<QuietMentorships>('/api/mentorships/quiet', { signal }),
  })
}

/** Every change refreshes every mentorship view: a request or meeting shows on several pages, and on home. */
function useMentorshipsMutation<TInput, TOutput>(request: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: mentorshipKeys.all })
      // Open places in the directory change when a request is accepted or a mentorship closes.
      void queryClient.invalidateQueries({ queryKey: ['directory'] })
    },
  })
}

export const useRequestMentor = () =>
  useMentorshipsMutation((input: CreateMentorshipRequest) => api<MentorshipRequestView>('/api/mentorship-requests', { method: 'POST', json: input }))

export const useAcceptRequest = () => useMentorshipsMutation((id: string) => api<MentorshipRequestView>(requestPath(id, 'accept'), { method: 'POST' }))

export const useDeclineRequest = () =>
  useMentorshipsMutation(({ id, ...body }: { id: string } & DeclineMentorshipRequest) =>
    api<MentorshipRequestView>(requestPath(id, 'decline'), { method: 'POST', json: body }),
  )

export const useWithdrawRequest = () => useMentorshipsMutation((id: string) => api<MentorshipRequestView>(requestPath(id, 'withdraw'), { method: 'POST' }))

export const useAddGoal = (id: string) =>
  useMentorshipsMutation((title: string) => api<MentorshipView>(mentorshipPath(id, 'goals'), { method: 'POST', json: { title } }))

export const useUpdateGoal = (id: string) =>
  useMentorshipsMutation(({ goalId, ...body }: { goalId: string; title?: string; progress?: number }) =>
    api<MentorshipView>(mentorshipPath(id, `goals/${encodeURIComponent(goalId)}`), { method: 'PATCH', json: body }),
  )

export const useAddActionItem = (id: string) =>
  useMentorshipsMutation((body: { title: string; dueDate: string | null }) =>
    api<MentorshipView>(mentorshipPath(id, 'action-items'), { method: 'POST', json: body }),
  )

export const useUpdateActionItem = (id: string) =>
  useMentorshipsMutation(({ itemId, ...body }: { itemId: string; done?: boolean; title?: string; dueDate?: string | null }) =>
    api<MentorshipView>(mentorshipPath(id, `action-items/${encodeURIComponent(itemId)}`), { method: 'PATCH', json: body }),
  )

export const useAddNote = (id: string) =>
  useMentorshipsMutation((body: CreateNote) => api<MentorshipView>(mentorshipPath(id, 'notes'), { method: 'POST', json: body }))

export const useMakeOngoing = (id: string) => useMentorshipsMutation(() => api<MentorshipView>(mentorshipPath(id, 'make-ongoing'), { method: 'POST' }))

export const useCloseMentorship = (id: string) =>
  useMentorshipsMutation((body: CloseMentorship) => api<MentorshipView>(mentorshipPath(id, 'close'), { method: 'POST', json: body }))

export const useCreateMeeting = (id: string) =>
  useMentorshipsMutation((body: CreateMeeting) => api<MeetingView>(mentorshipPath(id, 'meetings'), { method: 'POST', json: body }))

export const useConfirmMeeting = () => useMentorshipsMutation((meetingId: string) => api<MeetingView>(meetingPath(meetingId, 'confirm'), { method: 'POST' }))

export const useRescheduleMeeting = () =>
  useMentorshipsMutation(({ meetingId, ...body }: { meetingId: string } & RescheduleMeeting) =>
    api<MeetingView>(meetingPath(meetingId, 'reschedule'), { method: 'POST', json: body }),
  )

export const useCancelMeeting = () => useMentorshipsMutation((meetingId: string) => api<MeetingView>(meetingPath(meetingId, 'cancel'), { method: 'POST' }))

export const useSetAvailability = () =>
  useMentorshipsMutation((body: UpdateAvailability) => api<AvailabilityView>('/api/availability/me', { method: 'PUT', json: body }))

export const useRegenerateCalendarFeed = () => useMutation({ mutationFn: () => api<{ url: string }>('/api/calendar/feed', { method: 'POST' }) })

export const useMeetingFeedback = () =>
  useMentorshipsMutation(({ meetingId, ...body }: { meetingId: string } & MeetingFeedback) =>
    api<{ ok: true }>(meetingPath(meetingId, 'feedback'), { method: 'POST', json: body }),
  )

export function useMentorshipSettings() {
  return useQuery({
    queryKey: mentorshipKeys.settings,
    queryFn: ({ signal }) => api<MentorshipSettingsView>('/api/mentorships/settings', { signal }),
  })
}

export const useUpdateMentorshipSettings = () =>
  useMentorshipsMutation((body: UpdateMentorshipSettings) => api<MentorshipSettingsView>('/api/mentorships/settings', { method: 'PATCH', json: body }))
