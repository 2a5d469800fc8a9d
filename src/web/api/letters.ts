import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  CreateLetterRequest,
  CreateLetterResponse,
  LetterRequestPage,
  LetterRequestView,
  MyLettersResponse,
  UploadLinkSummary,
  WriterLettersResponse,
} from '#shared/contracts/letters.ts'
import type { LetterPacketDocument, LetterStatus } from '#shared/enums.ts'
import { api } from './client.ts'

export const letterKeys = {
  all: ['letters'] as const,
  mine: ['letters', 'mine'] as const,
  writing: ['letters', 'writing'] as const,
  one: (id: string) => ['letters', 'request', id] as const,
  student: (personId: string) => ['letters', 'student', personId] as const,
  queue: (filters: object) => ['letters', 'queue', filters] as const,
  uploadLink: (token: string) => ['letter-upload', token] as const,
}

const requestPath = (id: string, action = '') => `/api/letter-requests/${encodeURIComponent(id)}${action ? `/${action}` : ''}`

/** Where a browser downloads a PDF; same-origin cookies carry the session, every read is audited. */
export const packetUrl = (id: string, document: LetterPacketDocument) => requestPath(id, `packet/${document}`)
export const letterUrl = (id: string) => requestPath(id, 'letter')
export const uploadLinkPacketUrl = (token: string, document: LetterPacketDocument) => `/api/letter-upload/${encodeURIComponent(token)}/packet/${document}`

export function useMyLetters(enabled = true) {
  return useQuery({
    queryKey: letterKeys.mine,
    queryFn: ({ signal }) => api<MyLettersResponse>('/api/letters/mine', { signal }),
    enabled,
  })
}

export function useWritingLetters(enabled = true) {
  return useQuery({
    queryKey: letterKeys.writing,
    queryFn: ({ signal }) => api<WriterLettersResponse>('/api/letters/writing', { signal }),
    enabled,
  })
}

export function useLetterRequest(id: string) {
  return useQuery({
    queryKey: letterKeys.one(id),
    queryFn: ({ signal }) => api<LetterRequestView>(requestPath(id), { signal }),
  })
}

export function useStudentLetters(personId: string) {
  return useQuery({
    queryKey: letterKeys.student(personId),
    queryFn: ({ signal }) => api<{ items: LetterRequestView[] }>(`/api/letters/students/${encodeURIComponent(personId)}`, { signal }),
  })
}

export function useLetterQueue(filters: { status?: LetterStatus | undefined; page: number }) {
  return useQuery({
    queryKey: letterKeys.queue(filters),
    queryFn: ({ signal }) => api<LetterRequestPage>('/api/letters/all', { signal, query: { ...filters, pageSize: 25 } }),
    placeholderData: keepPreviousData,
  })
}

export function useUploadLinkSummary(token: string) {
  return useQuery({
    queryKey: letterKeys.uploadLink(token),
    queryFn: ({ signal }) => api<UploadLinkSummary>(`/api/letter-upload/${encodeURIComponent(token)}`, { signal }),
    retry: false,
  })
}

/** Every letter mutation refreshes every letters list: a request shows on several pages at once. */
function useLettersMutation<TInput, TOutput>(request: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: letterKeys.all }),
  })
}

export const useCreateLetterRequest = () =>
  useLettersMutation((input: CreateLetterRequest) => api<CreateLetterResponse>('/api/letter-requests', { method: 'POST', json: input }))

export const useUploadPacketDocument = () =>
  useLettersMutation(({ id, document, file }: { id: string; document: LetterPacketDocument; file: Blob }) =>
    api<LetterRequestView>(packetUrl(id, document), { method: 'PUT', raw: new Blob([file], { type: 'application/pdf' }) }),
  )

/** Puts a version of the student's own CV or statement (from their documents) in the packet, as a PDF. */
export const useAttachPacketVersion = () =>
  useLettersMutation(({ id, document, versionId }: { id: string; document: LetterPacketDocument; versionId: string }) =>
    api<LetterRequestView>(`${packetUrl(id, document)}/from-materials`, { method: 'PUT', json: { versionId } }),
  )

type StudentAction = 'withdraw' | 'nudge' | 'thanked'
export const useStudentLetterAction = () =>
  useLettersMutation(({ id, action }: { id: string; action: StudentAction }) => api<LetterRequestView>(requestPath(id, action), { method: 'POST' }))

export const useUploadLink = () =>
  useLettersMutation(({ id, revoke }: { id: string; revoke: boolean }) =>
    api<LetterRequestView>(requestPath(id, 'upload-link'), { method: revoke ? 'DELETE' : 'POST' }),
  )

export const useRevokeWaiver = () =>
  useLettersMutation((statement: string) => api<{ revokedAt: string }>('/api/letters/waiver-revocations', { method: 'POST', json: { statement } }))

export const useWriterReply = () =>
  useLettersMutation(({ id, accept, message }: { id: string; accept: boolean; message: string }) =>
    api<LetterRequestView>(requestPath(id, accept ? 'accept' : 'decline'), { method: 'POST', json: message.trim() ? { message: message.trim() } : {} }),
  )

export const useMarkInProgress = () => useLettersMutation((id: string) => api<LetterRequestView>(requestPath(id, 'in-progress'), { method: 'POST' }))

export const useUploadLetter = () =>
  useLettersMutation(({ id, file }: { id: string; file: Blob }) =>
    api<LetterRequestView>(letterUrl(id), { method: 'PUT', raw: new Blob([file], { type: 'application/pdf' }) }),
  )

export const useDeliverLetter = () => useLettersMutation((id: string) => api<LetterRequestView>(requestPath(id, 'deliver'), { method: 'POST' }))

export function useDeclineByLink(token: string) {
  return useMutation({
    mutationFn: (message: string) =>
      api<{ ok: true }>(`/api/letter-upload/${encodeURIComponent(token)}/decline`, { method: 'POST', json: message.trim() ? { message } : {} }),
  })
}

export function useUploadLetterByLink(token: string) {
  return useMutation({
    mutationFn: (file: Blob) =>
      api<{ ok: true }>(`/api/letter-upload/${encodeURIComponent(token)}/letter`, { method: 'PUT', raw: new Blob([file], { type: 'application/pdf' }) }),
  })
}

/**
 * A mentor found by name or specialty. The mentor directory answers any signed-in person; only
 * the fields the letter form shows are read, so this does not depend on the directory's whole shape.
 */
export type MentorChoice = { id: string; name: string; specialtyName: string | null; departmentName: string | null }

export function useMentorSearch(q: string) {
  return useQuery({
    queryKey: ['directory', 'letter-writers', q],
    queryFn: ({ signal }) =>
      api<{ results: MentorChoice[]; total: number; didYouMean?: string | null }>('/api/directory/mentors', {
        signal,
        query: { q, pageSize: 8, sort: 'relevance' },
      }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    retry: false,
  })
}
