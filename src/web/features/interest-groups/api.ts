import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { EventInput, EventView } from '#shared/contracts/events.ts'
import type { AnnouncementInput, InterestGroupInput, InterestGroupList, InterestGroupView } from '#shared/contracts/interest-groups.ts'
import { api } from '../../api/client.ts'

export const groupKeys = {
  all: ['interest-groups'] as const,
  list: ['interest-groups', 'list'] as const,
  one: (id: string) => ['interest-groups', 'one', id] as const,
}

const groupPath = (id: string, action = '') => `/api/interest-groups/${encodeURIComponent(id)}${action ? `/${action}` : ''}`

export function useInterestGroups() {
  return useQuery({ queryKey: groupKeys.list, queryFn: ({ signal }) => api<InterestGroupList>('/api/interest-groups', { signal }) })
}

export function useInterestGroup(id: string, enabled = true) {
  return useQuery({ queryKey: groupKeys.one(id), queryFn: ({ signal }) => api<InterestGroupView>(groupPath(id), { signal }), enabled })
}

/** A change to a group refreshes every group view (lists, the specialty pages) and events, which a group's events are. */
function useGroupMutation<TInput>(request: (input: TInput) => Promise<InterestGroupView>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: async (view) => {
      client.setQueryData(groupKeys.one(view.id), view)
      await Promise.all([client.invalidateQueries({ queryKey: groupKeys.list }), client.invalidateQueries({ queryKey: ['specialties'] })])
    },
  })
}

export const useCreateGroup = () =>
  useGroupMutation((input: InterestGroupInput) => api<InterestGroupView>('/api/interest-groups', { method: 'POST', json: input }))
export const useUpdateGroup = (id: string) =>
  useGroupMutation((input: InterestGroupInput) => api<InterestGroupView>(groupPath(id), { method: 'PUT', json: input }))
export const useJoinGroup = (id: string) => useGroupMutation(() => api<InterestGroupView>(groupPath(id, 'join'), { method: 'POST' }))
export const useLeaveGroup = (id: string) => useGroupMutation(() => api<InterestGroupView>(groupPath(id, 'leave'), { method: 'POST' }))
export const useRemoveMember = (id: string) =>
  useGroupMutation((personId: string) => api<InterestGroupView>(groupPath(id, `members/${encodeURIComponent(personId)}`), { method: 'DELETE' }))
export const useAnnounce = (id: string) =>
  useGroupMutation((input: AnnouncementInput) => api<InterestGroupView>(groupPath(id, 'announcements'), { method: 'POST', json: input }))

export function useCreateGroupEvent(groupId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: EventInput) => api<EventView>(groupPath(groupId, 'events'), { method: 'POST', json: input }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: groupKeys.all }), client.invalidateQueries({ queryKey: ['events'] })]),
  })
}
