import { useQuery } from '@tanstack/react-query'
import type { AttachedDocumentText, StudentExperienceList } from '#shared/contracts/opportunities.ts'
import { api } from '../../api/client.ts'

/** A student's experience record as their advisor or the office reads it (each read audited on the server). */
export const useStudentExperiences = (personId: string) =>
  useQuery({
    queryKey: ['experiences', 'student', personId],
    queryFn: ({ signal }) => api<StudentExperienceList>(`/api/experiences/students/${encodeURIComponent(personId)}`, { signal }),
  })

/** The document version a student sent with their application, for the poster (audited on the server). */
export const useApplicationDocument = (applicationId: string) =>
  useQuery({
    queryKey: ['opportunities', 'application-document', applicationId],
    queryFn: ({ signal }) => api<AttachedDocumentText>(`/api/opportunity-applications/${encodeURIComponent(applicationId)}/document`, { signal }),
  })
