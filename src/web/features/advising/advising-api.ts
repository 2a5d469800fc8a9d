import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  BoardAssignmentResult,
  AdvisingBoardView,
  AdvisingSlot,
  AdvisorsResponse,
  AgreementAnswer,
  AgreementRequestsResponse,
  AssignmentResultsResponse,
  BulkAssignAdvisor,
  CreateBoardAssignment,
  MyStudentsResponse,
  SetStudentAdvisors,
  StudentAdvisorsResponse,
  StudentAdvisorsRow,
} from '#shared/contracts/advising.ts'
import type { ClassYear } from '#shared/enums.ts'
import { api } from '../../api/client.ts'

export const advisingKeys = {
  all: ['advising'] as const,
  myBoard: ['advising', 'board', 'me'] as const,
  board: (studentId: string) => ['advising', 'board', studentId] as const,
  myStudents: (missing: AdvisingSlot | '', classYear: ClassYear | '') => ['advising', 'my-students', missing, classYear] as const,
  advisors: ['advising', 'advisors'] as const,
  agreements: ['advising', 'agreements'] as const,
  studentAdvisors: (classYear: ClassYear | '', unassigned: boolean) => ['advising', 'student-advisors', classYear, unassigned] as const,
}

/** The signed-in student's board. */
export function useMyBoard(enabled = true) {
  return useQuery({ queryKey: advisingKeys.myBoard, queryFn: ({ signal }) => api<AdvisingBoardView>('/api/advising/board/me', { signal }), enabled })
}

/** One of the advisor's students' board. */
export function useStudentBoard(studentId: string) {
  return useQuery({
    queryKey: advisingKeys.board(studentId),
    queryFn: ({ signal }) => api<AdvisingBoardView>(`/api/advising/students/${encodeURIComponent(studentId)}/board`, { signal }),
  })
}

export function useMyStudents(missing: AdvisingSlot | '', classYear: ClassYear | '') {
  return useQuery({
    queryKey: advisingKeys.myStudents(missing, classYear),
    queryFn: ({ signal }) => api<MyStudentsResponse>('/api/advising/students', { query: { missing, classYear }, signal }),
    placeholderData: (previous) => previous,
  })
}

export function useAssignToBoard() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateBoardAssignment) => api<BoardAssignmentResult>('/api/advising/assignments', { method: 'POST', json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: advisingKeys.all }),
  })
}

export function useRemoveFromBoard() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (assignmentId: string) => api<{ ok: true }>(`/api/advising/assignments/${encodeURIComponent(assignmentId)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: advisingKeys.all }),
  })
}

// ── the person asked to fill a slot ──

/** Slots this person was asked to take on and has not answered. */
export function useMyAgreementRequests(enabled = true) {
  return useQuery({
    queryKey: advisingKeys.agreements,
    queryFn: ({ signal }) => api<AgreementRequestsResponse>('/api/advising/agreements', { signal }),
    enabled,
  })
}

export function useAnswerAgreement() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ assignmentId, agree, reason }: { assignmentId: string; agree: boolean; reason?: string }) =>
      api<AgreementAnswer>(`/api/advising/agreements/${encodeURIComponent(assignmentId)}/${agree ? 'accept' : 'decline'}`, {
        method: 'POST',
        json: agree ? {} : { reason: reason ?? '' },
      }),
    // Not awaited: the card that answered leaves the list on the refetch, and its own success
    // callback (which says what happened) must run before it unmounts.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: advisingKeys.all })
    },
  })
}

// ── admins ──

export function useAdvisors() {
  return useQuery({ queryKey: advisingKeys.advisors, queryFn: ({ signal }) => api<AdvisorsResponse>('/api/admin/advisors', { signal }) })
}

export function useStudentAdvisors(classYear: ClassYear | '', unassigned: boolean) {
  return useQuery({
    queryKey: advisingKeys.studentAdvisors(classYear, unassigned),
    queryFn: ({ signal }) =>
      api<StudentAdvisorsResponse>('/api/admin/student-advisors', { query: { classYear, unassigned: unassigned ? 'true' : undefined }, signal }),
    placeholderData: (previous) => previous,
  })
}

export function useSetStudentAdvisors() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: SetStudentAdvisors) => api<StudentAdvisorsRow>('/api/admin/student-advisors', { method: 'PUT', json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: advisingKeys.all }),
  })
}

export function useBulkAssignAdvisor() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: BulkAssignAdvisor) => api<AssignmentResultsResponse>('/api/admin/student-advisors/bulk', { method: 'POST', json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: advisingKeys.all }),
  })
}

export function useImportAdvisorAssignments() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { csv: string; dryRun: boolean }) =>
      api<AssignmentResultsResponse>('/api/admin/student-advisors/import', { method: 'POST', json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: advisingKeys.all }),
  })
}
