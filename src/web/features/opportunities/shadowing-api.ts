import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  MyShadowingBookingList,
  RequirementInput,
  RequirementList,
  RequirementRecordInput,
  RequirementStanding,
  RequirementStandingList,
  ShadowingBookingList,
  ShadowingSlotInput,
  ShadowingSlotList,
  VerificationQueue,
} from '#shared/contracts/shadowing.ts'
import { api } from '../../api/client.ts'

export const shadowingKeys = {
  slots: (id: string) => ['opportunities', 'shadowing-slots', id] as const,
  bookings: (id: string) => ['opportunities', 'shadowing-bookings', id] as const,
  requirementsOf: (id: string) => ['opportunities', 'requirements', id] as const,
  myRequirements: ['requirements', 'mine'] as const,
}

const path = (id: string, action: string) => `/api/opportunities/${encodeURIComponent(id)}/${action}`

export const useShadowingSlots = (id: string) =>
  useQuery({ queryKey: shadowingKeys.slots(id), queryFn: ({ signal }) => api<ShadowingSlotList>(path(id, 'shadowing-slots'), { signal }) })
export const useShadowingBookings = (id: string) =>
  useQuery({ queryKey: shadowingKeys.bookings(id), queryFn: ({ signal }) => api<ShadowingBookingList>(path(id, 'shadowing-bookings'), { signal }) })
export const useOpportunityRequirements = (id: string) =>
  useQuery({
    queryKey: shadowingKeys.requirementsOf(id),
    queryFn: ({ signal }) => api<{ requirements: RequirementStanding[] }>(path(id, 'requirements'), { signal }),
  })
export const useMyShadowingDays = () =>
  useQuery({ queryKey: ['opportunities', 'shadowing-mine'], queryFn: ({ signal }) => api<MyShadowingBookingList>('/api/shadowing-bookings/mine', { signal }) })
export const useMyRequirements = () =>
  useQuery({ queryKey: shadowingKeys.myRequirements, queryFn: ({ signal }) => api<RequirementStandingList>('/api/requirements/mine', { signal }) })

/** Every change refreshes the opportunity's days, its bookings and the caller's requirements (a booking depends on them). */
function useShadowingMutation<TInput, TResult>(request: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['opportunities'] }), client.invalidateQueries({ queryKey: ['requirements'] })]),
  })
}

export const useAddSlot = (id: string) =>
  useShadowingMutation((input: ShadowingSlotInput) => api<ShadowingSlotList>(path(id, 'shadowing-slots'), { method: 'POST', json: input }))
export const useRemoveSlot = () =>
  useShadowingMutation((slotId: string) => api<ShadowingSlotList>(`/api/shadowing-slots/${encodeURIComponent(slotId)}`, { method: 'DELETE' }))
export const useBookSlot = () =>
  useShadowingMutation((slotId: string) => api<ShadowingSlotList>(`/api/shadowing-slots/${encodeURIComponent(slotId)}/bookings`, { method: 'POST', json: {} }))
export const useCancelBooking = () =>
  useShadowingMutation((bookingId: string) =>
    api<ShadowingSlotList>(`/api/shadowing-bookings/${encodeURIComponent(bookingId)}/cancel`, { method: 'POST', json: {} }),
  )
export const useRecordRequirement = () =>
  useShadowingMutation(({ requirementId, ...input }: RequirementRecordInput & { requirementId: string }) =>
    api<RequirementStandingList>(`/api/requirements/${encodeURIComponent(requirementId)}/mine`, { method: 'PUT', json: input }),
  )

/** The office's page: the requirements in force and the queue of students' records to verify. */
export const useRequirementList = () =>
  useQuery({ queryKey: ['requirements', 'office', 'list'] as const, queryFn: ({ signal }) => api<RequirementList>('/api/requirements', { signal }) })
export const useVerificationQueue = () =>
  useQuery({
    queryKey: ['requirements', 'office', 'queue'] as const,
    queryFn: ({ signal }) => api<VerificationQueue>('/api/requirements/verification-queue', { signal }),
  })
export const useSaveRequirement = () =>
  useShadowingMutation(({ requirementId, ...input }: RequirementInput & { requirementId: string | null }) =>
    requirementId
      ? api<RequirementList>(`/api/requirements/${encodeURIComponent(requirementId)}`, { method: 'PUT', json: input })
      : api<RequirementList>('/api/requirements', { method: 'POST', json: input }),
  )
export const useRetireRequirement = () =>
  useShadowingMutation((requirementId: string) => api<RequirementList>(`/api/requirements/${encodeURIComponent(requirementId)}`, { method: 'DELETE' }))
export const useVerifyRequirement = () =>
  useShadowingMutation(({ requirementId, studentId, ...input }: RequirementRecordInput & { requirementId: string; studentId: string }) =>
    api<RequirementStandingList>(`/api/requirements/${encodeURIComponent(requirementId)}/students/${encodeURIComponent(studentId)}/verification`, {
      method: 'PUT',
      json: input,
    }),
  )
