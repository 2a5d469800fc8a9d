import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AcceptSuggestions,
  Comparison,
  CreateDocument,
  DocumentList,
  DocumentView,
  MyReviews,
  ReviewerOptions,
  SaveVersion,
  ShareVersion,
  StartThread,
  VersionView,
} from '#shared/contracts/materials.ts'
import { api } from '../../api/client.ts'

export const materialsKeys = {
  all: ['materials'] as const,
  documents: ['materials', 'documents'] as const,
  document: (id: string) => ['materials', 'document', id] as const,
  version: (id: string) => ['materials', 'version', id] as const,
  compare: (id: string, from: string, to: string) => ['materials', 'compare', id, from, to] as const,
  reviewers: (q: string) => ['materials', 'reviewers', q] as const,
  reviews: ['materials', 'reviews'] as const,
}

const enc = encodeURIComponent

export const useMyDocuments = () =>
  useQuery({ queryKey: materialsKeys.documents, queryFn: ({ signal }) => api<DocumentList>('/api/materials/documents', { signal }) })

export const useDocument = (id: string) =>
  useQuery({ queryKey: materialsKeys.document(id), queryFn: ({ signal }) => api<DocumentView>(`/api/materials/documents/${enc(id)}`, { signal }) })

export const useVersion = (id: string) =>
  useQuery({ queryKey: materialsKeys.version(id), queryFn: ({ signal }) => api<VersionView>(`/api/materials/versions/${enc(id)}`, { signal }) })

export const useComparison = (documentId: string, from: string, to: string) =>
  useQuery({
    queryKey: materialsKeys.compare(documentId, from, to),
    queryFn: ({ signal }) =>
      api<Comparison>(`/api/materials/documents/${enc(documentId)}/compare`, { signal, query: { from: from || undefined, to: to || undefined } }),
  })

/** People to ask, once two letters of a name are typed (not the whole directory in alphabetical order). */
export const useReviewerSearch = (q: string) =>
  useQuery({
    queryKey: materialsKeys.reviewers(q),
    queryFn: ({ signal }) => api<ReviewerOptions>('/api/materials/reviewers', { signal, query: { q } }),
    enabled: q.length >= 2,
  })

export const useMyReviews = (enabled = true) =>
  useQuery({ queryKey: materialsKeys.reviews, queryFn: ({ signal }) => api<MyReviews>('/api/materials/reviews', { signal }), enabled })

/** A change to a document: the answer replaces the cached document, and lists refresh behind it. */
function useDocumentMutation<TInput>(request: (input: TInput) => Promise<DocumentView>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: (view) => {
      client.setQueryData(materialsKeys.document(view.id), view)
      return client.invalidateQueries({ queryKey: materialsKeys.documents })
    },
  })
}

export const useCreateDocument = () =>
  useDocumentMutation((input: CreateDocument) => api<DocumentView>('/api/materials/documents', { method: 'POST', json: input }))
export const useSaveVersion = (documentId: string) =>
  useDocumentMutation((input: SaveVersion) => api<DocumentView>(`/api/materials/documents/${enc(documentId)}/versions`, { method: 'POST', json: input }))
/** A Word file's text as the next version; the server judges the file by its bytes. */
export const useImportWord = (documentId: string) =>
  useDocumentMutation(({ basedOnVersionId, file }: { basedOnVersionId: string; file: Blob }) =>
    api<DocumentView>(`/api/materials/documents/${enc(documentId)}/import?basedOnVersionId=${enc(basedOnVersionId)}`, {
      method: 'POST',
      raw: new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    }),
  )
export const useShareVersion = () =>
  useDocumentMutation(({ versionId, ...input }: ShareVersion & { versionId: string }) =>
    api<DocumentView>(`/api/materials/versions/${enc(versionId)}/shares`, { method: 'POST', json: input }),
  )

/** A change seen on a version: the answer is the version as the caller now sees it. */
function useVersionMutation<TInput>(request: (input: TInput) => Promise<VersionView>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: (view) => {
      client.setQueryData(materialsKeys.version(view.id), view)
      return client.invalidateQueries({ queryKey: materialsKeys.all, predicate: (query) => query.queryKey[1] !== 'version' || query.queryKey[2] !== view.id })
    },
  })
}

export const useStartThread = (versionId: string) =>
  useVersionMutation((input: StartThread) => api<VersionView>(`/api/materials/versions/${enc(versionId)}/threads`, { method: 'POST', json: input }))
export const useReply = () =>
  useVersionMutation(({ threadId, body }: { threadId: string; body: string }) =>
    api<VersionView>(`/api/materials/threads/${enc(threadId)}/replies`, { method: 'POST', json: { body } }),
  )
export const useResolve = () =>
  useVersionMutation((threadId: string) => api<VersionView>(`/api/materials/threads/${enc(threadId)}/resolve`, { method: 'POST' }))
export const useSuggest = () =>
  useVersionMutation(({ threadId, suggestion }: { threadId: string; suggestion: string }) =>
    api<VersionView>(`/api/materials/threads/${enc(threadId)}/suggestion`, { method: 'POST', json: { suggestion } }),
  )
export const useRejectSuggestion = () =>
  useVersionMutation((threadId: string) => api<VersionView>(`/api/materials/threads/${enc(threadId)}/reject`, { method: 'POST' }))
export const useAcceptSuggestions = (documentId: string) =>
  useVersionMutation((input: AcceptSuggestions) =>
    api<VersionView>(`/api/materials/documents/${enc(documentId)}/accept-suggestions`, { method: 'POST', json: input }),
  )

export function useFinishReview() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (requestId: string) => api<MyReviews>(`/api/materials/reviews/${enc(requestId)}/finish`, { method: 'POST' }),
    onSuccess: (reviews) => {
      client.setQueryData(materialsKeys.reviews, reviews)
      return client.invalidateQueries({ queryKey: ['materials', 'version'] })
    },
  })
}
