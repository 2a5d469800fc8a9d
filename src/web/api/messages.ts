import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ConversationView, MessagePreferences, MessageView, SendMessage, UnreadMessages } from '#shared/contracts/messages.ts'
import { api } from './client.ts'

/** A conversation is reached through its mentorship, or through its request while that is open. */
export type ConversationScope = { kind: 'mentorship'; id: string } | { kind: 'request'; id: string }

const base = (scope: ConversationScope) =>
  `/api/${scope.kind === 'mentorship' ? 'mentorships' : 'mentorship-requests'}/${encodeURIComponent(scope.id)}/messages`

export const messageKeys = {
  all: ['messages'] as const,
  conversation: (scope: ConversationScope) => ['messages', scope.kind, scope.id] as const,
  unread: ['messages', 'unread'] as const,
  preferences: ['messages', 'preferences'] as const,
}

/** New messages show up within half a minute while the page is open. */
const REFRESH_MS = 30_000

export function useConversation(scope: ConversationScope) {
  return useQuery({
    queryKey: messageKeys.conversation(scope),
    queryFn: ({ signal }) => api<ConversationView>(base(scope), { signal }),
    refetchInterval: REFRESH_MS,
  })
}

export function useUnreadMessages(enabled = true) {
  return useQuery({
    queryKey: messageKeys.unread,
    queryFn: ({ signal }) => api<UnreadMessages>('/api/messages/unread', { signal }),
    enabled,
    refetchInterval: REFRESH_MS,
  })
}

export function useSendMessage(scope: ConversationScope) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SendMessage) => api<MessageView>(base(scope), { method: 'POST', json: body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messageKeys.all }),
  })
}

export function useMarkMessagesRead(scope: ConversationScope) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (upTo: string) => api<{ readUpTo: string }>(`${base(scope)}/read`, { method: 'PUT', json: { upTo } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messageKeys.unread }),
  })
}

export function useMessagePreferences() {
  return useQuery({
    queryKey: messageKeys.preferences,
    queryFn: ({ signal }) => api<MessagePreferences>('/api/messages/preferences', { signal }),
  })
}

export function useSaveMessagePreferences() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: MessagePreferences) => api<MessagePreferences>('/api/messages/preferences', { method: 'PUT', json: body }),
    onSuccess: (saved) => queryClient.setQueryData(messageKeys.preferences, saved),
  })
}

export const attachmentUrl = (messageId: string) => `/api/messages/${encodeURIComponent(messageId)}/attachment`
