import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  BookingView,
  InterviewerReport,
  InterviewerSlots,
  MockInterviewSchool,
  OpenSlots,
  QuestionBank,
  QuestionBankEditor,
  QuestionInput,
  QuestionView,
  RubricEditor,
  ScoresInput,
  SlotInput,
  SlotView,
  StudentMocks,
} from '#shared/contracts/mock-interviews.ts'
import type { MockInterviewKind } from '#shared/enums.ts'
import { api, withQuery } from '../../api/client.ts'

export const mockKeys = {
  all: ['mock-interviews'] as const,
  slots: (specialtyId: string, kind: string) => ['mock-interviews', 'slots', specialtyId, kind] as const,
  mine: ['mock-interviews', 'mine'] as const,
  interviewing: ['mock-interviews', 'interviewing'] as const,
  booking: (id: string) => ['mock-interviews', 'booking', id] as const,
  questions: (specialtyId: string) => ['mock-interviews', 'questions', specialtyId] as const,
  interviewers: ['mock-interviews', 'interviewers'] as const,
  school: ['mock-interviews', 'school'] as const,
  rubric: ['mock-interviews', 'rubric'] as const,
  questionBank: ['mock-interviews', 'question-bank'] as const,
  student: (personId: string) => ['mock-interviews', 'student', personId] as const,
}

const bookingPath = (id: string, action = '') => `/api/mock-interviews/bookings/${encodeURIComponent(id)}${action ? `/${action}` : ''}`

export function useOpenSlots(specialtyId: string, kind: string) {
  return useQuery({
    queryKey: mockKeys.slots(specialtyId, kind),
    queryFn: ({ signal }) =>
      api<OpenSlots>(withQuery('/api/mock-interviews/slots', { specialtyId: specialtyId || undefined, kind: kind || undefined }), { signal }),
    placeholderData: (previous) => previous,
  })
}

export const useMyMocks = () => useQuery({ queryKey: mockKeys.mine, queryFn: ({ signal }) => api<StudentMocks>('/api/mock-interviews/mine', { signal }) })
export const useInterviewerSlots = () =>
  useQuery({ queryKey: mockKeys.interviewing, queryFn: ({ signal }) => api<InterviewerSlots>('/api/mock-interviews/interviewing', { signal }) })
export const useBooking = (id: string) => useQuery({ queryKey: mockKeys.booking(id), queryFn: ({ signal }) => api<BookingView>(bookingPath(id), { signal }) })
export const useQuestionBank = (specialtyId: string) =>
  useQuery({
    queryKey: mockKeys.questions(specialtyId),
    queryFn: ({ signal }) => api<QuestionBank>(withQuery('/api/mock-interviews/questions', { specialtyId: specialtyId || undefined }), { signal }),
  })
export const useInterviewerReport = () =>
  useQuery({ queryKey: mockKeys.interviewers, queryFn: ({ signal }) => api<InterviewerReport>('/api/mock-interviews/interviewers', { signal }) })
export const useSchool = () =>
  useQuery({ queryKey: mockKeys.school, queryFn: ({ signal }) => api<MockInterviewSchool>('/api/mock-interviews/school', { signal }) })

export const useRubricEditor = () =>
  useQuery({ queryKey: mockKeys.rubric, queryFn: ({ signal }) => api<RubricEditor>('/api/mock-interviews/rubric', { signal }) })
export const useQuestionBankEditor = () =>
  useQuery({ queryKey: mockKeys.questionBank, queryFn: ({ signal }) => api<QuestionBankEditor>('/api/mock-interviews/question-bank', { signal }) })
export const useStudentMocks = (personId: string) =>
  useQuery({
    queryKey: mockKeys.student(personId),
    queryFn: ({ signal }) => api<StudentMocks>(`/api/mock-interviews/students/${encodeURIComponent(personId)}`, { signal }),
  })

/** Any change refreshes what is cached about mock interviews (a booking moves a slot and a limit). */
function useMockMutation<TInput, TOutput>(request: (input: TInput) => Promise<TOutput>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () => client.invalidateQueries({ queryKey: mockKeys.all }),
  })
}

export const useBook = () =>
  useMockMutation((slotId: string) => api<BookingView>(`/api/mock-interviews/slots/${encodeURIComponent(slotId)}/book`, { method: 'POST' }))
export const useCancelBooking = () => useMockMutation((id: string) => api<BookingView>(bookingPath(id, 'cancel'), { method: 'POST' }))
export const useSaveScores = (id: string) =>
  useMockMutation((input: ScoresInput) => api<BookingView>(bookingPath(id, 'scores'), { method: 'PUT', json: input }))
export const usePublishSlot = () => useMockMutation((input: SlotInput) => api<SlotView>('/api/mock-interviews/slots', { method: 'POST', json: input }))
export const useWithdrawSlot = () =>
  useMockMutation((slotId: string) => api<{ ok: true }>(`/api/mock-interviews/slots/${encodeURIComponent(slotId)}/cancel`, { method: 'POST' }))

export const useSaveSchool = () =>
  useMockMutation((input: MockInterviewSchool) => api<MockInterviewSchool>('/api/mock-interviews/school', { method: 'PUT', json: input }))
export const useCreateQuestion = () =>
  useMockMutation((input: QuestionInput) => api<QuestionView>('/api/mock-interviews/questions', { method: 'POST', json: input }))
export const useUpdateQuestion = () =>
  useMockMutation(({ id, input }: { id: string; input: QuestionInput }) =>
    api<QuestionView>(`/api/mock-interviews/questions/${encodeURIComponent(id)}`, { method: 'PUT', json: input }),
  )

export type KindFilter = MockInterviewKind | ''
