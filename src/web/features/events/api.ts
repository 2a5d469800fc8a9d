import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { EventInput, EventList, EventView } from '#shared/contracts/events.ts'
import { api } from '../../api/client.ts'

export const eventKeys = {
  all: ['events'] as const,
  list: ['events', 'list'] as const,
  one: (id: string) => ['events', 'one', id] as const,
}

const eventPath = (id: string, action = '') => `/api/events/${encodeURIComponent(id)}${action ? `/${action}` : ''}`

export function useEvents() {
  return useQuery({ queryKey: eventKeys.list, queryFn: ({ signal }) => api<EventList>('/api/events', { signal }) })
}

export function useEvent(id: string, enabled = true) {
  return useQuery({ queryKey: eventKeys.one(id), queryFn: ({ signal }) => api<EventView>(eventPath(id), { signal }), enabled })
}

/** Every change to an event refreshes what is cached about events (seats move for everyone). */
function useEventMutation<TInput>(request: (input: TInput) => Promise<EventView>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: (view) => {
      client.setQueryData(eventKeys.one(view.id), view)
      return client.invalidateQueries({ queryKey: eventKeys.list })
    },
  })
}

export const useCreateEvent = () => useEventMutation((input: EventInput) => api<EventView>('/api/events', { method: 'POST', json: input }))
export const useUpdateEvent = (id: string) => useEventMutation((input: EventInput) => api<EventView>(eventPath(id), { method: 'PUT', json: input }))
export const useCancelEvent = (id: string) => useEventMutation(() => api<EventView>(eventPath(id, 'cancel'), { method: 'POST' }))
export const useRsvp = (id: string) => useEventMutation(() => api<EventView>(eventPath(id, 'rsvp'), { method: 'POST' }))
export const useCancelRsvp = (id: string) => useEventMutation(() => api<EventView>(eventPath(id, 'rsvp/cancel'), { method: 'POST' }))
