import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { EventSeriesCreated, EventSeriesInput, EventSeriesOfEvent, EventSlotsView, SlotRunInput } from '#shared/contracts/event-slots.ts'
import { api } from '../../api/client.ts'
import { eventKeys } from './api.ts'

const slotsKey = (eventId: string) => ['events', 'slots', eventId] as const
const seriesKey = (eventId: string) => ['events', 'series', eventId] as const
const path = (eventId: string, rest: string) => `/api/events/${encodeURIComponent(eventId)}/${rest}`

export function useEventSlots(eventId: string) {
  return useQuery({ queryKey: slotsKey(eventId), queryFn: ({ signal }) => api<EventSlotsView>(path(eventId, 'slots'), { signal }), enabled: eventId !== '' })
}

function useSlotsMutation<TInput>(eventId: string, request: (input: TInput) => Promise<EventSlotsView>) {
  const client = useQueryClient()
  return useMutation({ mutationFn: request, onSuccess: (view) => client.setQueryData(slotsKey(eventId), view) })
}

export const useAddSlots = (eventId: string) =>
  useSlotsMutation(eventId, (input: SlotRunInput) => api<EventSlotsView>(path(eventId, 'slots'), { method: 'POST', json: input }))
export const useRemoveSlot = (eventId: string) =>
  useSlotsMutation(eventId, (slotId: string) => api<EventSlotsView>(path(eventId, `slots/${encodeURIComponent(slotId)}`), { method: 'DELETE' }))
export const useBookSlot = (eventId: string) =>
  useSlotsMutation(eventId, (slotId: string) => api<EventSlotsView>(path(eventId, `slots/${encodeURIComponent(slotId)}/book`), { method: 'POST' }))
export const useGiveUpSlot = (eventId: string) => useSlotsMutation(eventId, () => api<EventSlotsView>(path(eventId, 'slots/cancel'), { method: 'POST' }))

export function useSeriesOfEvent(eventId: string) {
  return useQuery({
    queryKey: seriesKey(eventId),
    queryFn: ({ signal }) => api<EventSeriesOfEvent>(path(eventId, 'series'), { signal }),
    enabled: eventId !== '',
  })
}

export function useCancelRestOfSeries(eventId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api<EventSeriesOfEvent>(path(eventId, 'series/cancel-rest'), { method: 'POST' }),
    onSuccess: (view) => {
      client.setQueryData(seriesKey(eventId), view)
      return client.invalidateQueries({ queryKey: eventKeys.all })
    },
  })
}

export function useCreateSeries() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: EventSeriesInput) => api<EventSeriesCreated>('/api/event-series', { method: 'POST', json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: eventKeys.list }),
  })
}
